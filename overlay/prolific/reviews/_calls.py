"""The requests of a review: one transition (approve, reject, return, complete, screen out) each, and a listing.

Each ``*_call`` checks its arguments by the API's rules (:mod:`prolific.reviews._rules`) and builds
the :class:`~prolific._call.Call` a resource sends; nothing is sent here.
"""

from __future__ import annotations

import builtins
from collections.abc import Iterable
from typing import Any

from prolific_api_client.models import (
    RequestSubmissionReturnRequest,
    ReturnRequestedResponse,
    Submission,
    SubmissionTransition,
    SubmissionTransitionCompletionCodeData,
)
from prolific_api_client.operations.submissions import (
    GET_SUBMISSIONS,
    REQUEST_SUBMISSION_RETURN,
    TRANSITION_SUBMISSION,
)

from .. import _validation as check
from .._errors import InvalidArgumentError
from .._flow import Call
from .._pagination import Pager
from ._rules import Review, check_rejection, completion_code_problem

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


def _status_query(status: str) -> str:
    key = status.strip().upper().replace(" ", "_").replace("-", "_") if isinstance(status, str) else ""
    if key not in _STATUS_QUERY:
        known = ", ".join(_STATUS_QUERY)
        raise InvalidArgumentError(f"status {status!r} is not a submission status (one of {known})")
    return _STATUS_QUERY[key]


def list_pager(study_id: str, status: str | None, page_size: int) -> Pager:
    """The pages of ``get-submissions`` for a study (optionally one status), checked now."""
    arguments: dict[str, Any] = {"study": check.require_id(study_id, "study_id", "study id"), "page_size": page_size}
    if status is not None:
        query = _status_query(status)
        if query == "AWAITING_REVIEW":
            arguments["awaiting_review"] = True  # the API's documented flag for the review queue
        else:
            arguments["status"] = query
    return Pager(GET_SUBMISSIONS, arguments)


def transition_call(submission_id: str, body: SubmissionTransition) -> Call[Submission]:
    """The ``transition-submission`` request for ``body`` (the submission id checked)."""
    return Call(
        TRANSITION_SUBMISSION,
        {"id": check.require_id(submission_id, "submission_id", "submission id"), "body": body},
        lambda value: value,
    )


def reject_call(submission_id: str, category: object, message: object) -> Call[Submission]:
    """A REJECT transition, its category and message checked by the API's rules."""
    submission_id = check.require_id(submission_id, "submission_id", "submission id")
    check_rejection(category, message)
    assert isinstance(message, str)
    body = SubmissionTransition(action="REJECT", rejection_category=category, message=message.strip())  # type: ignore[arg-type]
    return transition_call(submission_id, body)


def return_call(submission_id: str, reasons: Iterable[str] | str) -> Call[ReturnRequestedResponse]:
    """A return request with one or more reasons (non-empty text each)."""
    submission_id = check.require_id(submission_id, "submission_id", "submission id")
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
    """A COMPLETE transition with a completion code (and a dynamic payment's percentage and message)."""
    submission_id = check.require_id(submission_id, "submission_id", "submission id")
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
    """A SCREEN_OUT transition, with the study's screen-out completion code if given."""
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
