"""What a verified webhook delivers: :class:`WebhookEvent`, and the event types Prolific documents."""

from __future__ import annotations

from enum import StrEnum
from typing import Any


class EventType(StrEnum):
    """The event types a subscription can name (``get-event-types`` lists the current ones).

    A value Prolific adds later still reaches the handler: :attr:`WebhookEvent.event_type` is
    then the plain string.
    """

    SUBMISSION_STATUS_CHANGE = "submission.status.change"
    STUDY_STATUS_CHANGE = "study.status.change"
    STUDY_PROGRESS_CHANGE = "study.progress.change"
    STUDY_HAS_HIGH_RETURN_RATE = "study.has_high_return_rate"


_KNOWN = {member.value: member for member in EventType}


class WebhookEvent:
    """One webhook delivery whose signature was verified (see :func:`prolific.webhooks.verify`).

    ``event_type`` (an :class:`EventType` when known, else the string sent), ``resource_id`` (the
    submission or study), ``status`` and ``participant_id`` (``None`` where the event has none),
    ``event_id`` (``X-Event-ID``: the same on every redelivery, the key to deduplicate on),
    ``timestamp`` (``X-Prolific-Request-Timestamp``, UNIX seconds, signed), ``sent_at``
    (``X-Timestamp`` as sent, which orders events; not signed), and the whole JSON ``payload``.

    >>> event = WebhookEvent({"event_type": "submission.status.change", "resource_id": "s1",
    ...                       "status": "APPROVED", "participant_id": "p1"}, event_id="e1", timestamp=0)
    >>> event.event_type is EventType.SUBMISSION_STATUS_CHANGE, event.status
    (True, 'APPROVED')
    """

    # A plain slotted class rather than a dataclass: it is built on every verified request, and
    # a frozen dataclass's __init__ costs as much as the HMAC of a small body.
    __slots__ = ("event_id", "event_type", "participant_id", "payload", "resource_id", "sent_at", "status", "timestamp")

    def __init__(
        self, payload: dict[str, Any], *, event_id: str | None, timestamp: int, sent_at: str | None = None
    ) -> None:
        get = payload.get
        kind, resource, status, participant = (
            get("event_type"),
            get("resource_id"),
            get("status"),
            get("participant_id"),
        )
        # Inline type checks: a helper call per field would double the cost of building the event.
        self.event_type: EventType | str | None = _KNOWN.get(kind, kind) if type(kind) is str else None
        self.resource_id: str | None = resource if type(resource) is str else None
        self.status: str | None = status if type(status) is str else None
        self.participant_id: str | None = participant if type(participant) is str else None
        self.event_id = event_id
        self.timestamp = timestamp
        self.sent_at = sent_at
        self.payload = payload

    def to_dict(self) -> dict[str, Any]:
        """The event as JSON-ready data (what ``prolific-client webhooks listen --json`` prints)."""
        return {
            "event_id": self.event_id,
            "event_type": None if self.event_type is None else str(self.event_type),
            "resource_id": self.resource_id,
            "status": self.status,
            "participant_id": self.participant_id,
            "timestamp": self.timestamp,
            "sent_at": self.sent_at,
            "payload": self.payload,
        }

    def __eq__(self, other: object) -> bool:
        return isinstance(other, WebhookEvent) and self.to_dict() == other.to_dict()

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        kind = None if self.event_type is None else str(self.event_type)
        return (
            f"WebhookEvent(event_type={kind!r}, resource_id={self.resource_id!r}, status={self.status!r}, "
            f"event_id={self.event_id!r})"
        )
