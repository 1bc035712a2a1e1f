"""Approving at scale: a bulk approve in batches (each retried, then optionally confirmed from the study's
counts), and a list of reviews applied one by one; their result and "stopped part way" errors.

Both are flows (:mod:`prolific._flow`): they yield the calls to send and the poll delays, and a
resource hands them to the driver. A bulk approve is idempotent (Prolific ignores a repeated one),
so its call says so and carries its own retry policy (``retries``): the one retry loop resends a
batch that may have been applied, as it would a GET.
"""

from __future__ import annotations

import builtins
import random
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from prolific_api_client.models import (
    BulkApproveByParticipants,
    BulkApproveBySubmissions,
    SubmissionsCountResponse,
    SubmissionShort,
)
from prolific_api_client.operations.studies import COUNT_STUDY_SUBMISSIONS_BY_STATUS
from prolific_api_client.operations.submissions import BULK_APPROVE_SUBMISSIONS
from prolific_api_client.types import Unset

from .. import _validation as check
from .._call import RawResponse
from .._errors import APIError, InvalidArgumentError, ReviewError
from .._flow import Call, Flow, Pause, RawCall
from .._retry import RetryPolicy, attempts_of
from ._calls import review_call
from ._rules import Review

#: Ids per bulk-approve request: Prolific's documented recommendation ("a maximum of 1,000").
MAX_APPROVE_BATCH = 1_000
#: How often a failed batch (a dropped connection, a 5xx, a 429) is sent again before giving up: a
#: bulk approve is idempotent, so a batch that may have been applied is safe to resend.
DEFAULT_BATCH_RETRIES = 2
#: ``wait=True``: the longest the counts are polled for, in seconds (the API approves asynchronously).
DEFAULT_WAIT_TIMEOUT = 120.0
_FIRST_POLL, _MAX_POLL = 0.5, 10.0

ProgressCallback = Callable[[int, int], object]


@dataclass(frozen=True)
class ApprovalResult:
    """What :meth:`Submissions.approve` did: ids sent, requests made, and (``wait=True``) what the counts showed.

    ``confirmed``: ``None`` without ``wait``; ``True`` once the study's counts showed the approvals;
    ``False`` if they did not within the wait (the API approves asynchronously: check later).
    ``counts``: the last ``SubmissionsCountResponse`` read, or ``None``.
    ``return_requested``: (``approve_awaiting_review``) how many submissions awaiting review were left
    out because their participant was asked to return them.
    """

    approved: int
    requests: int
    confirmed: bool | None = None
    counts: SubmissionsCountResponse | None = None
    return_requested: int = 0


def awaiting_approval(submissions: Iterable[SubmissionShort]) -> tuple[list[str], int]:
    """The ids to approve of a study's submissions awaiting review, and how many were left out.

    A submission whose participant was asked to return it (``return_requested`` set) is left out:
    approving it would pay for work the researcher has asked to be withdrawn.
    """
    ids: list[str] = []
    left_out = 0
    for submission in submissions:
        if isinstance(submission.return_requested, Unset) or submission.return_requested is None:
            ids.append(submission.id)
        else:
            left_out += 1
    return ids, left_out


def _positive(value: object, name: str, maximum: int | None = None) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1 or (maximum is not None and value > maximum):
        limit = f"from 1 to {maximum:,}" if maximum is not None else ">= 1"
        raise InvalidArgumentError(f"{name} must be an int {limit}, got {value!r}")
    return value


def _counts(value: SubmissionsCountResponse) -> SubmissionsCountResponse:
    return value


def _number(counts: SubmissionsCountResponse | None, name: str) -> int:
    value = getattr(counts, name, None) if counts is not None else None
    return int(value) if isinstance(value, int | float) and not isinstance(value, bool) else 0


class _Steady(random.Random):
    """A jitter source that never shortens a wait: a batch is resent after 0.5 s, 1 s, 2 s ... (at most 10 s)."""

    def random(self) -> float:
        return 1.0


def batch_policy(retries: int) -> RetryPolicy:
    """The retry policy of a bulk-approve batch: ``retries`` times, after 0.5 s doubling up to 10 s."""
    return RetryPolicy(max_retries=retries, initial_delay=_FIRST_POLL, max_delay=_MAX_POLL, jitter=_Steady())


def _attempts(raw: RawResponse[Any]) -> int:
    return attempts_of(raw.http_response)


