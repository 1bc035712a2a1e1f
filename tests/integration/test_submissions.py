"""``client.submissions`` and ``client.messages`` against FakeProlific, in-process and over loopback HTTP."""

from __future__ import annotations

import pytest

import prolific
from prolific import AsyncProlific, Prolific, Review, ReviewError
from prolific.testing import FakeProlific
from prolific_api_client.models import ReturnRequestedResponse, Submission, SubmissionShort

BULK = "bulk-approve-submissions"
MESSAGE = "Your answers were blank for every open question of the study, so we cannot use them; sorry about that."


@pytest.fixture
def study(fake: FakeProlific) -> str:
    return fake.add_study(workspace_id="ws1")


def bulk_sizes(fake: FakeProlific) -> list[int]:
    return [len(r.body["submission_ids"]) for r in fake.requests if r.operation_id == BULK]


def status_of(fake: FakeProlific, study: str, submission_id: str) -> str:
    return next(s["status"] for s in fake.submissions[study] if s["id"] == submission_id)


def test_approve_10000_ids_takes_10_requests(client: Prolific, fake: FakeProlific, study: str) -> None:
    ids = fake.add_submissions(study, 10_000, status="AWAITING REVIEW")
    progress: list[tuple[int, int]] = []
    result = client.submissions.approve(ids, on_progress=lambda done, total: progress.append((done, total)))
    assert result == prolific.ApprovalResult(approved=10_000, requests=10)
    assert bulk_sizes(fake) == [1000] * 10 and len(fake.requests) == 10
    assert progress[0] == (1000, 10_000) and progress[-1] == (10_000, 10_000)
    assert fake.settle() == 1000  # each bulk request let the one before it settle ("a moment later")
    assert {s["status"] for s in fake.submissions[study]} == {"APPROVED"}


def test_awaiting_review_pages_and_filters(client: Prolific, fake: FakeProlific, study: str) -> None:
    waiting = fake.add_submissions(study, 250, status="AWAITING REVIEW")
    fake.add_submissions(study, 30, status="ACTIVE")
    listed = list(client.submissions.iter_awaiting_review(study))
    assert [s.id for s in listed] == waiting and all(isinstance(s, SubmissionShort) for s in listed)
    assert [r.query["page"] for r in fake.requests] == ["1", "2", "3"]
    assert len(list(client.submissions.iter_submissions(study))) == 280
    assert len(list(client.submissions.iter_submissions(study, status="active"))) == 30
    with pytest.raises(prolific.InvalidArgumentError, match="not a submission status"):
        client.submissions.iter_submissions(study, status="DONE")


def test_wait_polls_the_counts_with_backoff(client: Prolific, fake: FakeProlific, study: str) -> None:
    ids = fake.add_submissions(study, 5, status="AWAITING REVIEW")
    fake.bulk_approve_lag = 4  # applied on the 4th submissions request after the bulk approve
    sleeps: list[float] = []
    client.sleep = sleeps.append
    result = client.submissions.approve(ids, study_id=study, wait=True)
    assert result.confirmed is True and result.counts is not None and result.counts.approved == 5
    assert sleeps == [0.5, 1.0, 2.0]  # three polls saw nothing, the fourth saw the approvals
    operations = [r.operation_id for r in fake.requests]
    assert operations == ["count-study-submissions-by-status", BULK] + ["count-study-submissions-by-status"] * 4


def test_approve_sleep_is_deprecated_but_still_waits_with_it(client: Prolific, fake: FakeProlific, study: str) -> None:
    ids = fake.add_submissions(study, 5, status="AWAITING REVIEW")
    fake.bulk_approve_lag = 2
    sleeps: list[float] = []
    client.sleep = lambda _: pytest.fail("approve(sleep=) waits with the function it was given")
    with pytest.warns(DeprecationWarning, match="client.sleep"):
        result = client.submissions.approve(ids, study_id=study, wait=True, sleep=sleeps.append)
    assert result.confirmed is True and sleeps == [0.5]


