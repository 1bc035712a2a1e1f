"""``client.submissions``: list, review at any scale (bulk approve in batches), reject, return, complete.

Every method checks the API's rules before sending (ids are 24 hexadecimal characters, a rejection
has a category and a 100-character message, a completion has a code: :mod:`prolific.reviews`).
The requests and flows are the reviews domain's (:mod:`prolific.reviews._calls`,
:mod:`prolific.reviews._approve`); multi-request methods hand them to the driver
(:mod:`prolific._flow`), which waits with the client's clock (``client.sleep``).
"""

from __future__ import annotations

import copy
import dataclasses
import warnings
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable, Iterator
from typing import TypeVar

from prolific_api_client.models import ReturnRequestedResponse, Submission, SubmissionShort
from prolific_api_client.operations.submissions import AsyncSubmissionsOperations, SubmissionsOperations

from .._call import AsyncSender, Sender
from .._deprecation import deprecated_alias
from .._flow import drive, drive_async
from .._pagination import DEFAULT_PAGE_SIZE
from ..reviews._approve import (
    DEFAULT_BATCH_RETRIES,
    DEFAULT_WAIT_TIMEOUT,
    MAX_APPROVE_BATCH,
    ApprovalResult,
    ProgressCallback,
    apply_flow,
    awaiting_approval,
    bulk_approve_flow,
)
from ..reviews._calls import complete_call, list_pager, reject_call, return_call, screen_out_call
from ..reviews._rules import RejectionCategory, Review, reviews_from
from ._base import AsyncResource, SyncResource

RUNNER = TypeVar("RUNNER", Sender, AsyncSender)


def _clocked(runner: RUNNER, sleep: object) -> RUNNER:
    """The client's runner, or (the deprecated ``approve(sleep=...)``) a copy of it that waits with ``sleep``."""
    if sleep is None:
        return runner
    warnings.warn(
        "approve(sleep=...) is deprecated and will be removed: the client's clock is client.sleep "
        "(set it to record or skip the waits)",
        DeprecationWarning,
        stacklevel=3,
    )
    clocked = copy.copy(runner)
    clocked.sleep = sleep  # type: ignore[assignment]
    return clocked


class Submissions(SyncResource, SubmissionsOperations):
    """Submissions (``client.submissions``): every generated operation of the tag, and the review methods.

    >>> for s in client.submissions.iter_awaiting_review("6540..."):  # doctest: +SKIP
    ...     print(s.id, s.participant_id)
    >>> client.submissions.approve(ids, study_id="6540...", wait=True)  # doctest: +SKIP
    ApprovalResult(approved=2500, requests=5, confirmed=True, counts=...)
    """

    def iter_submissions(
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

    def iter_awaiting_review(self, study_id: str, *, page_size: int = DEFAULT_PAGE_SIZE) -> Iterator[SubmissionShort]:
        """The study's submissions awaiting review: ``iter_submissions(study_id, status="AWAITING_REVIEW")``."""
        return self.iter_submissions(study_id, status="AWAITING_REVIEW", page_size=page_size)

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
        sleep: Callable[[float], object] | None = None,
    ) -> ApprovalResult:
        """Approve submissions in bulk: batches of at most 1,000 ids (Prolific's recommendation).

        Every id is checked first (24 hexadecimal characters; a bad one is named by its item
        number). A batch that fails with a dropped connection, a timeout, a 429 or a 5xx is sent
        again (up to ``retries`` times, after 0.5 s, 1 s, 2 s ... or the ``Retry-After`` asked
        for): a bulk approve is idempotent. Then a failure raises :class:`~prolific.ReviewError`
        (``done``, ``remaining``: resume with ``approve(err.remaining)``). The API approves
        asynchronously: with ``wait=True`` (and ``study_id``) the study's counts are polled, with
        back-off, for up to ``wait_timeout`` seconds, until the approved count has grown by the
        number of ids (or nothing awaits review).
        ``on_progress(sent, total)`` runs after each batch. Every wait goes through the client's
        clock (``client.sleep``); ``sleep=`` is deprecated (it waits with that function instead).
        """
        flow = bulk_approve_flow(
            submission_ids, study_id, "submission", batch_size, wait, wait_timeout, retries, on_progress
        )
        return drive(_clocked(self._runner, sleep), flow)

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
        sleep: Callable[[float], object] | None = None,
    ) -> ApprovalResult:
        """Approve the submissions of ``participant_ids`` in a study, in bulk; see :meth:`approve`."""
        flow = bulk_approve_flow(
            participant_ids, study_id, "participant", batch_size, wait, wait_timeout, retries, on_progress
        )
        return drive(_clocked(self._runner, sleep), flow)

    def approve_awaiting_review(
        self,
        study_id: str,
        *,
        wait: bool = False,
        wait_timeout: float = DEFAULT_WAIT_TIMEOUT,
        on_progress: ProgressCallback | None = None,
    ) -> ApprovalResult:
        """Approve every submission of the study awaiting review, except those with a return requested.

        Lists the submissions awaiting review (every page), leaves out each one whose participant was
        asked to return it (``return_requested`` set: approving it would pay for withdrawn work; the
        result's ``return_requested`` counts them), and approves the rest in bulk as :meth:`approve`
        does (nothing is sent when none is left).
        """
        ids, left_out = awaiting_approval(self.iter_awaiting_review(study_id))
        if not ids:
            return ApprovalResult(approved=0, requests=0, return_requested=left_out)
        result = self.approve(ids, study_id=study_id, wait=wait, wait_timeout=wait_timeout, on_progress=on_progress)
        return dataclasses.replace(result, return_requested=left_out)

    def reject(self, submission_id: str, *, category: RejectionCategory, message: str) -> Submission:
        """Reject a submission: ``category`` one of the API's 12, ``message`` (to the participant) >= 100 characters.

        Both are checked before sending (:class:`~prolific.InvalidArgumentError` says what is wrong).
        """
        return self._send(reject_call(submission_id, category, message))

    def request_return(self, submission_id: str, *, reasons: Iterable[str] | str) -> ReturnRequestedResponse:
        """Ask the participant to return the submission; ``reasons``: one or more texts (e.g. "Withdrew consent")."""
        return self._send(return_call(submission_id, reasons))

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
        return self._drive(apply_flow(reviews_from(reviews), on_progress))

    # Old names (CONTRIBUTING.md, "Naming rule for client methods"): they warn, then call the new ones.
    list = deprecated_alias(iter_submissions, "list")
    awaiting_review = deprecated_alias(iter_awaiting_review, "awaiting_review")
    return_ = deprecated_alias(request_return, "return_")


