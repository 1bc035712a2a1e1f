"""``prolific-client``: the command line of this package (also ``python -m prolific``).

Built on :mod:`argparse` and the package's public API only. Results go to stdout (one JSON
document with ``--json``); messages, progress and errors go to stderr.

Exit codes: 0 success; 1 API or network error; 2 usage, configuration or input-file error;
130 interrupted (Ctrl-C).

The token and passwords are never printed, ``--debug`` included: everything written is scanned
and redacted (secrets shorter than 6 characters excepted: they would match ordinary words). The
one exception is ``credentials generate``, whose output *is* the passwords it was asked to make.
"""

from __future__ import annotations

import argparse
import contextlib
import difflib
import json
import logging
import os
import shlex
import signal
import sys
import threading
import traceback
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from types import FrameType
from typing import IO, Any, NoReturn

from prolific import (
    DEFAULT_BATCH_SIZE,
    APIError,
    AuthenticationError,
    ConfigurationError,
    ConflictError,
    Credential,
    CredentialsFormatError,
    InvalidArgumentError,
    Prolific,
    ProlificError,
    UploadError,
    __version__,
    credentials_to_csv,
    find_problems,
    generate_credentials,
    parse_credentials,
    read_credentials,
)
from prolific.credentials import CredentialList, decode_text

PROG = "prolific-client"
TOKEN_ENV = "PROLIFIC_TOKEN"
URL_ENV = "PROLIFIC_URL"
DEFAULT_URL = "https://api.prolific.com"
SAMPLE_TOKEN = "fake-token"
EXIT_OK, EXIT_API, EXIT_INPUT, EXIT_INTERRUPTED = 0, 1, 2, 130
#: Secrets shorter than this are not redacted: "1234" would garble every count printed.
MIN_REDACTED = 6
#: How many problems of a refused credentials file create/add/upload print (check prints all).
MAX_PROBLEMS_SHOWN = 20

__all__ = ["build_parser", "main", "run"]


class UsageError(Exception):
    """A mistake in the command line or its input files (exit 2)."""


class LocalError(Exception):
    """A local failure that is not the user's input (a port in use, a full disk): exit 1."""


def _plural(count: int, noun: str) -> str:
    """``1 credential``, ``2 credentials``; the count with thousands separators."""
    return f"{count:,} {noun}{'' if count == 1 else 's'}"


class _Parser(argparse.ArgumentParser):
    """argparse, with errors as :class:`UsageError` that name an unknown option, on the command's usage."""

    _words: list[str] | None = None

    def parse_known_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> tuple[Any, list[str]]:
        self._words = list(sys.argv[1:] if args is None else args)
        parsed, extras = super().parse_known_args(args, namespace)
        if extras and self._subparsers is None:  # a command's own parser: nothing after it could take them
            self.error(self._unknown(extras) or f"unrecognized arguments: {' '.join(extras)}")
        return parsed, extras

    def _unknown(self, words: Sequence[str]) -> str | None:
        """``unrecognized argument: --workspce (did you mean --workspace?)`` for the first unknown option."""
        known = [option for action in self._actions for option in action.option_strings]
        for word in words:
            if word == "--":
                break
            name = word.partition("=")[0]
            if not name.startswith("-") or name == "-" or name[1:].replace(".", "", 1).isdigit():
                continue  # a value, stdin, or a negative number
            if name in known or (name.startswith("--") and any(k.startswith(name) for k in known)):
                continue  # an option of this command (argparse accepts unambiguous prefixes)
            if name in ("--token", "--base-url"):
                return f"unrecognized argument: {name} (this command sends nothing to the API)"
            close = difflib.get_close_matches(name, known, n=1, cutoff=0.7)
            return f"unrecognized argument: {name}" + (f" (did you mean {close[0]}?)" if close else "")
        return None

    def error(self, message: str) -> NoReturn:
        # A missing required option is often a misspelt one: name the misspelling instead.
        unknown = self._unknown(self._words) if self._words is not None and self._subparsers is None else None
        self.print_usage(sys.stderr)
        raise UsageError(f"{self.prog}: {unknown or message}")


