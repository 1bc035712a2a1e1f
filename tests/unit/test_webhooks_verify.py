"""prolific.webhooks: verify over the raw bytes, the event log across processes, the WSGI and ASGI receivers."""

from __future__ import annotations

import asyncio
import io
import json
import multiprocessing
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from wsgiref.simple_server import WSGIRequestHandler, make_server

import httpx
import pytest

from prolific import ProlificError, WebhookVerificationError
from prolific.webhooks import (
    EventLog,
    EventType,
    WebhookEvent,
    asgi_app,
    sign,
    signed_headers,
    verify,
    wsgi_app,
)

SECRET = "whsec-SECRET-unit-8c1f44d2"
NOW = 1_800_000_000
PAYLOAD = {
    "event_type": "submission.status.change",
    "resource_id": "6540a1b2c3d4e5f607182930",
    "participant_id": "5e9b9c9b0f9c9a0001b0b1f4",
    "status": "APPROVED",
}
# As a sender may format it: no spaces, keys in its own order.
BODY = b'{"resource_id":"6540a1b2c3d4e5f607182930","event_type":"submission.status.change",' \
    b'"participant_id":"5e9b9c9b0f9c9a0001b0b1f4","status":"APPROVED"}'  # fmt: skip


def headers(body: bytes = BODY, *, stamp: int = NOW, event_id: str = "ev-1", secret: str = SECRET) -> dict[str, str]:
    return signed_headers(body, secret, timestamp=stamp, event_id=event_id)


def refused(body: bytes, given: Any, secret: str = SECRET, **kwargs: Any) -> WebhookVerificationError:
    kwargs.setdefault("now", NOW)
    with pytest.raises(WebhookVerificationError) as caught:
        verify(body, given, secret, **kwargs)
    return caught.value


# -- signatures -------------------------------------------------------------------------------------


def test_a_valid_delivery_gives_the_typed_event() -> None:
    event = verify(BODY, headers(), SECRET, now=NOW + 10)
    assert isinstance(event, WebhookEvent)
    assert event.event_type is EventType.SUBMISSION_STATUS_CHANGE
    assert (event.resource_id, event.status, event.participant_id) == (
        PAYLOAD["resource_id"],
        "APPROVED",
        PAYLOAD["participant_id"],
    )
    assert event.event_id == "ev-1" and event.timestamp == NOW and event.payload == PAYLOAD


def test_the_signature_is_base64_hmac_sha256_of_timestamp_then_body() -> None:
    import base64
    import hashlib
    import hmac

    expected = base64.b64encode(hmac.new(SECRET.encode(), f"{NOW}".encode() + BODY, hashlib.sha256).digest())
    assert sign(BODY, SECRET, NOW) == expected.decode()


def test_a_tampered_body_fails() -> None:
    assert refused(BODY.replace(b"APPROVED", b"REJECTED"), headers()).code == "bad_signature"


def test_a_wrong_secret_fails() -> None:
    assert refused(BODY, headers(), secret="whsec-another-one-0000").code == "bad_signature"


@pytest.mark.parametrize("position", [0, 10, -2])
def test_one_changed_signature_character_fails(position: int) -> None:
    given = headers()
    signature = given["X-Prolific-Request-Signature"]
    changed = "A" if signature[position] != "A" else "B"
    given["X-Prolific-Request-Signature"] = signature[:position] + changed + signature[position:][1:]
    assert given["X-Prolific-Request-Signature"] != signature
    assert refused(BODY, given).code == "bad_signature"


def test_the_same_json_re_encoded_with_other_spacing_fails() -> None:
    re_encoded = json.dumps(json.loads(BODY)).encode()  # what Prolific's example verifies
    assert re_encoded != BODY and json.loads(re_encoded) == json.loads(BODY)
    assert refused(re_encoded, headers()).code == "bad_signature"


def test_old_and_future_timestamps_fail_and_tolerance_none_turns_the_window_off() -> None:
    old = refused(BODY, headers(stamp=NOW - 301))
    future = refused(BODY, headers(stamp=NOW + 301))
    assert old.code == future.code == "outside_window"
    assert "ago" in str(old) and "future" in str(future)
    assert verify(BODY, headers(stamp=NOW - 300), SECRET, now=NOW).status == "APPROVED"
    assert verify(BODY, headers(stamp=NOW - 86_400), SECRET, now=NOW, tolerance=None).status == "APPROVED"
    assert refused(BODY, headers(stamp=NOW - 11), tolerance=10).code == "outside_window"


