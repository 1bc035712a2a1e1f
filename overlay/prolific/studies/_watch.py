"""Watching a live study: typed snapshots of its progress, and alerts, each fired once.

``client.studies.watch(study_id)`` returns a :class:`StudyWatch` (``AsyncStudyWatch`` on the
async client); iterating it runs :func:`watch_flow` on the client's driver and yields a
:class:`StudySnapshot` each time the study changed (the first one at once) and a
:class:`StudyAlert` when something needs the researcher. It ends after the snapshot that shows
the study ``COMPLETED``. Every wait goes through the client's clock (``client.sleep``), every
request through the one send path and its retry loop (a 429's ``Retry-After`` is honoured there).
How often it polls: :mod:`prolific.studies._polling`.

What a snapshot is made of, and what each poll costs:

* every poll: ``get-study`` (status, places, the estimated and maximum times, the credential pool)
  and ``count-study-submissions-by-status`` (the submissions by status);
* after a change: the credential report (``download-study-credential-report``: the credentials
  left, if the study has a pool), the cost (``get-study-cost``: rewards and bonuses with their
  fees and tax, the spend so far; also read every 5 minutes), and the submissions newly awaiting
  review (``get-submissions?awaiting_review=true``, from the last page back, at most
  :data:`REVIEW_PAGES` pages: their completion times give the median);
* once: Prolific's predicted recruitment time (``get-study-predicted-recruitment-time``; a
  study or a workspace without one shows ``None``).

The alerts (:data:`ALERT_KINDS`), each fired at most once a watch:

* ``high_return_rate``: at least ``return_rate_threshold`` (default 20%) of the submissions
  returned, once at least :data:`RETURN_RATE_MINIMUM` submissions exist (a rate of 1 in 2 says
  nothing yet);
* ``pool_running_out``: while places are left, the credential pool has no more credentials left
  than places still to fill (every return or time-out uses one more; a study whose pool runs out
  pauses itself), or at most :func:`pool_low` of them (5, or a tenth of the places);
* ``paused``: the study went to ``PAUSED``; "by itself" when its pool has no credentials left;
* ``review_piling_up``: ``review_backlog`` (default 20) or more submissions await review;
* ``over_time``: a participant went over the study's maximum allowed time (a submission timed out).
"""

from __future__ import annotations

import math
import statistics
from collections.abc import AsyncIterator, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from prolific_api_client.operations.studies import (
    COUNT_STUDY_SUBMISSIONS_BY_STATUS,
    DOWNLOAD_STUDY_CREDENTIAL_REPORT,
    GET_STUDY,
    GET_STUDY_COST,
    GET_STUDY_PREDICTED_RECRUITMENT_TIME,
)
from prolific_api_client.operations.submissions import GET_SUBMISSIONS
from prolific_api_client.types import Unset

from .. import _validation as check
from .._errors import APIStatusError, InvalidArgumentError, NotFoundError
from .._flow import Call, Emit, Flow, Pause, stream, stream_async
from ._polling import EVENT_FALLBACK, SPEND_REFRESH, PollingBudget, check_interval

if TYPE_CHECKING:
    from prolific_api_client.models import SubmissionShort

    from .._call import AsyncSender, Sender
    from ..webhooks import EventLog

__all__ = [
    "ALERT_KINDS",
    "AlertKind",
    "AsyncStudyWatch",
    "StudyAlert",
    "StudySnapshot",
    "StudyWatch",
    "watch_flow",
]

AlertKind = Literal["high_return_rate", "pool_running_out", "paused", "review_piling_up", "over_time"]
#: Every kind of alert, in the order a poll checks them.
ALERT_KINDS: tuple[AlertKind, ...] = ("high_return_rate", "pool_running_out", "paused", "review_piling_up", "over_time")
#: Submissions needed before a return rate means anything.
RETURN_RATE_MINIMUM = 10
#: The fewest credentials left that a pool is "about to run out" with, whatever the places left.
POOL_LOW = 5
#: Pages of newly awaiting submissions read after a change (from the newest back).
REVIEW_PAGES = 3
_REVIEW_PAGE_SIZE = 100
#: The statuses whose submission holds a place (started, submitted, or reviewed and not freed).
_HOLDS_PLACE = frozenset({"RESERVED", "ACTIVE", "AWAITING REVIEW", "APPROVED", "PARTIALLY APPROVED", "REJECTED"})
_DONE = "COMPLETED"