# -- redaction and output ----------------------------------------------------------------------


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

    def data(self, text: str) -> None:
        """Requested data, written as is (``credentials generate``: the passwords ARE the result)."""
        self.stdout.write(text)
        self.stdout.flush()

    def say(self, message: str) -> None:
        self.stderr.write(self.redact(message) + "\n")
        self.stderr.flush()


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


# -- input -------------------------------------------------------------------------------------


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
            raise UsageError(f"{name}: no such file" if not path.exists() else f"{name}: not a file")
        try:
            creds = read_credentials(path)
        except CredentialsFormatError as exc:
            if exc.line is None:  # a file-level problem: unreadable, empty
                raise
            label, text = _read_text(name, "credentials")  # a non-UTF-8 file stops here, with its line
            raise _input_problems(label, text, redact, exc) from None
    redact.add_passwords(c.password for c in creds)
    return creds


# -- commands ----------------------------------------------------------------------------------


class Context:
    """What every command gets: the parsed arguments, the output, the redactor."""

    def __init__(self, args: argparse.Namespace, out: Output, redact: Redactor) -> None:
        self.args = args
        self.out = out
        self.redact = redact

    def client(self) -> Prolific:
        """A client from ``--token``/``$PROLIFIC_TOKEN`` and ``--base-url``/``$PROLIFIC_URL``."""
        token = self.args.token
        if token is None and os.environ.get(TOKEN_ENV) is None:
            raise UsageError(
                f"no Prolific API token: set the {TOKEN_ENV} environment variable (or pass --token, but that "
                "leaves it in your shell history); create a token in the Prolific app under Settings > API tokens"
            )
        self.redact.add_token(token)
        return Prolific(token, base_url=self.args.base_url)


def cmd_check(ctx: Context) -> int:
    args, out = ctx.args, ctx.out
    try:
        label, text = _read_text(args.file, "credentials")
    except CredentialsFormatError as exc:  # not UTF-8: a problem of the file, reported as such
        label, text = exc.source or args.file, None
        valid, problems = list[Credential](), [exc]
    if text is not None:
        valid, problems = find_problems(text, source=label)
    ctx.redact.add_passwords(c.password for c in valid)
    if not out.as_json:
        for problem in problems:
            out.say(str(problem))
    out.say(f"{label}: {_plural(len(valid), 'valid credential')}, {_plural(len(problems), 'problem')}")
    report = [{"line": p.line, "field": p.field, "reason": p.reason} for p in problems]
    out.result(None, {"file": label, "credentials": len(valid), "problems": report})
    return EXIT_INPUT if problems else EXIT_OK


def cmd_create(ctx: Context) -> int:
    args, out = ctx.args, ctx.out
    with ctx.client() as client:
        creds = _load_credentials(args.file, ctx.redact)
        pool_id = client.credentials.create_pool(workspace_id=args.workspace, credentials=creds)
    out.say(f"created credential pool {pool_id} with {_plural(len(creds), 'credential')}")
    out.result(pool_id, {"credential_pool_id": pool_id, "uploaded": len(creds), "total": len(creds)})
    return EXIT_OK


def cmd_add(ctx: Context) -> int:
    args, out = ctx.args, ctx.out
    with ctx.client() as client:
        creds = _load_credentials(args.file, ctx.redact)
        pool_id = client.credentials.add(args.pool_id, credentials=creds)
    out.say(f"added {_plural(len(creds), 'credential')} to pool {pool_id}")
    out.result(pool_id, {"credential_pool_id": pool_id, "uploaded": len(creds), "total": len(creds)})
    return EXIT_OK


