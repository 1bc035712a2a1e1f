"""Output: the redactor every written byte passes through, results and errors (``--json``), progress."""

from __future__ import annotations

import contextlib
import json
import os
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import IO, Any

from prolific import CredentialsFormatError

from ._context import MIN_REDACTED, LocalError, UsageError, _plural
from ._input import InputProblems


class Redactor:
    """Replaces the token and every known password in text with ``***``.

    Passwords are found by looking up each substring of the text, for each password length seen,
    in a set: the cost depends on the text and the number of distinct lengths, not on the number
    of passwords (a million-line upload included).
    """

    def __init__(self) -> None:
        self._tokens: list[str] = []
        self._passwords: set[str] = set()
        self._lengths: list[int] = []

    def add_token(self, token: str | None) -> None:
        if token and len(token) >= MIN_REDACTED and token not in self._tokens:
            self._tokens.append(token)
            self._tokens.sort(key=len, reverse=True)

    def add_passwords(self, passwords: Iterable[str]) -> None:
        fresh = {p for p in passwords if len(p) >= MIN_REDACTED}
        fresh |= {p.replace("\\", "\\\\") for p in fresh if "\\" in p}  # as it would appear in JSON
        self._passwords |= fresh
        self._lengths = sorted({len(p) for p in self._passwords}, reverse=True)

    def __call__(self, text: str) -> str:
        for token in self._tokens:
            text = text.replace(token, "***")
        if not self._passwords or not text:
            return text
        passwords, spans = self._passwords, []
        for length in self._lengths:
            for start in range(len(text) - length + 1):
                if text[start : start + length] in passwords:
                    spans.append((start, start + length))
        if not spans:
            return text
        spans.sort()
        out, position = [], 0
        for start, end in spans:
            if end <= position:
                continue
            if start >= position:
                out += [text[position:start], "***"]
            position = end
        out.append(text[position:])
        return "".join(out)


class Output:
    """Where results and messages go; remembers ``--json``; redacts everything it writes."""

    def __init__(self, as_json: bool, redact: Redactor) -> None:
        self.as_json = as_json
        self.redact = redact
        self.error_written = False

    @property
    def stdout(self) -> IO[str]:
        return sys.stdout

    @property
    def stderr(self) -> IO[str]:
        return sys.stderr

    def result(self, human: str | None, data: Any) -> None:
        """The command's result: ``human`` text, or ``data`` as one JSON document with ``--json``."""
        if self.as_json:
            self.stdout.write(self.redact(json.dumps(data, indent=2, sort_keys=True)) + "\n")
        elif human is not None:
            self.stdout.write(self.redact(human) + "\n")
        self.stdout.flush()

    def error(self, exc: BaseException, message: str, **extra: Any) -> None:
        """With ``--json``: ``{"error": {"type", "status", "detail"}, **extra}`` on stdout, once per run."""
        if not self.as_json or self.error_written:
            return
        self.error_written = True
        self.result(None, {"error": _error_fields(exc, message), **extra})

    def write(self, text: str) -> None:
        """Text on stdout as it is (no newline added), redacted like everything else."""
        self.stdout.write(self.redact(text))
        self.stdout.flush()

    def data(self, text: str) -> None:
        """Requested data, written as is (``credentials generate``: the passwords ARE the result)."""
        self.stdout.write(text)
        self.stdout.flush()

    def say(self, message: str) -> None:
        self.stderr.write(self.redact(message) + "\n")
        self.stderr.flush()


def table(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    """Rows under a header, columns aligned (two spaces between); columns of numbers right-aligned.

    >>> print(table(["ID", "N"], [["a", 1], ["bbb", 20]]))
    ID    N
    a     1
    bbb  20
    """
    body = [list(row) for row in rows]
    numeric = [bool(body) and all(isinstance(row[i], int) for row in body) for i in range(len(header))]
    cells = [list(map(str, header))] + [["" if c is None else str(c) for c in row] for row in body]
    widths = [max(len(row[i]) for row in cells) for i in range(len(header))]
    lines = []
    for row in cells:
        shown = [c.rjust(w) if num else c.ljust(w) for c, w, num in zip(row, widths, numeric, strict=True)]
        lines.append("  ".join(shown).rstrip())
    return "\n".join(lines)


def write_private_file(path: Path, text: str, *, force: bool = False) -> None:
    """Create ``path`` with mode 600 and write ``text`` (it holds passwords); an existing file needs ``force``."""
    flags = os.O_WRONLY | os.O_CREAT | (os.O_TRUNC if force else os.O_EXCL)
    try:
        fd = os.open(path, flags, 0o600)
    except FileExistsError:
        raise UsageError(f"{path} exists; pass --force to overwrite it") from None
    except OSError as exc:
        raise UsageError(f"{path}: cannot write: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            with contextlib.suppress(OSError):  # a file system without permissions
                os.fchmod(handle.fileno(), 0o600)  # --force on an existing file keeps its mode otherwise
            handle.write(text)
    except OSError as exc:
        raise LocalError(f"{path}: write failed: {exc.strerror or exc}") from None


def _error_fields(exc: BaseException, message: str) -> dict[str, Any]:
    """The ``error`` object of ``--json`` output: the same keys for every command and failure."""
    fields: dict[str, Any] = {
        "type": "Interrupted" if isinstance(exc, KeyboardInterrupt) else type(exc).__name__,
        "status": getattr(exc, "status_code", None),
        "detail": message.removeprefix("error: "),
    }
    problems = (
        exc.problems if isinstance(exc, InputProblems) else [exc] if isinstance(exc, CredentialsFormatError) else []
    )
    if problems:
        fields["problems"] = [{"line": p.line, "field": p.field, "reason": p.reason} for p in problems]
    return fields


class Progress:
    """Upload progress on stderr: a redrawn bar on a terminal, a line per ~10% otherwise."""

    def __init__(self, stream: IO[str], total: int) -> None:
        self.stream = stream
        self.total = max(total, 1)
        isatty = getattr(stream, "isatty", None)
        self.tty = bool(isatty()) if callable(isatty) else False
        self.last_step = -1
        self.open_line = False

    def __call__(self, done: int) -> None:
        if self.tty:
            width = 30
            filled = width * done // self.total
            percent = 100 * done // self.total
            self.stream.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{self.total} ({percent}%)")
            self.open_line = done < self.total
            if not self.open_line:
                self.stream.write("\n")
        else:
            step = 10 * done // self.total
            if step == self.last_step and done < self.total:
                return
            self.last_step = step
            self.stream.write(f"uploaded {done} of {_plural(self.total, 'credential')}\n")
        self.stream.flush()

    def close(self) -> None:
        """End a half-drawn bar before another message is printed."""
        if self.open_line:
            self.stream.write("\n")
            self.stream.flush()
            self.open_line = False
