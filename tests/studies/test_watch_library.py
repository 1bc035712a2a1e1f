"""``client.studies.watch``: snapshots on change, every alert once, the end at COMPLETED, the twins alike."""

from __future__ import annotations

import itertools

import httpx
import pytest

from prolific import AsyncProlific, InvalidArgumentError, Prolific
from prolific.studies import ALERT_KINDS, StudyAlert, StudySnapshot
from prolific.testing import FakeProlific

from .conftest import PLACES, REVIEW_BACKLOG, ScriptedStudy


def watch_all(script: ScriptedStudy, url: str) -> list[StudySnapshot | StudyAlert]:
    with Prolific(token="any", base_url=url) as client:
        client.sleep = script.sleep
        return list(client.studies.watch(script.study_id, review_backlog=REVIEW_BACKLOG))


def test_every_alert_fires_once_and_the_watch_ends_when_the_study_completes(script: ScriptedStudy, served: str) -> None:
    items = watch_all(script, served)
    alerts = [item for item in items if isinstance(item, StudyAlert)]
    snapshots = [item for item in items if isinstance(item, StudySnapshot)]
    assert sorted(alert.kind for alert in alerts) == sorted(ALERT_KINDS)  # each kind, once
    assert not script.steps, f"the watch ended before the script did: {script.done}"
    assert snapshots[-1].status == "COMPLETED" and items[-1] is snapshots[-1]
    assert snapshots[-1].places_taken == PLACES and snapshots[-1].submissions["APPROVED"] == PLACES
    # Each alert came with the snapshot that showed it, in the order the story told it.
    by_kind = {alert.kind: alert for alert in alerts}
    assert [a.kind for a in alerts] == [
        "high_return_rate",
        "review_piling_up",
        "pool_running_out",
        "over_time",
        "paused",
    ]
    assert by_kind["high_return_rate"].snapshot.submissions["RETURNED"] == 4
    assert "20%" in by_kind["high_return_rate"].message  # the threshold is stated
    assert by_kind["pool_running_out"].snapshot.credentials_left == 5
    assert by_kind["paused"].snapshot.credentials_left == 0 and "by itself" in by_kind["paused"].message
    assert by_kind["over_time"].snapshot.submissions["TIMED-OUT"] == 3
    assert by_kind["review_piling_up"].snapshot.awaiting_review >= REVIEW_BACKLOG
    # A snapshot only when something changed.
    keys = [s.key() for s in snapshots]
    assert all(a != b for a, b in itertools.pairwise(keys))


def test_a_snapshot_has_the_numbers_of_the_study(script: ScriptedStudy, served: str) -> None:
    items = watch_all(script, served)
    snapshots = [item for item in items if isinstance(item, StudySnapshot)]
    first = snapshots[0]
    assert (first.status, first.places_taken, first.places_left, first.credentials_left) == ("ACTIVE", 0, 20, 27)
    assert first.predicted_recruitment_hours == 1.0 and first.predicted_recruitment_text == "1 hour"
    assert first.return_rate is None and first.hours_to_fill is None
    filled = next(s for s in snapshots if s.places_taken == 8)
    assert filled.awaiting_review == 8 and filled.return_rate == 0
    assert filled.median_completion_minutes == 0  # take_part submits at once
    assert filled.places_per_hour is not None and filled.hours_to_fill == pytest.approx(12 / filled.places_per_hour)
    assert filled.estimated_completion_minutes == 5 and filled.maximum_allowed_minutes == 30
    last = snapshots[-1]
    assert last.spent_cents is not None and last.spent_cents > 0 and last.currency == "GBP"
    assert last.to_dict()["type"] == "snapshot" and last.to_dict()["places_left"] == 0


async def test_the_async_twin_sees_the_same_study(fake: FakeProlific) -> None:
    from .conftest import scripted_study

    sync_script = scripted_study(fake)
    with Prolific(token="any", http_client=httpx.Client(transport=fake.transport)) as client:
        client.sleep = sync_script.sleep
        expected = [item.to_dict() for item in client.studies.watch(sync_script.study_id, review_backlog=10)]

    again = FakeProlific()
    async_script = scripted_study(again)
    seen = []
    async with AsyncProlific(token="any", http_client=httpx.AsyncClient(transport=again.transport)) as client:
        client.sleep = async_script.async_sleep
        watch = await client.studies.watch(async_script.study_id, review_backlog=10)
        async for item in watch:
            seen.append(item.to_dict())
    ids = {sync_script.study_id: "S", async_script.study_id: "S", sync_script.pool_id: "P", async_script.pool_id: "P"}
    normal = [{k: ids.get(v, v) if isinstance(v, str) else v for k, v in item.items()} for item in seen]
    assert normal == [{k: ids.get(v, v) if isinstance(v, str) else v for k, v in item.items()} for item in expected]
    assert sync_script.waits == async_script.waits  # the same decisions, the same waits


def test_arguments_are_checked_before_anything_is_sent(fake: FakeProlific) -> None:
    with Prolific(token="any", http_client=httpx.Client(transport=fake.transport)) as client:
        with pytest.raises(InvalidArgumentError, match="study_id"):
            client.studies.watch("not-a-study")
        with pytest.raises(InvalidArgumentError, match="interval"):
            client.studies.watch("6540a1b2c3d4e5f607182939", interval=0)
        with pytest.raises(InvalidArgumentError, match="return_rate_threshold"):
            client.studies.watch("6540a1b2c3d4e5f607182939", return_rate_threshold=20)
        with pytest.raises(InvalidArgumentError, match="review_backlog"):
            client.studies.watch("6540a1b2c3d4e5f607182939", review_backlog=0)
        with pytest.raises(InvalidArgumentError, match="does not exist"):
            client.studies.watch("6540a1b2c3d4e5f607182939", events="/nonexistent/events.sqlite3")
    assert fake.requests == []


def test_a_study_that_completes_while_watched_ends_the_loop_at_once(fake: FakeProlific) -> None:
    study = fake.add_study(workspace_id="ws", total_available_places=1)
    fake.add_submissions(study, 1, status="APPROVED")
    fake.studies[study]["status"] = "COMPLETED"
    with Prolific(token="any", http_client=httpx.Client(transport=fake.transport)) as client:
        client.sleep = lambda seconds: pytest.fail("a completed study needs no wait")
        [snapshot] = list(client.studies.watch(study))
    assert isinstance(snapshot, StudySnapshot) and snapshot.status == "COMPLETED"
    assert snapshot.credentials_left is None  # no pool: nothing asked
    assert [r.operation_id for r in fake.requests] == [
        "get-study-predicted-recruitment-time",
        "get-study",
        "count-study-submissions-by-status",
        "get-study-cost",
    ]