class _Upload:
    """One run of ``credentials upload``: what is confirmed stored, and how to resume."""

    def __init__(self, ctx: Context, total: int) -> None:
        self.ctx = ctx
        self.total = total
        self.stored = ctx.args.skip  # credentials of the input confirmed stored (or skipped)
        self.pool_id: str | None = ctx.args.pool
        self.progress = Progress(ctx.out.stderr, total)

    def confirm(self, stored: int) -> None:
        self.stored = stored
        self.progress(stored)

    def _conflict_note(self, error: UploadError | None, batch_end: int) -> str:
        """After a 409: nothing of the batch was stored; what to change, and which --skip then."""
        batch = f"credentials {self.stored + 1}-{batch_end}"
        if error is not None and error.batch_lines is not None:
            first, last = error.batch_lines
            batch += f", {'line' if first == last else 'lines'} {first}" + ("" if first == last else f"-{last}")
        if error is not None and error.rejected_count >= batch_end - self.stored:
            return (
                f"note: every username of the failed batch ({batch}) is already in the pool (stored by an "
                f"earlier run?): resume with --skip {batch_end} instead"
            )
        return (
            f"note: a 409 stores nothing of its batch ({batch}): remove or rename the usernames named above in "
            f"the file, then run the resume command; --skip counts credentials, not lines, and {self.stored} stays "
            f"right as long as the first {_plural(self.stored, 'credential')} of the file are unchanged"
        )

    def resume_command(self) -> str:
        args = self.ctx.args
        words = [PROG]
        if args.base_url:
            words += ["--base-url", args.base_url]
        words += ["credentials", "upload", "--pool", self.pool_id or "POOL_ID", "--skip", str(self.stored)]
        if args.batch_size != DEFAULT_BATCH_SIZE:
            words += ["--batch-size", str(args.batch_size)]
        if args.file.startswith("-") and args.file != "-":
            words.append("--")  # a file named like an option
        return shlex.join([*words, args.file])

    def stopped(self, cause: BaseException, *, in_flight: bool, upload_error: UploadError | None = None) -> None:
        """Say how far the upload got and how to finish it."""
        self.progress.close()
        out, args = self.ctx.out, self.ctx.args
        if args.debug and not isinstance(cause, KeyboardInterrupt):
            out.stderr.write(out.redact("".join(traceback.format_exception(cause))))
        where = f"pool {self.pool_id}" if self.pool_id else "no pool was created"
        interrupted = isinstance(cause, KeyboardInterrupt)
        reason = "" if interrupted else f": {_explained(cause)}"
        verb = "interrupted" if interrupted else "stopped"
        message = f"error: upload {verb} after {self.stored} of {_plural(self.total, 'credential')} ({where}){reason}"
        out.say(message)
        batch_end = min(self.stored + args.batch_size, self.total)
        note = None
        if self.pool_id:
            out.say(f"resume with: {self.resume_command()}")
            if args.file == "-":
                out.say("  (the input was stdin: pipe the same input into that command again)")
            if in_flight:
                note = (
                    f"note: the batch in flight (credentials {self.stored + 1}-{batch_end}) may or may not have "
                    f"been stored; if resuming gives 409 Conflict, it was: resume with --skip {batch_end} instead"
                )
            elif isinstance(cause, ConflictError):
                note = self._conflict_note(upload_error, batch_end)
        elif in_flight:
            note = (
                "note: the pool may have been created anyway; check the workspace's credential pools "
                "before running the same command again"
            )
        else:
            note = "nothing was stored; fix the cause and run the same command again"
        if note is not None:
            out.say(note)
        extra: dict[str, Any] = {
            "credential_pool_id": self.pool_id,
            "uploaded": self.stored - args.skip,
            "total": self.total,
        }
        if self.pool_id:
            shown = note.removeprefix("note: ") if note is not None else None
            extra["resume"] = {"command": self.resume_command(), "skip": self.stored, "note": shown}
        elif note is not None:
            extra["note"] = note.removeprefix("note: ")
        out.error(cause, message, **extra)


