"""What the WSGI and ASGI apps share: one request in, one answer out (verify, claim, hand over, settle).

A delivery's life: verify it; claim its event in the event log (see :mod:`._eventlog`); run the
handler only on a granted claim; mark it handled after the handler returned (then 200), or
release it when the handler raised (then 500: Prolific redelivers and the next try handles it).
A delivery of an event another live process is handling is answered 503 with ``Retry-After``:
Prolific treats any non-2xx as a failed try and comes again later, and a 5xx is the status every
sender retries (some give up on a 4xx such as 409).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .._errors import WebhookVerificationError
from ._eventlog import Claim, EventStore, Outcome
from ._events import WebhookEvent
from ._verify import DEFAULT_TOLERANCE, Headers, _key, verify

logger = logging.getLogger("prolific")

#: Largest body accepted (Prolific's events are a few hundred bytes).
MAX_BODY = 1 << 20
#: A body over ``max_body`` is read and thrown away up to this many bytes before the 413 is sent, so
#: that the sender reads the 413 instead of a connection reset (a server that closes a socket with
#: unread data resets it); nothing of it is kept. A larger one is answered without reading it.
DRAIN_LIMIT = 64 << 20
#: Seconds to wait before coming again, told to a delivery of an event being handled elsewhere.
RETRY_AFTER = 30

# Refusals say nothing more than their status: the reason would tell a forger what to fix.
# 401 for a signature or timestamp that does not hold, 400 for a request that is not a webhook.
_UNAUTHORIZED = {"bad_signature", "outside_window"}

Refused = Callable[[WebhookVerificationError], object]


@dataclass(frozen=True)
class Answer:
    """An HTTP answer: status, reason phrase, body, extra headers; the event to hand over and its claim, if any."""

    status: int
    phrase: str
    body: bytes = b""
    event: WebhookEvent | None = None
    claim: Claim | None = None
    headers: tuple[tuple[str, str], ...] = ()

    def header_list(self) -> list[tuple[str, str]]:
        """The response headers: type, length, and the answer's own."""
        return [
            ("Content-Type", "text/plain; charset=utf-8"),
            ("Content-Length", str(len(self.body))),
            *self.headers,
        ]


OK = Answer(200, "OK", b"ok\n")
DUPLICATE = Answer(200, "OK", b"duplicate\n")
IN_FLIGHT = Answer(503, "Service Unavailable", b"in flight\n", headers=(("Retry-After", str(RETRY_AFTER)),))
FAILED = Answer(500, "Internal Server Error", b"handler failed\n")
LOG_FAILED = Answer(500, "Internal Server Error", b"event log failed\n")
NOT_POST = Answer(405, "Method Not Allowed", b"POST only\n")
TOO_LARGE = Answer(413, "Content Too Large", b"too large\n")
BAD_REQUEST = Answer(400, "Bad Request", b"bad request\n")
TIMEOUT = Answer(408, "Request Timeout", b"request timeout\n")
UNAUTHORIZED = Answer(401, "Unauthorized", b"unauthorized\n")


class Receiver:
    """The settings of one app (secret, tolerance, event log, body limit); never shows the secret."""

    def __init__(
        self,
        *,
        secret: str | bytes,
        event_log: EventStore | None,
        tolerance: float | None,
        on_refused: Refused | None,
        max_body: int,
    ) -> None:
        if not isinstance(max_body, int) or isinstance(max_body, bool) or max_body < 1:
            raise ValueError(f"max_body must be a number of bytes >= 1, not {max_body!r}")
        self._secret = _key(secret)
        self.event_log = event_log
        self.tolerance = tolerance
        self.on_refused = on_refused
        self.max_body = max_body

    def check(self, method: str, body: bytes, headers: Headers) -> Answer:
        """Verify the request and claim its event: the answer, with the event to hand over when the claim is granted."""
        if method != "POST":
            return NOT_POST
        try:
            event = verify(body, headers, self._secret, tolerance=self.tolerance)
        except WebhookVerificationError as error:
            if self.on_refused is not None:
                self.on_refused(error)
            else:  # the one place the reason is told: the sender only gets the bare status
                logger.warning("%s", error)
            return UNAUTHORIZED if error.code in _UNAUTHORIZED else BAD_REQUEST
        if self.event_log is None:
            return Answer(200, "OK", OK.body, event)
        try:
            claim = self.event_log.claim(event.event_id or None, event.digest)
        except Exception:
            logger.exception("webhook event %s: the event log could not be read or written", event.event_id)
            return LOG_FAILED
        if claim.granted:
            return Answer(200, "OK", OK.body, event, claim)
        if claim.outcome is Outcome.IN_FLIGHT:
            logger.info("webhook event %s is being handled by %s: answered 503, to come again", claim.event,
                        claim.holder)  # fmt: skip
            return IN_FLIGHT
        logger.debug("webhook event %s already handled: not handled again", claim.event)
        return DUPLICATE

    def handled(self, answer: Answer) -> Answer:
        """The handler returned: mark the event handled; the answer to send (200)."""
        if answer.claim is not None and self.event_log is not None:
            try:
                self.event_log.done(answer.claim)
            except Exception:
                # The handler did its work: a 2xx stops Prolific's retries, which would otherwise
                # handle the event a second time once this process has gone.
                logger.exception("webhook event %s was handled but could not be marked so", answer.claim.event)
        return OK

    def failed(self, answer: Answer) -> Answer:
        """The handler raised: release the claim (the redelivery will be handled); the answer to send (500)."""
        if answer.event is not None:
            logger.exception("webhook handler failed on event %s", answer.event.event_id)
        self.abandon(answer)
        return FAILED

    def abandon(self, answer: Answer) -> None:
        """Release the answer's claim, whatever happened (a failed handler, an interrupted one)."""
        if answer.claim is None or self.event_log is None:
            return
        try:
            self.event_log.release(answer.claim)
        except Exception:
            logger.exception(
                "webhook event %s: its claim could not be released; redeliveries are answered 503 until this "
                "process stops, and then handled",
                answer.claim.event,
            )

    def run(self, answer: Answer, handler: Callable[[WebhookEvent], object]) -> Answer:
        """Hand a checked answer's event to a synchronous ``handler`` and settle its claim."""
        if answer.event is None:
            return answer
        try:
            handler(answer.event)
        except Exception:
            return self.failed(answer)
        except BaseException:  # interrupted (KeyboardInterrupt, SystemExit): not handled, so not lost either
            self.abandon(answer)
            raise
        return self.handled(answer)

    def __repr__(self) -> str:
        return f"<webhook receiver tolerance={self.tolerance!r} event_log={self.event_log!r}>"


def receiver(
    secret: str | bytes,
    event_log: EventStore | Any,
    tolerance: float | None,
    on_refused: Refused | None,
    max_body: int,
) -> Receiver:
    """A :class:`Receiver`, with ``event_log`` a path or URL opened as an event log (``open_event_log``)."""
    if event_log is not None and not isinstance(event_log, EventStore):
        from ._eventlog_pg import open_event_log

        event_log = open_event_log(event_log)
    return Receiver(secret=secret, event_log=event_log, tolerance=tolerance, on_refused=on_refused, max_body=max_body)


__all__ = [
    "DEFAULT_TOLERANCE",
    "DRAIN_LIMIT",
    "MAX_BODY",
    "RETRY_AFTER",
    "Answer",
    "Receiver",
    "receiver",
]
