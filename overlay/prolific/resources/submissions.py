"""``client.submissions``: list, review at any scale (bulk approve in batches), reject, return, complete.

Every method checks the API's rules before sending (ids are 24 hexadecimal characters, a rejection
has a category and a 100-character message, a completion has a code: :mod:`prolific.reviews`).
Multi-request methods are flows (:mod:`prolific.resources._base`) that may also yield a
:class:`Pause` (a back-off or poll delay); :func:`drive_sync` / :func:`drive_async` run them, with
the sleep function the caller chose (so tests count sleeps instead of waiting).
"""

from __future__ import annotations

import asyncio
import builtins
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any, TypeVar

from prolific_api_client.models import (
    BulkApproveByParticipants,
    BulkApproveBySubmissions,
    RequestSubmissionReturnRequest,
    ReturnRequestedResponse,
    Submission,
    SubmissionsCountResponse,
    SubmissionShort,
    SubmissionTransition,
    SubmissionTransitionCompletionCodeData,
)
from prolific_api_client.operations.studies import COUNT_STUDY_SUBMISSIONS_BY_STATUS
from prolific_api_client.operations.submissions import (
    BULK_APPROVE_SUBMISSIONS,
    GET_SUBMISSIONS,
    REQUEST_SUBMISSION_RETURN,
    TRANSITION_SUBMISSION,
    AsyncSubmissionsOperations,
    SubmissionsOperations,
)

from .. import _validation as check
from .._call import Call
from .._errors import APIConnectionError, APIError, InvalidArgumentError, RateLimitError, ReviewError, ServerError
from .._pagination import DEFAULT_PAGE_SIZE, Pager
from .._pausing import Pause, PausingFlow, drive_async, drive_sync
from ..reviews._ids import _study_id, _submission_id, prolific_ids
from ..reviews._rules import (
    RejectionCategory,
    Review,
    check_rejection,
    completion_code_problem,
    reviews_from,
)
from ._base import AsyncResource, SyncResource

T = TypeVar("T")

#: Ids per bulk-approve request: Prolific's documented recommendation ("a maximum of 1,000").
MAX_APPROVE_BATCH = 1_000
#: How often a failed batch (a dropped connection, a 5xx) is sent again before giving up: a bulk
#: approve is idempotent, so a batch that may have been applied is safe to resend.
DEFAULT_BATCH_RETRIES = 2
#: ``wait=True``: the longest the counts are polled for, in seconds (the API approves asynchronously).
DEFAULT_WAIT_TIMEOUT = 120.0
_FIRST_POLL, _MAX_POLL = 0.5, 10.0

ProgressCallback = Callable[[int, int], object]

# The statuses ``list(status=)`` takes (any case, space or underscore) → the ``status`` query value.
_STATUS_QUERY = {
    "ACTIVE": "ACTIVE",
    "APPROVED": "APPROVED",
    "AWAITING_REVIEW": "AWAITING_REVIEW",
    "PARTIALLY_APPROVED": "PARTIALLY_APPROVED",
    "REJECTED": "REJECTED",
    "RETURNED": "RETURNED",
    "SCREENED_OUT": "SCREENED_OUT",
    "TIMED_OUT": "TIMED-OUT",
}


@dataclass(frozen=True)
class ApprovalResult:
    """What :meth:`Submissions.approve` did: ids sent, requests made, and (``wait=True``) what the counts showed.

    ``confirmed``: ``None`` without ``wait``; ``True`` once the study's counts showed the approvals;
    ``False`` if they did not within the wait (the API approves asynchronously: check later).
    ``counts``: the last ``SubmissionsCountResponse`` read, or ``None``.
    """

    approved: int
    requests: int
    confirmed: bool | None = None
    counts: SubmissionsCountResponse | None = None


def _status_query(status: str) -> str:
    key = status.strip().upper().replace(" ", "_").replace("-", "_") if isinstance(status, str) else ""
    if key not in _STATUS_QUERY:
        known = ", ".join(_STATUS_QUERY)
        raise InvalidArgumentError(f"status {status!r} is not a submission status (one of {known})")
    return _STATUS_QUERY[key]