def cmd_upload(ctx: Context) -> int:
    args, out = ctx.args, ctx.out
    with ctx.client() as client:
        creds = _load_credentials(args.file, ctx.redact)  # the whole input is validated first
        total = len(creds)
        if args.skip > total:
            raise UsageError(f"--skip {args.skip}: the input has only {_plural(total, 'credential')}")
        upload = _Upload(ctx, total)
        if args.skip == total:
            if upload.pool_id is None:
                raise UsageError(f"nothing to upload: --skip {args.skip} skips all {_plural(total, 'credential')}")
            out.say(f"nothing to upload: all {_plural(total, 'credential')} skipped")
            out.result(upload.pool_id, {"credential_pool_id": upload.pool_id, "uploaded": 0, "total": total})
            return EXIT_OK
        skipped = f", skipping the first {args.skip}" if args.skip else ""
        out.say(f"uploading {_plural(total - args.skip, 'credential')} in batches of {args.batch_size}{skipped}")
        base = upload.stored
        try:
            if upload.pool_id is None:
                # The first batch creates the pool: from then on its id is known, so even a
                # Ctrl-C can be resumed exactly.
                first = creds.section(args.skip, args.skip + args.batch_size)  # it keeps its file lines
                upload.pool_id = client.credentials.create_pool(workspace_id=args.workspace, credentials=first)
                upload.confirm(args.skip + len(first))
            base = upload.stored
            if base < total:
                client.credentials.upload(
                    creds.section(base),
                    pool_id=upload.pool_id,
                    batch_size=args.batch_size,
                    on_progress=lambda done, _total: upload.confirm(base + done),
                )
        except UploadError as exc:
            upload.stored = base + exc.uploaded
            cause = exc.__cause__ if exc.__cause__ is not None else exc
            upload.stopped(
                cause, in_flight=isinstance(cause, APIError) and cause.may_have_been_applied, upload_error=exc
            )
            return EXIT_API
        except APIError as exc:  # the pool-creating first batch
            upload.stopped(exc, in_flight=exc.may_have_been_applied)
            return EXIT_API
        except KeyboardInterrupt as exc:
            upload.stopped(exc, in_flight=True)
            raise
    out.say(f"uploaded {_plural(upload.stored - args.skip, 'credential')} to pool {upload.pool_id}")
    out.result(
        upload.pool_id,
        {"credential_pool_id": upload.pool_id, "uploaded": upload.stored - args.skip, "total": total},
    )
    return EXIT_OK


def cmd_generate(ctx: Context) -> int:
    args, out = ctx.args, ctx.out
    creds = generate_credentials(args.n, prefix=args.prefix, password_length=args.length)
    if args.output in (None, "-"):
        if out.as_json:
            out.data(json.dumps([{"username": u, "password": p} for u, p in creds], indent=2) + "\n")
        else:
            out.data(credentials_to_csv(creds) + "\n")
        return EXIT_OK
    path = Path(args.output)
    flags = os.O_WRONLY | os.O_CREAT | (os.O_TRUNC if args.force else os.O_EXCL)
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
            handle.write(credentials_to_csv(creds) + "\n")
    except OSError as exc:
        raise LocalError(f"{path}: write failed: {exc.strerror or exc}") from None
    out.say(f"wrote {_plural(len(creds), 'credential')} to {path} (mode 600: it holds passwords)")
    out.result(None, {"file": str(path), "credentials": len(creds)})
    return EXIT_OK


def _participant_ids(args: argparse.Namespace) -> list[str] | None:
    ids = list(args.participant or [])
    if args.participants_file:
        _label, text = _read_text(args.participants_file, "participant ids")
        for line in text.splitlines():
            line = line.split("#", 1)[0].strip()
            if line:
                ids.append(line)
    return ids or None


def cmd_group(ctx: Context) -> int:
    args = ctx.args
    ids = _participant_ids(args)
    with ctx.client() as client:
        group = client.participant_groups.create(
            name=args.name,
            workspace_id=args.workspace,
            organisation_id=args.organisation,
            description=args.description,
            participant_ids=ids,
        )
    data = group.to_dict()
    count = data.get("participant_count")
    human = f"{data.get('id')}\t{data.get('name')}"
    if count is not None:
        human += f"\t{count} participant{'' if count == 1 else 's'}"
    ctx.out.result(human, data)
    return EXIT_OK


def cmd_invite(ctx: Context) -> int:
    args = ctx.args
    with ctx.client() as client:
        invitations = client.invitations.create(workspace_id=args.workspace, emails=args.emails, role=args.role)
    data = [invitation.to_dict() for invitation in invitations]
    lines = []
    for item in data:
        invitee = item.get("invitee") or {}
        lines.append(f"{invitee.get('email', '?')}\t{item.get('role', '?')}\t{item.get('status', '?')}")
    ctx.out.result("\n".join(lines), data)
    return EXIT_OK


