"""``prolific-client``: the command line (also ``python -m prolific``).

Exit codes: 0 success; 1 API or network error; 2 usage, configuration or input-file error;
130 interrupted. Results go to stdout (one JSON document with ``--json``), everything else to
stderr. The token and passwords are never printed (``credentials generate`` writes the passwords
it makes to its output file or stdout, because that is what it was asked for).
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import signal
import sys
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import IO, Any, NoReturn

from . import (
    APIError,
    ConfigurationError,
    Credential,
    CredentialsFormatError,
    InvalidArgumentError,
    Prolific,
    ProlificError,
    UploadError,
    find_problems,
    generate_credentials,
    parse_credentials,
    read_credentials,
)
from ._config import TOKEN_ENV, URL_ENV, __version__
from .resources.credentials import DEFAULT_BATCH_SIZE

PROG = "prolific-client"
EXIT_OK, EXIT_API, EXIT_INPUT, EXIT_INTERRUPTED = 0, 1, 2, 130


class UsageError(Exception):
    """A mistake in the command line or its input files (exit 2)."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        raise UsageError(message)


# -- output -----------------------------------------------------------------------------------


class Output:
    """Where results and messages go; remembers ``--json``."""

    def __init__(self, as_json: bool, stdout: IO[str], stderr: IO[str]) -> None:
        self.as_json = as_json
        self.stdout = stdout
        self.stderr = stderr

    def result(self, human: str, data: Any) -> None:
        if self.as_json:
            self.stdout.write(json.dumps(data, indent=2, sort_keys=True) + "\n")
        else:
            self.stdout.write(human + "\n")

    def say(self, message: str) -> None:
        self.stderr.write(message + "\n")


class Progress:
    """Upload progress on stderr: a redrawn bar on a terminal, a line per ~10% otherwise."""

    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream
        self.tty = bool(getattr(stream, "isatty", lambda: False)())
        self.last_decile = -1

    def __call__(self, done: int, total: int) -> None:
        if self.tty:
            width = 30
            filled = width * done // max(total, 1)
            self.stream.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total}")
            if done >= total:
                self.stream.write("\n")
            self.stream.flush()
            return
        decile = 10 * done // max(total, 1)
        if decile != self.last_decile or done >= total:
            self.last_decile = decile
            self.stream.write(f"uploaded {done} of {total} credentials\n")
            self.stream.flush()


# -- input --------------------------------------------------------------------------------------


def _read_text(name: str, stdin: IO[str]) -> tuple[str, str]:
    """``(label, text)`` of a FILE argument or ``-`` (stdin)."""
    if name == "-":
        return "<stdin>", stdin.read()
    path = Path(name)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise UsageError(f"{name}: cannot read: {exc.strerror or exc}") from None
    try:
        return name, raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise CredentialsFormatError(
            f"not UTF-8 text (byte 0x{raw[exc.start]:02X}); save the file as UTF-8", line=line, source=name
        ) from None


def _load_credentials(name: str, stdin: IO[str]) -> list[Credential]:
    if name == "-":
        text = stdin.read()
        try:
            return parse_credentials(text)
        except CredentialsFormatError as exc:
            raise CredentialsFormatError(exc.reason, line=exc.line, field=exc.field, source="<stdin>") from None
    if not Path(name).exists():
        raise UsageError(f"{name}: no such file")
    return read_credentials(Path(name))


# -- commands -------------------------------------------------------------------------------------


def _client(args: argparse.Namespace) -> Prolific:
    return Prolific(args.token, base_url=args.base_url)


def cmd_check(args: argparse.Namespace, out: Output) -> int:
    label, text = _read_text(args.file, sys.stdin)
    valid, problems = find_problems(text, source=label)
    for problem in problems:
        out.say(str(problem))
    out.say(f"{label}: {len(valid)} valid credentials, {len(problems)} problem(s)")
    if out.as_json:
        report = [{"line": p.line, "field": p.field, "reason": p.reason} for p in problems]
        out.result("", {"file": label, "credentials": len(valid), "problems": report})
    return EXIT_INPUT if problems else EXIT_OK


