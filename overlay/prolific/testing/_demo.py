"""A demo world for the fake, and the admin paths that let a shell user drive it.

``seed_demo``: a workspace, a project in it, a draft study in that project (no pool yet: creating
and attaching one is the user's part) and participant ids who can take part once it is published.
``take_part``: participants redeem a credential and submit (their submissions go to
``AWAITING REVIEW``), as they would on Prolific.

Over HTTP (``prolific-client fake-server``) the same is offered under :data:`ADMIN_PREFIX`, on
loopback only and with the usual token; nothing of it exists on the real API::

    POST /__fake__/seed          {}                                    -> the ids (as seed_demo)
    POST /__fake__/submissions   {"study_id": "...", "participants": 3} -> who redeemed which login
                                 ("participants": a count, or a list of participant ids)
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from ._answers import CODE_NOT_FOUND, CODE_VALIDATION, Answer, error_answer, json_answer
from ._fields import new_id

if TYPE_CHECKING:
    from ._routes import Incoming
    from ._studies import Studies
    from ._workspaces import Workspaces

#: Where the fake's own (non-API) operations live.
ADMIN_PREFIX = "/__fake__/"
DEMO_PARTICIPANTS = 3
_LOOPBACK = ("127.0.0.1", "::1", "localhost")


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


def take_part(studies: Studies, study_id: str, participants: int | list[str]) -> list[dict[str, str]]:
    """Each participant redeems the study's next credential and submits; return who got which login.

    ``participants``: how many (made-up ids) or their ids. Stops at the first that cannot take
    part (``ValueError`` saying why: no pool, not ACTIVE, the pool used up), keeping those before.
    """
    ids: list[str | None] = [None] * participants if isinstance(participants, int) else list(participants)
    taken = []
    for participant_id in ids:
        username, _password = studies.redeem(study_id, participant_id)
        submission = studies.submissions[study_id][-1]
        studies.set_submission_status(study_id, submission["id"], "AWAITING REVIEW")
        taken.append({"participant_id": submission["participant_id"], "submission_id": submission["id"],
                      "username": username})  # fmt: skip
    return taken


def admin_answer(incoming: Incoming, body: Any, workspaces: Workspaces, studies: Studies) -> Answer:
    """The answer to a request under :data:`ADMIN_PREFIX` (the caller holds the fake's lock)."""
    host = urlsplit(incoming.url).hostname or ""
    if host not in _LOOPBACK:
        return error_answer(404, f"Not found: {incoming.path} (the fake's admin paths answer on loopback only).",
                            CODE_NOT_FOUND)  # fmt: skip
    action = incoming.path[len(ADMIN_PREFIX) :].strip("/")
    if incoming.method != "POST" or action not in ("seed", "submissions"):
        return error_answer(404, f"Not found: {incoming.method} {incoming.path}; the admin paths are POST "
                            f"{ADMIN_PREFIX}seed and POST {ADMIN_PREFIX}submissions.", CODE_NOT_FOUND)  # fmt: skip
    body = body if isinstance(body, dict) else {}
    try:
        if action == "seed":
            return json_answer(201, seed_demo(workspaces, studies, body.get("participants", DEMO_PARTICIPANTS)))
        study_id = body.get("study_id")
        if not isinstance(study_id, str):
            return error_answer(400, {"study_id": ["This field is required."]}, CODE_VALIDATION)
        participants = body.get("participants", 1)
        if not (isinstance(participants, list) or (isinstance(participants, int) and participants >= 1)):
            return error_answer(400, {"participants": ["A count >= 1 or a list of participant ids."]}, CODE_VALIDATION)
        return json_answer(201, {"submissions": take_part(studies, study_id, participants)})
    except ValueError as exc:
        return error_answer(400, str(exc), CODE_VALIDATION)