def _interrupt(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt


def cmd_fake_server(ctx: Context) -> int:
    from prolific.testing import FakeProlific

    out = ctx.out

    def ready(url: str) -> None:
        if out.as_json:
            out.data(json.dumps({"url": url, "token": SAMPLE_TOKEN}) + "\n")
        else:
            out.data(f"url={url}\ntoken={SAMPLE_TOKEN}\n")
        out.say(f"FakeProlific is listening on {url} (it accepts any token); Ctrl-C stops it")

    in_main = threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGTERM, _interrupt) if in_main else None
    try:
        FakeProlific().serve_forever(ctx.args.port, ready=ready)
    except KeyboardInterrupt:
        pass
    except OSError as exc:
        raise LocalError(f"cannot listen on 127.0.0.1:{ctx.args.port}: {exc.strerror or exc}") from None
    finally:
        if in_main:
            signal.signal(signal.SIGTERM, previous)
    out.say("FakeProlific stopped")
    return EXIT_OK


# -- the parser --------------------------------------------------------------------------------


def _count(minimum: int, maximum: int | None = None) -> Callable[[str], int]:
    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
        if value < minimum or (maximum is not None and value > maximum):
            limit = f"from {minimum} to {maximum}" if maximum is not None else f">= {minimum}"
            raise argparse.ArgumentTypeError(f"{value} is out of range (expected {limit})")
        return value

    parse.__name__ = "number"
    return parse


def _global_options(parser: argparse.ArgumentParser, *, leaf: bool, online: bool = True) -> None:
    """The options every command takes; on a subcommand they may also follow the command.

    ``online=False``: a command that sends nothing (check, generate, fake-server) takes no
    ``--token``/``--base-url`` after its name, and its help does not list them.
    """
    group = parser.add_argument_group("global options" + (" (also accepted before the command)" if leaf else ""))

    def default(value: Any) -> Any:
        return argparse.SUPPRESS if leaf else value

    if online:
        group.add_argument(
            "--token",
            default=default(None),
            help=f"API token (default: ${TOKEN_ENV}; prefer the variable: a token typed here lands in your shell "
            "history)",
        )
        group.add_argument(
            "--base-url",
            metavar="URL",
            default=default(None),
            help=f"API base URL, without /api/v1 (default: ${URL_ENV}, else {DEFAULT_URL})",
        )
    group.add_argument("--json", action="store_true", default=default(False), help="print one JSON document on stdout")
    group.add_argument(
        "--debug",
        action="store_true",
        default=default(False),
        help="log each request (never the token or a body) and show tracebacks",
    )