def cmd_create(args: argparse.Namespace, out: Output) -> int:
    creds = _load_credentials(args.file, sys.stdin)
    with _client(args) as client:
        pool_id = client.credentials.create_pool(workspace_id=args.workspace, credentials=creds)
    out.say(f"created credential pool with {len(creds)} credentials")
    out.result(pool_id, {"credential_pool_id": pool_id, "uploaded": len(creds)})
    return EXIT_OK


def cmd_add(args: argparse.Namespace, out: Output) -> int:
    creds = _load_credentials(args.file, sys.stdin)
    with _client(args) as client:
        pool_id = client.credentials.add(args.pool_id, credentials=creds)
    out.say(f"added {len(creds)} credentials")
    out.result(pool_id, {"credential_pool_id": pool_id, "uploaded": len(creds)})
    return EXIT_OK


def cmd_upload(args: argparse.Namespace, out: Output) -> int:
    creds = _load_credentials(args.file, sys.stdin)
    if args.skip < 0 or args.skip > len(creds):
        raise UsageError(f"--skip {args.skip}: the input has {len(creds)} credentials")
    todo = creds[args.skip :]
    if not todo:
        raise UsageError("nothing to upload after --skip")
    with _client(args) as client:
        try:
            result = client.credentials.upload(
                todo,
                workspace_id=args.workspace,
                pool_id=args.pool,
                batch_size=args.batch_size,
                on_progress=Progress(out.stderr),
            )
        except UploadError as exc:
            stored = args.skip + exc.uploaded
            where = f" (pool {exc.pool_id})" if exc.pool_id else " (no pool was created)"
            cause = exc.__cause__ if exc.__cause__ is not None else exc
            out.say(f"error: upload stopped after {stored} of {len(creds)} credentials{where}: {cause}")
            if exc.pool_id:
                source = args.file if args.file != "-" else "-   (pipe the same input again)"
                options = f" --batch-size {args.batch_size}" if args.batch_size != DEFAULT_BATCH_SIZE else ""
                out.say(
                    f"resume with: {PROG} credentials upload --pool {exc.pool_id} --skip {stored}{options} {source}"
                )
                if isinstance(cause, APIError) and cause.may_have_been_applied:
                    out.say(
                        "note: the failed batch may or may not have been stored; if the resume gives 409 Conflict, "
                        f"add --skip {stored + min(args.batch_size, len(creds) - stored)} instead"
                    )
            if out.as_json:
                out.result(
                    "",
                    {"error": str(cause), "credential_pool_id": exc.pool_id, "uploaded": stored, "total": len(creds)},
                )
            return EXIT_API
    out.say(f"uploaded {result.uploaded} credentials")
    out.result(result.pool_id, {"credential_pool_id": result.pool_id, "uploaded": result.uploaded})
    return EXIT_OK


def cmd_generate(args: argparse.Namespace, out: Output) -> int:
    creds = generate_credentials(args.n, prefix=args.prefix, password_length=args.length)
    text = "\n".join(f"{c.username},{c.password}" for c in creds) + "\n"
    if args.output in (None, "-"):
        out.stdout.write(text)
        return EXIT_OK
    path = Path(args.output)
    flags = os.O_WRONLY | os.O_CREAT | (os.O_TRUNC if args.force else os.O_EXCL)
    try:
        fd = os.open(path, flags, 0o600)
    except FileExistsError:
        raise UsageError(f"{path} exists; pass --force to overwrite it") from None
    except OSError as exc:
        raise UsageError(f"{path}: cannot write: {exc.strerror or exc}") from None
    with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
        handle.write(text)
    out.say(f"wrote {len(creds)} credentials to {path} (mode 600: it holds passwords)")
    if out.as_json:
        out.result("", {"file": str(path), "credentials": len(creds)})
    return EXIT_OK