@dataclass(frozen=True)
class StudySnapshot:
    """What a study looked like at one poll (see :mod:`prolific.studies._watch` for where each number comes from).

    Amounts are in the study's currency's minor unit (pence or cents), as Prolific's cost reports them.
    Rates and times are ``None`` until there is something to compute them from.
    """

    study_id: str
    status: str
    places_taken: int
    places_total: int
    #: The submissions by status, as ``count-study-submissions-by-status`` names them (``"AWAITING REVIEW"``, ...).
    submissions: Mapping[str, int]
    estimated_completion_minutes: float | None
    maximum_allowed_minutes: float | None
    median_completion_minutes: float | None
    credential_pool_id: str | None
    credentials_left: int | None
    spent_cents: int | None
    currency: str | None
    #: Seconds since the watch began (the client's clock: the waits it made).
    elapsed_seconds: float
    #: Places taken per hour since the watch began (None before the first place is taken while watching).
    places_per_hour: float | None
    predicted_recruitment_hours: float | None
    predicted_recruitment_text: str | None = None

    @property
    def places_left(self) -> int:
        """Places not taken yet."""
        return max(0, self.places_total - self.places_taken)

    @property
    def total_submissions(self) -> int:
        """Every submission, whatever its status."""
        return sum(self.submissions.values())

    @property
    def awaiting_review(self) -> int:
        """Submissions awaiting review."""
        return self.submissions.get("AWAITING REVIEW", 0)

    @property
    def return_rate(self) -> float | None:
        """Returned submissions over all submissions (None without any)."""
        total = self.total_submissions
        return self.submissions.get("RETURNED", 0) / total if total else None

    @property
    def timeout_rate(self) -> float | None:
        """Timed-out submissions over all submissions (None without any)."""
        total = self.total_submissions
        return self.submissions.get("TIMED-OUT", 0) / total if total else None

    @property
    def hours_to_fill(self) -> float | None:
        """Hours until every place is taken at the rate observed while watching (0 once full)."""
        if self.places_left == 0:
            return 0.0
        if not self.places_per_hour:
            return None
        return self.places_left / self.places_per_hour

    def key(self) -> tuple[Any, ...]:
        """What a change is: two snapshots with the same key show the same study (times aside)."""
        return (
            self.status,
            self.places_taken,
            self.places_total,
            tuple(sorted(self.submissions.items())),
            self.credentials_left,
            self.spent_cents,
            self.median_completion_minutes,
        )

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict: the fields and the derived numbers (``places_left``, rates, ``hours_to_fill``)."""
        return {
            "type": "snapshot",
            "study_id": self.study_id,
            "status": self.status,
            "places_taken": self.places_taken,
            "places_total": self.places_total,
            "places_left": self.places_left,
            "submissions": dict(self.submissions),
            "awaiting_review": self.awaiting_review,
            "return_rate": _rounded(self.return_rate),
            "timeout_rate": _rounded(self.timeout_rate),
            "median_completion_minutes": _rounded(self.median_completion_minutes),
            "estimated_completion_minutes": self.estimated_completion_minutes,
            "maximum_allowed_minutes": self.maximum_allowed_minutes,
            "credential_pool_id": self.credential_pool_id,
            "credentials_left": self.credentials_left,
            "spent_cents": self.spent_cents,
            "currency": self.currency,
            "elapsed_seconds": _rounded(self.elapsed_seconds),
            "places_per_hour": _rounded(self.places_per_hour),
            "hours_to_fill": _rounded(self.hours_to_fill),
            "predicted_recruitment_hours": _rounded(self.predicted_recruitment_hours),
            "predicted_recruitment_text": self.predicted_recruitment_text,
        }


@dataclass(frozen=True)
class StudyAlert:
    """Something about a watched study that needs the researcher; each ``kind`` fires at most once a watch."""

    kind: AlertKind
    study_id: str
    message: str
    snapshot: StudySnapshot = field(repr=False)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict: ``type`` ``"alert"``, ``kind``, ``study_id``, ``message``."""
        return {"type": "alert", "kind": self.kind, "study_id": self.study_id, "message": self.message}

    def __str__(self) -> str:
        return self.message


def _rounded(value: float | None, digits: int = 4) -> float | None:
    return None if value is None else round(value, digits)


