"""The API's rules for a submission transition (Prolific's document, ``SubmissionTransition``), and a review.

A rejection needs one of twelve categories and a message of at least 100 characters; a completion
needs a code. They are checked here, before anything is sent, for the methods
(:meth:`Submissions.reject` ...) and for files (:mod:`prolific.reviews._files`) alike.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal, TypeAlias, get_args

from prolific_api_client.models.submission_transition_rejection_category import (
    SubmissionTransitionRejectionCategory,
)

from .._errors import InvalidArgumentError
from .._validation import id_problem

__all__ = [
    "MIN_REJECTION_MESSAGE",
    "REJECTION_CATEGORIES",
    "RejectionCategory",
    "Review",
    "ReviewAction",
    "check_rejection",
    "completion_code_problem",
    "rejection_problems",
    "reviews_from",
]

#: The rejection categories the API accepts (``rejection_category``).
RejectionCategory: TypeAlias = SubmissionTransitionRejectionCategory
REJECTION_CATEGORIES: tuple[RejectionCategory, ...] = get_args(SubmissionTransitionRejectionCategory)
#: The API refuses a rejection whose message is shorter (Prolific's document, ``SubmissionTransition``).
MIN_REJECTION_MESSAGE = 100

#: What a line of a reviews file can ask for; ``RETURN`` is a return request (the message is the reason).
ReviewAction: TypeAlias = Literal["APPROVE", "REJECT", "RETURN"]
_ACTIONS: tuple[ReviewAction, ...] = get_args(ReviewAction)


@dataclass(frozen=True)
class Review:
    """One review to send: approve, reject (with ``category`` and ``message``) or request a return.

    ``line`` and ``source`` say where it was read (``None`` for reviews built in code).

    >>> Review("5e9b9c9b0f9c9a0001b0b1f4", "APPROVE")
    Review(submission_id='5e9b9c9b0f9c9a0001b0b1f4', action='APPROVE', category=None, message=None, line=None)
    """

    submission_id: str
    action: ReviewAction
    category: RejectionCategory | None = None
    message: str | None = None
    line: int | None = None
    source: str | None = None

    def __repr__(self) -> str:
        return (
            f"Review(submission_id={self.submission_id!r}, action={self.action!r}, category={self.category!r}, "
            f"message={self.message!r}, line={self.line!r})"
        )

    def where(self) -> str:
        """``reviews.csv, line 3`` (or ``submission <id>`` for a review built in code)."""
        if self.line is None:
            return f"submission {self.submission_id}"
        return f"{self.source}, line {self.line}" if self.source else f"line {self.line}"


def rejection_problems(category: object, message: object) -> list[tuple[str, str]]:
    """``(field, reason)`` for each of the API's rejection rules that ``category`` and ``message`` break.

    >>> rejection_problems("TOO_QUICKLY", "x" * 100)
    []
    >>> [field for field, _ in rejection_problems("FAST", "short")]
    ['category', 'message']
    """
    problems: list[tuple[str, str]] = []
    if category is None or category == "":
        problems.append(("category", f"a rejection needs a category: one of {', '.join(REJECTION_CATEGORIES)}"))
    elif category not in REJECTION_CATEGORIES:
        problems.append(
            ("category", f"{category!r} is not a rejection category (one of {', '.join(REJECTION_CATEGORIES)})")
        )
    if not isinstance(message, str) or not message.strip():
        problems.append(
            (
                "message",
                f"a rejection needs a message to the participant of at least {MIN_REJECTION_MESSAGE} characters",
            )
        )
    elif len(message.strip()) < MIN_REJECTION_MESSAGE:
        problems.append(
            (
                "message",
                f"a rejection message must have at least {MIN_REJECTION_MESSAGE} characters (this one has "
                f"{len(message.strip())}): the API refuses shorter ones; say what the participant did wrong",
            )
        )
    return problems


def completion_code_problem(code: object) -> str | None:
    """Why ``code`` cannot be a ``COMPLETE`` transition's completion code, or None."""
    if not isinstance(code, str) or not code.strip():
        return "COMPLETE needs the study's completion_code (one of the codes set up on the study)"
    if code != code.strip():
        return f"completion_code {code!r} has surrounding whitespace; pass the code exactly"
    return None


def check_rejection(category: object, message: object) -> None:
    """InvalidArgumentError naming every rule ``category`` / ``message`` break (nothing is sent)."""
    problems = rejection_problems(category, message)
    if problems:
        raise InvalidArgumentError("; ".join(f"{field}: {reason}" for field, reason in problems) + "; nothing was sent")


def reviews_from(items: Iterable[Review]) -> list[Review]:
    """A list of :class:`Review` (not a bare str or one Review), each one's rules checked; else InvalidArgumentError."""
    if isinstance(items, str | bytes | Review) or not isinstance(items, Iterable):
        raise InvalidArgumentError(f"reviews must be a list of prolific.Review, not a {type(items).__name__}")
    out = list(items)
    for number, review in enumerate(out, 1):
        if not isinstance(review, Review):
            raise InvalidArgumentError(f"reviews item {number} is a {type(review).__name__}, not a prolific.Review")
        problems: list[tuple[str | None, str]] = []
        wrong_id = id_problem(review.submission_id, "submission id")
        if wrong_id is not None:
            problems.append(("submission_id", wrong_id))
        if review.action == "REJECT":
            problems += rejection_problems(review.category, review.message)
        elif review.action == "RETURN" and not (review.message or "").strip():
            problems.append(("message", "RETURN needs the reason in message"))
        elif review.action not in _ACTIONS:
            problems.append(("action", f"{review.action!r} is not one of {', '.join(_ACTIONS)}"))
        if problems:
            detail = "; ".join(f"{field}: {reason}" for field, reason in problems)
            raise InvalidArgumentError(f"reviews item {number} ({review.where()}): {detail}; nothing was sent")
    if not out:
        raise InvalidArgumentError("reviews is empty: nothing to send")
    return out
