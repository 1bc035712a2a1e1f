"""2, 3, 5, 6: hostile responses, no duplicate writes, concurrency, and where the token may go."""

from __future__ import annotations

import asyncio
import json
import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from hostile_support import COUNTS, TOKEN, assert_clean, secret

import prolific
from prolific import AsyncProlific, Prolific, RetryPolicy, generate_credentials
from prolific.testing import FakeProlific

CREATE = "/api/v1/credentials/"


def client_for(url: str, *, max_retries: int = 2, **kwargs: object) -> Prolific:
    """A client with backoffs of a few ms (Retry-After values are still honoured)."""
    policy = RetryPolicy(max_retries=max_retries, initial_delay=0.001, max_delay=0.01)
    return Prolific(token=TOKEN, base_url=url, retry_policy=policy, **kwargs)  # type: ignore[arg-type]


def create(client: Prolific) -> str:
    return client.credentials.create_pool(workspace_id="ws", credentials=f"alice,{secret('hostile-SECRET-pw')}")


# -- 2. hostile responses ---------------------------------------------------------------------

HOSTILE_BODIES: list[tuple[int, object, type[Exception]]] = [
    (502, "<html><body><h1>502 Bad Gateway</h1>nginx</body></html>", prolific.ServerError),
    (500, b"\x00\xff not json at all", prolific.ServerError),
    (409, {"unexpected": ["shape"]}, prolific.ConflictError),
    (400, ["a", "list", "body"], prolific.BadRequestError),
    (404, "", prolific.NotFoundError),
    (499, {"error": {"detail": "client closed"}}, prolific.APIStatusError),
    (520, "<html>Cloudflare: unknown error</html>", prolific.ServerError),
    (599, b"", prolific.ServerError),
    (201, "<html>a captive portal</html>", prolific.APIResponseValidationError),
    (201, "", prolific.APIResponseValidationError),
    (201, {"credential_pool_id": 12345}, prolific.APIResponseValidationError),
    (201, {"wrong": "shape"}, prolific.APIResponseValidationError),
    (201, [1, 2], prolific.APIResponseValidationError),
    (200, {"credential_pool_id": "undocumented status"}, prolific.APIResponseValidationError),
]


@pytest.mark.parametrize(("status", "body", "cls"), HOSTILE_BODIES)
def test_hostile_body_gives_documented_class_without_retry(
    fake: FakeProlific, sleeps: list[float], status: int, body: object, cls: type
) -> None:
    fake.fail_next(status, body=body, apply=True)
    with fake.serve() as url, client_for(url, max_retries=3) as client, pytest.raises(cls) as info:
        create(client)
    assert sleeps == []  # raised at once: no backoff
    assert len(fake.requests) == 1  # a write that may have been applied is never repeated
    assert len(fake.pools) == 1  # ...and it was applied exactly once
    assert_clean(str(info.value), repr(info.value))


def test_stall_with_short_timeout(fake: FakeProlific, sleeps: list[float]) -> None:
    fake.stall_next(30)  # far longer than the timeout: only a timeout ends the call before serve() exits
    with (
        fake.serve() as url,
        client_for(url, timeout=0.5, max_retries=3) as client,
        pytest.raises(prolific.APITimeoutError, match="may or may not have been applied"),
    ):
        create(client)
    assert sleeps == []  # a read timeout may have been applied: not retried
    [record] = fake.requests  # the stalled request, cut short when serve() exited: nothing stored
    assert record.status is None and fake.pools == {}