class AsyncSubmissions(AsyncResource, AsyncSubmissionsOperations):
    """Async twin of :class:`Submissions`."""

    def iter_submissions(
        self, study_id: str, *, status: str | None = None, page_size: int = DEFAULT_PAGE_SIZE
    ) -> AsyncIterator[SubmissionShort]:
        """Every submission of a study, page after page; see :meth:`Submissions.iter_submissions`."""
        pager = list_pager(study_id, status, page_size)

        async def items() -> AsyncIterator[SubmissionShort]:
            while True:
                for item in pager.take(await self.get_submissions(**pager.arguments())):
                    yield item
                if pager.done:
                    return

        return items()

    def iter_awaiting_review(
        self, study_id: str, *, page_size: int = DEFAULT_PAGE_SIZE
    ) -> AsyncIterator[SubmissionShort]:
        """The study's submissions awaiting review; see :meth:`Submissions.iter_awaiting_review`."""
        return self.iter_submissions(study_id, status="AWAITING_REVIEW", page_size=page_size)

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
        sleep: Callable[[float], Awaitable[object]] | None = None,
    ) -> ApprovalResult:
        """Approve submissions in bulk; see :meth:`Submissions.approve`."""
        flow = bulk_approve_flow(
            submission_ids, study_id, "submission", batch_size, wait, wait_timeout, retries, on_progress
        )
        return await drive_async(_clocked(self._runner, sleep), flow)

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
        sleep: Callable[[float], Awaitable[object]] | None = None,
    ) -> ApprovalResult:
        """Approve participants' submissions in bulk; see :meth:`Submissions.approve_participants`."""
        flow = bulk_approve_flow(
            participant_ids, study_id, "participant", batch_size, wait, wait_timeout, retries, on_progress
        )
        return await drive_async(_clocked(self._runner, sleep), flow)

    async def approve_awaiting_review(
        self,
        study_id: str,
        *,
        wait: bool = False,
        wait_timeout: float = DEFAULT_WAIT_TIMEOUT,
        on_progress: ProgressCallback | None = None,
    ) -> ApprovalResult:
        """See :meth:`Submissions.approve_awaiting_review`."""
        ids, left_out = awaiting_approval([s async for s in self.iter_awaiting_review(study_id)])
        if not ids:
            return ApprovalResult(approved=0, requests=0, return_requested=left_out)
        result = await self.approve(
            ids, study_id=study_id, wait=wait, wait_timeout=wait_timeout, on_progress=on_progress
        )
        return dataclasses.replace(result, return_requested=left_out)

    async def reject(self, submission_id: str, *, category: RejectionCategory, message: str) -> Submission:
        """Reject a submission; see :meth:`Submissions.reject`."""
        return await self._send(reject_call(submission_id, category, message))

    async def request_return(self, submission_id: str, *, reasons: Iterable[str] | str) -> ReturnRequestedResponse:
        """Ask for a return; see :meth:`Submissions.request_return`."""
        return await self._send(return_call(submission_id, reasons))

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
        return await self._drive(apply_flow(reviews_from(reviews), on_progress))

    # Old names (CONTRIBUTING.md, "Naming rule for client methods"): they warn, then call the new ones.
    list = deprecated_alias(iter_submissions, "list")
    awaiting_review = deprecated_alias(iter_awaiting_review, "awaiting_review")
    return_ = deprecated_alias(request_return, "return_")