def test_a_changed_timestamp_breaks_the_signature() -> None:
    given = headers()
    given["X-Prolific-Request-Timestamp"] = str(NOW + 1)
    assert refused(BODY, given).code == "bad_signature"


@pytest.mark.parametrize("missing", ["X-Prolific-Request-Signature", "X-Prolific-Request-Timestamp"])
def test_a_missing_header_is_named(missing: str) -> None:
    given = headers()
    del given[missing]
    error = refused(BODY, given)
    assert error.code == "missing_header" and missing in str(error)


def test_header_names_in_any_case_and_as_bytes_pairs() -> None:
    lower = {name.lower(): value for name, value in headers().items()}
    upper = {name.upper(): value for name, value in headers().items()}
    pairs = [(name.lower().encode(), value.encode()) for name, value in headers().items()]
    for given in (lower, upper, pairs, httpx.Headers(headers())):
        event = verify(BODY, given, SECRET, now=NOW)
        assert event.event_id == "ev-1" and event.status == "APPROVED"


def test_a_timestamp_that_is_not_seconds_and_a_body_that_is_not_json() -> None:
    given = headers()
    given["X-Prolific-Request-Timestamp"] = "2026-12-03T10:00:00Z"
    assert refused(BODY, given).code == "bad_timestamp"
    assert refused(b"not json", headers(b"not json")).code == "not_json"
    assert refused(b"[1, 2]", headers(b"[1, 2]")).code == "not_json"


def test_every_failure_is_a_prolific_error_and_no_output_holds_the_secret_or_the_signature() -> None:
    expected = sign(BODY, SECRET, NOW)
    wrong = headers(secret="whsec-another-one-0000")
    cases = [
        refused(BODY, wrong),
        refused(BODY.replace(b"APPROVED", b"RETURNED"), headers()),
        refused(BODY, headers(stamp=NOW - 999)),
        refused(BODY, headers(stamp=NOW + 999)),
        refused(BODY, {"x-prolific-request-timestamp": str(NOW)}),
        refused(b"{", headers(b"{")),
    ]
    event = verify(BODY, headers(), SECRET, now=NOW)
    app = wsgi_app(print, secret=SECRET)
    texts = [str(e) for e in cases] + [repr(e) for e in cases] + [repr(event), str(event.to_dict()), repr(app)]
    texts.append(repr(asgi_app(print, secret=SECRET)))
    for error in cases:
        assert isinstance(error, ProlificError)
    for text in texts:
        assert SECRET not in text and expected not in text, text


# -- the event log ------------------------------------------------------------------------------------


def _claim(path: str, ids: list[str], start: Any, results: Any) -> None:
    log = EventLog(path)
    start.wait()
    granted = [log.claim(event_id) for event_id in ids]
    results.put([claim.event.removeprefix("id:") for claim in granted if claim.granted and log.done(claim)])
    log.close()


def test_the_event_log_lets_exactly_one_process_handle_each_event(tmp_path: Path) -> None:
    path = str(tmp_path / "events.sqlite3")
    EventLog(path).close()  # the schema exists before the race
    ids = [f"ev-{n}" for n in range(40)]
    context = multiprocessing.get_context("spawn")
    start, results = context.Event(), context.Queue()
    workers = [context.Process(target=_claim, args=(path, ids, start, results)) for _ in range(4)]
    for worker in workers:
        worker.start()
    start.set()
    claimed = [results.get(timeout=60) for _ in workers]
    for worker in workers:
        worker.join(timeout=60)
        assert worker.exitcode == 0
    everything = [event_id for mine in claimed for event_id in mine]
    assert sorted(everything) == sorted(ids)  # each id handled by exactly one process
    with EventLog(path) as log:
        assert len(log) == 40 and not log.claim("ev-7").granted
        record = log.state("ev-7")
        assert record is not None and record.state == "handled" and record.attempts == 1


def test_release_lets_a_failed_event_be_handled_again(tmp_path: Path) -> None:
    with EventLog(tmp_path / "e.sqlite3") as log:
        first = log.claim("ev-1")
        assert first.granted and log.release(first)
        again = log.claim("ev-1")
        assert again.granted and log.done(again) and not log.claim("ev-1").granted
        with pytest.raises(ValueError):
            log.claim("")