def list_pager(study_id: str, status: str | None, page_size: int) -> Pager:
    """The pages of ``get-submissions`` for a study (optionally one status), checked now."""
    arguments: dict[str, Any] = {"study": _study_id(study_id), "page_size": page_size}
    if status is not None:
        query = _status_query(status)
        if query == "AWAITING_REVIEW":
            arguments["awaiting_review"] = True  # the API's documented flag for the review queue
        else:
            arguments["status"] = query
    return Pager(GET_SUBMISSIONS, arguments)


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


def _retryable(error: APIError) -> bool:
    """A bulk approve worth sending again: it may not have arrived, or the server failed (never a 4xx)."""
    return isinstance(error, APIConnectionError | ServerError | RateLimitError)


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
            f"Resume with client.submissions.{method} (err.remaining = ids {self.done + 1:,} to {total:,} of the "
            "input, the failed batch included).",
        ]
        if error.may_have_been_applied:
            lines.append("The failed batch may or may not have been applied: sending it again is safe (idempotent).")
        return ReviewError(
            " ".join(lines), action="approve", done=self.done, total=total, remaining=self.ids[self.done :]
        )


def approve_flow(
    approval: _Approval,
    *,
    wait: bool,
    wait_timeout: float,
    retries: int,
    on_progress: ProgressCallback | None,
) -> PausingFlow[ApprovalResult]:
    """Send the ids in batches (each retried up to ``retries`` times), then with ``wait`` poll the counts."""
    before: SubmissionsCountResponse | None = None
    count_call = Call(COUNT_STUDY_SUBMISSIONS_BY_STATUS, {"id": approval.study_id}, _counts)
    total, requests = len(approval.ids), 0
    if wait:
        before = yield count_call
        requests += 1
    while approval.done < total:
        batch = approval.ids[approval.done : approval.done + approval.batch_size]
        call = Call(BULK_APPROVE_SUBMISSIONS, {"body": approval.body(batch)}, lambda value: value)
        for attempt in range(retries + 1):
            requests += 1
            try:
                yield call
                break
            except APIError as error:
                if attempt == retries or not _retryable(error):
                    raise approval.stopped(error, len(batch)) from error
                yield Pause(min(_MAX_POLL, _FIRST_POLL * 2**attempt))
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


def apply_flow(reviews: builtins.list[Review]) -> PausingFlow[int]:
    """Send each review as its own request, in order; a failure raises ReviewError with the rest."""
    for done, review in enumerate(reviews):
        try:
            yield review_call(review)
        except APIError as error:
            where = f" ({review.where()})" if review.line is not None else ""
            message = (
                f"reviews stopped: {done:,} of {len(reviews):,} sent; review {done + 1}{where}, {review.action} "
                f"of submission {review.submission_id}, failed. Cause: {error} Resume with "
                "client.submissions.apply(err.remaining) (the failed review included: a transition repeated "
                "is ignored by the API)."
            )
            raise ReviewError(
                message, action="apply", done=done, total=len(reviews), remaining=reviews[done:]
            ) from error
    return len(reviews)


def transition_call(submission_id: str, body: SubmissionTransition) -> Call[Submission]:
    return Call(TRANSITION_SUBMISSION, {"id": _submission_id(submission_id), "body": body}, lambda value: value)


def reject_call(submission_id: str, category: object, message: object) -> Call[Submission]:
    submission_id = _submission_id(submission_id)
    check_rejection(category, message)
    assert isinstance(message, str)
    body = SubmissionTransition(action="REJECT", rejection_category=category, message=message.strip())  # type: ignore[arg-type]
    return transition_call(submission_id, body)


def return_call(submission_id: str, reasons: Iterable[str] | str) -> Call[ReturnRequestedResponse]:
    submission_id = _submission_id(submission_id)
    given = [reasons] if isinstance(reasons, str) else builtins.list(reasons)
    if not given or not all(isinstance(r, str) and r.strip() for r in given):
        raise InvalidArgumentError(
            'a return request needs at least one reason (non-empty text), e.g. "Didn\'t finish the study"; '
            "nothing was sent"
        )
    body = RequestSubmissionReturnRequest(request_return_reasons=[r.strip() for r in given])
    return Call(REQUEST_SUBMISSION_RETURN, {"id": submission_id, "body": body}, lambda value: value)


