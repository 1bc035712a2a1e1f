"""Create a participant group in a workspace, with a few participants in it.

export PROLIFIC_TOKEN=...
python examples/participant_group.py WORKSPACE_ID NAME [PARTICIPANT_ID ...]
"""

from __future__ import annotations

import sys

from prolific import APIStatusError, Prolific


def main(argv: list[str]) -> int:
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    workspace_id, name, *participant_ids = argv
    with Prolific() as client:
        try:
            group = client.participant_groups.create(
                name=name, workspace_id=workspace_id, participant_ids=participant_ids
            )
        except APIStatusError as error:  # 400, 403, 404 ...: str(error) says which request and why
            print(f"error: {error}", file=sys.stderr)
            return 1
    # `group` is the generated ParticipantGroup model: typed attributes, and to_dict() for JSON.
    print(f"group {group.id}: {group.name!r} with {group.participant_count} participants")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
