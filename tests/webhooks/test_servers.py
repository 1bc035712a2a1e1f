"""The receivers under real servers on 127.0.0.1: chunked bodies, 413 over ``max_body``, and one slow sender that
does not hold up another (``webhooks listen``). Asserted on answers and open sockets, never on durations."""

from __future__ import annotations

import http.client
import json
import socket
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from receivers import SECRET, Listener, Reply, Server, body_for, gunicorn, headers_for, listen, uvicorn

#: Over the receivers' 1 MiB ``max_body``: what a broken or hostile sender might post.
HUGE = 10 * 1024 * 1024


@pytest.fixture(scope="module")
def servers(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, tuple[int, Path]]]:
    """gunicorn (WSGI, 2 workers), uvicorn (ASGI) and ``webhooks listen``, each with its event log: name -> port."""
    root = tmp_path_factory.mktemp("servers")
    started: list[Server] = []
    listener: Listener | None = None
    try:
        started.append(gunicorn(root / "gunicorn", root / "gunicorn.sqlite3", workers=2))
        started.append(uvicorn(root / "uvicorn", root / "uvicorn.sqlite3"))
        listener = listen(root / "listen.sqlite3", "--read-timeout", "30")
        yield {
            "gunicorn": (started[0].port, started[0].traces.dir),
            "uvicorn": (started[1].port, started[1].traces.dir),
            "listen": (listener.port, root),
        }
    finally:
        for server in started:
            server.stop()
        if listener is not None:
            listener.stop()


def _url(port: int) -> str:
    return f"http://127.0.0.1:{port}/"


def _post_all_then_read(port: int, body: bytes, headers: dict[str, str], *, chunked: bool = False) -> Reply:
    """POST as a plain sender does (``http.client``): the whole body is written before the answer is read.

    Against a server that closes the connection without reading the body, the writing fails with a broken
    pipe or a reset, and the sender never sees the 413 (httpx would mask it: it reads the answer anyway).
    """
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        if chunked:
            pieces = (body[i : i + 65536] for i in range(0, len(body), 65536))
            connection.request("POST", "/", pieces, headers, encode_chunked=True)
        else:
            connection.request("POST", "/", body, headers)
        response = connection.getresponse()
        return Reply(response.status, {k.lower(): v for k, v in response.getheaders()}, response.read())
    finally:
        connection.close()


@pytest.mark.parametrize("name", ["gunicorn", "uvicorn", "listen"])
def test_over_max_body_is_a_clean_413_on_every_server(servers: dict[str, tuple[int, Path]], name: str) -> None:
    port, _ = servers[name]
    body = b"{" + b" " * HUGE + b"}"
    declared = _post_all_then_read(port, body, headers_for(body, "ev-huge"))
    chunked = _post_all_then_read(port, body, headers_for(body, "ev-huge-2"), chunked=True)
    assert (declared.status, declared.body) == (413, b"too large\n")
    assert (chunked.status, chunked.body) == (413, b"too large\n")
    small = body_for(f"after-413-{name}")  # the server is still fine afterwards: a genuine delivery is handled
    after = _post_all_then_read(port, small, headers_for(small, f"ev-after-413-{name}"))
    assert (after.status, after.body) == (200, b"ok\n")


@pytest.mark.parametrize("name", ["gunicorn", "listen", "uvicorn"])
def test_a_chunked_delivery_is_read_and_handled(servers: dict[str, tuple[int, Path]], name: str) -> None:
    port, traces = servers[name]
    body = body_for(f"chunked-{name}")
    pieces = [body[:10], body[10:25], body[25:]]
    with httpx.Client(timeout=60) as http:
        first = http.post(_url(port), content=iter(pieces), headers=headers_for(body, f"ev-chunked-{name}"))
        again = http.post(_url(port), content=iter(pieces), headers=headers_for(body, f"ev-chunked-{name}"))
    assert first.request.headers["transfer-encoding"] == "chunked"
    assert (first.status_code, first.text) == (200, "ok\n")
    assert (again.status_code, again.text) == (200, "duplicate\n")
    if name != "listen":  # hook_app's handler leaves a trace; listen prints the event (checked below)
        handled = (traces / "handled.log").read_text().split("\n")
        assert sum(1 for line in handled if f"chunked-{name} " in line) == 1


