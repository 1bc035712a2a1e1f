"""The retry policy by HTTP method, its waits, and the transports that apply it (MockTransport: no network)."""

from __future__ import annotations

import asyncio
import logging
import random

import httpx
import pytest

from prolific import RetryPolicy

# Private: the retry loop's parts (the transports client.api uses, Retry-After parsing, the attempt
# counter) are tested directly; the client methods' retries are tested through the clients elsewhere.
from prolific._api_client import AsyncRetryTransport, RetryTransport
from prolific._http import parse_retry_after
from prolific._retry import Attempts

POLICY = RetryPolicy(max_retries=2, jitter=random.Random(0))
IDEMPOTENT = ["GET", "HEAD", "PUT", "DELETE", "OPTIONS"]
WRITES = ["POST", "PATCH"]


@pytest.mark.parametrize("method", IDEMPOTENT)
@pytest.mark.parametrize("status", [429, 500, 502, 503, 504])
def test_idempotent_methods_retry_server_errors_and_rate_limits(method: str, status: int) -> None:
    assert POLICY.retries(method, status=status)


@pytest.mark.parametrize("method", [*IDEMPOTENT, *WRITES])
@pytest.mark.parametrize("status", [200, 204, 302, 400, 401, 403, 404, 409, 422, 499, 501, 520, 599])
def test_nothing_else_is_retried(method: str, status: int) -> None:
    assert not POLICY.retries(method, status=status)


@pytest.mark.parametrize("method", WRITES)
def test_writes_retry_only_what_was_certainly_not_applied(method: str) -> None:
    assert POLICY.retries(method, status=429) and POLICY.retries(method, status=503)
    for status in (500, 502, 504):
        assert not POLICY.retries(method, status=status)
    request = httpx.Request(method, "https://api.prolific.com/x/")
    assert POLICY.retries(method, error=httpx.ConnectError("refused", request=request))
    assert POLICY.retries(method, error=httpx.ConnectTimeout("slow", request=request))
    assert not POLICY.retries(method, error=httpx.ReadTimeout("stalled", request=request))
    assert not POLICY.retries(method, error=httpx.RemoteProtocolError("dropped", request=request))


@pytest.mark.parametrize("method", IDEMPOTENT)
def test_idempotent_methods_retry_any_transport_error(method: str) -> None:
    request = httpx.Request(method, "https://api.prolific.com/x/")
    for error in (httpx.ReadTimeout("t", request=request), httpx.RemoteProtocolError("d", request=request)):
        assert POLICY.retries(method, error=error)
    assert not POLICY.retries(method, error=ValueError("not a transport error"))


def test_the_policy_refuses_nonsense() -> None:
    for bad in ({"max_retries": -1}, {"max_retries": True}, {"initial_delay": -1}, {"max_delay": "1"}):
        with pytest.raises(ValueError, match="RetryPolicy"):
            RetryPolicy(**bad)  # type: ignore[arg-type]


def response(status: int, retry_after: str | None = None, method: str = "GET") -> httpx.Response:
    headers = {"Retry-After": retry_after} if retry_after is not None else {}
    return httpx.Response(status, headers=headers, request=httpx.Request(method, "https://api.prolific.com/p/"))


def test_retry_after_is_honoured_up_to_the_limit_and_only_for_429_and_503() -> None:
    attempts = Attempts(POLICY, httpx.Request("GET", "https://api.prolific.com/p/"))
    assert attempts.after_status(response(429, "3")) == 3.0
    assert attempts.after_status(response(503, "0")) == 0.0
    attempts = Attempts(POLICY, httpx.Request("GET", "https://api.prolific.com/p/"))
    assert attempts.after_status(response(429, "86400")) is None  # not waited out: the error says so
    delay = attempts.after_status(response(502, "5"))  # a 502's Retry-After is not a promise: backoff
    assert delay is not None and delay <= POLICY.initial_delay


@pytest.mark.parametrize("value", ["-5", "soon", "", "nan", "inf", "Thu, 99 Foo 2015 07:28:00 GMT"])
def test_unusable_retry_after_falls_back_to_backoff(value: str) -> None:
    attempts = Attempts(POLICY, httpx.Request("GET", "https://api.prolific.com/p/"))
    delay = attempts.after_status(response(429, value))
    assert delay is not None and 0 <= delay <= POLICY.max_delay


def test_retry_after_http_date() -> None:
    assert parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT", now=1445412470.0) == 10.0
    assert parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT", now=1445412490.0) == 0.0  # in the past


def test_backoff_grows_and_is_capped() -> None:
    policy = RetryPolicy(max_retries=10, initial_delay=0.5, max_delay=4.0, jitter=random.Random(1))
    delays = [policy.backoff(n) for n in range(1, 8)]
    assert all(0 < d <= 4.0 for d in delays)
    assert delays[0] <= 0.5 and delays[-1] >= 2.0