def _participant_ids(args: argparse.Namespace) -> list[str] | None:
    ids = list(args.participant or [])
    if args.participants_file:
        _label, text = _read_text(args.participants_file, sys.stdin)
        for line in text.splitlines():
            line = line.split("#", 1)[0].strip()
            if line:
                ids.append(line)
    return ids or None


def cmd_group(args: argparse.Namespace, out: Output) -> int:
    with _client(args) as client:
        group = client.participant_groups.create(
            name=args.name,
            workspace_id=args.workspace,
            organisation_id=args.organisation,
            description=args.description,
            participant_ids=_participant_ids(args),
        )
    out.result(f"{group.id}\t{group.name}\t{group.participant_count} participants", group.to_dict())
    return EXIT_OK


def cmd_invite(args: argparse.Namespace, out: Output) -> int:
    with _client(args) as client:
        invitations = client.invitations.create(workspace_id=args.workspace, emails=args.emails, role=args.role)
    lines = [f"{i.invitee.email if i.invitee else '?'}\t{i.role}\t{i.status}" for i in invitations]
    out.result("\n".join(lines), [i.to_dict() for i in invitations])
    return EXIT_OK


def cmd_fake_server(args: argparse.Namespace, out: Output) -> int:
    from .testing import FakeProlific

    fake = FakeProlific()
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    with fake.serve(port=args.port) as url:
        out.stdout.write(f"url={url}\ntoken=fake-token\n")
        out.stdout.flush()
        out.say(f"FakeProlific listening on {url} (any 'Token <x>' is accepted); Ctrl-C stops it")
        try:
            while not stop.wait(0.2):
                pass
        except KeyboardInterrupt:
            pass
    out.say("stopped")
    return EXIT_OK


# -- parser ---------------------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    """The argparse parser (exposed for documentation and tests)."""
    parser = _Parser(
        prog=PROG,
        description="Prolific API from the command line: credential pools, participant groups, invitations.",
        epilog=(
            f"Authentication: set {TOKEN_ENV} (preferred: a token given with --token lands in your shell "
            f"history). Base URL: --base-url, else {URL_ENV}, else https://api.prolific.com. "
            "Exit codes: 0 ok, 1 API/network error, 2 usage/config/input error, 130 interrupted."
        ),
    )
    parser.add_argument("--token", help=f"API token (default: ${TOKEN_ENV}; avoid: it lands in shell history)")
    parser.add_argument("--base-url", help=f"API base URL (default: ${URL_ENV} or https://api.prolific.com)")
    parser.add_argument("--json", action="store_true", help="print one JSON document on stdout")
    parser.add_argument("--debug", action="store_true", help="log requests (never the token) and show tracebacks")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    creds = commands.add_parser("credentials", help="credential pools").add_subparsers(
        dest="action", required=True, parser_class=_Parser
    )
    check = creds.add_parser("check", help="offline: report every problem in a credentials CSV (exit 2 if any)")
    check.add_argument("file", help="CSV file (username,password per line), or - for stdin")
    check.set_defaults(func=cmd_check)
    create = creds.add_parser("create", help="create a pool; prints its id")
    create.add_argument("--workspace", required=True, help="workspace id")
    create.add_argument("file", help="CSV file, or - for stdin")
    create.set_defaults(func=cmd_create)
    add = creds.add_parser("add", help="add credentials to a pool (additive)")
    add.add_argument("pool_id")
    add.add_argument("file", help="CSV file, or - for stdin")
    add.set_defaults(func=cmd_add)
    upload = creds.add_parser("upload", help="upload any number of credentials in batches, with progress")
    target = upload.add_mutually_exclusive_group(required=True)
    target.add_argument("--workspace", help="create a new pool in this workspace")
    target.add_argument("--pool", help="add to this existing pool")
    upload.add_argument("file", help="CSV file, or - for stdin")
    upload.add_argument("--batch-size", type=int, default=DEFAULT_BATCH_SIZE, help="credentials per request")
    upload.add_argument("--skip", type=int, default=0, help="skip the first N credentials (to resume)")
    upload.set_defaults(func=cmd_upload)
    gen = creds.add_parser("generate", help="write N fresh credentials as CSV")
    gen.add_argument("n", type=int)
    gen.add_argument("--prefix", default="participant")
    gen.add_argument("--length", type=int, default=16, help="password length")
    gen.add_argument("-o", "--output", help="file to write (mode 600); default stdout")
    gen.add_argument("--force", action="store_true", help="overwrite an existing file")
    gen.set_defaults(func=cmd_generate)

    groups = commands.add_parser("participant-groups", help="participant groups").add_subparsers(
        dest="action", required=True, parser_class=_Parser
    )
    gcreate = groups.add_parser("create", help="create a participant group")
    gcreate.add_argument("--name", required=True)
    owner = gcreate.add_mutually_exclusive_group(required=True)
    owner.add_argument("--workspace")
    owner.add_argument("--organisation")
    gcreate.add_argument("--description")
    gcreate.add_argument("--participant", action="append", metavar="ID", help="participant id (repeatable)")
    gcreate.add_argument("--participants-file", help="one id per line; blank lines and # comments ignored")
    gcreate.set_defaults(func=cmd_group)

    invitations = commands.add_parser("invitations", help="workspace invitations").add_subparsers(
        dest="action", required=True, parser_class=_Parser
    )
    icreate = invitations.add_parser("create", help="invite people to a workspace")
    icreate.add_argument("--workspace", required=True)
    icreate.add_argument("--role", default="collaborator", help="admin or collaborator (default)")
    icreate.add_argument("emails", nargs="+", metavar="EMAIL")
    icreate.set_defaults(func=cmd_invite)

    fake = commands.add_parser("fake-server", help="run a fake Prolific on 127.0.0.1 (for demos and tests)")
    fake.add_argument("--port", type=int, default=0, help="port (default: a free one)")
    fake.set_defaults(func=cmd_fake_server)
    return parser


