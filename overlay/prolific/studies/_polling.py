"""The polling budget of a study watch: how long to wait before asking Prolific again.

A watch asks two questions a poll (``get-study`` and ``count-study-submissions-by-status``) and
a few more only when the answer changed (the credential report, the cost, the submissions newly
awaiting review). How often it polls follows the study's activity:

* after a poll that saw a change it waits :attr:`PollingBudget.fastest` seconds (10 s, or
  ``interval`` if that is shorter): submissions are coming in;
* while nothing changes each wait doubles, up to :attr:`PollingBudget.slowest` (``interval``,
  60 s unless given): 10, 20, 40, 60, 60, ... seconds;
* a ``429 Too Many Requests`` and its ``Retry-After`` are honoured by the client's one retry
  loop (the poll is a GET: it is sent again after the wait the API asked for).

**The budget**: while nothing changes for 10 minutes, a watch with the default ``interval``
polls at most 11 times (after 10, 30, 70, 130, ... 550 s), 2 requests each, and reads the spend
again every :data:`SPEND_REFRESH` seconds (at most 2 requests more): **at most 24 requests in 10
idle minutes** (:func:`idle_requests` computes it for any ``interval``).

When a webhook receiver of this project records Prolific's events in an event log
(:class:`~prolific.webhooks.EventLog`, ``prolific-client webhooks listen``), the watch reads the
log between polls (a local read, no request) and polls at once when an event arrives; with no
event it polls only as a fallback, every :data:`EVENT_FALLBACK` seconds. The event log keeps
the ids of the events handled, not their content, so an event says "something happened", and
the poll says what.

>>> budget = PollingBudget(interval=60)
>>> [budget.wait(changed=False) for _ in range(5)]
[10.0, 20.0, 40.0, 60.0, 60.0]
>>> budget.wait(changed=True)
10.0
>>> idle_requests(interval=60)
24
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from .._errors import InvalidArgumentError

__all__ = ["DEFAULT_INTERVAL", "EVENT_FALLBACK", "FASTEST", "SPEND_REFRESH", "PollingBudget", "idle_requests"]

#: The longest wait between two polls unless ``interval=`` says otherwise (seconds).
DEFAULT_INTERVAL = 60.0
#: The shortest wait, while submissions come in (seconds); ``interval`` bounds it too.
FASTEST = 10.0
#: With an event log feeding the watch: the wait between two polls when no event arrives (seconds).
EVENT_FALLBACK = 300.0
#: The spend (``get-study-cost``) is read after each change, and at least this often (seconds):
#: bonuses paid change it without changing any count.
SPEND_REFRESH = 300.0
#: Requests of a poll: ``get-study`` and ``count-study-submissions-by-status``.
REQUESTS_PER_POLL = 2


def check_interval(interval: object) -> float:
    """``interval`` as seconds > 0, else InvalidArgumentError saying what is expected."""
    if isinstance(interval, bool) or not isinstance(interval, int | float) or not math.isfinite(interval):
        raise InvalidArgumentError(f"interval must be a number of seconds > 0, not {interval!r}")
    if interval <= 0:
        raise InvalidArgumentError(f"interval must be a number of seconds > 0, not {interval!r}")
    return float(interval)


@dataclass
class PollingBudget:
    """The wait before the next poll: short while things change, doubling to ``interval`` while nothing does."""

    interval: float = DEFAULT_INTERVAL
    _next: float = field(init=False, default=0.0)

    def __post_init__(self) -> None:
        self.interval = check_interval(self.interval)
        self._next = self.fastest

    @property
    def fastest(self) -> float:
        """The wait after a change: :data:`FASTEST`, or ``interval`` if shorter."""
        return min(FASTEST, self.interval)

    @property
    def slowest(self) -> float:
        """The longest wait: ``interval``."""
        return self.interval

    def wait(self, *, changed: bool) -> float:
        """The seconds to wait after a poll that saw a change (``changed``) or did not."""
        if changed:
            self._next = self.fastest
        wait = self._next
        self._next = min(self._next * 2, self.slowest)
        return wait


def idle_requests(interval: float = DEFAULT_INTERVAL, seconds: float = 600.0) -> int:
    """At most how many requests a watch sends while nothing changes for ``seconds`` after a change.

    Polls (2 requests each) on the schedule of :class:`PollingBudget`, and the spend read every
    :data:`SPEND_REFRESH` seconds.

    >>> idle_requests(interval=60), idle_requests(interval=300), idle_requests(interval=10)
    (24, 12, 122)
    """
    budget = PollingBudget(interval)
    budget.wait(changed=True)  # the poll that saw the change
    polls, elapsed = 0, budget.fastest
    while elapsed <= seconds:
        polls += 1
        elapsed += budget.wait(changed=False)
    return polls * REQUESTS_PER_POLL + math.floor(seconds / SPEND_REFRESH)