async def test_async_approve_sleep_is_deprecated(aclient: AsyncProlific, fake: FakeProlific, study: str) -> None:
    fake.add_submissions(study, 2, status="AWAITING REVIEW")
    fake.bulk_approve_lag = 2
    slept: list[float] = []

    async def sleep(seconds: float) -> None:
        slept.append(seconds)

    with pytest.warns(DeprecationWarning, match="client.sleep"):
        result = await aclient.submissions.approve_participants(
            study, [s["participant_id"] for s in fake.submissions[study]], wait=True, sleep=sleep
        )
    assert result.confirmed is True and slept == [0.5]


def test_wait_is_bounded(client: Prolific, fake: FakeProlific, study: str) -> None:
    ids = fake.add_submissions(study, 2, status="AWAITING REVIEW")
    fake.bulk_approve_lag = 1000
    sleeps: list[float] = []
    client.sleep = sleeps.append
    result = client.submissions.approve(ids, study_id=study, wait=True, wait_timeout=5)
    assert result.confirmed is False and sum(sleeps) == 5 and max(sleeps) <= 10
    with pytest.raises(prolific.InvalidArgumentError, match="study_id"):
        client.submissions.approve(ids, wait=True)


def test_a_dropped_batch_is_sent_again(client: Prolific, fake: FakeProlific, study: str) -> None:
    ids = fake.add_submissions(study, 1500, status="AWAITING REVIEW")
    fake.stall_next(0, operation=BULK)
    fake.drop_next(1, apply=True, operation=BULK)
    sleeps: list[float] = []
    client.sleep = sleeps.append
    result = client.submissions.approve(ids)
    assert result.requests == 3 and bulk_sizes(fake) == [1000, 500, 500] and sleeps == [0.5]
    fake.settle()
    assert {s["status"] for s in fake.submissions[study]} == {"APPROVED"}


def test_a_dropped_second_batch_raises_review_error_and_resumes(
    client: Prolific, fake: FakeProlific, study: str
) -> None:
    ids = fake.add_submissions(study, 2500, status="AWAITING REVIEW")
    fake.stall_next(0, operation=BULK)
    fake.drop_next(1, operation=BULK)
    with pytest.raises(ReviewError) as info:
        client.submissions.approve(ids, retries=0)
    error = info.value
    assert error.done == 1000 and error.total == 2500 and error.remaining == ids[1000:]
    assert isinstance(error.__cause__, prolific.APIConnectionError)
    assert "Resume with client.submissions.approve(err.remaining)" in str(error)
    assert "batch 2 of 3" in str(error) and "ids 1,001-2,000" in str(error)
    assert client.submissions.approve(error.remaining).approved == 1500
    fake.settle()
    assert {s["status"] for s in fake.submissions[study]} == {"APPROVED"}


def test_a_4xx_is_not_sent_again(client: Prolific, fake: FakeProlific, study: str) -> None:
    ids = fake.add_submissions(study, 3, status="AWAITING REVIEW")
    unknown = "ffffffffffffffffffffffff"
    client.sleep = lambda _: pytest.fail("no retry on a 400")
    with pytest.raises(ReviewError) as info:
        client.submissions.approve([*ids, unknown])
    assert isinstance(info.value.__cause__, prolific.BadRequestError) and info.value.done == 0
    assert len(bulk_sizes(fake)) == 1


