"""Output: results and errors (``--json``), tables, progress, private files; every byte through the redactor.

``rich`` draws the tables and the progress bar, and only on a terminal: it is imported inside the
functions that draw, so ``--help`` and commands that print plain text never load it. Progress
goes to stderr, never stdout (stdout is for results a script reads).
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import IO, Any

from prolific import InputFileError

from ._errors import InputProblems, LocalError, UsageError
from ._format import of
from ._redact import Redactor


def _isatty(stream: IO[str]) -> bool:
    isatty = getattr(stream, "isatty", None)
    return bool(isatty()) if callable(isatty) else False


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

    def table(self, header: Sequence[str], rows: Iterable[Sequence[object]], data: Any) -> None:
        """A table as the result (``data`` with ``--json``): drawn by rich on a terminal, plain text otherwise."""
        if self.as_json or not _isatty(self.stdout):
            self.result(table(header, rows), data)
            return
        self.stdout.write(self.redact(_rich_table(header, rows, self.redact)))
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
        """A message for the user on stderr (never part of the result)."""
        self.stderr.write(self.redact(message) + "\n")
        self.stderr.flush()


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value:,}"
    return str(value)


def _numeric(body: list[list[object]], columns: int) -> list[bool]:
    return [bool(body) and all(isinstance(row[i], int) for row in body) for i in range(columns)]


def table(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    """Rows under a header, columns aligned (two spaces between); columns of numbers right-aligned.

    >>> print(table(["ID", "N"], [["a", 1], ["bbb", 2000]]))
    ID       N
    a        1
    bbb  2,000
    """
    body = [list(row) for row in rows]
    numeric = _numeric(body, len(header))
    cells = [list(map(str, header))] + [[_cell(c) for c in row] for row in body]
    widths = [max(len(row[i]) for row in cells) for i in range(len(header))]
    lines = []
    for row in cells:
        shown = [c.rjust(w) if num else c.ljust(w) for c, w, num in zip(row, widths, numeric, strict=True)]
        lines.append("  ".join(shown).rstrip())
    return "\n".join(lines)


def _rich_table(header: Sequence[str], rows: Iterable[Sequence[object]], redact: Redactor) -> str:
    """The table drawn by rich for a terminal; cells are redacted before layout (wrapping cannot split a secret)."""
    import shutil

    from rich.console import Console
    from rich.table import Table

    body = [list(row) for row in rows]
    numeric = _numeric(body, len(header))
    drawn = Table(box=None, header_style="bold", pad_edge=False)
    for name, num in zip(header, numeric, strict=True):
        drawn.add_column(name, justify="right" if num else "left", overflow="fold")
    for row in body:
        drawn.add_row(*(redact(_cell(c)) for c in row))
    buffer = io.StringIO()
    Console(file=buffer, force_terminal=True, width=shutil.get_terminal_size().columns).print(drawn)
    return buffer.getvalue()


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
    problems = exc.problems if isinstance(exc, InputProblems | InputFileError) else []
    if problems:
        fields["problems"] = [{"line": p.line, "field": p.field, "reason": p.reason} for p in problems]
    return fields


class Progress:
    """Progress on stderr: on a terminal a rich bar with rate and ETA, otherwise a plain line per ~10%.

    ``progress(done)`` after each step; :meth:`close` before another message is printed.
    """

    def __init__(self, stream: IO[str], total: int, *, verb: str = "uploaded", noun: str = "credential") -> None:
        self.stream = stream
        self.total = max(total, 1)
        self.verb, self.noun = verb, noun
        self.tty = _isatty(stream)
        self.last_step = -1
        self._bar: Any = None  # rich.progress.Progress, from the first step on a terminal
        self._task: Any = None

    def __call__(self, done: int) -> None:
        if self.tty:
            if self._bar is None:
                self._bar, self._task = _rich_bar(self.stream, self.total, f"{self.verb} {self.noun}s")
            self._bar.update(self._task, completed=done)
            if done >= self.total:
                self.close()
            return
        step = 10 * done // self.total
        if step == self.last_step and done < self.total:
            return
        self.last_step = step
        self.stream.write(f"{self.verb} {of(done, self.total, self.noun)}\n")
        self.stream.flush()

    def close(self) -> None:
        """Stop a drawn bar (it stays on screen as it was) before another message is printed."""
        if self._bar is not None:
            self._bar.stop()
            self._bar = None


def _rich_bar(stream: IO[str], total: int, what: str) -> tuple[Any, Any]:
    """A started rich progress bar on ``stream``: done of total, percent, rate per second, time left."""
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        ProgressColumn,
        TaskProgressColumn,
        TextColumn,
        TimeRemainingColumn,
    )
    from rich.progress import Progress as Bar
    from rich.text import Text

    class Rate(ProgressColumn):  # rich's speed column counts bytes; these are credentials
        def render(self, task: Any) -> Text:
            speed = task.finished_speed or task.speed
            return Text("" if speed is None else f"{speed:,.0f}/s", style="progress.data.speed")

    bar = Bar(
        TextColumn(what),
        BarColumn(),
        TextColumn("{task.completed:,.0f} of {task.total:,.0f}"),  # numbers as every message writes them
        TaskProgressColumn(),
        Rate(),
        TimeRemainingColumn(),
        console=Console(file=stream),
        transient=False,
    )
    task = bar.add_task(what, total=total)
    bar.start()
    return bar, task
