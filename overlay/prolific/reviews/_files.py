"""Reading reviews and ids from files (pure, no I/O beyond reading the file), each review checked by the rules.

A reviews file is CSV, one submission a line: ``submission_id,action[,category,message]`` where
``action`` is ``APPROVE``, ``REJECT`` (with a category and a message) or ``RETURN`` (a return
request: the message is the reason); or, for rejections only, ``submission_id,category,message``.
A header row (``submission_id,action,category,message`` or ``submission_id,category,message``),
blank lines, a UTF-8 BOM and quoted fields (a message with commas) are accepted. Every problem of
a file is reported at once, each with its file, line and field; the rules are
:mod:`prolific.reviews._rules`.

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
from typing import IO, Literal, TypeAlias, cast

from .._errors import InputProblem, InvalidArgumentError, ReviewsFormatError
from .._text import FOREIGN_SEPARATORS, foreign_separator, read_file_text
from .._validation import IdKind, id_problem
from ._rules import _ACTIONS, REJECTION_CATEGORIES, Review, rejection_problems

__all__ = ["read_ids", "read_reviews"]

_REVIEWS_HEADER = ("submission_id", "action", "category", "message")
_REJECTIONS_HEADER = ("submission_id", "category", "message")
_ID_HEADERS = frozenset({"id", "submission_id", "participant_id", "submission", "participant"})

PathOrFile: TypeAlias = "str | os.PathLike[str] | IO[str]"


def _text(path_or_file: str | os.PathLike[str] | IO[str]) -> tuple[str, str]:
    """``(source, text)`` of a path or an open text file; unreadable or non-UTF-8 input raises ReviewsFormatError."""
    if isinstance(path_or_file, str | os.PathLike):
        source = os.fspath(path_or_file)
        return source, read_file_text(source, source=source, error=ReviewsFormatError)
    if not callable(getattr(path_or_file, "read", None)):
        raise ReviewsFormatError(f"expected a file path or an open text file, got {type(path_or_file).__name__}")
    source = str(getattr(path_or_file, "name", "<stream>"))
    text = path_or_file.read()
    if not isinstance(text, str):
        raise ReviewsFormatError("expected a text file (open it with encoding='utf-8')", source=source)
    return source, text.removeprefix("\ufeff")


def _rows(text: str, source: str, problems: list[InputProblem]) -> list[tuple[int, list[str]]]:
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
            problems.append(InputProblem(f"not valid CSV ({exc}); check the quotes", line=start, file=source))
            return rows
        if any(field.strip() for field in fields):
            rows.append((start, fields))
        start = reader.line_num + 1


def _separator_problem(fields: list[str], line: int, source: str) -> InputProblem | None:
    separator = foreign_separator(fields)
    if separator is None:
        return None
    return InputProblem(
        f"the file separates its fields with {FOREIGN_SEPARATORS[separator]}, not commas: save it as "
        '"CSV UTF-8 (Comma delimited)"',
        line=line,
        file=source,
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
    problems: list[InputProblem] = []
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
        problem = id_problem(value, cast("IdKind", what))  # any other name: a Prolific id of that kind
        if problem is not None:
            separator = _separator_problem([line], number, source)
            problems.append(separator or InputProblem(problem, line=number, file=source))
        elif value in seen:
            problems.append(
                InputProblem(f"{value} is listed twice (first on line {seen[value]})", line=number, file=source)
            )
        else:
            seen[value] = number
            ids.append(value)
    if problems:
        raise ReviewsFormatError(problems, source=source)
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
    problems: list[InputProblem] = []
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
        problems += [InputProblem(reason, line=line, field=field, file=source) for field, reason in found]
        if review is not None and not found:
            seen[review.submission_id] = line
            reviews.append(
                Review(review.submission_id, review.action, review.category, review.message, line=line, source=source)
            )
    if problems:
        raise ReviewsFormatError(problems, source=source)
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
    problem = id_problem(submission_id, "submission id")
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