def test_ids_are_checked_before_anything_is_sent(client: Prolific, fake: FakeProlific, study: str) -> None:
    ids = fake.add_submissions(study, 3, status="AWAITING REVIEW")
    with pytest.raises(prolific.InvalidArgumentError, match="submission_ids item 3: 'ABC' is not a submission id"):
        client.submissions.approve([ids[0], ids[1], "ABC"])
    with pytest.raises(prolific.InvalidArgumentError, match="participant_ids item 1"):
        client.submissions.approve_participants(study, ["p1"])
    with pytest.raises(prolific.InvalidArgumentError, match="batch_size"):
        client.submissions.approve(ids, batch_size=1001)
    with pytest.raises(prolific.InvalidArgumentError, match="participant_ids item 2"):
        client.participant_groups.create(name="G", workspace_id="ws1", participant_ids=["a" * 24, "nope"])
    with pytest.raises(prolific.InvalidArgumentError, match="participant_ids item 1"):
        client.messages.send_bulk(study, ["x"], "hello")
    assert fake.requests == []


def test_approve_participants(client: Prolific, fake: FakeProlific, study: str) -> None:
    fake.add_submissions(study, 3, status="AWAITING REVIEW")
    participants = [s["participant_id"] for s in fake.submissions[study]]
    assert client.submissions.approve_participants(study, participants[:2]).requests == 1
    fake.settle()
    assert [s["status"] for s in fake.submissions[study]] == ["APPROVED", "APPROVED", "AWAITING REVIEW"]


def test_transitions_and_their_rules(client: Prolific, fake: FakeProlific, study: str) -> None:
    first, second, third = fake.add_submissions(study, 3, status="AWAITING REVIEW")
    active = fake.add_submissions(study, 2, status="ACTIVE")
    for call, match in [
        (lambda: client.submissions.reject(first, category="FAST", message=MESSAGE), "'FAST' is not a rejection"),  # type: ignore[arg-type]
        (lambda: client.submissions.reject(first, category="NO_DATA", message="short"), "at least 100 characters"),
        (lambda: client.submissions.complete(active[0], completion_code=" "), "completion_code"),
        (lambda: client.submissions.complete(active[0], completion_code="C1", percentage_of_reward=5), "8 and 99"),
        (lambda: client.submissions.request_return(first, reasons=[]), "at least one reason"),
        (lambda: client.submissions.reject("x", category="NO_DATA", message=MESSAGE), "submission_id"),
    ]:
        with pytest.raises(prolific.InvalidArgumentError, match=match):
            call()
    assert fake.requests == []
    rejected = client.submissions.reject(first, category="NO_DATA", message=MESSAGE)
    assert isinstance(rejected, Submission) and rejected.status == "REJECTED"
    assert client.submissions.reject(first, category="NO_DATA", message=MESSAGE).status == "REJECTED"  # ignored
    with pytest.raises(prolific.BadRequestError, match="Cannot APPROVE a submission that is REJECTED"):
        client.submissions.transition_submission(first, body=prolific_api_client_transition("APPROVE"))
    assert client.submissions.complete(active[0], completion_code="C1").status == "AWAITING REVIEW"
    assert client.submissions.screen_out(active[1]).status == "SCREENED OUT"
    answer = client.submissions.request_return(second, reasons="Didn't finish the study")
    assert isinstance(answer, ReturnRequestedResponse) and answer.return_requested is not None
    assert status_of(fake, study, third) == "AWAITING REVIEW"


def prolific_api_client_transition(action: str) -> object:
    from prolific_api_client.models import SubmissionTransition

    return SubmissionTransition(action=action)  # type: ignore[arg-type]


def test_apply_one_by_one_and_resume(client: Prolific, fake: FakeProlific, study: str) -> None:
    ids = fake.add_submissions(study, 3, status="AWAITING REVIEW")
    reviews = [
        Review(ids[0], "APPROVE"),
        Review(ids[1], "REJECT", "LOW_EFFORT", MESSAGE),
        Review(ids[2], "RETURN", message="Withdrew consent"),
    ]
    fake.stall_next(0, operation="transition-submission")
    fake.fail_next(400, operation="transition-submission")
    with pytest.raises(ReviewError) as info:
        client.submissions.apply(reviews)
    assert info.value.done == 1 and info.value.remaining == reviews[1:]
    assert "client.submissions.apply(err.remaining)" in str(info.value)
    assert client.submissions.apply(info.value.remaining) == 2
    assert [status_of(fake, study, i) for i in ids] == ["APPROVED", "REJECTED", "AWAITING REVIEW"]
    with pytest.raises(prolific.InvalidArgumentError, match="reviews item 1"):
        client.submissions.apply([Review(ids[0], "REJECT", "LOW_EFFORT", "short")])


