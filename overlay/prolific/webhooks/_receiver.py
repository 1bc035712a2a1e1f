"""What the WSGI and ASGI apps share: one request in, one answer out (verify, deduplicate, hand over)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .._errors import WebhookVerificationError
from ._eventlog import EventLog
from ._events import WebhookEvent
from ._verify import DEFAULT_TOLERANCE, Headers, _key, verify

logger = logging.getLogger("prolific")

#: Largest body accepted (Prolific's events are a few hundred bytes).
MAX_BODY = 1 << 20

# Refusals say nothing more than their status: the reason would tell a forger what to fix.
# 401 for a signature or timestamp that does not hold, 400 for a request that is not a webhook.
_UNAUTHORIZED = {"bad_signature", "outside_window"}

Refused = Callable[[WebhookVerificationError], object]


@dataclass(frozen=True)
class Answer:
    """An HTTP answer: status, reason phrase, body; ``event`` is the event to hand to the handler, if any."""

    status: int
    phrase: str
    body: bytes = b""
    event: WebhookEvent | None = None


OK = Answer(200, "OK", b"ok\n")
DUPLICATE = Answer(200, "OK", b"duplicate\n")
FAILED = Answer(500, "Internal Server Error", b"handler failed\n")
NOT_POST = Answer(405, "Method Not Allowed", b"POST only\n")
TOO_LARGE = Answer(413, "Content Too Large", b"too large\n")
BAD_REQUEST = Answer(400, "Bad Request", b"bad request\n")
UNAUTHORIZED = Answer(401, "Unauthorized", b"unauthorized\n")


class Receiver:
    """The settings of one app (secret, tolerance, event log); never shows the secret."""

    def __init__(
        self,
        *,
        secret: str | bytes,
        event_log: EventLog | None,
        tolerance: float | None,
        on_refused: Refused | None,
        max_body: int,
    ) -> None:
        self._secret = _key(secret)
        self.event_log = event_log
        self.tolerance = tolerance
        self.on_refused = on_refused
        self.max_body = max_body

    def check(self, method: str, body: bytes, headers: Headers) -> Answer:
        """Verify the request and consult the event log: the answer to send, with the event to handle."""
        if method != "POST":
            return NOT_POST
        try:
            event = verify(body, headers, self._secret, tolerance=self.tolerance)
        except WebhookVerificationError as error:
            if self.on_refused is not None:
                self.on_refused(error)
            else:  # the one place the reason is told: the sender only gets the bare status
                logger.warning("%s", error)
            return UNAUTHORIZED if error.reason in _UNAUTHORIZED else BAD_REQUEST
        if self.event_log is not None and event.event_id and self.event_log.seen(event.event_id):
            logger.debug("webhook event %s already handled: not handled again", event.event_id)
            return DUPLICATE
        return Answer(200, "OK", OK.body, event)

    def failed(self, event: WebhookEvent) -> Answer:
        """The handler raised: forget the event (its redelivery must be handled) and answer 500."""
        logger.exception("webhook handler failed on event %s", event.event_id)
        if self.event_log is not None and event.event_id:
            self.event_log.forget(event.event_id)
        return FAILED

    def __repr__(self) -> str:
        return f"<webhook receiver tolerance={self.tolerance!r} event_log={self.event_log!r}>"


def receiver(
    secret: str | bytes,
    event_log: EventLog | Any,
    tolerance: float | None,
    on_refused: Refused | None,
    max_body: int,
) -> Receiver:
    """A :class:`Receiver`, with ``event_log`` a path opened as an :class:`EventLog`."""
    if event_log is not None and not isinstance(event_log, EventLog):
        event_log = EventLog(event_log)
    return Receiver(secret=secret, event_log=event_log, tolerance=tolerance, on_refused=on_refused, max_body=max_body)


__all__ = ["DEFAULT_TOLERANCE", "MAX_BODY", "Answer", "Receiver", "receiver"]