def _still_open(sock: socket.socket) -> bool:
    """Whether the server has neither closed nor answered ``sock`` (nothing to read, no end of stream)."""
    try:
        return sock.recv(1, socket.MSG_PEEK | socket.MSG_DONTWAIT) != b""
    except BlockingIOError:
        return True


def test_listen_answers_a_second_sender_while_a_slow_one_holds_its_connection(tmp_path: Path) -> None:
    listener = listen(tmp_path / "events.sqlite3", "--read-timeout", "120")
    slow_body = body_for("slow-sender")
    try:
        slow = socket.create_connection(("127.0.0.1", listener.port))
        headers = "".join(f"{k}: {v}\r\n" for k, v in headers_for(slow_body, "ev-slow-sender").items())
        # The request line, the headers, half the body: then nothing, as a stalled sender does.
        slow.sendall(f"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: {len(slow_body)}\r\n{headers}\r\n".encode())
        slow.sendall(slow_body[:20])
        quick = body_for("quick-sender")
        with httpx.Client(timeout=60) as http:
            answer = http.post(_url(listener.port), content=quick, headers=headers_for(quick, "ev-quick-sender"))
        assert (answer.status_code, answer.text) == (200, "ok\n")
        assert _still_open(slow), "the slow sender's connection was closed or answered before the quick one's"
        slow.sendall(slow_body[20:])  # the slow sender finishes: it gets its answer too
        slow.settimeout(60)
        reply = b""
        while b"\r\n\r\n" not in reply:
            chunk = slow.recv(4096)
            assert chunk, f"connection closed without an answer: {reply!r}"
            reply += chunk
        assert reply.startswith(b"HTTP/1.0 200") or reply.startswith(b"HTTP/1.1 200")
        slow.close()
    finally:
        out, err = listener.stop()
    printed = [json.loads(line)["event_id"] for line in out.splitlines()]
    assert printed == ["ev-quick-sender", "ev-slow-sender"]
    assert SECRET not in out + err


def test_listen_closes_a_connection_silent_longer_than_its_read_timeout(tmp_path: Path) -> None:
    listener = listen(tmp_path / "events.sqlite3", "--read-timeout", "0.2")
    try:
        silent = socket.create_connection(("127.0.0.1", listener.port))
        silent.sendall(b"POST / HTTP/1.1\r\nHost: x\r\n")  # and then nothing
        silent.settimeout(60)
        assert silent.recv(4096) == b""  # closed by the server, not answered
        silent.close()
        body = body_for("after-silence")
        reply = httpx.post(_url(listener.port), content=body, headers=headers_for(body, "ev-after-silence"), timeout=60)
        assert reply.status_code == 200
    finally:
        out, _ = listener.stop()
    assert [json.loads(line)["event_id"] for line in out.splitlines()] == ["ev-after-silence"]


def test_listen_serves_connections_at_once(tmp_path: Path) -> None:
    """Three connections opened and left half-sent: a fourth is answered (one thread per connection)."""
    listener = listen(tmp_path / "events.sqlite3", "--read-timeout", "120")
    held: list[socket.socket] = []
    try:
        for _ in range(3):
            sock = socket.create_connection(("127.0.0.1", listener.port))
            sock.sendall(b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{")
            held.append(sock)
        body = body_for("fourth")
        reply = httpx.post(_url(listener.port), content=body, headers=headers_for(body, "ev-fourth"), timeout=60)
        assert reply.status_code == 200
        assert all(_still_open(sock) for sock in held)
    finally:
        for sock in held:
            sock.close()
        listener.stop()


def test_a_timestamp_in_the_window_is_needed_even_for_a_chunked_body(servers: dict[str, tuple[int, Path]]) -> None:
    port, _ = servers["listen"]
    body = body_for("stale-chunked")
    stale = headers_for(body, "ev-stale", stamp=int(time.time()) - 3_600)
    reply = httpx.post(_url(port), content=iter([body[:5], body[5:]]), headers=stale, timeout=60)
    assert (reply.status_code, reply.text) == (401, "unauthorized\n")
