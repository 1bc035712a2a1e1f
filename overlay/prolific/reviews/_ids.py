"""The id checks of the review methods: a list of Prolific ids, a study id, a submission id.

Moved unchanged out of ``resources/submissions.py``; the next step makes them the one id checker
of :mod:`prolific._validation`.
"""

from __future__ import annotations

import builtins
from collections.abc import Iterable

from .. import _validation as check
from .._errors import InvalidArgumentError


def prolific_ids(values: Iterable[str], name: str, what: str) -> builtins.list[str]:
    """A non-empty list of Prolific ids; the first bad one named by its item number (from 1)."""
    if isinstance(values, str | bytes) or not isinstance(values, Iterable):
        raise InvalidArgumentError(f"{name} must be a list of {what}s, not a {type(values).__name__}")
    out = builtins.list(values)
    for number, value in enumerate(out, 1):
        problem = check.prolific_id_problem(value, what)
        if problem is not None:
            raise InvalidArgumentError(f"{name} item {number}: {problem}; nothing was sent")
    if not out:
        raise InvalidArgumentError(f"{name} is empty: give at least one {what}")
    return out


def _study_id(value: object) -> str:
    problem = check.prolific_id_problem(value, "study id")
    if problem is not None:
        raise InvalidArgumentError(f"study_id: {problem}")
    return value  # type: ignore[return-value]


def _submission_id(value: object) -> str:
    problem = check.prolific_id_problem(value, "submission id")
    if problem is not None:
        raise InvalidArgumentError(f"submission_id: {problem}; nothing was sent")
    return value  # type: ignore[return-value]
