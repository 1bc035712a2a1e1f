"""FakeProlific runs a study as Prolific does: places, the study's statuses, returns and time-outs, the clock.

Most tests run twice (the ``api`` fixture): through the in-process transport and over ``serve()``.
Answers are checked against the merged spec. Time is the fake's clock: nothing here waits.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
from fake_checks import AUTH, BASE, call, check_spec, error_detail

from prolific.testing import FakeProlific
from prolific.testing._clock import FakeClock, parse_iso
from prolific.testing._studies import time_limit

MESSAGE = "m" * 100
PARTICIPANTS = [f"{n:024x}" for n in range(0xB1, 0xBB)]


def published(fake: FakeProlific, api: httpx.Client, places: int = 3, **fields: Any) -> str:
    study_id = fake.add_study(workspace_id="ws1", total_available_places=places, **fields)
    assert call(api, "publish-study", json={"action": "PUBLISH"}, id=study_id).status_code == 200
    return study_id


def study_status(api: httpx.Client, study_id: str) -> str:
    return str(check_spec("get-study", call(api, "get-study", id=study_id))["status"])


def study_changes(fake: FakeProlific, study_id: str) -> list[str]:
    return [t["to"] for t in fake.transitions if t["kind"] == "study" and t["id"] == study_id]


def review(api: httpx.Client, submission_id: str, action: str) -> httpx.Response:
    body: dict[str, Any] = {"action": action}
    if action == "REJECT":
        body.update(message=MESSAGE, rejection_category="LOW_EFFORT")
    return call(api, "transition-submission", json=body, id=submission_id)


# -- places and the study's statuses --------------------------------------------------------------


def test_a_study_fills_awaits_review_and_completes(api: httpx.Client, fake: FakeProlific) -> None:
    study_id = published(fake, api, places=3)
    started = [fake.start_submission(study_id, p) for p in PARTICIPANTS[:3]]
    assert study_status(api, study_id) == "ACTIVE"  # full, but participants are still working
    with pytest.raises(ValueError, match=r"has no free place: 3 of 3 places are held"):
        fake.start_submission(study_id, PARTICIPANTS[3])
    for submission_id in started[:2]:
        fake.complete_submission(submission_id)
    assert study_status(api, study_id) == "ACTIVE"
    fake.complete_submission(started[2])
    assert study_status(api, study_id) == "AWAITING REVIEW"
    with pytest.raises(ValueError, match="is AWAITING REVIEW: participants take part only in an ACTIVE study"):
        fake.start_submission(study_id, PARTICIPANTS[3])

    assert check_spec("transition-submission", review(api, started[0], "APPROVE"))["status"] == "APPROVED"
    assert check_spec("transition-submission", review(api, started[1], "REJECT"))["status"] == "REJECTED"
    assert study_status(api, study_id) == "AWAITING REVIEW"
    review(api, started[2], "APPROVE")
    assert study_status(api, study_id) == "COMPLETED"
    assert study_changes(fake, study_id) == ["ACTIVE", "AWAITING REVIEW", "COMPLETED"]
    listed = check_spec("get-studies", call(api, "get-studies"))["results"]
    assert [(s["places_taken"], s["number_of_submissions"]) for s in listed] == [(3, 3)]


def test_eight_participants_into_a_three_place_study_with_a_pool_of_eight(fake: FakeProlific) -> None:
    """The issue's probe: the fake let 8 submissions into a 3-place study that stayed ACTIVE."""
    study_id = fake.add_study(workspace_id="ws1", total_available_places=3)
    pool = fake._pools  # a pool of 8 logins in the study's workspace, attached to the draft
    with httpx.Client(transport=fake.transport, base_url=BASE, headers=AUTH) as api:
        logins = "\n".join(f"user{n},pw-{n}" for n in range(8))
        pool_id = call(api, "create-credential-pool", json={"credentials": logins, "workspace_id": "ws1"}).json()[
            "credential_pool_id"
        ]
        assert call(api, "update-study", json={"credential_pool_id": pool_id}, id=study_id).status_code == 200
        assert call(api, "publish-study", json={"action": "PUBLISH"}, id=study_id).status_code == 200
        taken = fake.take_part(study_id, PARTICIPANTS[:3])
        for participant in PARTICIPANTS[3:8]:
            with pytest.raises(ValueError, match="is AWAITING REVIEW"):
                fake.take_part(study_id, [participant])
    assert [t["username"] for t in taken] == ["user0", "user1", "user2"]
    assert len(fake.submissions[study_id]) == 3 and pool.available(pool_id) == 5
    assert fake.studies[study_id]["status"] == "AWAITING REVIEW"


