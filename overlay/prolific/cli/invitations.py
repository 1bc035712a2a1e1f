"""``invitations create``."""

from __future__ import annotations

from ._argparse import Subparsers, command, group
from ._context import Context
from ._errors import EXIT_OK


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


def register(subparsers: Subparsers) -> None:
    """Add ``invitations create``."""
    actions = group(subparsers, "invitations", help="workspace invitations: create")
    icreate = command(actions, "create", cmd_invite, help="invite people to a workspace by email")
    icreate.add_argument("--workspace", metavar="ID", required=True, help="the workspace to invite them to")
    icreate.add_argument(
        "--role",
        type=str.lower,
        choices=["admin", "collaborator"],
        default="collaborator",
        help="role of the invitees (default: collaborator)",
    )
    icreate.add_argument("emails", nargs="+", metavar="EMAIL", help="email addresses of the people to invite")
