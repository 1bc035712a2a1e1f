"""Messages to participants: one, many (``bulk-message-participants``) or a participant group; all stored.

``fake.messages`` holds one entry per participant messaged, in order: ``{"recipient_id", "body",
"study_id", "participant_group_id", "sent_at"}`` (``participant_group_id`` ``None`` unless sent to a
group). The API answers 204 and documents no batch limit; neither does the fake.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from ._answers import NO_CONTENT, Answer, field_errors, not_found
from ._fields import REQUIRED, Errors, is_participant_id, now, positions
from ._groups import ParticipantGroups
from ._routes import FakeRequest
from ._studies import Studies


class Messages:
    """Every message sent, one entry per recipient."""

    def __init__(self, lock: threading.RLock, studies: Studies, groups: ParticipantGroups) -> None:
        self._lock = lock
        self._studies = studies
        self._groups = groups
        self.messages: list[dict[str, Any]] = []

    def clear(self) -> None:
        self.messages.clear()

    def handlers(self) -> dict[str, Callable[[FakeRequest], Answer]]:
        return {
            "send-message": self.send,
            "bulk-message-participants": self.send_bulk,
            "send-message-to-participant-group": self.send_to_group,
        }

    def _text(self, body: dict[str, Any], errors: Errors) -> str | None:
        text = body.get("body")
        if not isinstance(text, str) or not text.strip():
            errors["body"] = [REQUIRED]
            return None
        return text

    def _study(self, body: dict[str, Any], errors: Errors, *, required: bool = True) -> str | None:
        study_id = body.get("study_id")
        if study_id is None:
            if required:
                errors["study_id"] = [REQUIRED]
            return None
        if not isinstance(study_id, str) or study_id not in self._studies.studies:
            errors["study_id"] = ["Study not found."]
            return None
        return study_id

    def _store(self, ids: list[str], text: str, study_id: str | None, group_id: str | None = None) -> Answer:
        stamp = now()
        self.messages.extend(
            {"recipient_id": i, "body": text, "study_id": study_id, "participant_group_id": group_id, "sent_at": stamp}
            for i in ids
        )
        return NO_CONTENT

    def send(self, request: FakeRequest) -> Answer:
        """``send-message``: ``{recipient_id, body, study_id}``; 204."""
        errors: Errors = {}
        body: dict[str, Any] = request.body
        recipient = body.get("recipient_id")
        if not is_participant_id(recipient):
            errors["recipient_id"] = ["Not a participant id (24 hexadecimal characters expected)."]
        text, study_id = self._text(body, errors), self._study(body, errors)
        if errors or text is None:
            return field_errors(errors)
        return self._store([recipient], text, study_id)  # type: ignore[list-item]

    def send_bulk(self, request: FakeRequest) -> Answer:
        """``bulk-message-participants``: ``{ids, body, study_id}``; 204."""
        errors: Errors = {}
        body: dict[str, Any] = request.body
        ids = body.get("ids")
        if not isinstance(ids, list) or not ids:
            errors["ids"] = ["Expected a non-empty list of participant ids."]
        else:
            bad = [n for n, i in enumerate(ids, 1) if not is_participant_id(i)]
            if bad:
                errors["ids"] = [f"{positions(bad, 'item').capitalize()}: not a participant id."]
        text, study_id = self._text(body, errors), self._study(body, errors)
        if errors or text is None or not isinstance(ids, list):
            return field_errors(errors)
        return self._store(ids, text, study_id)

    def send_to_group(self, request: FakeRequest) -> Answer:
        """``send-message-to-participant-group``: ``{participant_group_id, body, study_id?}``; 204."""
        errors: Errors = {}
        body: dict[str, Any] = request.body
        group_id = body.get("participant_group_id")
        text, study_id = self._text(body, errors), self._study(body, errors, required=False)
        if not isinstance(group_id, str) or not group_id:
            errors["participant_group_id"] = [REQUIRED]
        if errors or text is None:
            return field_errors(errors)
        assert isinstance(group_id, str)
        if group_id not in self._groups.groups:
            return not_found("Participant group")
        return self._store(list(self._groups.members[group_id]), text, study_id, group_id)
