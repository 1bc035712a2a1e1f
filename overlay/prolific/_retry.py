"""The one retry policy.

Every operation this package sends is a non-idempotent write, so a request is repeated only when
it certainly was not applied: the connection failed before the request was sent, or the API said
429 (rate limited) or 503 (unavailable) — statuses Prolific returns without acting. A 500, 502,
504, a read timeout or a connection dropped after sending may have been applied and is raised at
once, saying so.
"""

from __future__ import annotations

import email.utils
import logging
import random
import time
from dataclasses import dataclass, field

import httpx

from ._errors import APIConnectionError, APIError, APIStatusError, RateLimitError

logger = logging.getLogger("prolific")

RETRY_STATUSES = frozenset({429, 503})
# Exceptions raised before any byte of the request left this machine.
NOT_SENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)


def parse_retry_after(value: str | None, *, now: float | None = None) -> float | None:
    """Seconds to wait from a ``Retry-After`` header (delta-seconds or HTTP-date); None if unusable.

    >>> parse_retry_after("2")
    2.0
    >>> parse_retry_after("-5") is None
    True
    >>> parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT", now=1445412470.0)
    10.0
    """
    if value is None:
        return None
    value = value.strip()
    try:
        seconds = float(value)
    except ValueError:
        try:
            when = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError):
            return None
        if when is None:
            return None
        seconds = when.timestamp() - (time.time() if now is None else now)
        return max(0.0, seconds)
    if seconds != seconds or seconds < 0 or seconds == float("inf"):  # NaN, negative, inf
        return None
    return seconds


@dataclass(frozen=True)
class RetryPolicy:
    """How often and how long to wait. ``max_retries=0`` disables retrying.

    Backoff: ``initial_delay * 2**n`` with full jitter, at most ``max_delay``. A ``Retry-After``
    up to ``max_retry_after`` seconds is honoured as given; a longer one is not waited out (the
    error is raised, carrying ``retry_after``), so a call never blocks for minutes.
    """

    max_retries: int = 2
    initial_delay: float = 0.5
    max_delay: float = 8.0
    max_retry_after: float = 60.0
    jitter: random.Random = field(default_factory=random.Random, compare=False, repr=False)

    def backoff(self, retry_number: int) -> float:
        """Delay before retry number ``retry_number`` (1-based) when the server gave no hint."""
        ceiling = min(self.max_delay, self.initial_delay * (2.0 ** (retry_number - 1)))
        return ceiling * (0.5 + self.jitter.random() / 2)

    def delay_for(self, error: APIError, retry_number: int) -> float | None:
        """Seconds to wait before retrying after ``error``, or None when it must not be retried."""
        if retry_number > self.max_retries:
            return None
        if isinstance(error, APIStatusError):
            if error.status_code not in RETRY_STATUSES:
                return None
            hinted = parse_retry_after(error.response.headers.get("retry-after"))
            if hinted is not None:
                if hinted > self.max_retry_after:
                    return None
                return hinted
            return self.backoff(retry_number)
        if isinstance(error, APIConnectionError) and not error.may_have_been_applied:
            return self.backoff(retry_number)
        return None


class Attempts:
    """Retry bookkeeping for one call; the sync and async clients share it, only sleeping differs.

    ``next_delay(error)`` returns the seconds to sleep before the next attempt, or raises ``error``
    (with a note when retries ran out) when there is to be no next attempt.
    """

    def __init__(self, policy: RetryPolicy, method: str, path: str) -> None:
        self.policy = policy
        self.method = method
        self.path = path
        self.number = 1

    def next_delay(self, error: APIError) -> float:
        delay = self.policy.delay_for(error, self.number)
        if delay is None:
            if isinstance(error, RateLimitError):
                hinted = parse_retry_after(error.response.headers.get("retry-after"))
                error.retry_after = hinted
                if hinted is not None and hinted > self.policy.max_retry_after:
                    error.args = (f"{error.args[0]} (the API asks to wait {hinted:.0f}s before retrying)",)
            if self.number > 1:
                error.args = (f"{error.args[0]} [after {self.number} attempts]",)
            raise error
        logger.info(
            "retrying %s %s in %.2fs (attempt %d of %d): %s",
            self.method, self.path, delay, self.number + 1, self.policy.max_retries + 1, _short(error),
        )  # fmt: skip
        self.number += 1
        return delay


def _short(error: APIError) -> str:
    if isinstance(error, APIStatusError):
        return f"status {error.status_code}"
    return type(error).__name__