class _Approval:
    """The state of one batched approve: how far it got, and the ReviewError saying how to resume."""

    def __init__(self, ids: builtins.list[str], *, study_id: str | None, by: str, batch_size: int) -> None:
        self.ids = ids
        self.study_id = study_id
        self.by = by  # "submission" | "participant"
        self.batch_size = batch_size
        self.done = 0

    def body(self, batch: builtins.list[str]) -> BulkApproveBySubmissions | BulkApproveByParticipants:
        if self.by == "participant":
            assert self.study_id is not None
            return BulkApproveByParticipants(study_id=self.study_id, participant_ids=batch)
        return BulkApproveBySubmissions(submission_ids=batch)

    def stopped(self, error: APIError, batch: int) -> ReviewError:
        total = len(self.ids)
        number = self.done // self.batch_size + 1
        batches = -(-total // self.batch_size)
        method = (
            "approve(err.remaining)"
            if self.by == "submission"
            else f"approve_participants({self.study_id!r}, err.remaining)"
        )
        lines = [
            f"bulk approve stopped: {self.done:,} of {total:,} {self.by} ids sent, batch {number} of {batches} "
            f"(ids {self.done + 1:,}-{self.done + batch:,}) failed. Cause: {error}",
        ]
        if error.may_have_been_applied:
            lines.append("The failed batch may or may not have been applied: sending it again is safe (idempotent).")
        advice = (
            f"Resume with client.submissions.{method} (err.remaining = ids {self.done + 1:,} to {total:,} of the "
            "input, the failed batch included)."
        )
        return ReviewError(
            " ".join(lines),
            action="approve",
            done=self.done,
            total=total,
            remaining=self.ids[self.done :],
            advice=advice,
        )


def approve_flow(
    approval: _Approval,
    *,
    wait: bool,
    wait_timeout: float,
    retries: int,
    on_progress: ProgressCallback | None,
) -> Flow[ApprovalResult]:
    """Send the ids in batches (each resent up to ``retries`` times), then with ``wait`` poll the counts."""
    before: SubmissionsCountResponse | None = None
    count_call = Call(COUNT_STUDY_SUBMISSIONS_BY_STATUS, {"id": approval.study_id}, _counts)
    total, requests = len(approval.ids), 0
    if wait:
        before = yield count_call
        requests += 1
    policy = batch_policy(retries)
    while approval.done < total:
        batch = approval.ids[approval.done : approval.done + approval.batch_size]
        call = RawCall(
            BULK_APPROVE_SUBMISSIONS, {"body": approval.body(batch)}, _attempts, idempotent=True, retry_policy=policy
        )
        try:
            requests += yield call
        except APIError as error:
            raise approval.stopped(error, len(batch)) from error
        approval.done += len(batch)
        if on_progress is not None:
            on_progress(approval.done, total)
    if not wait:
        return ApprovalResult(approved=total, requests=requests)
    counts, waited, delay = before, 0.0, _FIRST_POLL
    while True:
        counts = yield count_call
        requests += 1
        grown = _number(counts, "approved") - _number(before, "approved")
        if grown >= total or _number(counts, "awaiting_review") == 0:
            return ApprovalResult(approved=total, requests=requests, confirmed=True, counts=counts)
        if waited >= wait_timeout:
            return ApprovalResult(approved=total, requests=requests, confirmed=False, counts=counts)
        delay = min(delay, wait_timeout - waited) if wait_timeout > waited else delay
        yield Pause(delay)
        waited += delay
        delay = min(_MAX_POLL, delay * 2)


def apply_flow(reviews: builtins.list[Review], on_progress: ProgressCallback | None = None) -> Flow[int]:
    """Send each review as its own request, in order (``on_progress(sent, total)`` after each); a failure
    raises ReviewError with the rest."""
    for done, review in enumerate(reviews):
        try:
            yield review_call(review)
        except APIError as error:
            where = f" ({review.where()})" if review.line is not None else ""
            message = (
                f"reviews stopped: {done:,} of {len(reviews):,} sent; review {done + 1}{where}, {review.action} "
                f"of submission {review.submission_id}, failed. Cause: {error}"
            )
            advice = (
                "Resume with client.submissions.apply(err.remaining) (the failed review included: a transition "
                "repeated is ignored by the API)."
            )
            raise ReviewError(
                message, action="apply", done=done, total=len(reviews), remaining=reviews[done:], advice=advice
            ) from error
        if on_progress is not None:
            on_progress(done + 1, len(reviews))
    return len(reviews)


def bulk_approve_flow(
    ids: Iterable[str],
    study_id: str | None,
    by: str,
    batch_size: int,
    wait: bool,
    wait_timeout: float,
    retries: int,
    on_progress: ProgressCallback | None,
) -> Flow[ApprovalResult]:
    """The flow of an approve (by submission or by participant id), its arguments checked first: one home for
    the four methods (sync and async, ``approve`` and ``approve_participants``)."""
    approval = _approval(
        ids, study_id=study_id, by=by, batch_size=batch_size, wait=wait, retries=retries, wait_timeout=wait_timeout
    )
    return approve_flow(approval, wait=wait, wait_timeout=wait_timeout, retries=retries, on_progress=on_progress)


def _approval(
    ids: Iterable[str],
    *,
    study_id: str | None,
    by: str,
    batch_size: int,
    wait: bool,
    retries: int,
    wait_timeout: float,
) -> _Approval:
    """Every argument of an approve checked, before any request."""
    checked = check.require_ids(ids, f"{by}_ids", "participant id" if by == "participant" else "submission id")
    if study_id is not None or by == "participant":
        study_id = check.require_id(study_id, "study_id", "study id")
    if wait and study_id is None:
        raise InvalidArgumentError("wait=True reads the study's counts: give study_id= too")
    if isinstance(retries, bool) or not isinstance(retries, int) or retries < 0:
        raise InvalidArgumentError(f"retries must be an int >= 0, got {retries!r}")
    if isinstance(wait_timeout, bool) or not isinstance(wait_timeout, int | float) or not wait_timeout >= 0:
        raise InvalidArgumentError(f"wait_timeout must be seconds >= 0, got {wait_timeout!r}")
    return _Approval(
        checked, study_id=study_id, by=by, batch_size=_positive(batch_size, "batch_size", MAX_APPROVE_BATCH)
    )