@dataclass(frozen=True)
class WatchSettings:
    """A watch's arguments, checked."""

    study_id: str
    interval: float
    return_rate_threshold: float
    review_backlog: int
    events: EventLog | None

    @classmethod
    def checked(
        cls,
        study_id: str,
        *,
        interval: float,
        return_rate_threshold: float,
        review_backlog: int,
        events: EventLog | str | Path | None,
    ) -> WatchSettings:
        study_id = check.require_id(study_id, "study_id", "study id")
        threshold = return_rate_threshold
        if isinstance(threshold, bool) or not isinstance(threshold, int | float) or not 0 < threshold <= 1:
            raise InvalidArgumentError(
                f"return_rate_threshold must be a share of submissions, above 0 and at most 1 (0.2 for 20%), "
                f"not {threshold!r}"
            )
        if isinstance(review_backlog, bool) or not isinstance(review_backlog, int) or review_backlog < 1:
            raise InvalidArgumentError(f"review_backlog must be a whole number >= 1, not {review_backlog!r}")
        return cls(study_id, check_interval(interval), float(threshold), review_backlog, _event_log(events))


def _event_log(events: EventLog | str | Path | None) -> EventLog | None:
    if events is None:
        return None
    from ..webhooks import EventLog  # the event log only when asked for

    if isinstance(events, EventLog):
        return events
    if isinstance(events, str | Path):
        path = Path(events)
        if not path.exists():
            raise InvalidArgumentError(
                f"events: {path} does not exist; give the event log a webhook receiver writes "
                "(prolific-client webhooks listen --event-log FILE)"
            )
        return EventLog(path)
    raise InvalidArgumentError(f"events must be an EventLog or the path of its file, not {type(events).__name__}")


# -- reading the answers ----------------------------------------------------------------------------


def _number(value: object) -> float | None:
    if isinstance(value, Unset) or value is None or isinstance(value, bool):
        return None
    return float(value) if isinstance(value, int | float) and math.isfinite(value) else None


def _text(value: object) -> str | None:
    return value if isinstance(value, str) and value else None


def _counts(value: Any) -> dict[str, int]:
    """The submissions by status (``TOTAL`` left out), whatever statuses Prolific adds."""
    raw = value.to_dict()
    return {
        str(name): int(count)
        for name, count in raw.items()
        if name != "TOTAL" and isinstance(count, int | float) and not isinstance(count, bool)
    }


def _spent(cost: Any) -> tuple[int | None, str | None]:
    """Rewards and bonuses so far, with their fees and tax (cents), and the currency."""
    raw = cost.to_dict()
    total, currency, seen = 0, None, False
    for part in ("rewards", "bonuses"):
        breakdown = raw.get(part)
        if not isinstance(breakdown, dict):
            continue
        for piece in ("rewards", "fees", "tax"):
            amount = breakdown.get(piece)
            if isinstance(amount, dict) and isinstance(amount.get("amount"), int | float):
                total += int(amount["amount"])
                currency = currency or _text(amount.get("currency"))
                seen = True
    return (total, currency) if seen else (None, None)


def _minutes(submission: SubmissionShort) -> float | None:
    started, completed = submission.started_at, submission.completed_at
    if isinstance(completed, Unset) or completed is None:
        return None
    return (completed - started).total_seconds() / 60


@dataclass
class _State:
    """What the watch remembers between polls."""

    settings: WatchSettings
    budget: PollingBudget
    elapsed: float = 0.0
    first_taken: int | None = None
    taken_at_first_gain: tuple[float, int] | None = None
    previous: StudySnapshot | None = None
    previous_status: str | None = None
    credentials_left: int | None = None
    spent: tuple[int | None, str | None] = (None, None)
    spent_read_at: float | None = None
    times: dict[str, float] = field(default_factory=dict)  # submission id -> minutes taken
    predicted: tuple[float | None, str | None] = (None, None)
    fired: set[str] = field(default_factory=set)
    events_seen: int = 0


def watch_flow(settings: WatchSettings) -> Flow[None]:
    """Poll the study, emit snapshots (on change) and alerts, wait as the budget says; end once it is COMPLETED."""
    state = _State(settings, PollingBudget(settings.interval))
    study_id = settings.study_id
    state.predicted = yield from _predicted(study_id)
    if settings.events is not None:
        state.events_seen = len(settings.events)
    while True:
        study = yield Call(GET_STUDY, {"id": study_id}, _same)
        counts = _counts((yield Call(COUNT_STUDY_SUBMISSIONS_BY_STATUS, {"id": study_id}, _same)))
        status = str(study.status)
        pool_id = _text(study.credential_pool_id)
        taken = _places_taken(study, counts)
        places = int(_number(study.total_available_places) or 0)
        previous = state.previous
        changed = previous is None or (
            (status, taken, places, tuple(sorted(counts.items())))
            != (
                previous.status,
                previous.places_taken,
                previous.places_total,
                tuple(sorted(previous.submissions.items())),
            )
        )
        if changed:
            if pool_id is not None:
                state.credentials_left = yield from _credentials_left(study_id)
            state.spent = yield from _spend(study_id)
            state.spent_read_at = state.elapsed
            if counts.get("AWAITING REVIEW", 0):
                yield from _read_new_submissions(study_id, counts["AWAITING REVIEW"], state.times)
        elif state.spent_read_at is None or state.elapsed - state.spent_read_at >= SPEND_REFRESH:
            state.spent = yield from _spend(study_id)
            state.spent_read_at = state.elapsed
        snapshot = _snapshot(state, study, status, taken, places, counts, pool_id)
        if previous is None or snapshot.key() != previous.key():
            yield Emit(snapshot)
            for alert in _alerts(state, snapshot):
                yield Emit(alert)
            state.previous = snapshot
            changed = True
        state.previous_status = status
        if status == _DONE:
            return
        yield from _wait(state, changed=changed)


