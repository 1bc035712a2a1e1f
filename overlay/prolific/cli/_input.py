"""Reading input files and stdin; credentials input validated in full before anything is sent."""

from __future__ import annotations

import shlex
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from prolific import CredentialsFormatError, find_problems, parse_credentials, read_credentials
from prolific.credentials import MISSING_FILE, CredentialList, decode_text

from ._context import MAX_PROBLEMS_SHOWN, PROG, UsageError, _plural

if TYPE_CHECKING:
    from ._output import Redactor


def _read_text(name: str, what: str = "file") -> tuple[str, str]:
    """``(label, text)`` of a FILE argument or ``-`` (stdin), decoded as UTF-8."""
    if name == "-":
        label = "<stdin>"
        if getattr(sys.stdin, "isatty", lambda: False)():
            sys.stderr.write(f"reading the {what} from the terminal; end with Ctrl-D\n")
        buffer = getattr(sys.stdin, "buffer", None)
        if buffer is None:  # a text stream without bytes underneath (tests, wrappers)
            return label, sys.stdin.read().removeprefix("\ufeff")
        raw = buffer.read()
    else:
        label = name
        try:
            raw = Path(name).read_bytes()
        except FileNotFoundError:
            raise UsageError(f"{name}: {MISSING_FILE}") from None
        except OSError as exc:
            raise UsageError(f"{name}: cannot read: {exc.strerror or exc}") from None
    return label, decode_text(raw, source=label)  # an error names the byte's position, never its value


class InputProblems(UsageError):
    """Every problem of a credentials input that ``create``/``add``/``upload`` refused (exit 2)."""

    def __init__(self, label: str, problems: list[CredentialsFormatError]) -> None:
        self.label = label
        self.problems = problems
        shown = [f"  {problem}" for problem in problems[:MAX_PROBLEMS_SHOWN]]
        if len(problems) > MAX_PROBLEMS_SHOWN:
            check = shlex.join([PROG, "credentials", "check", label if label != "<stdin>" else "-"])
            shown.append(f"  ... and {len(problems) - MAX_PROBLEMS_SHOWN} more: `{check}` lists them all")
        super().__init__("\n".join([f"{label}: {_plural(len(problems), 'problem')}; nothing was sent", *shown]))


def _input_problems(label: str, text: str, redact: Redactor, first: CredentialsFormatError) -> Exception:
    """The error for an input that failed validation: its single problem, or all of them (bounded)."""
    valid, problems = find_problems(text, source=label)
    redact.add_passwords(c.password for c in valid)
    if len(problems) <= 1:
        return problems[0] if problems else first
    return InputProblems(label, problems)


def _load_credentials(name: str, redact: Redactor) -> CredentialList:
    """The validated credentials of a FILE argument or ``-``; their passwords join the redactor.

    Invalid input is reported in full (as ``credentials check`` would), not just its first problem.
    """
    if name == "-":
        label, text = _read_text(name, "credentials")
        try:
            creds = parse_credentials(text, source=label)
        except CredentialsFormatError as exc:
            raise _input_problems(label, text, redact, exc) from None
    else:
        path = Path(name)
        if not path.is_file():
            raise UsageError(f"{name}: {MISSING_FILE}" if not path.exists() else f"{name}: not a file")
        try:
            creds = read_credentials(path)
        except CredentialsFormatError as exc:
            if exc.line is None:  # a file-level problem: unreadable, empty
                raise
            label, text = _read_text(name, "credentials")  # a non-UTF-8 file stops here, with its line
            raise _input_problems(label, text, redact, exc) from None
    redact.add_passwords(c.password for c in creds)
    return creds
