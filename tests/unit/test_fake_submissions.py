"""FakeProlific: the submission status machine, bulk approve "a moment later", counts, return requests, messages.

Every test runs twice (the ``api`` fixture): through the in-process transport and over ``serve()``.
Each answer is checked against the merged spec (``check_spec``) and parsed with its generated model.
"""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from fake_checks import call, check_spec, error_detail

from prolific.testing import FakeProlific
from prolific.testing._studies import Studies  # patched (to watch status changes): no public seam
from prolific_api_client.models import (
    ReturnRequestedResponse,
    Submission,
    SubmissionDetail,
    SubmissionListResponse,
    SubmissionsCountResponse,
)

MESSAGE = "m" * 100
TRANSITION = "transition-submission"


@pytest.fixture
def study(fake: FakeProlific) -> str:
    return fake.add_study(workspace_id="ws1")


@pytest.fixture
def changes(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, ...]]:
    """Every call of the two status setters (the webhooks helper hooks event delivery into them)."""
    seen: list[tuple[str, ...]] = []
    submission, study = Studies.set_submission_status, Studies.set_study_status

    def on_submission(self: Studies, study_id: str, submission_id: str, status: str) -> None:
        seen.append(("submission", submission_id, status))
        submission(self, study_id, submission_id, status)

    def on_study(self: Studies, study_id: str, status: str) -> None:
        seen.append(("study", study_id, status))
        study(self, study_id, status)

    monkeypatch.setattr(Studies, "set_submission_status", on_submission)
    monkeypatch.setattr(Studies, "set_study_status", on_study)
    return seen


def transition(api: httpx.Client, submission_id: str, **body: Any) -> httpx.Response:
    return call(api, TRANSITION, json=body, id=submission_id)


def status(fake: FakeProlific, study: str) -> list[str]:
    return [s["status"] for s in fake.submissions[study]]


def test_bulk_approve_is_applied_a_request_later(
    api: httpx.Client, fake: FakeProlific, study: str, changes: list[tuple[str, ...]]
) -> None:
    ids = fake.add_submissions(study, 3, status="AWAITING REVIEW")
    fake.add_submissions(study, 1, status="ACTIVE")
    answer = call(api, "bulk-approve-submissions", json={"submission_ids": ids[:2]})
    assert check_spec("bulk-approve-submissions", answer) == "Bulk approve in progress"
    assert status(fake, study) == ["AWAITING REVIEW"] * 3 + ["ACTIVE"]  # not yet
    counts = call(api, "count-study-submissions-by-status", id=study)
    body = check_spec("count-study-submissions-by-status", counts)
    assert body["APPROVED"] == 2 and body["AWAITING REVIEW"] == 1 and body["ACTIVE"] == 1 and body["TOTAL"] == 4
    assert SubmissionsCountResponse.from_dict(body).approved == 2
    assert changes == [("submission", ids[0], "APPROVED"), ("submission", ids[1], "APPROVED")]

    fake.bulk_approve_lag = 0  # at once
    call(api, "bulk-approve-submissions", json={"submission_ids": [ids[2]]})
    assert status(fake, study)[2] == "APPROVED"
    fake.bulk_approve_lag = 5
    participant = fake.submissions[study][3]["participant_id"]
    call(api, "bulk-approve-submissions", json={"study_id": study, "participant_ids": [participant]})
    assert fake.settle() == 0  # an ACTIVE submission is not approved


def test_bulk_approve_errors(api: httpx.Client, fake: FakeProlific, study: str) -> None:
    fake.add_submissions(study, 1, status="AWAITING REVIEW")
    for body, field in [
        ({"submission_ids": []}, "submission_ids"),
        ({"submission_ids": ["nope"]}, "submission_ids"),
        ({"submission_ids": ["a" * 24]}, "submission_ids"),
        ({"participant_ids": ["a" * 24]}, "participant_ids"),  # the spec check: neither of the two bodies
        ({"study_id": study, "participant_ids": ["b" * 24]}, "participant_ids"),
        ({}, "not valid under any of the given schemas"),  # the spec check: neither of the two bodies
    ]:
        detail = error_detail("bulk-approve-submissions", call(api, "bulk-approve-submissions", json=body), 400)
        assert field in str(detail), body
    assert fake.settle() == 0


