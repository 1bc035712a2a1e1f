"""Sending the fake's webhook events: signed POSTs to loopback receivers, bounded retries, a record of each try.

Delivery is explicit and synchronous: ``fake.deliver_pending()`` sends every queued event, in the
order the status changes happened, and returns when each has succeeded or used its attempts.
Nothing runs in the background, so a test knows what was delivered when that call returns (and a
receiver may call the fake's API meanwhile: no lock is held while sending).
"""

from __future__ import annotations

import json
import threading
import time
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

import httpx

from ..webhooks import signed_headers
from ._fields import now
from ._hooks import Hooks

#: Attempts per event before it is marked FAILED (Prolific makes 12 over 24 hours; the fake does
#: not wait between them).
DEFAULT_ATTEMPTS = 3
_LOOPBACK = frozenset({"127.0.0.1", "localhost", "::1"})


@dataclass(frozen=True)
class Delivery:
    """One POST of an event (``fake.deliveries``): which, where, which attempt, and what came back.

    ``status`` is the receiver's HTTP status (``None``: no answer, see ``error``). ``body`` and
    ``headers`` are what was sent (the signature is in ``headers``; the secret is not).
    """

    event_id: str
    subscription_id: str
    target_url: str
    attempt: int
    status: int | None
    error: str | None
    body: bytes = field(repr=False)
    headers: dict[str, str] = field(repr=False)

    @property
    def ok(self) -> bool:
        """Whether the receiver answered 2xx."""
        return self.status is not None and 200 <= self.status < 300


class Deliverer:
    """Takes events from :attr:`Hooks.outbox` and POSTs them; keeps every attempt in :attr:`deliveries`."""

    def __init__(self, hooks: Hooks, lock: threading.RLock, *, attempts: int = DEFAULT_ATTEMPTS) -> None:
        self._hooks = hooks
        self._lock = lock
        self.attempts = attempts
        self.deliveries: list[Delivery] = []
        self._sending = threading.Lock()  # one delivery run at a time keeps the order of sending

    def clear(self) -> None:
        self.deliveries.clear()

    def handlers(self) -> dict[str, Any]:
        return {}  # it answers no operation: it sends

    def deliver_pending(self) -> list[Delivery]:
        """Send every queued event (oldest first), each up to :attr:`attempts` times; return the attempts made."""
        with self._sending:
            with self._lock:
                queued = list(self._hooks.outbox)
                self._hooks.outbox.clear()
            made: list[Delivery] = []
            with httpx.Client(timeout=10.0, trust_env=False) as http:
                for subscription_id, event in queued:
                    made += self._deliver(http, subscription_id, event)
            return made

    def redeliver(self, event_id: str) -> list[Delivery]:
        """Send an event already delivered once more (at-least-once delivery: a lost answer means a resend)."""
        with self._lock:
            found = [(sid, e) for sid, events in self._hooks.events.items() for e in events if e["id"] == event_id]
        if not found:
            raise ValueError(f"no webhook event {event_id!r} in this fake")
        with self._sending, httpx.Client(timeout=10.0, trust_env=False) as http:
            made: list[Delivery] = []
            for subscription_id, event in found:
                made += self._deliver(http, subscription_id, event)
            return made

    def _deliver(self, http: httpx.Client, subscription_id: str, event: dict[str, Any]) -> list[Delivery]:
        body = json.dumps(event["payload"]).encode()
        url = event["target_url"]
        made: list[Delivery] = []
        for attempt in range(1, self.attempts + 1):
            with self._lock:
                secret = self._hooks.secret_of(subscription_id)
            status: int | None = None
            error: str | None = None
            headers: dict[str, str] = {}
            host = urlsplit(url).hostname
            if host not in _LOOPBACK:
                error = f"FakeProlific delivers to loopback only (127.0.0.1, localhost), not {host!r}"
            elif secret is None:
                error = "the subscription's workspace has no secret"
            else:
                # Signed anew at each attempt (a fresh timestamp), with the same X-Event-ID.
                headers = signed_headers(body, secret, timestamp=int(time.time()), event_id=event["id"])
                try:
                    status = http.post(url, content=body, headers=headers).status_code
                except httpx.HTTPError as exc:
                    error = f"{type(exc).__name__}: {exc}"
            delivery = Delivery(event["id"], subscription_id, url, attempt, status, error, body, headers)
            made.append(delivery)
            with self._lock:
                self.deliveries.append(delivery)
                event["status"] = "SUCCEEDED" if delivery.ok else "FAILED"
                event["datetime_updated"] = now()
            if delivery.ok or not headers:  # delivered, or not sendable at all: retrying changes nothing
                break
        return made
