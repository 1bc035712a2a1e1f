"""``participant-groups create``."""

from __future__ import annotations

import argparse

from ._context import EXIT_OK, Context
from ._input import _read_text


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