def test_serve_returns_only_after_a_woken_handler_recorded_its_request(
    fake: FakeProlific, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The handler thread is made slow on purpose between waking and recording: on a busy machine
    # that is what the scheduler does, and serve() must still not return before the record exists.
    cut_short = fake.dispatcher.cut_short

    def slow_cut_short(*args: object) -> object:
        time.sleep(0.3)
        return cut_short(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(fake.dispatcher, "cut_short", slow_cut_short)
    fake.stall_next(30)
    with (
        fake.serve() as url,
        client_for(url, timeout=0.2, max_retries=0) as client,
        pytest.raises(prolific.APITimeoutError),
    ):
        create(client)
    [record] = fake.requests
    assert record.status is None and fake.pools == {}


@pytest.mark.parametrize("apply", [False, True])
def test_reset_after_send_is_not_retried(fake: FakeProlific, apply: bool) -> None:
    fake.drop_next(apply=apply)
    with (
        fake.serve() as url,
        client_for(url, max_retries=3) as client,
        pytest.raises(prolific.APIConnectionError) as info,
    ):
        create(client)
    assert info.value.may_have_been_applied
    assert len(fake.requests) == 1 and len(fake.pools) == int(apply)


@contextmanager
def raw_server(respond: Callable[[socket.socket], None], requests: list[bytes] | None = None) -> Iterator[str]:
    """A one-connection-at-a-time socket server on 127.0.0.1 that reads a request and runs ``respond``.

    Each request's head is appended to ``requests`` (when given).
    """
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(16)
    listener.settimeout(0.2)
    stop = threading.Event()

    def loop() -> None:
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except OSError:
                continue
            with conn:
                conn.settimeout(2)
                data = b""
                while b"\r\n\r\n" not in data:
                    chunk = conn.recv(65536)
                    if not chunk:
                        break
                    data += chunk
                head, _, rest = data.partition(b"\r\n\r\n")
                length = next(
                    (
                        int(line.split(b":")[1])
                        for line in head.split(b"\r\n")
                        if line.lower().startswith(b"content-length")
                    ),
                    0,
                )
                while len(rest) < length:
                    rest += conn.recv(65536)
                if requests is not None:
                    requests.append(head)
                respond(conn)

    thread = threading.Thread(target=loop, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}"
    finally:
        stop.set()
        thread.join(2)
        listener.close()


def truncated(conn: socket.socket) -> None:
    conn.sendall(
        b'HTTP/1.1 201 Created\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"credential_pool'
    )


def reset(conn: socket.socket) -> None:
    conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")


def garbage(conn: socket.socket) -> None:
    conn.sendall(b"SMTP READY\r\n\r\n")


@pytest.mark.parametrize(
    "respond", [truncated, reset, garbage], ids=["truncated-body", "rst-after-send", "garbage-status"]
)
def test_broken_transport(respond: Callable[[socket.socket], None], sleeps: list[float]) -> None:
    COUNTS["faults injected"] += 1
    requests: list[bytes] = []
    with (
        raw_server(respond, requests) as url,
        client_for(url, max_retries=3, timeout=2) as client,
        pytest.raises(prolific.APIConnectionError) as info,
    ):
        create(client)
    assert info.value.may_have_been_applied
    assert len(requests) == 1 and sleeps == []  # sent once, raised at once


BACKOFF = "backoff"  # the (patched, <= 10 ms) exponential backoff, not a server hint


@pytest.mark.parametrize(
    ("retry_after", "waits"),
    [
        ("86400", []),  # huge: not waited out, raised at once with .retry_after
        ("-3", [BACKOFF, BACKOFF]),  # negative: ignored, backoff
        ("soon", [BACKOFF, BACKOFF]),  # garbage: ignored, backoff
        ("Wed, 21 Oct 2015 07:28:00 GMT", [0.0, 0.0]),  # a date in the past: retry now
    ],
)
def test_retry_after_values(fake: FakeProlific, sleeps: list[float], retry_after: str, waits: list[object]) -> None:
    fake.fail_next(429, times=5, retry_after=retry_after)
    with (
        fake.serve() as url,
        client_for(url, max_retries=2) as client,
        pytest.raises(prolific.RateLimitError) as info,
    ):
        create(client)
    assert [BACKOFF if 0 < s <= 0.01 else s for s in sleeps] == waits
    assert len(fake.requests) == len(waits) + 1 and fake.pools == {}
    if retry_after == "86400":
        assert info.value.retry_after == 86400


def test_retry_after_future_date_is_honoured(fake: FakeProlific, sleeps: list[float]) -> None:
    from email.utils import formatdate

    fake.fail_next(503, retry_after=formatdate(time.time() + 40, usegmt=True))
    with fake.serve() as url, client_for(url) as client:
        create(client)
    # One wait, as long as the date says (whole seconds in the header; the test may run slowly).
    [wait] = sleeps
    assert 30 < wait <= 40
    assert len(fake.pools) == 1 and len(fake.requests) == 2


# -- 3. no duplicate writes ----------------------------------------------------------------------

CREDS = generate_credentials(10_000)
for _cred in CREDS[:50]:
    secret(_cred.password)

FAULTS: dict[str, Callable[[FakeProlific], None]] = {
    "429": lambda f: f.fail_next(429, method="PATCH", retry_after=0),
    "503+retry-after": lambda f: f.fail_next(503, method="PATCH", retry_after="0.01", times=2),
    "503-exhausts-retries": lambda f: f.fail_next(503, method="PATCH", times=3),
    "502-not-applied": lambda f: f.fail_next(502, method="PATCH"),
    "502-applied": lambda f: f.fail_next(502, method="PATCH", apply=True),
    "reset-after-send": lambda f: f.drop_next(method="PATCH"),
    "reset-after-apply": lambda f: f.drop_next(method="PATCH", apply=True),
    "timeout": lambda f: f.stall_next(5, method="PATCH"),
}


@pytest.mark.parametrize("name", list(FAULTS))
def test_upload_under_faults_stores_each_credential_once(fake: FakeProlific, name: str) -> None:
    # Let the first two batches through, then inject the fault.
    for _ in range(2):
        fake.stall_next(0, method="PATCH")
    FAULTS[name](fake)
    with fake.serve() as url, client_for(url, max_retries=2, timeout=1) as client:
        try:
            result = client.credentials.upload(CREDS, workspace_id="ws", batch_size=1_000)
        except prolific.UploadError as err:
            [pool] = fake.pools
            stored = fake.pools[pool]
            assert err.pool_id == pool
            maybe = isinstance(err.__cause__, prolific.APIError) and err.__cause__.may_have_been_applied
            # What the client reports as stored is stored; at most the failed batch more, and only
            # when the client said it may have been applied.
            assert stored[: err.uploaded] == [tuple(c) for c in CREDS[: err.uploaded]]
            assert len(stored) in ((err.uploaded, err.uploaded + 1_000) if maybe else (err.uploaded,))
            assert_clean(str(err), repr(err))
            # Resume: from what the client confirmed; a 409 means the failed batch was stored.
            try:
                client.credentials.upload(err.remaining, pool_id=pool, batch_size=1_000)
            except prolific.UploadError as again:
                assert maybe and isinstance(again.__cause__, prolific.ConflictError)
                assert len(fake.pools[pool]) == err.uploaded + 1_000  # the 409 stored nothing
                client.credentials.upload(CREDS[err.uploaded + 1_000 :], pool_id=pool, batch_size=1_000)
        else:
            pool = result.pool_id
            assert result.uploaded == len(CREDS)
        final = fake.pools[pool]
    assert final == [tuple(c) for c in CREDS]  # exact: nothing lost, nothing twice
    COUNTS["credentials uploaded"] += len(final)


# -- 5. concurrency -----------------------------------------------------------------------------


class _Rendezvous:
    """Server-side proof of concurrency: each request waits until ``parties`` requests are in flight.

    A client that serialises its requests (a blocking call on the event loop, a lock around the
    connection pool) can never gather ``parties`` requests at once, so the barrier breaks and the
    request is answered 500. ``max_in_flight`` is the most requests the server held at once
    (counted down before each answer is sent, so it never exceeds what the client had open).
    """

    def __init__(self, parties: int, refuse_first: int) -> None:
        self.barrier = threading.Barrier(parties, timeout=60)  # only a broken client waits this out
        self.lock = threading.Lock()
        self.in_flight = 0
        self.max_in_flight = 0
        self.requests = 0
        self.refused = 0
        self.refuse_first = refuse_first

    def serve(self) -> AbstractContextManager[str]:
        rendezvous = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: object) -> None:
                """Silent."""

            def do_POST(self) -> None:
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                with rendezvous.lock:
                    rendezvous.requests += 1
                    refuse = rendezvous.refused < rendezvous.refuse_first
                    rendezvous.refused += refuse
                    if not refuse:
                        rendezvous.in_flight += 1
                        rendezvous.max_in_flight = max(rendezvous.max_in_flight, rendezvous.in_flight)
                if refuse:  # makes the client retry: its async backoff must not block the loop either
                    self.answer(503, {"error": {"detail": "busy"}}, ("Retry-After", "0"))
                    return
                try:
                    rendezvous.barrier.wait()
                    status, payload = 201, {"credential_pool_id": f"{body['workspace_id']}_pool"}
                except threading.BrokenBarrierError:
                    status, payload = 500, {"error": {"detail": "fewer requests in flight than the barrier needs"}}
                with rendezvous.lock:
                    rendezvous.in_flight -= 1  # before answering: the client may reuse the connection at once
                self.answer(status, payload)

            def answer(self, status: int, payload: object, *headers: tuple[str, str]) -> None:
                data = json.dumps(payload).encode()
                self.send_response(status)
                for name, value in (("Content-Type", "application/json"), *headers):
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        return _serving(_Server(("127.0.0.1", 0), Handler))


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 256  # the default 5 would refuse most of 50 simultaneous connects


@contextmanager
def _serving(server: ThreadingHTTPServer) -> Iterator[str]:
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.01}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