def test_attempts_stop_after_max_retries_and_log_each_retry(caplog: pytest.LogCaptureFixture) -> None:
    attempts = Attempts(RetryPolicy(max_retries=1, jitter=random.Random(0)), httpx.Request("GET", "https://h/p/"))
    with caplog.at_level(logging.INFO, logger="prolific"):
        assert attempts.after_status(response(503, "1")) == 1.0
        assert attempts.after_status(response(503, "1")) is None
    records = [r for r in caplog.records if r.name == "prolific" and r.levelno == logging.INFO]
    assert len(records) == 1 and "retrying GET /p/" in records[0].getMessage()
    assert RetryPolicy(max_retries=0).retries("GET", status=503)  # the policy would ...
    zero = Attempts(RetryPolicy(max_retries=0), httpx.Request("GET", "https://h/p/"))
    assert zero.after_status(response(503)) is None  # ... but zero retries are allowed


# --- the transports ------------------------------------------------------------------------------


def scripted(answers: list[int | type[Exception]]) -> tuple[httpx.MockTransport, list[str]]:
    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request.method)
        answer = answers.pop(0)
        if isinstance(answer, type):
            raise answer("scripted", request=request)  # type: ignore[call-arg]
        return httpx.Response(answer)

    return httpx.MockTransport(handler), seen


FAST = RetryPolicy(max_retries=2, initial_delay=0.0)


@pytest.mark.parametrize(
    ("method", "answers", "final", "requests"),
    [
        ("GET", [502, 200], 200, 2),
        ("DELETE", [503, 204], 204, 2),
        ("PUT", [500, 504, 200], 200, 3),
        ("GET", [502, 502, 502, 200], 502, 3),  # max_retries=2: three attempts, the last answer returned
        ("POST", [502, 201], 502, 1),
        ("PATCH", [503, 200], 200, 2),
        ("POST", [429, 201], 201, 2),
        ("GET", [404, 200], 404, 1),
    ],
)
def test_the_sync_transport_retries_by_method(method, answers, final, requests, monkeypatch) -> None:
    waits: list[float] = []
    monkeypatch.setattr("time.sleep", waits.append)
    inner, seen = scripted(list(answers))
    with httpx.Client(transport=RetryTransport(inner, FAST)) as client:
        got = client.request(method, "https://api.prolific.com/p/")
    assert got.status_code == final
    assert len(seen) == requests
    assert len(waits) == requests - 1
    assert got.extensions["prolific_attempts"] == requests


def test_the_sync_transport_retries_a_get_that_timed_out_but_not_a_post(monkeypatch) -> None:
    monkeypatch.setattr("time.sleep", lambda s: None)
    inner, seen = scripted([httpx.ReadTimeout, 200])
    with httpx.Client(transport=RetryTransport(inner, FAST)) as client:
        assert client.get("https://api.prolific.com/p/").status_code == 200
    assert seen == ["GET", "GET"]
    inner, seen = scripted([httpx.ReadTimeout, 201])
    with httpx.Client(transport=RetryTransport(inner, FAST)) as client, pytest.raises(httpx.ReadTimeout):
        client.post("https://api.prolific.com/p/")
    assert seen == ["POST"]
    inner, seen = scripted([httpx.ConnectError, httpx.ConnectError, httpx.ConnectError])
    with httpx.Client(transport=RetryTransport(inner, FAST)) as client, pytest.raises(httpx.ConnectError):
        client.post("https://api.prolific.com/p/")
    assert seen == ["POST"] * 3


async def test_the_async_transport_awaits_its_waits_and_never_blocks(monkeypatch) -> None:
    blocking: list[float] = []
    awaited: list[float] = []
    real_sleep = asyncio.sleep

    async def sleep(seconds: float) -> None:
        awaited.append(seconds)
        await real_sleep(0)

    monkeypatch.setattr("time.sleep", blocking.append)
    monkeypatch.setattr(asyncio, "sleep", sleep)
    policy = RetryPolicy(max_retries=2, initial_delay=0.25, jitter=random.Random(0))
    inner, seen = scripted([503, httpx.ReadTimeout, 200])
    async with httpx.AsyncClient(transport=AsyncRetryTransport(inner, policy)) as client:
        got = await client.get("https://api.prolific.com/p/")
    assert got.status_code == 200 and len(seen) == 3
    assert len(awaited) == 2 and all(0 < s <= 0.5 for s in awaited)
    assert blocking == []


def test_a_response_that_is_retried_is_closed(monkeypatch) -> None:
    monkeypatch.setattr("time.sleep", lambda s: None)
    closed: list[int] = []

    class Tracked(httpx.ByteStream):
        def close(self) -> None:
            closed.append(1)

    answers = iter([503, 200])

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(next(answers), stream=Tracked(b"body"))

    with httpx.Client(transport=RetryTransport(httpx.MockTransport(handler), FAST)) as client:
        client.get("https://api.prolific.com/p/")
    assert closed  # the 503 was closed before the retry
