"""HTTP facts the errors and the retries both need (standard library only: ``import prolific`` stays cheap)."""

from __future__ import annotations

import time

#: Methods whose repetition changes nothing more than the first request did.
IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "PUT", "DELETE", "OPTIONS"})


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
        import email.utils  # only for the rare HTTP-date form: `import prolific` stays cheap

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


def is_idempotent(method: str) -> bool:
    """Whether repeating a request with this method cannot change anything more than once.

    >>> is_idempotent("get"), is_idempotent("PATCH")
    (True, False)
    """
    return method.upper() in IDEMPOTENT_METHODS
