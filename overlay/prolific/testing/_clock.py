"""The fake's clock: the time it stamps on what it records, moved only when a test (or a shell) says so.

Prolific's life runs on time: a participant times out after the study's ``maximum_allowed_time``, a
bonus shows in the record "in the following minutes". A fake that read the machine's clock would make
tests that wait (slow) or race (flaky). This clock starts at the real time, to the second, when the
fake is made, and then stands still until :meth:`FakeClock.advance` (``fake.advance(seconds)``, or
``POST /__fake__/clock`` over HTTP) moves it; each move runs what became due (time-outs, bonus
settlements) before it returns.
"""

from __future__ import annotations

import math
import threading
from collections.abc import Callable
from datetime import UTC, datetime, timedelta


def iso(moment: datetime) -> str:
    """``moment`` in ISO 8601 (UTC, ``Z``), as the API writes times."""
    return moment.astimezone(UTC).isoformat().replace("+00:00", "Z")


def parse_iso(text: str) -> datetime:
    """The datetime of an ISO 8601 text the fake wrote (``...Z``)."""
    return datetime.fromisoformat(text)


class FakeClock:
    """What time it is for a :class:`~prolific.testing.FakeProlific`: it moves only when advanced.

    >>> from datetime import datetime, UTC
    >>> clock = FakeClock(datetime(2030, 1, 1, 9, 0, tzinfo=UTC))
    >>> clock.iso()
    '2030-01-01T09:00:00Z'
    >>> clock.advance(90).isoformat()
    '2030-01-01T09:01:30+00:00'
    >>> clock.advanced
    90.0
    """

    def __init__(self, start: datetime | None = None, lock: threading.RLock | None = None) -> None:
        """Start at ``start`` (an aware datetime; default: now, to the second, UTC)."""
        if start is None:
            start = datetime.now(UTC).replace(microsecond=0)
        elif start.tzinfo is None:
            raise ValueError("start must be an aware datetime (e.g. datetime(2030, 1, 1, tzinfo=UTC))")
        self._start = start.astimezone(UTC)
        self._offset = 0.0
        self._lock = lock if lock is not None else threading.RLock()
        #: Run after each advance, in order, under the lock: each applies what became due.
        self.listeners: list[Callable[[datetime], None]] = []

    def __repr__(self) -> str:
        return f"FakeClock({self.iso()}, advanced={self._offset:g}s)"

    def now(self) -> datetime:
        """The fake's current time (aware, UTC)."""
        return self._start + timedelta(seconds=self._offset)

    def iso(self) -> str:
        """The fake's current time in ISO 8601, as the API writes it (``2030-01-01T09:00:00Z``)."""
        return iso(self.now())

    @property
    def advanced(self) -> float:
        """How many seconds the clock was moved since the fake was made."""
        return self._offset

    def advance(self, seconds: float) -> datetime:
        """Move the clock ``seconds`` (>= 0) forward, run what became due, and return the new time."""
        if isinstance(seconds, bool) or not isinstance(seconds, int | float) or not math.isfinite(seconds):
            raise ValueError(f"seconds must be a number >= 0, not {seconds!r}")
        if seconds < 0:
            raise ValueError(f"the fake's clock only moves forward: seconds must be >= 0, not {seconds!r}")
        with self._lock:
            self._offset += float(seconds)
            moment = self.now()
            for listener in self.listeners:
                listener(moment)
            return moment

    def reset(self) -> None:
        """Back to the time the clock started at (``fake.reset()``)."""
        with self._lock:
            self._offset = 0.0