async def test_200_concurrent_tasks_one_client(sleeps: list[float]) -> None:
    # 200 tasks, 50 connections (the client's limit): 4 rounds of exactly 50 requests held at once.
    # The first 10 requests get a 503 and are retried after an asyncio backoff.
    rendezvous = _Rendezvous(parties=50, refuse_first=10)
    with rendezvous.serve() as url:
        async with AsyncProlific(token=TOKEN, base_url=url) as client:
            pools = await asyncio.gather(
                *(client.credentials.create_pool(workspace_id=f"ws{i}", credentials=f"u{i},pw-{i}") for i in range(200))
            )
    assert pools == [f"ws{i}_pool" for i in range(200)]
    assert rendezvous.requests == 210 and rendezvous.refused == 10
    # Concurrency reached the client's connection limit (50) and did not go past it: the other
    # tasks queued in the client instead of opening 200 connections.
    assert rendezvous.max_in_flight == 50
    assert sleeps == []  # and the `sleeps` fixture fails the test if time.sleep ran inside the event loop
    COUNTS["concurrent tasks"] += 200


# -- 6. where the token may go ---------------------------------------------------------------------


@pytest.mark.parametrize("url", ["http://api.prolific.com", "http://192.168.1.10:8000", "http://evil.example"])
def test_plain_http_refused_for_argument_and_env(url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(prolific.ConfigurationError, match="unencrypted") as info:
        Prolific(token=TOKEN, base_url=url)
    assert_clean(str(info.value))
    monkeypatch.setenv("PROLIFIC_URL", url)
    with pytest.raises(prolific.ConfigurationError, match="PROLIFIC_URL"):
        Prolific(token=TOKEN)


@pytest.mark.parametrize("url", ["http://127.0.0.1:9", "http://localhost:9", "http://[::1]:9"])
def test_loopback_http_allowed(url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    Prolific(token=TOKEN, base_url=url).close()
    monkeypatch.setenv("PROLIFIC_URL", url)
    Prolific(token=TOKEN).close()


@pytest.mark.parametrize("status", [301, 302, 307, 308])
def test_redirects_are_not_followed_and_the_other_host_gets_nothing(fake: FakeProlific, status: int) -> None:
    other = FakeProlific()
    with other.serve() as elsewhere, fake.serve() as url:
        target = elsewhere + CREATE
        fake.fail_next(status, headers={"Location": target}, body=b"")
        with client_for(url, max_retries=3) as client, pytest.raises(prolific.APIStatusError) as info:
            create(client)
    assert info.value.status_code == status and target in str(info.value)
    assert other.requests == []
    assert len(fake.requests) == 1