def test_messages(client: Prolific, fake: FakeProlific, study: str) -> None:
    participants = [f"{n:024x}" for n in range(1, 1102)]
    assert client.messages.send_bulk(study, participants, "Thanks!") == 1101
    sizes = [len(r.body["ids"]) for r in fake.requests if r.operation_id == "bulk-message-participants"]
    assert sizes == [500, 500, 101] and [m["recipient_id"] for m in fake.messages] == participants
    group = client.participant_groups.create(name="G", workspace_id="ws1", participant_ids=participants[:3])
    client.messages.send_to_group(group.id, "Hello group", study_id=study)
    assert [m["participant_group_id"] for m in fake.messages[-3:]] == [group.id] * 3
    client.messages.send(participants[0], "Just you", study_id=study)
    assert fake.messages[-1]["body"] == "Just you"

    fake.messages.clear()
    fake.stall_next(0, operation="bulk-message-participants")
    fake.drop_next(1, operation="bulk-message-participants")
    with pytest.raises(ReviewError) as info:
        client.messages.send_bulk(study, participants, "Again")
    assert info.value.done == 500 and info.value.remaining == participants[500:]
    assert "may have been delivered" in str(info.value) and "twice" in str(info.value)
    assert len([r for r in fake.requests if r.operation_id == "bulk-message-participants"]) == 5  # never re-sent


async def test_async_twins(aclient: AsyncProlific, fake: FakeProlific, study: str) -> None:
    ids = fake.add_submissions(study, 1200, status="AWAITING REVIEW")
    listed = [s.id async for s in aclient.submissions.iter_awaiting_review(study)]
    assert listed == ids
    slept: list[float] = []

    async def sleep(seconds: float) -> None:
        slept.append(seconds)

    fake.bulk_approve_lag = 2
    aclient.sleep = sleep
    result = await aclient.submissions.approve(ids, study_id=study, wait=True)
    assert result.confirmed is True and result.requests == 5 and slept == [0.5]  # 1 + 2 batches + 2 polls
    assert await aclient.messages.send_bulk(study, ["a" * 24], "hi") == 1
    (extra,) = fake.add_submissions(study, 1, status="AWAITING REVIEW")
    rejected = await aclient.submissions.apply([Review(extra, "REJECT", "OTHER", MESSAGE)])
    assert rejected == 1


def test_approve_awaiting_review_leaves_out_returns_requested(client: Prolific, fake: FakeProlific, study: str) -> None:
    waiting = fake.add_submissions(study, 5, status="AWAITING REVIEW")
    client.submissions.request_return(waiting[3], reasons="Withdrew consent")
    result = client.submissions.approve_awaiting_review(study)
    assert (result.approved, result.return_requested, result.requests) == (4, 1, 1)
    fake.settle()
    assert status_of(fake, study, waiting[3]) == "AWAITING REVIEW"
    assert {status_of(fake, study, i) for i in waiting if i != waiting[3]} == {"APPROVED"}
    nothing = client.submissions.approve_awaiting_review(study)  # only the returned one is left
    assert (nothing.approved, nothing.return_requested, nothing.requests) == (0, 1, 0)


async def test_approve_awaiting_review_async(aclient: AsyncProlific, fake: FakeProlific, study: str) -> None:
    waiting = fake.add_submissions(study, 3, status="AWAITING REVIEW")
    await aclient.submissions.request_return(waiting[0], reasons="Withdrew consent")
    result = await aclient.submissions.approve_awaiting_review(study)
    assert (result.approved, result.return_requested) == (2, 1)
