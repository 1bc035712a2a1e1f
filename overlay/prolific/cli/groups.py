"""``participant-groups create|list|get|delete|members|add|remove``."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from prolific import DEFAULT_MEMBER_BATCH_SIZE, MembershipError

from ._argparse import Subparsers, command, count, group
from ._constants import PROG
from ._context import Context
from ._errors import EXIT_API, EXIT_OK, UsageError
from ._format import plural
from ._input import read_text

if TYPE_CHECKING:
    from prolific_api_client.models import ParticipantGroup


def _ids_with_lines(args: argparse.Namespace) -> list[tuple[str, str]]:
    """``(id, where)`` for every id given: ``--participant #2`` or ``ids.txt, line 7``."""
    ids = [(value, f"--participant #{n}") for n, value in enumerate(args.participant or [], 1)]
    if args.participants_file:
        label, text = read_text(args.participants_file, "participant ids")
        for number, line in enumerate(text.splitlines(), 1):
            line = line.split("#", 1)[0].strip()
            if line:
                ids.append((line, f"{label}, line {number}"))
    return ids


def _participant_ids(args: argparse.Namespace) -> list[str] | None:
    """The ids of ``create`` (optional), each a participant id, else a UsageError naming its file and line."""
    return _checked_ids(args) if args.participant or args.participants_file else None


def _checked_ids(args: argparse.Namespace) -> list[str]:
    """The ids of ``add``/``remove``, each a participant id, else a UsageError naming its file and line."""
    from prolific._validation import id_problem

    ids = _ids_with_lines(args)
    if not ids:
        raise UsageError("give the participants with --participant ID (repeatable) or --participants-file FILE")
    for value, where in ids:
        problem = id_problem(value, "participant id")
        if problem is not None:
            raise UsageError(f"{where}: {problem}; nothing was sent")
    return [value for value, _ in ids]


def _group_line(data: dict[str, Any]) -> str:
    count = data.get("participant_count")
    line = f"{data.get('id')}\t{data.get('name')}"
    if count is not None:
        line += f"\t{plural(count, 'participant')}"
    return line


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
    # Just the id on stdout, so that G=$(prolific-client participant-groups create ...) works.
    ctx.out.say(f"created participant group {_group_line(data).replace(chr(9), ', ')}")
    ctx.out.result(str(data.get("id")), data)
    return EXIT_OK


def _count(group: ParticipantGroup) -> int | None:
    return group.participant_count if isinstance(group.participant_count, int) else None


def cmd_group_list(ctx: Context) -> int:
    args, out = ctx.args, ctx.out
    with ctx.client() as client:
        groups = client.participant_groups.list_groups(workspace_id=args.workspace, project_id=args.project)
    data = [group.to_dict() for group in groups]
    if not groups:
        out.say(
            f"no participant groups in {'workspace ' + args.workspace if args.workspace else 'project ' + args.project}"
        )
        out.result(None, data)
        return EXIT_OK
    rows = [[group.id, group.name, _count(group)] for group in groups]
    out.table(["GROUP", "NAME", "PARTICIPANTS"], rows, data)
    return EXIT_OK


def cmd_group_get(ctx: Context) -> int:
    with ctx.client() as client:
        group = client.participant_groups.get(ctx.args.group_id)
    data = group.to_dict()
    human = _group_line(data)
    if data.get("description"):
        human += f"\n{data['description']}"
    ctx.out.result(human, data)
    return EXIT_OK


def cmd_group_delete(ctx: Context) -> int:
    with ctx.client() as client:
        client.participant_groups.delete(ctx.args.group_id)
    ctx.out.result(f"deleted participant group {ctx.args.group_id}", {"id": ctx.args.group_id, "deleted": True})
    return EXIT_OK


def cmd_group_members(ctx: Context) -> int:
    with ctx.client() as client:
        members = list(client.participant_groups.iter_participants(ctx.args.group_id))
    data = [member.to_dict() for member in members]
    ctx.out.say(f"participant group {ctx.args.group_id}: {plural(len(members), 'member')}")
    ctx.out.result("\n".join(str(member.participant_id) for member in members) if members else None, data)
    return EXIT_OK


def _change(ctx: Context, action: str) -> int:
    args, out = ctx.args, ctx.out
    ids = _checked_ids(args)  # before any request
    done = "added to" if action == "add" else "removed from"
    with ctx.client() as client:
        groups = client.participant_groups
        change = groups.add_participants if action == "add" else groups.remove_participants
        try:
            members = change(args.group_id, ids, batch_size=args.batch_size)
        except MembershipError as exc:
            message = f"error: {exc.summary}"  # the library's advice is Python; this says what to run
            out.say(message)
            out.say(
                f"running the same command again is safe: participants already {done} the group are ignored "
                f"({PROG} participant-groups {action} {args.group_id} ...)"
            )
            out.error(exc.__cause__ or exc, message, group_id=args.group_id, done=exc.done, total=exc.total)
            return EXIT_API
    out.say(f"{plural(len(ids), 'participant')} {done} group {args.group_id} ({plural(len(members), 'member')} now)")
    key = "added" if action == "add" else "removed"
    out.result(None, {"group_id": args.group_id, key: len(ids), "members": len(members)})
    return EXIT_OK


def cmd_group_add(ctx: Context) -> int:
    return _change(ctx, "add")


def cmd_group_remove(ctx: Context) -> int:
    return _change(ctx, "remove")


def register(subparsers: Subparsers) -> None:
    """Add ``participant-groups`` and its subcommands."""
    actions = group(
        subparsers, "participant-groups", help="participant groups: create, list, get, delete, members, add, remove"
    )
    gcreate = command(actions, "create", cmd_group, help="create a participant group; prints its id")
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
    glist = command(actions, "list", cmd_group_list, help="list the participant groups of a workspace or a project")
    gowner = glist.add_mutually_exclusive_group(required=True)
    gowner.add_argument("--workspace", metavar="ID", help="workspace id")
    gowner.add_argument("--project", metavar="ID", help="project id")
    gget = command(actions, "get", cmd_group_get, help="show one participant group")
    gget.add_argument("group_id", metavar="GROUP", help="the participant group id")
    gdelete = command(actions, "delete", cmd_group_delete, help="delete a participant group")
    gdelete.add_argument("group_id", metavar="GROUP", help="the participant group id")
    gmembers = command(actions, "members", cmd_group_members, help="list a group's members (participant ids)")
    gmembers.add_argument("group_id", metavar="GROUP", help="the participant group id")
    for name, func, to in (("add", cmd_group_add, "to"), ("remove", cmd_group_remove, "from")):
        change = command(
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
            type=count(1),
            default=DEFAULT_MEMBER_BATCH_SIZE,
            help=f"ids per request (default: {DEFAULT_MEMBER_BATCH_SIZE})",
        )
