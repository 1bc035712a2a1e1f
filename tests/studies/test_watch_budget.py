"""The polling budget, counted in requests on the fake's clock (nothing here reads a real clock)."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from prolific import Prolific
from prolific.studies import PollingBudget, StudySnapshot, idle_requests
from prolific.testing import FakeProlific
from prolific.webhooks import EventLog
from prolific_api_client.models import StudyTransition

IDLE = 600.0  # ten minutes of the fake's clock


class Stop(Exception):
    """Ends a watch from its clock."""


def idle_study(fake: FakeProlific) -> str:
    study = fake.add_study(workspace_id="ws", total_available_places=10)
    with Prolific(token="any", http_client=httpx.Client(transport=fake.transport)) as client:
        client.studies.publish_study(study, body=StudyTransition(action="PUBLISH"))
    fake.requests.clear()
    return study


def watch_until(fake: FakeProlific, study: str, seconds: float, **options: object) -> tuple[list[float], list[object]]:
    """Watch ``study`` until ``seconds`` of the fake's clock have passed; the waits and what was yielded."""
    waits: list[float] = []
    items: list[object] = []

    def sleep(wait: float) -> None:
        if sum(waits) + wait > seconds:
            raise Stop
        waits.append(wait)
        fake.advance(wait)

    with Prolific(token="any", http_client=httpx.Client(transport=fake.transport)) as client:
        client.sleep = sleep
        with pytest.raises(Stop):
            for item in client.studies.watch(study, **options):  # type: ignore[arg-type]
                items.append(item)
    return waits, items


def test_ten_idle_minutes_cost_at_most_the_stated_budget(fake: FakeProlific) -> None:
    study = idle_study(fake)
    waits, items = watch_until(fake, study, IDLE)
    assert [r.operation_id for r in fake.requests[:4]] == [
        "get-study-predicted-recruitment-time",
        "get-study",
        "count-study-submissions-by-status",
        "get-study-cost",
    ]
    idle = len(fake.requests) - 4  # after the first poll (a change: the study as it is), nothing changes
    assert len(items) == 1 and isinstance(items[0], StudySnapshot)
    assert waits == [10, 20, 40, 60, 60, 60, 60, 60, 60, 60, 60]  # backing off to the interval
    assert idle <= idle_requests(60) == 24  # the budget the docs state
    assert idle == 11 * 2 + 1  # 11 polls of 2 requests, and the spend read again once (after 5 minutes)


def test_interval_bounds_the_back_off(fake: FakeProlific) -> None:
    study = idle_study(fake)
    waits, _ = watch_until(fake, study, IDLE, interval=30)
    assert max(waits) == 30 and waits[:3] == [10, 20, 30]
    fake.requests.clear()
    waits, _ = watch_until(fake, study, 60, interval=5)
    assert set(waits) == {5}


def test_activity_brings_the_polls_back_to_the_shortest_wait() -> None:
    budget = PollingBudget(interval=120)
    assert [budget.wait(changed=False) for _ in range(6)] == [10, 20, 40, 80, 120, 120]
    assert budget.wait(changed=True) == 10
    assert budget.wait(changed=False) == 20


def test_a_429_and_its_retry_after_are_honoured_with_the_clients_clock(fake: FakeProlific) -> None:
    study = idle_study(fake)
    fake.fail_next(429, retry_after=30, operation="count-study-submissions-by-status")
    waits, items = watch_until(fake, study, 40)
    assert waits[0] == 30  # the Retry-After, waited with client.sleep before the poll was sent again
    assert waits[1:] == [10]
    counts = [r for r in fake.requests if r.operation_id == "count-study-submissions-by-status"]
    assert [r.status for r in counts][:2] == [429, 200]
    assert len(items) == 1


def test_fed_by_an_event_log_it_polls_only_as_a_fallback_until_an_event_arrives(
    fake: FakeProlific, tmp_path: Path
) -> None:
    study = idle_study(fake)
    log = EventLog(tmp_path / "events.sqlite3")
    waits, _ = watch_until(fake, study, IDLE, events=log)
    polls = [r for r in fake.requests if r.operation_id == "get-study"]
    assert len(polls) == 3  # at the start, then only every 5 quiet minutes
    assert len(fake.requests) == 4 + 2 * (2 + 1)  # the first poll's 4; each fallback poll's 2, and the spend again
    assert set(waits) == {10}  # it reads the log every 10 s (a local read, no request)

    # An event arrives (the receiver recorded it): the next tick polls.
    fake.requests.clear()
    ticks = 0

    def sleep(wait: float) -> None:
        nonlocal ticks
        ticks += 1
        if ticks == 2:
            log.done(log.claim("event-1"))  # the receiver handled an event
        if ticks > 4:
            raise Stop
        fake.advance(wait)

    with Prolific(token="any", http_client=httpx.Client(transport=fake.transport)) as client:
        client.sleep = sleep
        with pytest.raises(Stop):
            for _ in client.studies.watch(study, events=tmp_path / "events.sqlite3"):
                pass
    polls = [r for r in fake.requests if r.operation_id == "get-study"]
    assert len(polls) == 2  # the first, and the one the event brought after the second tick
    log.close()