def complete_call(
    submission_id: str, completion_code: object, percentage_of_reward: float | None, message: str | None
) -> Call[Submission]:
    submission_id = _submission_id(submission_id)
    problem = completion_code_problem(completion_code)
    if problem is not None:
        raise InvalidArgumentError(f"{problem}; nothing was sent")
    body = SubmissionTransition(action="COMPLETE", completion_code=completion_code)  # type: ignore[arg-type]
    if percentage_of_reward is not None or message is not None:
        if percentage_of_reward is None:
            raise InvalidArgumentError("message is sent with a dynamic payment: give percentage_of_reward too")
        if isinstance(percentage_of_reward, bool) or not isinstance(percentage_of_reward, int | float):
            raise InvalidArgumentError(f"percentage_of_reward must be a number, got {percentage_of_reward!r}")
        if not 8 <= percentage_of_reward <= 99:
            raise InvalidArgumentError(
                f"percentage_of_reward must be between 8 and 99 (the API's range), got {percentage_of_reward}"
            )
        data = SubmissionTransitionCompletionCodeData(percentage_of_reward=percentage_of_reward)
        if message is not None:
            data.message_to_participant = check.require_text(message, "message")
        body.completion_code_data = data
    return transition_call(submission_id, body)


def screen_out_call(submission_id: str, completion_code: str | None) -> Call[Submission]:
    body = SubmissionTransition(action="SCREEN_OUT")
    if completion_code is not None:
        problem = completion_code_problem(completion_code)
        if problem is not None:
            raise InvalidArgumentError(f"{problem.replace('COMPLETE', 'SCREEN_OUT')}; nothing was sent")
        body.completion_code = completion_code
    return transition_call(submission_id, body)


def review_call(review: Review) -> Call[Any]:
    """The request for one (already checked) review."""
    if review.action == "APPROVE":
        return transition_call(review.submission_id, SubmissionTransition(action="APPROVE"))
    if review.action == "REJECT":
        return reject_call(review.submission_id, review.category, review.message)
    return return_call(review.submission_id, [review.message or ""])


def _approve(
    ids: Iterable[str],
    study_id: str | None,
    by: str,
    batch_size: int,
    wait: bool,
    wait_timeout: float,
    retries: int,
    on_progress: ProgressCallback | None,
) -> PausingFlow[ApprovalResult]:
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
    what = f"{by} id"
    checked = prolific_ids(ids, f"{by}_ids", what)
    if study_id is not None or by == "participant":
        study_id = _study_id(study_id)
    if wait and study_id is None:
        raise InvalidArgumentError("wait=True reads the study's counts: give study_id= too")
    if isinstance(retries, bool) or not isinstance(retries, int) or retries < 0:
        raise InvalidArgumentError(f"retries must be an int >= 0, got {retries!r}")
    if isinstance(wait_timeout, bool) or not isinstance(wait_timeout, int | float) or not wait_timeout >= 0:
        raise InvalidArgumentError(f"wait_timeout must be seconds >= 0, got {wait_timeout!r}")
    return _Approval(
        checked, study_id=study_id, by=by, batch_size=_positive(batch_size, "batch_size", MAX_APPROVE_BATCH)
    )


