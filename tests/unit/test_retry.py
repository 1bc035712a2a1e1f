"""Which failures are retried, how often, and how long the client waits."""

from __future__ import annotations

import logging
import random

import httpx
import pytest

from prolific._errors import APIConnectionError, APITimeoutError, RateLimitError, status_error
from prolific._retry import Attempts, RetryPolicy, parse_retry_after


def err(status: int, retry_after: str | None = None):  # type: ignore[no-untyped-def]
    headers = {"Retry-After": retry_after} if retry_after is not None else {}
    request = httpx.Request("POST", "https://api.prolific.com/api/v1/credentials/")
    return status_error(httpx.Response(status, headers=headers, request=request), method="POST", path="/p/")


POLICY = RetryPolicy(max_retries=2, jitter=random.Random(0))


@pytest.mark.parametrize("status", [429, 503])
def test_retryable_statuses(status: int) -> None:
    assert POLICY.delay_for(err(status), 1) is not None
    assert POLICY.delay_for(err(status), 2) is not None
    assert POLICY.delay_for(err(status), 3) is None  # max_retries=2


@pytest.mark.parametrize("status", [400, 401, 403, 404, 409, 422, 500, 502, 504, 520, 599, 499, 302])
def test_writes_that_may_have_been_applied_are_never_retried(status: int) -> None:
    assert POLICY.delay_for(err(status), 1) is None


def test_connection_errors_before_send_are_retried_after_send_are_not() -> None:
    before = APIConnectionError("x", may_have_been_applied=False)
    after = APIConnectionError("x", may_have_been_applied=True)
    read_timeout = APITimeoutError("x", may_have_been_applied=True)
    assert POLICY.delay_for(before, 1) is not None
    assert POLICY.delay_for(after, 1) is None
    assert POLICY.delay_for(read_timeout, 1) is None


def test_retry_after_seconds_is_honoured() -> None:
    assert POLICY.delay_for(err(429, "3"), 1) == 3.0
    assert POLICY.delay_for(err(503, "0"), 1) == 0.0


def test_huge_retry_after_is_not_waited_out() -> None:
    assert POLICY.delay_for(err(429, "86400"), 1) is None


@pytest.mark.parametrize("value", ["-5", "soon", "", "nan", "inf", "Thu, 99 Foo 2015 07:28:00 GMT"])
def test_unusable_retry_after_falls_back_to_backoff(value: str) -> None:
    delay = POLICY.delay_for(err(429, value), 1)
    assert delay is not None and 0 <= delay <= POLICY.max_delay


def test_retry_after_http_date() -> None:
    assert parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT", now=1445412470.0) == 10.0
    assert parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT", now=1445412490.0) == 0.0  # in the past


def test_backoff_grows_and_is_capped() -> None:
    policy = RetryPolicy(max_retries=10, initial_delay=0.5, max_delay=4.0, jitter=random.Random(1))
    delays = [policy.backoff(n) for n in range(1, 8)]
    assert all(0 < d <= 4.0 for d in delays)
    assert delays[0] <= 0.5 and delays[-1] >= 2.0


def test_zero_retries_disables() -> None:
    assert RetryPolicy(max_retries=0).delay_for(err(429), 1) is None


def test_attempts_logs_at_info_and_raises_when_done(caplog: pytest.LogCaptureFixture) -> None:
    attempts = Attempts(RetryPolicy(max_retries=1, jitter=random.Random(0)), "POST", "/api/v1/credentials/")
    with caplog.at_level(logging.INFO, logger="prolific"):
        assert attempts.next_delay(err(503, "1")) == 1.0
        with pytest.raises(Exception) as info:
            attempts.next_delay(err(503, "1"))
    assert "after 2 attempts" in str(info.value)
    records = [r for r in caplog.records if r.name == "prolific" and r.levelno == logging.INFO]
    assert len(records) == 1 and "retrying POST /api/v1/credentials/" in records[0].getMessage()


def test_rate_limit_error_carries_retry_after() -> None:
    attempts = Attempts(POLICY, "POST", "/p/")
    with pytest.raises(RateLimitError) as info:
        attempts.next_delay(err(429, "3600"))
    assert info.value.retry_after == 3600.0
    assert "3600s" in str(info.value)