def _same(value: Any) -> Any:
    return value


def _places_taken(study: Any, counts: Mapping[str, int]) -> int:
    """``places_taken`` when Prolific sends it with the study, else the submissions that hold a place."""
    sent = _number(study.additional_properties.get("places_taken"))
    if sent is not None:
        return int(sent)
    return sum(count for name, count in counts.items() if name in _HOLDS_PLACE)


def _predicted(study_id: str) -> Flow[tuple[float | None, str | None]]:
    try:
        value = yield Call(GET_STUDY_PREDICTED_RECRUITMENT_TIME, {"study_id": study_id}, _same)
    except APIStatusError:  # no prediction for this study or workspace: the snapshot shows None
        return None, None
    return _number(value.precise_recruitment_time_hours), _text(value.display_string)


def _credentials_left(study_id: str) -> Flow[int | None]:
    from ..credentials import parse_credential_report

    try:
        text: str = yield Call(DOWNLOAD_STUDY_CREDENTIAL_REPORT, {"id": study_id}, str)
    except APIStatusError:  # a pool detached, or a report not available: unknown
        return None
    return parse_credential_report(text).unused


def _spend(study_id: str) -> Flow[tuple[int | None, str | None]]:
    try:
        cost = yield Call(GET_STUDY_COST, {"id": study_id}, _same)
    except APIStatusError:
        return None, None
    return _spent(cost)


def _read_new_submissions(study_id: str, awaiting: int, times: dict[str, float]) -> Flow[None]:
    """The completion times of submissions awaiting review, newest pages first, until a page adds nothing new."""
    last = max(1, math.ceil(awaiting / _REVIEW_PAGE_SIZE))
    for page in range(last, max(0, last - REVIEW_PAGES), -1):
        arguments = {"study": study_id, "awaiting_review": True, "page": page, "page_size": _REVIEW_PAGE_SIZE}
        try:
            answer = yield Call(GET_SUBMISSIONS, arguments, _same)
        except NotFoundError:  # the queue shrank between the count and this page
            continue
        results = answer.results if not isinstance(answer.results, Unset) else []
        new = 0
        for submission in results:
            if submission.id in times:
                continue
            minutes = _minutes(submission)
            if minutes is not None:
                times[submission.id] = minutes
                new += 1
        if not new:
            return


def _snapshot(
    state: _State, study: Any, status: str, taken: int, places: int, counts: dict[str, int], pool_id: str | None
) -> StudySnapshot:
    if state.first_taken is None:
        state.first_taken = taken
    rate = None
    gained = taken - state.first_taken
    if gained > 0 and state.elapsed > 0:
        rate = gained / (state.elapsed / 3600)
    median = statistics.median(state.times.values()) if state.times else None
    return StudySnapshot(
        study_id=state.settings.study_id,
        status=status,
        places_taken=taken,
        places_total=places,
        submissions=counts,
        estimated_completion_minutes=_number(study.estimated_completion_time),
        maximum_allowed_minutes=_number(study.maximum_allowed_time),
        median_completion_minutes=median,
        credential_pool_id=pool_id,
        credentials_left=state.credentials_left if pool_id is not None else None,
        spent_cents=state.spent[0],
        currency=state.spent[1],
        elapsed_seconds=state.elapsed,
        places_per_hour=rate,
        predicted_recruitment_hours=state.predicted[0],
        predicted_recruitment_text=state.predicted[1],
    )


