"""``invitations create``."""

from __future__ import annotations

from ._context import EXIT_OK, Context


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