def test_transitions(api: httpx.Client, fake: FakeProlific, study: str, changes: list[tuple[str, ...]]) -> None:
    waiting, other = fake.add_submissions(study, 2, status="AWAITING REVIEW")
    active = fake.add_submissions(study, 1, status="ACTIVE")[0]
    reserved = fake.add_submissions(study, 1, status="RESERVED")[0]
    ok = transition(api, waiting, action="REJECT", rejection_category="NO_CODE", message=MESSAGE)
    assert Submission.from_dict(check_spec(TRANSITION, ok)).status == "REJECTED"
    again = transition(api, waiting, action="REJECT", rejection_category="NO_CODE", message=MESSAGE)
    assert again.status_code == 200  # a repeated transition is ignored
    detail = error_detail(TRANSITION, transition(api, waiting, action="APPROVE"), 400)
    assert detail == "Cannot APPROVE a submission that is REJECTED."
    assert check_spec(TRANSITION, transition(api, active, action="COMPLETE", completion_code="C1"))["status"] == (
        "AWAITING REVIEW"
    )
    assert transition(api, reserved, action="START").json()["status"] == "ACTIVE"
    assert transition(api, other, action="UNREJECT").status_code == 400
    assert changes == [
        ("submission", waiting, "REJECTED"),
        ("submission", active, "AWAITING REVIEW"),
        ("submission", reserved, "ACTIVE"),
    ]
    got = call(api, "get-submission", id=active)
    assert SubmissionDetail.from_dict(check_spec("get-submission", got)).status == "AWAITING REVIEW"
    assert error_detail("get-submission", call(api, "get-submission", id="f" * 24), 404)


@pytest.mark.parametrize(
    ("body", "fields"),
    [
        ({"action": "REJECT", "rejection_category": "NO_CODE", "message": "m" * 99}, {"message"}),
        ({"action": "REJECT", "rejection_category": "FAST", "message": MESSAGE}, {"rejection_category"}),
        ({"action": "REJECT"}, {"rejection_category", "message"}),
        ({"action": "COMPLETE"}, {"completion_code"}),
        ({"action": "DANCE"}, {"action"}),
        ({}, {"action"}),
    ],
)
def test_transition_rules(api: httpx.Client, fake: FakeProlific, study: str, body: Any, fields: set[str]) -> None:
    (submission,) = fake.add_submissions(study, 1, status="AWAITING REVIEW")
    assert set(error_detail(TRANSITION, transition(api, submission, **body), 400)) == fields
    assert status(fake, study) == ["AWAITING REVIEW"]


def test_completion_codes_of_the_study(api: httpx.Client, fake: FakeProlific) -> None:
    study = fake.add_study(workspace_id="ws1", completion_codes=[{"code": "C1", "code_type": "COMPLETED"}])
    (submission,) = fake.add_submissions(study, 1, status="ACTIVE")
    assert "completion_code" in error_detail(
        TRANSITION, transition(api, submission, action="COMPLETE", completion_code="X"), 400
    )
    assert transition(api, submission, action="COMPLETE", completion_code="C1").status_code == 200


def test_request_return(api: httpx.Client, fake: FakeProlific, study: str) -> None:
    waiting, approved = fake.add_submissions(study, 2, status="AWAITING REVIEW")
    fake.submissions[study][1]["status"] = "APPROVED"
    answer = call(api, "request-submission-return", json={"request_return_reasons": ["Withdrew consent"]}, id=waiting)
    parsed = ReturnRequestedResponse.from_dict(check_spec("request-submission-return", answer))
    assert parsed.return_requested is not None and fake.submissions[study][0]["return_requested"]
    refused = call(api, "request-submission-return", json={"request_return_reasons": ["x"]}, id=approved)
    assert "APPROVED" in error_detail("request-submission-return", refused, 400)
    empty = call(api, "request-submission-return", json={"request_return_reasons": []}, id=waiting)
    assert "request_return_reasons" in error_detail("request-submission-return", empty, 400)