def _redact(text: str, secrets: Sequence[str]) -> str:
    for secret in secrets:
        if secret:
            text = text.replace(secret, "***")
    return text


def main(argv: Sequence[str] | None = None, *, stdout: IO[str] | None = None, stderr: IO[str] | None = None) -> int:
    """Run the CLI; return the exit code."""
    stdout = stdout or sys.stdout
    stderr = stderr or sys.stderr
    argv = list(sys.argv[1:] if argv is None else argv)
    out = Output("--json" in argv, stdout, stderr)
    secrets: list[str] = [os.environ.get(TOKEN_ENV, "")]
    debug = "--debug" in argv
    try:
        args = build_parser().parse_args(argv)
        out.as_json = args.json
        secrets.append(args.token or "")
        if debug:
            handler = logging.StreamHandler(stderr)
            handler.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
            logger = logging.getLogger("prolific")
            logger.addHandler(handler)
            logger.setLevel(logging.DEBUG)
        func: Callable[[argparse.Namespace, Output], int] = args.func
        return func(args, out)
    except KeyboardInterrupt:
        stderr.write("interrupted\n")
        return EXIT_INTERRUPTED
    except (UsageError, ConfigurationError, InvalidArgumentError, CredentialsFormatError) as exc:
        stderr.write(_redact(f"error: {exc}\n", secrets))
        if debug:
            _traceback(stderr, secrets)
        return EXIT_INPUT
    except (APIError, ProlificError) as exc:
        stderr.write(_redact(f"error: {exc}\n", secrets))
        if debug:
            _traceback(stderr, secrets)
        return EXIT_API
    except SystemExit as exc:  # --help / --version
        return int(exc.code or 0) if isinstance(exc.code, int) else EXIT_OK


def _traceback(stream: IO[str], secrets: Sequence[str]) -> None:
    import traceback

    stream.write(_redact(traceback.format_exc(), secrets))


def run() -> None:
    """Console-script entry point."""
    sys.exit(main())
