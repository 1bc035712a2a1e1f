"""The argparse parser: every command, its options and help texts."""

from __future__ import annotations

import argparse
import difflib
import sys
from collections.abc import Callable, Sequence
from typing import Any, NoReturn, cast

from prolific import DEFAULT_BATCH_SIZE, DEFAULT_MEMBER_BATCH_SIZE, __version__

from ._context import DEFAULT_URL, PROG, TOKEN_ENV, URL_ENV, Context, UsageError
from .api import cmd_api, install_operation_help
from .credentials import cmd_add, cmd_check, cmd_create, cmd_generate, cmd_upload
from .fake_server import cmd_fake_server
from .groups import (
    cmd_group,
    cmd_group_add,
    cmd_group_delete,
    cmd_group_get,
    cmd_group_list,
    cmd_group_members,
    cmd_group_remove,
)
from .invitations import cmd_invite
from .pools import cmd_attach, cmd_capacity, cmd_list, cmd_reconcile, cmd_report


class _Parser(argparse.ArgumentParser):
    """argparse, with errors as :class:`UsageError` that name an unknown option, on the command's usage."""

    _words: list[str] | None = None
    #: The dest of a ``nargs="*"`` positional that also takes the words after an option
    #: (argparse stops filling a positional at the first option: ``api get-study --json id=1``).
    collect_into: str | None = None

    def parse_known_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> tuple[Any, list[str]]:
        self._words = list(sys.argv[1:] if args is None else args)
        parsed, extras = super().parse_known_args(args, namespace)
        if extras and self.collect_into is not None:
            words = [word for word in extras if not word.startswith("-")]
            setattr(parsed, self.collect_into, [*(getattr(parsed, self.collect_into, None) or []), *words])
            extras = [word for word in extras if word.startswith("-")]
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
        description="The Prolific API from the command line: credential pools, participant groups, invitations, "
        "and any operation of the API (api).",
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

    creds = commands.add_parser(
        "credentials",
        help="credential pools: check, create, add, upload, generate; list, attach, report, capacity, reconcile",
    )
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
    plist = leaf(
        actions,
        "list",
        cmd_list,
        help="list a workspace's credential pools (total, available, used)",
        description="List the credential pools of a workspace: a table of pool id, total, available and used "
        "credentials, or one JSON document with --json.",
    )
    plist.add_argument("--workspace", metavar="ID", required=True, help="workspace id")
    attach = leaf(
        actions,
        "attach",
        cmd_attach,
        help="attach a credential pool to a draft study",
        description="Set a draft study's credential pool. The study is read first: unless it is a draft "
        "(UNPUBLISHED) nothing is sent and the exit status is 1, with the reason.",
    )
    attach.add_argument("study_id", metavar="STUDY", help="the study id (a draft)")
    attach.add_argument(
        "pool_id", metavar="POOL", help="the credential pool id (<workspace_id>_<uuid>), of the study's workspace"
    )
    report = leaf(
        actions,
        "report",
        cmd_report,
        help="a study's credentials report: who used which username",
        description="The credentials report of a study with a pool: participant id, submission id, username and "
        "status (USED/UNUSED) of each credential, as a table; --csv prints the CSV exactly as Prolific sends "
        "it, --json the parsed rows and counts. The report holds no passwords.",
    )
    report.add_argument("study_id", metavar="STUDY", help="the study id")
    report.add_argument("--csv", action="store_true", help="print the report's CSV as Prolific sends it")
    capacity = leaf(
        actions,
        "capacity",
        cmd_capacity,
        help="check that a study's pool meets Prolific's advice of 1.5 credentials per place (exit 1 if short)",
        description="Compare a study's places with its pool: Prolific advises ceil(1.5 x places) credentials, "
        "counting those already used. Exit 0 when the pool meets the advice, 1 when it is short (the output says "
        "how many to add). --top-up generates the missing credentials, saves them to a file created with mode "
        "600 (its path is printed, the passwords never are), adds them to the pool and checks again.",
    )
    capacity.add_argument("study_id", metavar="STUDY", help="the study id")
    capacity.add_argument(
        "--top-up", action="store_true", help="generate the shortfall, save it (mode 600) and add it to the pool"
    )
    capacity.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="with --top-up: the file to create for the new credentials (default: topup-STUDY-DATE-TIME.csv here)",
    )
    capacity.add_argument(
        "--prefix", metavar="P", help="with --top-up: username prefix of the new credentials (default: topup-DATETIME-)"
    )
    capacity.add_argument(
        "--length", metavar="L", type=_count(8), default=16, help="with --top-up: password length (default: 16)"
    )
    reconcile = leaf(
        actions,
        "reconcile",
        cmd_reconcile,
        help="join your credentials file with a study's report: who got which login",
        description="Join your own credentials file with the study's report: which participant got which username "
        "(assigned), which of your logins are unused, which usernames of the report are not in your file, and "
        "which of yours the report does not list. A table, --csv (a category column) or --json. No password is "
        "printed unless --with-passwords is given and stdout is not a terminal.",
    )
    reconcile.add_argument("study_id", metavar="STUDY", help="the study id")
    reconcile.add_argument("file", metavar="FILE", help="your credentials CSV (username,password), or - for stdin")
    reconcile.add_argument(
        "--csv", action="store_true", help="one CSV: participant_id, submission_id, username, status, category"
    )
    reconcile.add_argument(
        "--with-passwords",
        action="store_true",
        help="add each login's password from FILE (refused when stdout is a terminal: redirect it to a file)",
    )
    finish(create, add, upload, plist, attach, report, capacity, reconcile)
    finish(check, generate, online=False)

    groups = commands.add_parser(
        "participant-groups", help="participant groups: create, list, get, delete, members, add, remove"
    )
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
    glist = leaf(actions, "list", cmd_group_list, help="list the participant groups of a workspace or a project")
    gowner = glist.add_mutually_exclusive_group(required=True)
    gowner.add_argument("--workspace", metavar="ID", help="workspace id")
    gowner.add_argument("--project", metavar="ID", help="project id")
    gget = leaf(actions, "get", cmd_group_get, help="show one participant group")
    gget.add_argument("group_id", metavar="GROUP", help="the participant group id")
    gdelete = leaf(actions, "delete", cmd_group_delete, help="delete a participant group")
    gdelete.add_argument("group_id", metavar="GROUP", help="the participant group id")
    gmembers = leaf(actions, "members", cmd_group_members, help="list a group's members (participant ids)")
    gmembers.add_argument("group_id", metavar="GROUP", help="the participant group id")
    changes = []
    for name, func, to in (("add", cmd_group_add, "to"), ("remove", cmd_group_remove, "from")):
        change = leaf(
            actions,
            name,
            func,
            help=f"{name} participants {to} a group (ids given or in a file), in batches",
            description=f"{name.capitalize()} the participants given with --participant and --participants-file "
            f"{to} the group. Every id is checked first (24 lower-case hexadecimal characters; a bad one is "
            "named with its file and line, exit 2, nothing sent). Sent in batches; running the same command again "
            "after a failure is safe.",
        )
        change.add_argument("group_id", metavar="GROUP", help="the participant group id")
        change.add_argument(
            "--participant", metavar="ID", action="append", help=f"a participant id to {name} (repeatable)"
        )
        change.add_argument(
            "--participants-file",
            metavar="FILE",
            help="participant ids, one per line (blank lines and # comments ignored), or - for stdin",
        )
        change.add_argument(
            "--batch-size",
            metavar="N",
            type=_count(1),
            default=DEFAULT_MEMBER_BATCH_SIZE,
            help=f"ids per request (default: {DEFAULT_MEMBER_BATCH_SIZE})",
        )
        changes.append(change)
    finish(gcreate, glist, gget, gdelete, gmembers, *changes)

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

    api = leaf(
        commands,
        "api",
        cmd_api,
        help="call any operation of the API by its operationId, like `gh api`; --list lists them",
        description="Call any operation of the Prolific API and print the response body: JSON pretty-printed as "
        "the server sent it, other text (a CSV report) as is, nothing for an empty body. With --json stdout is "
        "always one JSON document (a text body as a JSON string, an empty body as null). Path and query "
        "parameters are NAME=VALUE words, converted by the operation's generated signature.",
        epilog="Values: text as given; numbers; booleans as true or false; UUIDs and ISO dates as written; an "
        "enumeration must be one of its values; a list parameter takes one item per NAME=VALUE (repeat it, commas "
        "are not split). --body is JSON (inline, @FILE, or @- for stdin) turned into the operation's body model: "
        "bad JSON or a body that does not fit (a missing field, a value outside an enumeration) is exit 2 with "
        f"the reason. Examples: `{PROG} api --list studies`, `{PROG} api get-study id=STUDY_ID`, "
        f"`{PROG} api create-participant-group --body @group.json`.",
    )
    api.add_argument("operation", nargs="?", metavar="OPERATION_ID", help="e.g. get-study (get_study works too)")
    api.add_argument("params", nargs="*", metavar="NAME=VALUE", help="a path or query parameter, e.g. id=...")
    api.add_argument("--body", metavar="JSON|@FILE", help="the request body: JSON text, @file.json, or @- for stdin")
    api.add_argument(
        "--list",
        nargs="?",
        const="",
        metavar="TAG",
        help="list every operation (method, path template, summary), or those of one TAG (e.g. studies)",
    )
    cast(_Parser, api).collect_into = "params"
    finish(api)
    install_operation_help(api)

    fake = leaf(
        commands,
        "fake-server",
        cmd_fake_server,
        help="run a fake Prolific API on 127.0.0.1 (demos, tests; no account needed)",
        description="Run prolific.testing.FakeProlific on 127.0.0.1. Prints url=... and a sample token=... on "
        f"stdout, then serves until Ctrl-C or SIGTERM. Point the client at it with {URL_ENV}.",
    )
    fake.add_argument("--port", metavar="N", type=_count(0, 65535), default=0, help="port (default 0: a free one)")
    fake.add_argument(
        "--seed",
        action="store_true",
        help="seed a demo world (workspace, project, draft study, participants) and print its ids",
    )
    finish(fake, online=False)
    return parser