# -- WSGI (stdlib wsgiref) and ASGI (a plain call) ------------------------------------------------


class _Quiet(WSGIRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture
def wsgi_receiver(tmp_path: Path) -> Iterator[tuple[str, list[WebhookEvent], list[WebhookVerificationError]]]:
    handled: list[WebhookEvent] = []
    refusals: list[WebhookVerificationError] = []
    app = wsgi_app(handled.append, secret=SECRET, event_log=tmp_path / "events.sqlite3", on_refused=refusals.append)
    server = make_server("127.0.0.1", 0, app, handler_class=_Quiet)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.01}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/", handled, refusals
    finally:
        server.shutdown()
        server.server_close()
        assert app.event_log is not None
        app.event_log.close()


def test_wsgi_app_verifies_dedupes_and_refuses_with_nothing_for_a_forger(wsgi_receiver: Any) -> None:
    url, handled, refusals = wsgi_receiver
    now = int(__import__("time").time())
    good = headers(stamp=now, event_id="ev-w1")
    first = httpx.post(url, content=BODY, headers=good)
    again = httpx.post(url, content=BODY, headers=good)
    forged = httpx.post(url, content=BODY, headers=headers(stamp=now, secret="whsec-forger-123456"))
    no_header = httpx.post(url, content=BODY, headers={"Content-Type": "application/json"})
    get = httpx.get(url)
    assert [first.status_code, again.status_code, forged.status_code, no_header.status_code, get.status_code] == [
        200,
        200,
        401,
        400,
        405,
    ]
    assert [e.event_id for e in handled] == ["ev-w1"]  # the redelivery was not handled again
    assert forged.text == "unauthorized\n" and no_header.text == "bad request\n"  # no reason for the forger
    assert [r.code for r in refusals] == ["bad_signature", "missing_header"]


def test_wsgi_app_answers_500_when_the_handler_fails_and_handles_the_redelivery(tmp_path: Path) -> None:
    calls: list[str | None] = []

    def flaky(event: WebhookEvent) -> None:
        calls.append(event.event_id)
        if len(calls) == 1:
            raise RuntimeError("database down")

    app = wsgi_app(flaky, secret=SECRET, event_log=EventLog(tmp_path / "e.sqlite3"), tolerance=None)

    def post() -> str:
        environ: dict[str, Any] = {
            "REQUEST_METHOD": "POST",
            "CONTENT_LENGTH": str(len(BODY)),
            "wsgi.input": io.BytesIO(BODY),
        }
        for name, value in headers().items():
            environ["HTTP_" + name.upper().replace("-", "_")] = value
        statuses: list[str] = []
        app(environ, lambda status, _headers: statuses.append(status))
        return statuses[0]

    assert [post(), post(), post()] == ["500 Internal Server Error", "200 OK", "200 OK"]
    assert calls == ["ev-1", "ev-1"]


def _asgi_call(app: Any, body: bytes, given: list[tuple[bytes, bytes]], method: str = "POST") -> tuple[int, bytes]:
    sent: list[dict[str, Any]] = []
    chunks = [body[: len(body) // 2], body[len(body) // 2 :]]

    async def receive() -> dict[str, Any]:
        chunk = chunks.pop(0) if chunks else b""
        return {"type": "http.request", "body": chunk, "more_body": bool(chunks)}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    asyncio.run(app({"type": "http", "method": method, "headers": given}, receive, send))
    return sent[0]["status"], sent[1]["body"]


def test_asgi_app_with_an_async_handler_dedupes_and_refuses(tmp_path: Path) -> None:
    handled: list[WebhookEvent] = []

    async def handle(event: WebhookEvent) -> None:
        handled.append(event)

    app = asgi_app(handle, secret=SECRET, event_log=tmp_path / "e.sqlite3", tolerance=None)
    good = [(k.lower().encode(), v.encode()) for k, v in headers().items()]
    forged = [(k.lower().encode(), v.encode()) for k, v in headers(secret="whsec-forger-123456").items()]
    assert _asgi_call(app, BODY, good) == (200, b"ok\n")
    assert _asgi_call(app, BODY, good) == (200, b"duplicate\n")
    assert _asgi_call(app, BODY, forged) == (401, b"unauthorized\n")
    assert _asgi_call(app, BODY, good, method="GET")[0] == 405
    assert [e.event_id for e in handled] == ["ev-1"]