def _alerts(state: _State, snapshot: StudySnapshot) -> list[StudyAlert]:
    settings = state.settings
    found: list[tuple[AlertKind, str]] = []
    total = snapshot.total_submissions
    returned = snapshot.submissions.get("RETURNED", 0)
    if total >= RETURN_RATE_MINIMUM and returned / total >= settings.return_rate_threshold:
        found.append(
            (
                "high_return_rate",
                f"high return rate: {returned} of {total} submissions returned ({returned / total:.0%}; "
                f"the alert fires at {settings.return_rate_threshold:.0%} of at least {RETURN_RATE_MINIMUM})",
            )
        )
    left = snapshot.credentials_left
    if left is not None and snapshot.places_left > 0 and left <= max(snapshot.places_left, pool_low(snapshot)):
        found.append(
            (
                "pool_running_out",
                f"credential pool about to run out: {_count(left, 'credential')} left for "
                f"{_count(snapshot.places_left, 'place')} still to fill (each return or time-out uses one more; "
                "the study pauses itself when none is left): add credentials (prolific-client credentials add)",
            )
        )
    if snapshot.status == "PAUSED" and state.previous_status != "PAUSED":
        why = (
            "by itself: its credential pool has no credentials left (add credentials, then start it again)"
            if left == 0
            else "(by someone in the workspace, or by Prolific)"
        )
        found.append(("paused", f"study paused {why}"))
    if snapshot.awaiting_review >= settings.review_backlog:
        found.append(
            (
                "review_piling_up",
                f"review piling up: {snapshot.awaiting_review} submissions await review (the alert fires at "
                f"{settings.review_backlog}; prolific-client submissions approve)",
            )
        )
    timed_out = snapshot.submissions.get("TIMED-OUT", 0)
    if timed_out:
        limit = snapshot.maximum_allowed_minutes
        shown = f" of {limit:g} minutes" if limit is not None else ""
        found.append(
            (
                "over_time",
                f"a participant went over the maximum allowed time{shown}: {timed_out} submission"
                f"{'s' if timed_out != 1 else ''} timed out (its place is free again)",
            )
        )
    alerts = []
    for kind, message in found:
        if kind not in state.fired:
            state.fired.add(kind)
            alerts.append(StudyAlert(kind, snapshot.study_id, message, snapshot))
    return alerts


def _count(number: int, noun: str) -> str:
    return f"{number:,} {noun}{'' if number == 1 else 's'}"


def pool_low(snapshot: StudySnapshot) -> int:
    """Credentials left at which a pool is about to run out: :data:`POOL_LOW`, or a tenth of the places if more."""
    return max(POOL_LOW, math.ceil(snapshot.places_total / 10))


def _wait(state: _State, *, changed: bool) -> Flow[None]:
    """Wait as the budget says; with an event log, in short ticks, polling as soon as an event arrives."""
    wait = state.budget.wait(changed=changed)
    events = state.settings.events
    if events is None:
        yield Pause(wait)
        state.elapsed += wait
        return
    # Fed by webhook events: poll when one arrives, else only as a fallback.
    tick, waited = state.budget.fastest, 0.0
    while waited < max(EVENT_FALLBACK, wait):
        yield Pause(tick)
        waited += tick
        state.elapsed += tick
        seen = len(events)
        if seen != state.events_seen:
            state.events_seen = seen
            state.budget.wait(changed=True)  # activity: the next waits start short again
            return


class StudyWatch:
    """A study being watched (``client.studies.watch(id)``): iterate it for snapshots and alerts.

    >>> for item in client.studies.watch("6540..."):  # doctest: +SKIP
    ...     print(item.to_dict())

    Each ``for`` runs a watch of its own, from the first poll; it ends once the study is
    ``COMPLETED`` (or when the loop stops).
    """

    def __init__(self, runner: Sender, settings: WatchSettings) -> None:
        self._runner = runner
        self.settings = settings

    @property
    def study_id(self) -> str:
        """The study watched."""
        return self.settings.study_id

    def __iter__(self) -> Iterator[StudySnapshot | StudyAlert]:
        return stream(self._runner, watch_flow(self.settings))

    def __repr__(self) -> str:
        return f"<{type(self).__name__} study {self.study_id}, interval {self.settings.interval:g} s>"


class AsyncStudyWatch:
    """Async twin of :class:`StudyWatch`: ``async for item in await client.studies.watch(id)``."""

    def __init__(self, runner: AsyncSender, settings: WatchSettings) -> None:
        self._runner = runner
        self.settings = settings

    @property
    def study_id(self) -> str:
        """The study watched."""
        return self.settings.study_id

    def __aiter__(self) -> AsyncIterator[StudySnapshot | StudyAlert]:
        return stream_async(self._runner, watch_flow(self.settings))

    def __repr__(self) -> str:
        return f"<{type(self).__name__} study {self.study_id}, interval {self.settings.interval:g} s>"
