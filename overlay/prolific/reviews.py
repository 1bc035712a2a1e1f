"""Submission reviews: the API's rules for a transition, and reading reviews and ids from files (pure, no I/O
beyond reading the file).

The rules are the API's (Prolific's document, ``SubmissionTransition``): a rejection needs one of
twelve categories and a message of at least 100 characters; a completion needs a code. They are
checked here, before anything is sent, for the methods (:meth:`Submissions.reject` ...) and for
files alike.

A reviews file is CSV, one submission a line: ``submission_id,action[,category,message]`` where
``action`` is ``APPROVE``, ``REJECT`` (with a category and a message) or ``RETURN`` (a return
request: the message is the reason); or, for rejections only, ``submission_id,category,message``.
A header row (``submission_id,action,category,message`` or ``submission_id,category,message``),
blank lines, a UTF-8 BOM and quoted fields (a message with commas) are accepted. Every problem of
a file is reported at once, each with its file, line and field.

>>> import io
>>> text = "submission_id,action,category,message\\n" + "5e9b9c9b0f9c9a0001b0b1f4,APPROVE\\n"
>>> [(r.submission_id, r.action, r.line) for r in read_reviews(io.StringIO(text))]
[('5e9b9c9b0f9c9a0001b0b1f4', 'APPROVE', 2)]
>>> read_reviews(io.StringIO("5e9b9c9b0f9c9a0001b0b1f4,TOO_QUICKLY,too short\\n"))
Traceback (most recent call last):
...
prolific._errors.ReviewsFormatError: <stream>: 1 problem; nothing was sent
  line 1, message: a rejection message must have at least 100 characters (this one has 9): ...
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Iterable
from dataclasses import dataclass
from typing import IO, Literal, TypeAlias, get_args

from prolific_api_client.models.submission_transition_rejection_category import (
    SubmissionTransitionRejectionCategory,
)

from ._errors import CredentialsFormatError, InvalidArgumentError, ReviewsFormatError
from ._validation import prolific_id_problem

# The CSV helpers of the credentials files: UTF-8 with a BOM dropped (an error names the line),
# and the separators spreadsheets write instead of commas.
from .credentials import decode_text
from .credentials._rules import FOREIGN_SEPARATORS, foreign_separator

__all__ = [
    "MIN_REJECTION_MESSAGE",
    "REJECTION_CATEGORIES",
    "RejectionCategory",
    "Review",
    "ReviewAction",
    "completion_code_problem",
    "read_ids",
    "read_reviews",
    "rejection_problems",
]

#: The rejection categories the API accepts (``rejection_category``).
RejectionCategory: TypeAlias = SubmissionTransitionRejectionCategory
REJECTION_CATEGORIES: tuple[RejectionCategory, ...] = get_args(SubmissionTransitionRejectionCategory)
#: The API refuses a rejection whose message is shorter (Prolific's document, ``SubmissionTransition``).
MIN_REJECTION_MESSAGE = 100

#: What a line of a reviews file can ask for; ``RETURN`` is a return request (the message is the reason).
ReviewAction: TypeAlias = Literal["APPROVE", "REJECT", "RETURN"]
_ACTIONS: tuple[ReviewAction, ...] = get_args(ReviewAction)
_REVIEWS_HEADER = ("submission_id", "action", "category", "message")
_REJECTIONS_HEADER = ("submission_id", "category", "message")
_ID_HEADERS = frozenset({"id", "submission_id", "participant_id", "submission", "participant"})


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


# -- files ----------------------------------------------------------------------------------------

PathOrFile: TypeAlias = "str | os.PathLike[str] | IO[str]"


def _text(path_or_file: str | os.PathLike[str] | IO[str]) -> tuple[str, str]:
    """``(source, text)`` of a path or an open text file; unreadable or non-UTF-8 input raises ReviewsFormatError."""
    if isinstance(path_or_file, str | os.PathLike):
        source = os.fspath(path_or_file)
        try:
            with open(source, "rb") as handle:
                data = handle.read()
        except OSError as exc:
            raise ReviewsFormatError(f"cannot read the file: {exc.strerror or exc}", source=source) from None
        try:
            return source, decode_text(data, source=source)
        except CredentialsFormatError as exc:
            raise ReviewsFormatError(exc.reason, line=exc.line, source=source) from None
    if not callable(getattr(path_or_file, "read", None)):
        raise ReviewsFormatError(f"expected a file path or an open text file, got {type(path_or_file).__name__}")
    source = str(getattr(path_or_file, "name", "<stream>"))
    text = path_or_file.read()
    if not isinstance(text, str):
        raise ReviewsFormatError("expected a text file (open it with encoding='utf-8')", source=source)
    return source, text.removeprefix("\ufeff")


def _rows(text: str, source: str, problems: list[ReviewsFormatError]) -> list[tuple[int, list[str]]]:
    """``(line, fields)`` of every non-blank CSV row; a row that is not valid CSV becomes a problem."""
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    rows: list[tuple[int, list[str]]] = []
    start = 1
    while True:
        try:
            fields = next(reader)
        except StopIteration:
            return rows
        except csv.Error as exc:
            problems.append(ReviewsFormatError(f"not valid CSV ({exc}); check the quotes", line=start, source=source))
            return rows
        if any(field.strip() for field in fields):
            rows.append((start, fields))
        start = reader.line_num + 1


def _failed(source: str, problems: list[ReviewsFormatError]) -> ReviewsFormatError:
    count = f"{len(problems)} problem{'' if len(problems) == 1 else 's'}"
    shown = [
        "  " + ", ".join(p for p in (f"line {e.line}" if e.line else None, e.field) if p) + f": {e.reason}"
        for e in problems
    ]
    return ReviewsFormatError("\n".join([f"{count}; nothing was sent", *shown]), source=source, problems=problems)


def _separator_problem(fields: list[str], line: int, source: str) -> ReviewsFormatError | None:
    separator = foreign_separator(fields)
    if separator is None:
        return None
    return ReviewsFormatError(
        f"the file separates its fields with {FOREIGN_SEPARATORS[separator]}, not commas: save it as "
        '"CSV UTF-8 (Comma delimited)"',
        line=line,
        source=source,
    )


def read_ids(path_or_file: str | os.PathLike[str] | IO[str], what: str = "submission id") -> list[str]:
    """The ids of a file, one a line (the first CSV column); every bad or repeated id reported at once.

    Blank lines, ``#`` comments and a header (``submission_id``, ``participant_id``, ``id``) are
    skipped. ``what`` names the kind of id in messages.

    >>> import io
    >>> read_ids(io.StringIO("submission_id\\n5e9b9c9b0f9c9a0001b0b1f4\\n# done\\n"))
    ['5e9b9c9b0f9c9a0001b0b1f4']
    """
    source, text = _text(path_or_file)
    problems: list[ReviewsFormatError] = []
    ids: list[str] = []
    seen: dict[str, int] = {}
    first = True
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        value = line.split(",", 1)[0].strip().strip('"')
        if first and value.lower() in _ID_HEADERS:
            first = False
            continue
        first = False
        problem = prolific_id_problem(value, what)
        if problem is not None:
            separator = _separator_problem([line], number, source)
            problems.append(separator or ReviewsFormatError(problem, line=number, source=source))
        elif value in seen:
            problems.append(
                ReviewsFormatError(f"{value} is listed twice (first on line {seen[value]})", line=number, source=source)
            )
        else:
            seen[value] = number
            ids.append(value)
    if problems:
        raise _failed(source, problems)
    if not ids:
        raise ReviewsFormatError(f"no {what}s found (the file is empty or only a header)", source=source)
    return ids


def _is_header(fields: list[str]) -> tuple[str, ...] | None:
    names = tuple(field.strip().lower() for field in fields)
    for header in (_REVIEWS_HEADER, _REJECTIONS_HEADER):
        if names and names == header[: len(names)] and len(names) >= 2:
            return header
    return None


def read_reviews(
    path_or_file: str | os.PathLike[str] | IO[str], *, kind: Literal["auto", "reviews", "rejections"] = "auto"
) -> list[Review]:
    """The reviews of a CSV file (a path or an open text file), every rule checked; see the module's help.

    ``kind``: ``"reviews"`` (``submission_id,action[,category,message]``), ``"rejections"``
    (``submission_id,category,message``) or ``"auto"``: the header says, else the second column
    (an action or a category). Raises :class:`~prolific.ReviewsFormatError` listing every
    problem (``.problems``: line, field, reason each).
    """
    if kind not in ("auto", "reviews", "rejections"):
        raise InvalidArgumentError(f"kind must be 'auto', 'reviews' or 'rejections', not {kind!r}")
    source, text = _text(path_or_file)
    problems: list[ReviewsFormatError] = []
    rows = _rows(text, source, problems)
    if rows:
        header = _is_header(rows[0][1])
        if header is not None:
            rows = rows[1:]
            if kind == "auto":
                kind = "reviews" if header == _REVIEWS_HEADER else "rejections"
    if kind == "auto":
        actions = any(len(f) > 1 and f[1].strip().upper() in _ACTIONS for _, f in rows)
        kind = "reviews" if actions else "rejections"
    reviews: list[Review] = []
    seen: dict[str, int] = {}
    for line, fields in rows:
        found: list[tuple[str | None, str]] = []
        review = _review(fields, kind, found)
        separator = _separator_problem(fields, line, source) if len(fields) == 1 else None
        if separator is not None:
            problems.append(separator)
            continue
        if review is not None and review.submission_id in seen:
            found.append(
                (
                    "submission_id",
                    f"{review.submission_id} is listed twice (first on line {seen[review.submission_id]})",
                )
            )
        problems += [ReviewsFormatError(reason, line=line, field=field, source=source) for field, reason in found]
        if review is not None and not found:
            seen[review.submission_id] = line
            reviews.append(
                Review(review.submission_id, review.action, review.category, review.message, line=line, source=source)
            )
    if problems:
        raise _failed(source, problems)
    if not reviews:
        raise ReviewsFormatError("no reviews found (the file is empty or only a header)", source=source)
    return reviews


def _review(fields: list[str], kind: str, found: list[tuple[str | None, str]]) -> Review | None:
    """One row as a Review (None when it cannot be read at all); each broken rule appended to ``found``."""
    width = 4 if kind == "reviews" else 3
    if len(fields) > width:
        columns = ",".join(_REVIEWS_HEADER if kind == "reviews" else _REJECTIONS_HEADER)
        found.append((None, f"{len(fields)} fields, expected at most {width} ({columns}); quote a message with commas"))
        return None
    fields = fields + [""] * (width - len(fields))
    submission_id = fields[0].strip()
    problem = prolific_id_problem(submission_id, "submission id")
    if problem is not None:
        found.append(("submission_id", problem))
    if kind == "rejections":
        action, category, message = "REJECT", fields[1].strip(), fields[2]
    else:
        action, category, message = fields[1].strip().upper(), fields[2].strip(), fields[3]
        if action not in _ACTIONS:
            shown = f"{fields[1].strip()!r} is not" if fields[1].strip() else "missing:"
            found.append(("action", f"{shown} an action (one of {', '.join(_ACTIONS)})"))
            return None
    if action == "REJECT":
        found += rejection_problems(category or None, message)
    elif action == "APPROVE":
        if category or message.strip():
            found.append(("category" if category else "message", "APPROVE takes no category or message"))
    elif not message.strip():  # RETURN
        found.append(("message", "RETURN needs the reason for the return request in the message column"))
    elif category:
        found.append(("category", "RETURN takes no category (the message is the reason)"))
    return Review(
        submission_id,
        action,  # type: ignore[arg-type]
        category if action == "REJECT" and category in REJECTION_CATEGORIES else None,
        message.strip() or None,
    )


def reviews_from(items: Iterable[Review]) -> list[Review]:
    """A list of :class:`Review` (not a bare str or one Review), each one's rules checked; else InvalidArgumentError."""
    if isinstance(items, str | bytes | Review) or not isinstance(items, Iterable):
        raise InvalidArgumentError(f"reviews must be a list of prolific.Review, not a {type(items).__name__}")
    out = list(items)
    for number, review in enumerate(out, 1):
        if not isinstance(review, Review):
            raise InvalidArgumentError(f"reviews item {number} is a {type(review).__name__}, not a prolific.Review")
        problems: list[tuple[str | None, str]] = []
        id_problem = prolific_id_problem(review.submission_id, "submission id")
        if id_problem is not None:
            problems.append(("submission_id", id_problem))
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