class Submissions(SyncResource, SubmissionsOperations):
    """Submissions (``client.submissions``): every generated operation of the tag, and the review methods.

    >>> for s in client.submissions.awaiting_review("6540..."):  # doctest: +SKIP
    ...     print(s.id, s.participant_id)
    >>> client.submissions.approve(ids, study_id="6540...", wait=True)  # doctest: +SKIP
    ApprovalResult(approved=2500, requests=5, confirmed=True, counts=...)
    """

    def list(
        self, study_id: str, *, status: str | None = None, page_size: int = DEFAULT_PAGE_SIZE
    ) -> Iterator[SubmissionShort]:
        """Every submission of a study (``status``: only those, e.g. ``"AWAITING REVIEW"``), page after page."""
        pager = list_pager(study_id, status, page_size)  # checked now, not at the first next()

        def items() -> Iterator[SubmissionShort]:
            while True:
                yield from pager.take(self.get_submissions(**pager.arguments()))
                if pager.done:
                    return

        return items()

    def awaiting_review(self, study_id: str, *, page_size: int = DEFAULT_PAGE_SIZE) -> Iterator[SubmissionShort]:
        """The study's submissions awaiting review, every page (``list(study_id, status="AWAITING REVIEW")``)."""
        return self.list(study_id, status="AWAITING_REVIEW", page_size=page_size)

    def approve(
        self,
        submission_ids: Iterable[str],
        *,
        study_id: str | None = None,
        wait: bool = False,
        wait_timeout: float = DEFAULT_WAIT_TIMEOUT,
        batch_size: int = MAX_APPROVE_BATCH,
        retries: int = DEFAULT_BATCH_RETRIES,
        on_progress: ProgressCallback | None = None,
        sleep: Callable[[float], object] = time.sleep,
    ) -> ApprovalResult:
        """Approve submissions in bulk: batches of at most 1,000 ids (Prolific's recommendation).

        Every id is checked first (24 hexadecimal characters; a bad one is named by its item
        number). A batch that fails with a dropped connection or a 5xx is sent again (up to
        ``retries`` times, backing off with ``sleep``): a bulk approve is idempotent. Then a
        failure raises :class:`~prolific.ReviewError` (``done``, ``remaining``: resume with
        ``approve(err.remaining)``). The API approves asynchronously: with ``wait=True`` (and
        ``study_id``) the study's counts are polled, with back-off, for up to ``wait_timeout``
        seconds, until the approved count has grown by the number of ids (or nothing awaits review).
        ``on_progress(sent, total)`` runs after each batch.
        """
        flow = _approve(submission_ids, study_id, "submission", batch_size, wait, wait_timeout, retries, on_progress)
        return drive_sync(self._send, flow, sleep)

    def approve_participants(
        self,
        study_id: str,
        participant_ids: Iterable[str],
        *,
        wait: bool = False,
        wait_timeout: float = DEFAULT_WAIT_TIMEOUT,
        batch_size: int = MAX_APPROVE_BATCH,
        retries: int = DEFAULT_BATCH_RETRIES,
        on_progress: ProgressCallback | None = None,
        sleep: Callable[[float], object] = time.sleep,
    ) -> ApprovalResult:
        """Approve the submissions of ``participant_ids`` in a study, in bulk; see :meth:`approve`."""
        flow = _approve(participant_ids, study_id, "participant", batch_size, wait, wait_timeout, retries, on_progress)
        return drive_sync(self._send, flow, sleep)

    def reject(self, submission_id: str, *, category: RejectionCategory, message: str) -> Submission:
        """Reject a submission: ``category`` one of the API's 12, ``message`` (to the participant) >= 100 characters.

        Both are checked before sending (:class:`~prolific.InvalidArgumentError` says what is wrong).
        """
        return self._send(reject_call(submission_id, category, message))

    def request_return(self, submission_id: str, *, reasons: Iterable[str] | str) -> ReturnRequestedResponse:
        """Ask the participant to return the submission; ``reasons``: one or more texts (e.g. "Withdrew consent")."""
        return self._send(return_call(submission_id, reasons))

    return_ = request_return

    def complete(
        self,
        submission_id: str,
        *,
        completion_code: str,
        percentage_of_reward: float | None = None,
        message: str | None = None,
    ) -> Submission:
        """Mark a submission complete with one of the study's completion codes (needed).

        A dynamic-payment code takes ``percentage_of_reward`` (8 to 99) and an optional ``message``.
        """
        return self._send(complete_call(submission_id, completion_code, percentage_of_reward, message))

    def screen_out(self, submission_id: str, *, completion_code: str | None = None) -> Submission:
        """Screen a submission out (the study needs a screen-out completion code; pass it if you have one)."""
        return self._send(screen_out_call(submission_id, completion_code))

    def apply(self, reviews: Iterable[Review], *, on_progress: ProgressCallback | None = None) -> int:
        """Send reviews (``prolific.read_reviews(path)``) one by one, in order; return how many were sent.

        Every review is checked first. A failure raises :class:`~prolific.ReviewError` (``done``,
        ``remaining``: resume with ``apply(err.remaining)``; a repeated transition is ignored).
        """
        checked = reviews_from(reviews)
        sent = [0]

        def send(call: Call[Any]) -> Any:
            value = self._send(call)
            sent[0] += 1
            if on_progress is not None:
                on_progress(sent[0], len(checked))
            return value

        return drive_sync(send, apply_flow(checked), time.sleep)