def build_parser() -> argparse.ArgumentParser:
    """The argparse parser (exposed for documentation and tests)."""
    parser = _Parser(
        prog=PROG,
        description="The Prolific API from the command line: credential pools, participant groups, invitations.",
        epilog=(
            f"Authentication: export {TOKEN_ENV}=... (preferred: a token given with --token lands in your shell "
            f"history). Base URL: --base-url, else ${URL_ENV}, else {DEFAULT_URL}. Try it without an account: "
            f"`{PROG} fake-server`. Exit codes: 0 ok, 1 API or network error, 2 usage, configuration or input "
            "error, 130 interrupted."
        ),
    )
    _global_options(parser, leaf=False)
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True, parser_class=_Parser)

    def leaf(actions: Any, name: str, func: Callable[[Context], int], **kwargs: Any) -> argparse.ArgumentParser:
        sub: argparse.ArgumentParser = actions.add_parser(name, **kwargs)
        sub.set_defaults(func=func)
        return sub

    def finish(*subs: argparse.ArgumentParser, online: bool = True) -> None:
        for sub in subs:
            _global_options(sub, leaf=True, online=online)

    creds = commands.add_parser("credentials", help="credential pools: check, create, add, upload, generate")
    actions = creds.add_subparsers(dest="action", metavar="ACTION", required=True, parser_class=_Parser)
    check = leaf(
        actions,
        "check",
        cmd_check,
        help="offline: report every problem in a credentials CSV (exit 2 if any)",
        description="Check a credentials CSV without sending anything: every bad line is reported with its "
        "line number and reason, a duplicate names both lines. Exit 2 if there is any problem.",
    )
    check.add_argument("file", metavar="FILE", help="CSV file (username,password per line; header allowed), or -")
    create = leaf(actions, "create", cmd_create, help="create a pool from a CSV; prints the pool id")
    create.add_argument("--workspace", metavar="ID", required=True, help="workspace id")
    create.add_argument("file", metavar="FILE", help="CSV file, or - for stdin")
    add = leaf(actions, "add", cmd_add, help="add the credentials of a CSV to a pool")
    add.add_argument("pool_id", metavar="POOL_ID", help="the credential pool to add to (<workspace_id>_<uuid>)")
    add.add_argument("file", metavar="FILE", help="CSV file, or - for stdin")
    upload = leaf(
        actions,
        "upload",
        cmd_upload,
        help="upload any number of credentials in batches, with progress and resume",
        description="Validate the whole input, then upload it in batches: the first creates the pool (with "
        "--workspace), the rest are added. Progress goes to stderr. If a batch fails, the pool id, how many "
        "credentials were stored and the exact command to resume (--skip) are printed.",
    )
    target = upload.add_mutually_exclusive_group(required=True)
    target.add_argument("--workspace", metavar="ID", help="create a new pool in this workspace")
    target.add_argument("--pool", metavar="POOL_ID", help="add to this existing pool")
    upload.add_argument("file", metavar="FILE", help="CSV file, or - for stdin")
    upload.add_argument(
        "--batch-size",
        metavar="N",
        type=_count(1),
        default=DEFAULT_BATCH_SIZE,
        help=f"credentials per request (default: {DEFAULT_BATCH_SIZE})",
    )
    upload.add_argument(
        "--skip", metavar="N", type=_count(0), default=0, help="skip the first N credentials of the input (to resume)"
    )
    generate = leaf(
        actions,
        "generate",
        cmd_generate,
        help="write N fresh credentials as CSV (username,password lines)",
        description="Make N usernames (PREFIX1, PREFIX2, ...) with random passwords and write them as "
        "username,password lines (no header): to -o FILE (created with mode 600) or to stdout.",
    )
    generate.add_argument("n", metavar="N", type=_count(1), help="how many")
    generate.add_argument("--prefix", metavar="P", default="participant", help="username prefix (default: participant)")
    generate.add_argument(
        "--length", metavar="L", type=_count(8), default=16, help="password length, at least 8 (default: 16)"
    )
    generate.add_argument("-o", "--output", metavar="FILE", help="file to create (mode 600); default: stdout")
    generate.add_argument("--force", action="store_true", help="overwrite FILE if it exists")
    finish(create, add, upload)
    finish(check, generate, online=False)

    groups = commands.add_parser("participant-groups", help="participant groups: create")
    actions = groups.add_subparsers(dest="action", metavar="ACTION", required=True, parser_class=_Parser)
    gcreate = leaf(actions, "create", cmd_group, help="create a participant group")
    gcreate.add_argument("--name", required=True, help="the group's name")
    owner = gcreate.add_mutually_exclusive_group(required=True)
    owner.add_argument("--workspace", metavar="ID", help="workspace id")
    owner.add_argument("--organisation", metavar="ID", help="organisation id")
    gcreate.add_argument("--description", metavar="D", help="a description of the group (optional)")
    gcreate.add_argument(
        "--participant", metavar="ID", action="append", help="a participant id to include (repeatable)"
    )
    gcreate.add_argument(
        "--participants-file", metavar="FILE", help="participant ids, one per line (blank lines and # comments ignored)"
    )
    finish(gcreate)

    invitations = commands.add_parser("invitations", help="workspace invitations: create")
    actions = invitations.add_subparsers(dest="action", metavar="ACTION", required=True, parser_class=_Parser)
    icreate = leaf(actions, "create", cmd_invite, help="invite people to a workspace by email")
    icreate.add_argument("--workspace", metavar="ID", required=True, help="the workspace to invite them to")
    icreate.add_argument(
        "--role",
        type=str.lower,
        choices=["admin", "collaborator"],
        default="collaborator",
        help="role of the invitees (default: collaborator)",
    )
    icreate.add_argument("emails", nargs="+", metavar="EMAIL", help="email addresses of the people to invite")
    finish(icreate)

    fake = leaf(
        commands,
        "fake-server",
        cmd_fake_server,
        help="run a fake Prolific API on 127.0.0.1 (demos, tests; no account needed)",
        description="Run prolific.testing.FakeProlific on 127.0.0.1. Prints url=... and a sample token=... on "
        f"stdout, then serves until Ctrl-C or SIGTERM. Point the client at it with {URL_ENV}.",
    )
    fake.add_argument("--port", metavar="N", type=_count(0, 65535), default=0, help="port (default 0: a free one)")
    finish(fake, online=False)
    return parser


