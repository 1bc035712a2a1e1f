"""Reading input files and stdin; credentials input validated in full before anything is sent."""

from __future__ import annotations

import sys
from pathlib import Path

from prolific import CredentialsFormatError
from prolific.credentials import (
    MISSING_FILE,
    CredentialList,
    decode_text,
    find_problems,
    parse_credentials,
    read_credentials,
)

from ._errors import InputProblems, UsageError
from ._redact import Redactor


def read_text(name: str, what: str = "file") -> tuple[str, str]:
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


def _input_problems(label: str, text: str, redact: Redactor, first: CredentialsFormatError) -> Exception:
    """The error for an input that failed validation: its single problem, or all of them (bounded)."""
    valid, problems = find_problems(text, source=label)
    redact.add_passwords(c.password for c in valid)
    if len(problems) <= 1:
        return problems[0] if problems else first
    return InputProblems(label, [problem for error in problems for problem in error.problems])


def load_credentials(name: str, redact: Redactor) -> CredentialList:
    """The validated credentials of a FILE argument or ``-``; their passwords join the redactor.

    Invalid input is reported in full (as ``credentials check`` would), not just its first problem.
    """
    if name == "-":
        label, text = read_text(name, "credentials")
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
            label, text = read_text(name, "credentials")  # a non-UTF-8 file stops here, with its line
            raise _input_problems(label, text, redact, exc) from None
    redact.add_passwords(c.password for c in creds)
    return creds


# The names of the layout before this module's functions lost their underscore (parallel branches).
_read_text = read_text
_load_credentials = load_credentials
