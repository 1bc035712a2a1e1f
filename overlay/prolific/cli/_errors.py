"""The command line's own failures and exit codes: usage and input problems (2), local failures (1), Ctrl-C (130).

The library's errors (``prolific.ProlificError`` and below) are mapped to the same codes in
:func:`prolific.cli._main.main`.
"""

from __future__ import annotations

import shlex
from collections.abc import Sequence

from prolific import AuthenticationError, InputProblem

from ._constants import MAX_PROBLEMS_SHOWN, PROG, TOKEN_ENV
from ._format import plural

EXIT_OK, EXIT_API, EXIT_INPUT, EXIT_INTERRUPTED = 0, 1, 2, 130


class UsageError(Exception):
    """A mistake in the command line or its input files (exit 2)."""


class LocalError(Exception):
    """A local failure that is not the user's input (a port in use, a full disk): exit 1."""


class InputProblems(UsageError):
    """Every problem of a credentials input that ``create``/``add``/``upload`` refused (exit 2)."""

    #: The command group whose ``check`` lists every problem of such a file.
    GROUP = "credentials"

    def __init__(self, label: str, problems: Sequence[InputProblem]) -> None:
        self.label = label
        self.problems = list(problems)
        shown = [f"  {problem}" for problem in problems[:MAX_PROBLEMS_SHOWN]]
        if len(problems) > MAX_PROBLEMS_SHOWN:
            check = shlex.join([PROG, self.GROUP, "check", label if label != "<stdin>" else "-"])
            shown.append(f"  ... and {len(problems) - MAX_PROBLEMS_SHOWN} more: `{check}` lists them all")
        super().__init__("\n".join([f"{label}: {plural(len(problems), 'problem')}; nothing was sent", *shown]))


def explained(exc: BaseException) -> str:
    """An error's message for the user, with a hint where the cause is usually local."""
    if isinstance(exc, AuthenticationError):
        return (
            f"{exc} — check the API token in ${TOKEN_ENV} (or --token): it may be mistyped, expired or "
            "revoked; create one in the Prolific app under Settings > API tokens"
        )
    return str(exc)