def test_a_return_or_a_time_out_frees_a_place(api: httpx.Client, fake: FakeProlific) -> None:
    study_id = published(fake, api, places=2)
    first, second = (entry["submission_id"] for entry in fake.take_part(study_id, 2))
    assert study_status(api, study_id) == "AWAITING REVIEW"
    assert fake.return_submission(first)["status"] == "RETURNED"
    assert study_status(api, study_id) == "ACTIVE"  # a place is free again
    third = fake.start_submission(study_id)
    fake.time_out_submission(third)
    assert study_status(api, study_id) == "ACTIVE"
    fourth = fake.start_submission(study_id)
    fake.complete_submission(fourth, code="C0DE")
    assert study_status(api, study_id) == "AWAITING REVIEW"
    statuses = {s["id"]: s["status"] for s in fake.submissions[study_id]}
    assert statuses == {first: "RETURNED", second: "AWAITING REVIEW", third: "TIMED-OUT", fourth: "AWAITING REVIEW"}
    assert fake.submissions[study_id][-1]["study_code"] == "C0DE"
    counts = check_spec(
        "count-study-submissions-by-status", call(api, "count-study-submissions-by-status", id=study_id)
    )
    assert (counts["RETURNED"], counts["TIMED-OUT"], counts["AWAITING REVIEW"], counts["TOTAL"]) == (1, 1, 2, 4)


def test_participant_actions_refuse_what_the_status_does_not_allow(api: httpx.Client, fake: FakeProlific) -> None:
    study_id = published(fake, api)
    [entry] = fake.take_part(study_id, 1)
    submission_id = entry["submission_id"]
    assert submission_id is not None
    with pytest.raises(ValueError, match=r"cannot complete submission .*: it is AWAITING REVIEW \(only ACTIVE can\)"):
        fake.complete_submission(submission_id)
    with pytest.raises(ValueError, match="cannot time-out"):
        fake.time_out_submission(submission_id)
    with pytest.raises(ValueError, match="no submission 'nope'"):
        fake.return_submission("nope")
    with pytest.raises(ValueError, match="no study"):
        fake.start_submission("nope")
    draft = fake.add_study(workspace_id="ws1")
    with pytest.raises(ValueError, match="is UNPUBLISHED"):
        fake.start_submission(draft)
    with pytest.raises(ValueError, match="already has a submission"):
        fake.start_submission(study_id, entry["participant_id"])


def test_unreturn_needs_a_free_place(api: httpx.Client, fake: FakeProlific) -> None:
    study_id = published(fake, api, places=1)
    [entry] = fake.take_part(study_id, 1)
    first = str(entry["submission_id"])
    fake.return_submission(first)
    second = fake.start_submission(study_id)
    detail = error_detail("transition-submission", review(api, first, "UNRETURN"), 400)
    assert "every place of the study is held" in detail
    fake.return_submission(second)
    assert check_spec("transition-submission", review(api, first, "UNRETURN"))["status"] == "AWAITING REVIEW"
    assert study_status(api, study_id) == "AWAITING REVIEW"


def test_places_of_a_published_study_only_grow_and_reopen_it(api: httpx.Client, fake: FakeProlific) -> None:
    study_id = published(fake, api, places=2)
    fake.take_part(study_id, 2)
    assert study_status(api, study_id) == "AWAITING REVIEW"
    fewer = call(api, "update-study", json={"total_available_places": 1}, id=study_id)
    assert "can only be increased (it has 2)" in error_detail("update-study", fewer, 400)["total_available_places"][0]
    more = call(api, "update-study", json={"total_available_places": 3}, id=study_id)
    assert check_spec("update-study", more)["status"] == "ACTIVE"
    fake.take_part(study_id, 1)
    assert study_status(api, study_id) == "AWAITING REVIEW"
    draft = fake.add_study(workspace_id="ws1", total_available_places=5)
    fake.add_submissions(draft, 3)
    too_few = call(api, "update-study", json={"total_available_places": 2}, id=draft)
    assert "3 submissions hold a place" in error_detail("update-study", too_few, 400)["total_available_places"][0]
    assert check_spec("update-study", call(api, "update-study", json={"total_available_places": 3}, id=draft))


def test_stop_lets_what_started_be_submitted_and_reviewed(api: httpx.Client, fake: FakeProlific) -> None:
    study_id = published(fake, api, places=5)
    done = fake.take_part(study_id, 1)[0]["submission_id"]
    working = fake.start_submission(study_id)
    stopped = call(api, "publish-study", json={"action": "STOP"}, id=study_id)
    assert check_spec("publish-study", stopped)["status"] == "AWAITING REVIEW"
    with pytest.raises(ValueError, match="is AWAITING REVIEW"):
        fake.start_submission(study_id)
    fake.complete_submission(working)
    review(api, str(done), "APPROVE")
    assert study_status(api, study_id) == "AWAITING REVIEW"
    review(api, working, "APPROVE")
    assert study_status(api, study_id) == "COMPLETED"


def test_a_paused_study_takes_nobody_and_stays_paused(api: httpx.Client, fake: FakeProlific) -> None:
    study_id = published(fake, api, places=1)
    working = fake.start_submission(study_id)
    assert call(api, "publish-study", json={"action": "PAUSE"}, id=study_id).status_code == 200
    with pytest.raises(ValueError, match="is PAUSED"):
        fake.start_submission(study_id)
    fake.complete_submission(working)
    assert study_status(api, study_id) == "PAUSED"
    started = call(api, "publish-study", json={"action": "START"}, id=study_id)
    assert check_spec("publish-study", started)["status"] == "AWAITING REVIEW"  # started full: awaits review at once


