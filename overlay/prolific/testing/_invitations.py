"""Invitations to a workspace or project: ``create-invitation``."""

from __future__ import annotations

import threading
import uuid
from collections.abc import Callable
from typing import Any

from ._answers import Answer, field_errors, json_answer
from ._fields import REQUIRED, Errors, new_id, text_field
from ._routes import FakeRequest

_ROLES = frozenset({"WORKSPACE_ADMIN", "WORKSPACE_COLLABORATOR"})


class Invitations:
    """Every invitation created, in order."""

    def __init__(self, lock: threading.RLock) -> None:
        self._lock = lock
        self.invitations: list[dict[str, Any]] = []

    def clear(self) -> None:
        self.invitations.clear()

    def handlers(self) -> dict[str, Callable[[FakeRequest], Answer]]:
        return {"create-invitation": self.create}

    def create(self, request: FakeRequest) -> Answer:
        """``create-invitation``: ``{"association", "emails", "role"}`` → 201 ``{"invitations": [...]}``."""
        body = request.body
        errors: Errors = {}
        association = text_field(body, "association", errors)
        emails = body.get("emails")
        if emails is None:
            errors["emails"] = [REQUIRED]
        elif not isinstance(emails, list) or not all(isinstance(e, str) and e for e in emails):
            errors["emails"] = ["Expected a list of email addresses."]
        elif not emails:
            errors["emails"] = ["This list may not be empty."]
        role = body.get("role")
        if role is None:
            errors["role"] = [REQUIRED]
        elif role not in _ROLES:
            shown = role if isinstance(role, str) else type(role).__name__
            errors["role"] = [f'"{shown}" is not a valid choice (WORKSPACE_ADMIN or WORKSPACE_COLLABORATOR).']
        if errors or association is None or not isinstance(emails, list):
            return field_errors(errors)
        created = [
            {
                "association": association,
                "invitee": {"id": new_id(), "name": email.partition("@")[0], "email": email},
                "invited_by": "fake-admin",
                "status": "INVITED",
                "invite_link": f"https://app.prolific.com/invitations/{uuid.uuid4().hex}",
                "role": role,
            }
            for email in emails
        ]
        self.invitations.extend(created)
        return json_answer(201, {"invitations": created})
