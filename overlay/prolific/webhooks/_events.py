"""What a verified webhook delivers: :class:`WebhookEvent`, and the event types Prolific documents."""

from __future__ import annotations

import hashlib
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

    # A plain slotted class whose typed fields are read from the payload when asked for: it is
    # built on every verified request, and filling eight fields there (a dataclass, or eager
    # reads) costs a tenth of the HMAC and JSON work of a small body.
    __slots__ = ("_digest", "_signed", "event_id", "payload", "sent_at", "timestamp")

    def __init__(
        self,
        payload: dict[str, Any],
        *,
        event_id: str | None,
        timestamp: int,
        sent_at: str | None = None,
        signed: tuple[str, bytes] | None = None,
    ) -> None:
        self.payload = payload
        self.event_id = event_id
        self.timestamp = timestamp
        self.sent_at = sent_at
        # The signed message's parts as received (timestamp text, raw body); hashed only when asked.
        self._signed = signed
        self._digest: str | None = None

    @property
    def digest(self) -> str | None:
        """SHA-256 (hex) of the signed message, the timestamp text followed by the raw body (``None``: not verified).

        Prolific signs each delivery anew, so a redelivery has another digest and the same
        ``X-Event-ID``; a replayed capture has the same digest whatever ``X-Event-ID`` it carries.

        >>> from prolific.webhooks import signed_headers, verify
        >>> body = b'{"status": "ACTIVE"}'
        >>> headers = signed_headers(body, "s3cret-example", timestamp=1700000000, event_id="ev-1")
        >>> first = verify(body, headers, "s3cret-example", tolerance=None)
        >>> headers["X-Event-ID"] = "ev-forged"
        >>> first.digest == verify(body, headers, "s3cret-example", tolerance=None).digest
        True
        """
        if self._digest is None and self._signed is not None:
            stamp, body = self._signed
            self._digest = hashlib.sha256(stamp.encode("ascii") + body).hexdigest()
        return self._digest

    def _text(self, key: str) -> str | None:
        value = self.payload.get(key)
        return value if type(value) is str else None

    @property
    def event_type(self) -> EventType | str | None:
        """The ``event_type`` field: an :class:`EventType` when known, else the string sent (``None``: absent)."""
        kind = self.payload.get("event_type")
        return _KNOWN.get(kind, kind) if type(kind) is str else None

    @property
    def resource_id(self) -> str | None:
        """The submission's or study's id (``resource_id``)."""
        return self._text("resource_id")

    @property
    def status(self) -> str | None:
        """The new ``status`` (``None`` for events without one)."""
        return self._text("status")

    @property
    def participant_id(self) -> str | None:
        """The participant (``submission.status.change`` events)."""
        return self._text("participant_id")

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
