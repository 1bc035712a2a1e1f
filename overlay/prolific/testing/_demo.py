"""A demo world for the fake, and participants who take part in it.

``seed_demo``: a workspace, a project in it, a draft study in that project (no pool yet: creating
and attaching one is the user's part) and participant ids who can take part once it is published.
``take_part``: participants start the study (redeeming a credential when it has a pool) and, unless
told otherwise, submit (their submissions go to ``AWAITING REVIEW``), as they would on Prolific.

Over HTTP (``prolific-client fake-server``) the same is offered under :data:`ADMIN_PREFIX`, with
the rest of the fake's admin surface (:mod:`prolific.testing._admin`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ._fields import new_id

if TYPE_CHECKING:
    from ._studies import Studies
    from ._workspaces import Workspaces

#: Where the fake's own (non-API) operations live.
ADMIN_PREFIX = "/__fake__/"
DEMO_PARTICIPANTS = 3


def seed_demo(workspaces: Workspaces, studies: Studies, participants: int = DEMO_PARTICIPANTS) -> dict[str, Any]:
    """Create the demo world; return ``{"workspace_id", "project_id", "study_id", "participant_ids"}``."""
    if isinstance(participants, bool) or not isinstance(participants, int) or participants < 1:
        raise ValueError(f"participants must be an int >= 1, not {participants!r}")
    workspace_id = workspaces.add_workspace("Demo workspace")
    project_id = workspaces.add_project(workspace_id, "Demo project")
    study_id = studies.add_study(
        {"project": project_id, "name": "Demo study", "internal_name": "demo", "total_available_places": participants}
    )
    return {
        "workspace_id": workspace_id,
        "project_id": project_id,
        "study_id": study_id,
        "participant_ids": [new_id() for _ in range(participants)],
    }


def take_part(
    studies: Studies, study_id: str, participants: int | list[str], *, submit: bool = True
) -> list[dict[str, str | None]]:
    """Each participant starts the study (and submits, unless ``submit=False``); return who got which submission.

    ``participants``: how many (made-up ids) or their ids. Each entry has ``participant_id``,
    ``submission_id``, ``status`` and ``username`` (the login redeemed; ``None`` for a study without
    a credential pool). Stops at the first that cannot take part (``ValueError`` saying why: not
    ACTIVE, no free place, the pool used up), keeping those before.
    """
    from ._submissions import participant_action  # here: _faults imports this module, and stays light

    ids: list[str | None] = [None] * participants if isinstance(participants, int) else list(participants)
    taken: list[dict[str, str | None]] = []
    for participant_id in ids:
        submission, credential = studies.start(study_id, participant_id)
        if submit:
            participant_action(studies, submission["id"], "complete")
        taken.append({"participant_id": submission["participant_id"], "submission_id": submission["id"],
                      "status": submission["status"], "username": credential[0] if credential else None})  # fmt: skip
    return taken