def test_get_submissions_status_filters(api: httpx.Client, fake: FakeProlific, study: str) -> None:
    fake.add_submissions(study, 3, status="AWAITING REVIEW")
    fake.add_submissions(study, 2, status="ACTIVE")
    fake.add_submissions(study, 1, status="TIMED-OUT")

    def count(**query: str) -> int:
        response = call(api, "get-submissions", params={"study": study, **query})
        return len(SubmissionListResponse.from_dict(check_spec("get-submissions", response)).results)

    assert count(awaiting_review="true") == 3 and count(status="AWAITING_REVIEW") == 3
    assert count(active="true") == 2 and count(timeout="true") == 1 and count(status="TIMED-OUT") == 1
    assert count(awaiting_review="false") == 3 and count(active="true", awaiting_review="true") == 0
    # What the spec rules out is the API's 400, naming the parameter (the fake checks requests against it).
    for query in ({"approved": "maybe"}, {"active": "1"}, {"status": "awaiting_review"}):
        bad = call(api, "get-submissions", params={"study": study, **query})
        assert next(iter(query)) in error_detail("get-submissions", bad, 400), query


def test_messages(api: httpx.Client, fake: FakeProlific, study: str) -> None:
    people = [f"{n:024x}" for n in range(1, 4)]
    response = call(api, "bulk-message-participants", json={"ids": people, "body": "hi", "study_id": study})
    assert response.status_code == 204 and check_spec("bulk-message-participants", response) is None
    assert (
        call(api, "send-message", json={"recipient_id": people[0], "body": "you", "study_id": study}).status_code == 204
    )
    group = call(
        api, "create-participant-group", json={"name": "G", "workspace_id": "ws1", "participant_ids": people[:2]}
    )
    group_id = group.json()["id"]
    sent = call(api, "send-message-to-participant-group", json={"participant_group_id": group_id, "body": "all"})
    assert sent.status_code == 204
    assert [(m["recipient_id"], m["body"], m["participant_group_id"]) for m in fake.messages] == [
        (people[0], "hi", None),
        (people[1], "hi", None),
        (people[2], "hi", None),
        (people[0], "you", None),
        (people[0], "all", group_id),
        (people[1], "all", group_id),
    ]
    for operation, body, field in [
        ("bulk-message-participants", {"ids": ["x"], "body": "hi", "study_id": study}, "ids"),
        ("bulk-message-participants", {"ids": people, "body": " ", "study_id": study}, "body"),
        ("send-message", {"recipient_id": people[0], "body": "hi", "study_id": "f" * 24}, "study_id"),
        ("send-message-to-participant-group", {"body": "hi"}, "participant_group_id"),
    ]:
        assert field in error_detail(operation, call(api, operation, json=body), 400)
    assert len(fake.messages) == 6
    fake.reset()
    assert fake.messages == []


def test_group_creation_checks_ids(api: httpx.Client, fake: FakeProlific) -> None:
    body = {"name": "G", "workspace_id": "ws1", "participant_ids": ["a" * 24, "not-an-id"]}
    detail = error_detail("create-participant-group", call(api, "create-participant-group", json=body), 400)
    assert "Item 2 of the list" in detail["participant_ids"][0] and "not-an-id" not in str(detail)
    assert fake.participant_groups == {}


def test_study_status_changes_go_through_the_setter(
    api: httpx.Client, fake: FakeProlific, study: str, changes: list[tuple[str, ...]]
) -> None:
    response = call(api, "publish-study", json={"action": "PUBLISH"}, id=study)
    assert response.status_code == 200
    assert changes == [("study", study, "ACTIVE")]