# -- main --------------------------------------------------------------------------------------


class _RedactingFormatter(logging.Formatter):
    def __init__(self, fmt: str, redact: Redactor) -> None:
        super().__init__(fmt)
        self.redact = redact

    def format(self, record: logging.LogRecord) -> str:
        return self.redact(super().format(record))


@contextlib.contextmanager
def _logging(debug: bool, redact: Redactor) -> Iterator[None]:
    """The library's log records on stderr: retries always (INFO), every request with ``--debug``."""
    logger = logging.getLogger("prolific")
    handler = logging.StreamHandler(sys.stderr)
    fmt = "%(levelname)s %(name)s: %(message)s" if debug else "note: %(message)s"
    handler.setFormatter(_RedactingFormatter(fmt, redact))
    level = logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG if debug else logging.INFO)
    try:
        yield
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``); return the exit code."""
    argv = list(sys.argv[1:] if argv is None else argv)
    redact = Redactor()
    redact.add_token(os.environ.get(TOKEN_ENV))
    for index, word in enumerate(argv):  # before parsing: a usage error may echo the arguments
        if word == "--token" and index + 1 < len(argv):
            redact.add_token(argv[index + 1])
        elif word.startswith("--token="):
            redact.add_token(word.partition("=")[2])
    out = Output("--json" in argv, redact)
    debug = "--debug" in argv

    def fail(code: int, exc: BaseException, message: str | None = None) -> int:
        message = message if message is not None else f"error: {_explained(exc)}"
        with contextlib.suppress(Exception):
            out.say(message)
            if debug:
                out.stderr.write(redact(traceback.format_exc()))
            out.error(exc, message)
        return code

    try:
        args = build_parser().parse_args(argv)
        out.as_json, debug = args.json, args.debug
        with _logging(debug, redact):
            func: Callable[[Context], int] = args.func
            return func(Context(args, out, redact))
    except KeyboardInterrupt as exc:
        return fail(EXIT_INTERRUPTED, exc, "interrupted")
    except SystemExit as exc:  # --help, --version
        return exc.code if isinstance(exc.code, int) else EXIT_OK
    except (UsageError, ConfigurationError, InvalidArgumentError, CredentialsFormatError) as exc:
        return fail(EXIT_INPUT, exc)
    except (ProlificError, LocalError) as exc:  # APIError and the rest
        return fail(EXIT_API, exc)
    except BrokenPipeError:  # e.g. `prolific-client credentials generate 100 | head`
        with contextlib.suppress(Exception):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_API
    except Exception as exc:
        hint = "" if debug else " (run with --debug for the traceback)"
        return fail(EXIT_API, exc, f"error: unexpected {type(exc).__name__}: {exc}{hint}")


def _explained(exc: BaseException) -> str:
    """An error's message for the user, with a hint where the cause is usually local."""
    if isinstance(exc, AuthenticationError):
        return (
            f"{exc} — check the API token in ${TOKEN_ENV} (or --token): it may be mistyped, expired or "
            "revoked; create one in the Prolific app under Settings > API tokens"
        )
    return str(exc)


def run() -> None:
    """Console-script entry point: ``sys.exit(main())``."""
    sys.exit(main())
