"""Participant groups: create, list, get, update, delete, and their members (list, add, remove)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from ._answers import CODE_VALIDATION, NO_CONTENT, Answer, error_answer, field_errors, json_answer, not_found
from ._fields import Errors, name_field, new_id, now, participant_ids_field, text_field, unsupported_query
from ._routes import FakeRequest

_LIST_FILTERS = frozenset({"workspace_id", "project_id", "active"})
_TRUE = frozenset({"true", "1", "yes", "t"})
_FALSE = frozenset({"false", "0", "no", "f"})


class ParticipantGroups:
    """Groups by id (each the ``ParticipantGroup`` body), and their members: id → when added."""

    def __init__(self, lock: threading.RLock, projects: dict[str, str]) -> None:
        self._lock = lock
        self._projects = projects  # project id -> workspace id (the studies' table)
        self.groups: dict[str, dict[str, Any]] = {}
        self.members: dict[str, dict[str, str]] = {}
        self.messages: list[dict[str, Any]] = []  # send-message-to-participant-group bodies, in order

    def clear(self) -> None:
        self.groups.clear()
        self.members.clear()
        self.messages.clear()

    def handlers(self) -> dict[str, Callable[[FakeRequest], Answer]]:
        return {
            "create-participant-group": self.create,
            "get-participant-groups": self.list,
            "get-participant-group": self.get,
            "update-participant-group": self.update,
            "delete-participant-group": self.delete,
            "get-participant-group-participants": self.list_members,
            "add-to-participant-group": self.add_members,
            "remove-from-participant-group": self.remove_members,
            "send-message-to-participant-group": self.send_message,
        }

    def send_message(self, request: FakeRequest) -> Answer:
        """``send-message-to-participant-group``: 204; the message is kept (with the members it reached)."""
        errors: Errors = {}
        group_id = text_field(request.body, "participant_group_id", errors)
        text = name_field(request.body, "body", errors)
        if errors or group_id is None or text is None:
            return field_errors(errors)
        if group_id not in self.groups:
            return not_found("Participant group")
        self.messages.append({**request.body, "recipients": list(self.members[group_id]), "sent_at": now()})
        return NO_CONTENT

    def _set_members(self, group_id: str, ids: list[str]) -> None:
        stamp = now()
        self.members[group_id] = dict.fromkeys(ids, stamp)
        self.groups[group_id]["participant_count"] = len(ids)

    def _membership(self, group_id: str) -> Answer:
        results = [{"participant_id": p, "datetime_created": t} for p, t in self.members[group_id].items()]
        return json_answer(200, {"results": results})

    def create(self, request: FakeRequest) -> Answer:
        """``create-participant-group``: in a workspace or an organisation (exactly one); 201 the group.

        ``participant_ids`` are taken as given here (any non-empty strings), as before the
        membership endpoints existed; update/add/remove check them.
        """
        body = request.body
        errors: Errors = {}
        name = name_field(body, "name", errors)
        workspace = text_field(body, "workspace_id", errors, required=False)
        organisation = text_field(body, "organisation_id", errors, required=False)
        description = body.get("description")
        if description is not None and not isinstance(description, str):
            errors["description"] = ["Not a valid string."]
        ids = body.get("participant_ids")
        if ids is None:
            ids = []
        elif not isinstance(ids, list) or not all(isinstance(i, str) and i for i in ids):
            errors["participant_ids"] = ["Expected a list of non-empty strings."]
        if errors:
            return field_errors(errors)
        if (workspace is None) == (organisation is None):
            detail = "Either a workspace or organisation ID must be specified, not both."
            return error_answer(400, detail, CODE_VALIDATION)
        group: dict[str, Any] = {
            "id": new_id(),
            "name": name,
            "project_id": None,
            "workspace_id": workspace,
            "organisation_id": organisation,
            "description": description,
            "participant_count": 0,
            "is_deleted": False,
            "feeder_studies": [],
        }
        self.groups[group["id"]] = group
        self._set_members(group["id"], list(dict.fromkeys(ids)))
        return json_answer(201, group)

    def list(self, request: FakeRequest) -> Answer:
        """``get-participant-groups?workspace_id=`` or ``?project_id=`` (a project's workspace's groups)."""
        refused = unsupported_query(request, _LIST_FILTERS)
        if refused is not None:
            return refused
        workspace = request.query.get("workspace_id")
        project = request.query.get("project_id")
        if (workspace is None) == (project is None):
            return field_errors({"workspace_id": ["Give either workspace_id or project_id (one of them)."]})
        if project is not None:
            workspace = self._projects.get(project)
            if workspace is None:
                return field_errors(
                    {"project_id": [f"Project {project} not found (FakeProlific: fake.add_project registers one)."]}
                )
        active = request.query.get("active")
        if active is not None and active.lower() not in _TRUE | _FALSE:
            return field_errors({"active": ["Must be a valid boolean."]})
        # Deleted groups are gone from the fake, so active=false lists none.
        wanted_active = active is None or active.lower() in _TRUE
        results = [g for g in self.groups.values() if g["workspace_id"] == workspace] if wanted_active else []
        return json_answer(200, {"results": results})

    def get(self, request: FakeRequest) -> Answer:
        """``get-participant-group``: the group."""
        group = self.groups.get(request.path_params["id"])
        return not_found("Participant group") if group is None else json_answer(200, group)

    def update(self, request: FakeRequest) -> Answer:
        """``update-participant-group`` (PATCH): ``name``, ``description``; ``participant_ids`` replaces the members."""
        group_id = request.path_params["id"]
        group = self.groups.get(group_id)
        if group is None:
            return not_found("Participant group")
        body = request.body
        errors: Errors = {}
        name = name_field(body, "name", errors, required=False)
        description = body.get("description")
        if description is not None and not isinstance(description, str):
            errors["description"] = ["Not a valid string."]
        ids = participant_ids_field(body, errors, required=False, allow_empty=True)
        if errors:
            return field_errors(errors)
        if name is not None:
            group["name"] = name
        if "description" in body:
            group["description"] = description
        if ids is not None:
            self._set_members(group_id, ids)
        return json_answer(200, group)

    def delete(self, request: FakeRequest) -> Answer:
        """``delete-participant-group``: 204, empty body; the group and its members are gone."""
        group_id = request.path_params["id"]
        if self.groups.pop(group_id, None) is None:
            return not_found("Participant group")
        del self.members[group_id]
        return NO_CONTENT

    def list_members(self, request: FakeRequest) -> Answer:
        """``get-participant-group-participants``: ``{"results": [{participant_id, datetime_created}]}``."""
        group_id = request.path_params["id"]
        return not_found("Participant group") if group_id not in self.groups else self._membership(group_id)

    def add_members(self, request: FakeRequest) -> Answer:
        """``add-to-participant-group``: POST ``participant_ids`` (members already there stay); the members."""
        stamp = now()
        return self._change_members(request, lambda members, participant: members.setdefault(participant, stamp))

    def remove_members(self, request: FakeRequest) -> Answer:
        """``remove-from-participant-group``: DELETE with ``participant_ids`` (non-members ignored); the members."""
        return self._change_members(request, lambda members, participant: members.pop(participant, None))

    def _change_members(self, request: FakeRequest, change: Callable[[dict[str, str], str], object]) -> Answer:
        # One home for what add and remove share: the 404, the body's validation, the count kept in step.
        group_id = request.path_params["id"]
        if group_id not in self.groups:
            return not_found("Participant group")
        errors: Errors = {}
        ids = participant_ids_field(request.body, errors)
        if ids is None:
            return field_errors(errors)
        members = self.members[group_id]
        for participant in ids:
            change(members, participant)
        self.groups[group_id]["participant_count"] = len(members)
        return self._membership(group_id)