def test_seeded_submissions_grow_the_places_to_hold_them(fake: FakeProlific) -> None:
    study_id = fake.add_study(workspace_id="ws1", total_available_places=10)
    fake.add_submissions(study_id, 25, status="AWAITING REVIEW")
    fake.add_submissions(study_id, 5, status="RETURNED")  # hold no place
    assert fake.studies[study_id]["total_available_places"] == 25
    assert fake._studies.places_held(study_id) == 25 and fake._studies.free_places(study_id) == 0
    assert fake.studies[study_id]["status"] == "UNPUBLISHED"  # a draft stays a draft
    assert [bool(s["completed_at"]) for s in fake.submissions[study_id]] == [True] * 25 + [False] * 5
    [active] = fake.add_submissions(study_id, 1, status="ACTIVE")
    assert fake.submissions[study_id][-1]["completed_at"] is None and fake.submissions[study_id][-1]["id"] == active


def test_status_changes_are_recorded_with_the_clock(api: httpx.Client, fake: FakeProlific) -> None:
    study_id = published(fake, api, places=1)
    published_at = fake.clock.iso()
    submission_id = fake.start_submission(study_id)
    fake.advance(120)
    fake.complete_submission(submission_id)
    later = fake.clock.iso()
    assert [(t["kind"], t["from"], t["to"], t["at"]) for t in fake.transitions] == [
        ("study", "UNPUBLISHED", "ACTIVE", published_at),
        ("submission", "RESERVED", "ACTIVE", published_at),
        ("submission", "ACTIVE", "AWAITING REVIEW", later),
        ("study", "ACTIVE", "AWAITING REVIEW", later),
    ]
    detail = check_spec("get-submission", call(api, "get-submission", id=submission_id))
    assert (detail["started_at"], detail["completed_at"]) == (published_at, later)
    assert fake.studies[study_id]["published_at"] == published_at


# -- the clock --------------------------------------------------------------------------------------


def test_started_submissions_time_out_after_the_maximum_allowed_time(api: httpx.Client, fake: FakeProlific) -> None:
    study_id = published(fake, api, places=3, maximum_allowed_time=20)
    early = fake.start_submission(study_id)
    fake.advance(10 * 60)
    late = fake.start_submission(study_id)
    submitted = fake.start_submission(study_id)
    fake.complete_submission(submitted)
    fake.advance(10 * 60 - 1)
    assert fake._studies.submission_index[early][1]["status"] == "ACTIVE"  # one second left
    fake.advance(1)
    statuses = {s["id"]: s["status"] for s in fake.submissions[study_id]}
    assert statuses == {early: "TIMED-OUT", late: "ACTIVE", submitted: "AWAITING REVIEW"}
    assert study_status(api, study_id) == "ACTIVE"  # the place is free again
    fake.advance(10 * 60)
    assert fake._studies.submission_index[late][1]["status"] == "TIMED-OUT"
    listed = check_spec("get-submissions", call(api, "get-submissions", params={"study": study_id, "timeout": "true"}))
    assert {s["id"] for s in listed["results"]} == {early, late}


def test_a_study_without_a_maximum_allowed_time_uses_the_documented_formula() -> None:
    assert time_limit({"estimated_completion_time": 4}) == 2 + 2 * 4 + 2 * 2
    assert time_limit({"estimated_completion_time": 4, "maximum_allowed_time": 60}) == 60


def test_the_clock_stands_still_until_advanced_and_only_moves_forward(fake: FakeProlific) -> None:
    start = fake.clock.now()
    assert fake.clock.now() == start and fake.clock.advanced == 0
    assert fake.advance(3600) == start + timedelta(hours=1) == fake.clock.now()
    for bad in (-1, float("nan"), "10", True):
        with pytest.raises(ValueError, match="seconds must be"):
            fake.advance(bad)  # type: ignore[arg-type]
    fake.reset()
    assert fake.clock.now() == start
    clock = FakeClock(datetime(2030, 1, 1, tzinfo=UTC))
    assert clock.iso() == "2030-01-01T00:00:00Z" and parse_iso(clock.iso()) == clock.now()
    with pytest.raises(ValueError, match="aware"):
        FakeClock(datetime(2030, 1, 1))


def test_return_requested_is_stamped_and_listed(api: httpx.Client, fake: FakeProlific) -> None:
    study_id = published(fake, api)
    submission_id = str(fake.take_part(study_id, 1)[0]["submission_id"])
    fake.advance(30)
    body = {"request_return_reasons": ["Did not finish the task."]}
    answer = check_spec(
        "request-submission-return", call(api, "request-submission-return", json=body, id=submission_id)
    )
    assert answer["return_requested"] == fake.clock.iso()
    listed = check_spec("get-submissions", call(api, "get-submissions", params={"study": study_id}))
    assert [s["return_requested"] for s in listed["results"]] == [fake.clock.iso()]
    detail = check_spec("get-submission", call(api, "get-submission", id=submission_id))
    assert detail["return_requested"] == fake.clock.iso() and detail["bonus_payments"] == []