class AsyncSubmissions(AsyncResource, AsyncSubmissionsOperations):
    """Async twin of :class:`Submissions`."""

    def list(
        self, study_id: str, *, status: str | None = None, page_size: int = DEFAULT_PAGE_SIZE
    ) -> AsyncIterator[SubmissionShort]:
        """Every submission of a study, page after page; see :meth:`Submissions.list`."""
        pager = list_pager(study_id, status, page_size)

        async def items() -> AsyncIterator[SubmissionShort]:
            while True:
                for item in pager.take(await self.get_submissions(**pager.arguments())):
                    yield item
                if pager.done:
                    return

        return items()

    def awaiting_review(self, study_id: str, *, page_size: int = DEFAULT_PAGE_SIZE) -> AsyncIterator[SubmissionShort]:
        """The study's submissions awaiting review; see :meth:`Submissions.awaiting_review`."""
        return self.list(study_id, status="AWAITING_REVIEW", page_size=page_size)

    async def approve(
        self,
        submission_ids: Iterable[str],
        *,
        study_id: str | None = None,
        wait: bool = False,
        wait_timeout: float = DEFAULT_WAIT_TIMEOUT,
        batch_size: int = MAX_APPROVE_BATCH,
        retries: int = DEFAULT_BATCH_RETRIES,
        on_progress: ProgressCallback | None = None,
        sleep: Callable[[float], Awaitable[object]] = asyncio.sleep,
    ) -> ApprovalResult:
        """Approve submissions in bulk; see :meth:`Submissions.approve`."""
        flow = _approve(submission_ids, study_id, "submission", batch_size, wait, wait_timeout, retries, on_progress)
        return await drive_async(self._send, flow, sleep)

    async def approve_participants(
        self,
        study_id: str,
        participant_ids: Iterable[str],
        *,
        wait: bool = False,
        wait_timeout: float = DEFAULT_WAIT_TIMEOUT,
        batch_size: int = MAX_APPROVE_BATCH,
        retries: int = DEFAULT_BATCH_RETRIES,
        on_progress: ProgressCallback | None = None,
        sleep: Callable[[float], Awaitable[object]] = asyncio.sleep,
    ) -> ApprovalResult:
        """Approve participants' submissions in bulk; see :meth:`Submissions.approve_participants`."""
        flow = _approve(participant_ids, study_id, "participant", batch_size, wait, wait_timeout, retries, on_progress)
        return await drive_async(self._send, flow, sleep)

    async def reject(self, submission_id: str, *, category: RejectionCategory, message: str) -> Submission:
        """Reject a submission; see :meth:`Submissions.reject`."""
        return await self._send(reject_call(submission_id, category, message))

    async def request_return(self, submission_id: str, *, reasons: Iterable[str] | str) -> ReturnRequestedResponse:
        """Ask for a return; see :meth:`Submissions.request_return`."""
        return await self._send(return_call(submission_id, reasons))

    return_ = request_return

    async def complete(
        self,
        submission_id: str,
        *,
        completion_code: str,
        percentage_of_reward: float | None = None,
        message: str | None = None,
    ) -> Submission:
        """Mark a submission complete; see :meth:`Submissions.complete`."""
        return await self._send(complete_call(submission_id, completion_code, percentage_of_reward, message))

    async def screen_out(self, submission_id: str, *, completion_code: str | None = None) -> Submission:
        """Screen a submission out; see :meth:`Submissions.screen_out`."""
        return await self._send(screen_out_call(submission_id, completion_code))

    async def apply(self, reviews: Iterable[Review], *, on_progress: ProgressCallback | None = None) -> int:
        """Send reviews one by one; see :meth:`Submissions.apply`."""
        checked = reviews_from(reviews)
        sent = [0]

        async def send(call: Call[Any]) -> Any:
            value = await self._send(call)
            sent[0] += 1
            if on_progress is not None:
                on_progress(sent[0], len(checked))
            return value

        return await drive_async(send, apply_flow(checked), asyncio.sleep)
