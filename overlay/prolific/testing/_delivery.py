"""Sending the fake's webhook events: signed POSTs to allowed hosts, Prolific's retries, a record of each try.

Events leave the fake in two ways, from one queue (each event is taken by one of them):

* explicitly: ``fake.deliver_pending()`` sends every waiting event now and retries a failure at
  once, up to ``fake.delivery_attempts`` times; an in-process fake (``fake.transport``) has
  nothing running in the background, so a test knows what was delivered when that call returns;
* in the background while ``fake.serve()`` runs (so under ``prolific-client fake-server``): the
  thread of :mod:`._deliverer` sends each event when it happens and retries failures on Prolific's
  schedule (:class:`Backoff`), its times multiplied by ``fake.delivery_time_scale``.

Both record every attempt (``fake.deliveries``, and the event's ``attempts`` in ``get-events``) and
apply Prolific's rule: when every delivery of an event type to a target URL has failed for five
days (scaled too), that URL's subscriptions to that event type are disabled. No lock of the fake is
held while a POST is under way: a receiver may call the fake's API meanwhile.
"""

from __future__ import annotations

import heapq
import itertools
import json
import math
import random
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any
from urllib.parse import urlsplit

import httpx

from ..webhooks import ORDER_HEADER, signed_headers
from ._deliverer import EPSILON, Worker
from ._fields import now
from ._hooks import Hooks

#: Prolific's schedule ("Event Delivery & Retry Logic", "Persistent Failures & Disabling Logic"):
#: a failed delivery is retried up to 11 times over 24 hours, retry n after a delay drawn at random
#: between 0 and 1 minute x 2^(n-1) (exponential backoff, full jitter), the last one at most 24 hours
#: after the first try; 5 days of failures only, per target URL and event type, disable it.
RETRIES = 11
FIRST_RETRY_CAP = 60.0
RETRY_WINDOW = 24 * 3600.0
DISABLE_AFTER = 5 * 24 * 3600.0
#: The fake's default compression: Prolific's 24 hours of retries in one minute (5 days in 5 minutes).
DEFAULT_TIME_SCALE = 1 / 1440
#: Attempts per event of ``deliver_pending()`` (no wait between them).
DEFAULT_ATTEMPTS = 3
#: Seconds a receiver has to answer; a timeout is a failed attempt, retried as any other.
DEFAULT_TIMEOUT = 10.0
LOOPBACK = frozenset({"127.0.0.1", "localhost", "::1"})


@dataclass(frozen=True)
class Delivery:
    """One POST of an event (``fake.deliveries``): which, where, which attempt, what came back, what is next.

    ``status`` is the receiver's HTTP status (``None``: no answer, or nothing sent: see ``error``).
    ``body`` and ``headers`` are what was sent (the signature is in ``headers``; the secret is not).
    ``at`` is the deliverer's clock (``time.monotonic()`` unless replaced) when it was sent;
    ``retry_in``: seconds until the next attempt (``None``: none will be made); ``disabled``: the
    subscriptions this failure disabled (their deliveries had all failed for five scaled days).
    """

    event_id: str
    subscription_id: str
    target_url: str
    attempt: int
    status: int | None
    error: str | None
    body: bytes = field(repr=False)
    headers: dict[str, str] = field(repr=False)
    at: float = 0.0
    retry_in: float | None = None
    disabled: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        """Whether the receiver answered 2xx."""
        return self.status is not None and 200 <= self.status < 300


class Backoff:
    """The random part of Prolific's retry schedule, seeded: the same seed gives the same delays, in order.

    >>> first, again = Backoff(seed=7), Backoff(seed=7)
    >>> delays = [first.delay(n) for n in range(1, RETRIES + 1)]
    >>> delays == [again.delay(n) for n in range(1, RETRIES + 1)]
    True
    >>> all(0 <= d <= Backoff.cap(n) for n, d in enumerate(delays, 1)), Backoff.cap(1), Backoff.cap(11)
    (True, 60.0, 61440.0)
    """

    def __init__(self, seed: int = 0) -> None:
        self.seed = seed
        self._random = random.Random(seed)

    @staticmethod
    def cap(retry: int) -> float:
        """The longest delay before retry number ``retry`` (1 to :data:`RETRIES`), in Prolific's seconds."""
        return FIRST_RETRY_CAP * 2.0 ** (retry - 1)

    def delay(self, retry: int) -> float:
        """The delay before retry number ``retry``, in Prolific's seconds: uniform in ``[0, cap(retry)]``."""
        return self._random.uniform(0.0, self.cap(retry))


@dataclass
class _Waiting:
    """An event waiting for its next attempt."""

    subscription_id: str
    event: dict[str, Any]
    seq: int  # the order events happened in
    due: float
    made: int = 0
    first_at: float | None = None


@dataclass(frozen=True)
class _Sent:
    """What one attempt did; ``retryable`` is False when nothing could be sent (another try changes nothing)."""

    status: int | None
    error: str | None
    body: bytes
    headers: dict[str, str]
    at: float
    retryable: bool

    @property
    def ok(self) -> bool:
        return self.status is not None and 200 <= self.status < 300


class Deliverer:
    """The queue of events to send, the attempts (:attr:`deliveries`), the schedule, and the background :attr:`worker`.

    ``clock`` (seconds, monotonic) and ``sleep`` (``sleep(seconds)``; ``None``: wait on
    :attr:`cond`, woken early by a new event) drive the background schedule; tests replace both.
    ``transport``: the httpx transport POSTs go through (``None``: the network, loopback only).
    """

    def __init__(
        self,
        hooks: Hooks,
        lock: threading.RLock,
        *,
        attempts: int = DEFAULT_ATTEMPTS,
        scale: float = DEFAULT_TIME_SCALE,
        seed: int = 0,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], object] | None = None,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self._hooks = hooks
        self._lock = lock  # the fake's: guards events and subscriptions
        self.attempts = attempts
        self.scale = scale
        self.timeout = DEFAULT_TIMEOUT
        self.allowed_hosts: set[str] = set(LOOPBACK)
        self.clock = clock
        self.sleep = sleep
        self.transport = transport
        self.backoff = Backoff(seed)
        self.deliveries: list[Delivery] = []
        self.errors: list[BaseException] = []  # what the background thread raised (a bug of the fake's)
        # Guards the queue, `_busy` and `_failing`; taken inside the fake's lock, never around it.
        self.cond = threading.Condition()
        self._queue: list[tuple[float, int, _Waiting]] = []  # a heap by (due, seq)
        self._seq = itertools.count()
        self._busy = 0  # attempts under way
        self._failing: dict[tuple[str, str], float] = {}  # (target URL, event type) -> first failure of the streak
        # Held while attempts are made: deliver_pending() waits for the background's attempt in flight.
        self.sending = threading.Lock()
        self.worker = Worker(self)
        hooks.listeners.append(self.enqueue)

    def clear(self) -> None:
        with self.cond:
            self._queue.clear()
            self._failing.clear()
            self.backoff = Backoff(self.backoff.seed)
        self.deliveries.clear()
        self.errors.clear()

    def handlers(self) -> dict[str, Any]:
        return {}  # it answers no operation: it sends

    def client(self) -> httpx.Client:
        """The HTTP client of a delivery run (no proxies from the environment, no redirects followed)."""
        return httpx.Client(timeout=self.timeout, trust_env=False, transport=self.transport)

    # -- the queue ---------------------------------------------------------------------------------

    def enqueue(self, subscription_id: str, event: dict[str, Any]) -> None:
        """A new event (``Hooks`` calls this, the fake's lock held): due now, in the order events happen."""
        with self.cond:
            waiting = _Waiting(subscription_id, event, next(self._seq), self.clock())
            heapq.heappush(self._queue, (waiting.due, waiting.seq, waiting))
            self.cond.notify_all()

    def next_due(self) -> float | None:
        """When the earliest waiting attempt is due (``None``: nothing waits). Call with :attr:`cond` held."""
        return self._queue[0][0] if self._queue else None

    def pop_due(self) -> _Waiting | None:
        """The earliest attempt due now, counted as under way (:meth:`finished`). Call with :attr:`cond` held."""
        if not self._queue or self._queue[0][0] > self.clock() + EPSILON:
            return None
        self._busy += 1
        return heapq.heappop(self._queue)[2]

    def finished(self) -> None:
        """An attempt taken with :meth:`pop_due` is recorded."""
        with self.cond:
            self._busy -= 1
            self.cond.notify_all()

    def failed(self, waiting: _Waiting, error: BaseException) -> None:
        """The background attempt raised (a bug of the fake's): keep the error; the event is FAILED."""
        with self._lock:
            self.errors.append(error)
            _give_up(waiting.event)

    def wait_idle(self, timeout: float) -> bool:
        """Wait until no event waits and no attempt is under way; ``False`` if ``timeout`` seconds passed first.

        Raises ``RuntimeError`` when events wait and nothing delivers in the background.
        """
        with self.cond:
            if self._queue and not self.worker.running:
                raise RuntimeError(
                    f"{len(self._queue)} webhook event(s) wait, and nothing delivers them in the background: "
                    "deliveries run by themselves only while fake.serve() runs; call fake.deliver_pending()"
                )
            return self.cond.wait_for(lambda: not self._queue and not self._busy, timeout)

    # -- the background schedule -------------------------------------------------------------------

    def attempt_scheduled(self, http: httpx.Client, waiting: _Waiting) -> Delivery | None:
        """One attempt on Prolific's schedule: a failure is queued again after a :class:`Backoff` delay."""
        sent = self._send(http, waiting)
        if sent is None:
            return None
        waiting.made += 1
        if waiting.first_at is None:
            waiting.first_at = sent.at
        retry_at = None
        if not sent.ok and sent.retryable and waiting.made <= RETRIES:
            delay = self.backoff.delay(waiting.made) * self.scale
            last = waiting.first_at + RETRY_WINDOW * self.scale
            retry_at = max(sent.at, min(sent.at + delay, last))
        return self._record(waiting, sent, retry_at)

    # -- explicit delivery -------------------------------------------------------------------------

    def deliver_pending(self) -> list[Delivery]:
        """Send every waiting event now (in the order they happened), each up to :attr:`attempts` times, no wait.

        Waits first for an attempt the background is making. Returns the attempts made.
        """
        with self.sending:
            with self.cond:
                waiting = [entry[2] for entry in sorted(self._queue, key=lambda entry: entry[1])]
                self._queue.clear()
                self._busy += 1
            try:
                with self.client() as http:
                    return [d for w in waiting for d in self._attempt_now(http, w)]
            finally:
                self.finished()

    def redeliver(self, event_id: str) -> list[Delivery]:
        """Send an event once more (at-least-once delivery: a lost answer means a resend), retried as above."""
        with self._lock:
            found = [(sid, e) for sid, events in self._hooks.events.items() for e in events if e["id"] == event_id]
            if not found:
                raise ValueError(f"no webhook event {event_id!r} in this fake")
            [(subscription_id, event)] = found
            if not self._hooks.deliverable(subscription_id):
                raise ValueError(f"webhook event {event_id!r}: its subscription is deleted or disabled")
            waiting = _Waiting(subscription_id, event, -1, self.clock(), made=len(event["attempts"]))
        with self.sending, self.client() as http:
            return self._attempt_now(http, waiting)

    def _attempt_now(self, http: httpx.Client, waiting: _Waiting) -> list[Delivery]:
        made: list[Delivery] = []
        for left in range(self.attempts - 1, -1, -1):
            sent = self._send(http, waiting)
            if sent is None:
                break
            waiting.made += 1
            again = not sent.ok and sent.retryable and left > 0
            delivery = self._record(waiting, sent, sent.at if again else None, requeue=False)
            made.append(delivery)
            if not again or delivery.disabled:
                break
        return made

    # -- one attempt -------------------------------------------------------------------------------

    def _send(self, http: httpx.Client, waiting: _Waiting) -> _Sent | None:
        """POST the event (signed anew, the same ``X-Event-ID``); ``None``: its subscription is gone (event FAILED)."""
        event = waiting.event
        with self._lock:
            if not self._hooks.deliverable(waiting.subscription_id):
                _give_up(event)
                return None
            secret = self._hooks.secret_of(waiting.subscription_id)
            body = json.dumps(event["payload"]).encode()
            url = event["target_url"]
            happened = _unix(event["datetime_created"])
        at = self.clock()
        host = urlsplit(url).hostname
        if host not in self.allowed_hosts:
            allowed = ", ".join(sorted(self.allowed_hosts))
            refused = (
                f"not sent: {host!r} is not in fake.delivery_hosts ({allowed}): FakeProlific delivers to "
                "loopback only, unless a host is added there"
            )
            return _Sent(None, refused, body, {}, at, retryable=False)
        if secret is None:
            return _Sent(None, "not sent: the subscription's workspace has no secret", body, {}, at, retryable=False)
        # The signature's timestamp is the wall clock (receivers check it against theirs); X-Timestamp
        # is when the event happened, the same at every attempt: Prolific means it to order events,
        # which a retry's own sending time would not.
        headers = signed_headers(body, secret, timestamp=int(time.time()), event_id=event["id"])
        headers[ORDER_HEADER] = str(happened)
        status: int | None = None
        error: str | None = None
        try:
            status = http.post(url, content=body, headers=headers).status_code
        except httpx.HTTPError as exc:
            error = f"{type(exc).__name__}: {exc}"
        return _Sent(status, error, body, headers, at, retryable=True)

    def _record(self, waiting: _Waiting, sent: _Sent, retry_at: float | None, *, requeue: bool = True) -> Delivery:
        """Write the attempt into the event, ``deliveries`` and the failure streak; queue the retry, if any."""
        event = waiting.event
        disabled: tuple[str, ...] = ()
        with self._lock:
            event["attempts"].append(
                {"attempt": waiting.made, "datetime": now(), "status_code": sent.status, "error": sent.error}
            )
            event["status"] = "SUCCEEDED" if sent.ok else "FAILED"
            event["datetime_updated"] = now()
            event["next_attempt_at"] = _iso_in(retry_at - sent.at) if retry_at is not None else None
            if sent.retryable:  # an attempt made: it counts for the subscription's health
                disabled = self._health(event, sent)
            if waiting.subscription_id in disabled:
                retry_at = None
                event["next_attempt_at"] = None
            delivery = Delivery(
                event["id"], waiting.subscription_id, event["target_url"], waiting.made, sent.status, sent.error,
                sent.body, sent.headers, sent.at, None if retry_at is None else retry_at - sent.at, disabled,
            )  # fmt: skip
            self.deliveries.append(delivery)
        if retry_at is not None and requeue:
            with self.cond:
                waiting.due = retry_at
                heapq.heappush(self._queue, (waiting.due, waiting.seq, waiting))
                self.cond.notify_all()
        return delivery

    def _health(self, event: dict[str, Any], sent: _Sent) -> tuple[str, ...]:
        """Track the failure streak of (target URL, event type); disable it after 5 scaled days. Fake's lock held."""
        key = (event["target_url"], event["event_type"])
        with self.cond:
            if sent.ok:
                self._failing.pop(key, None)
                return ()
            since = self._failing.setdefault(key, sent.at)
            if sent.at - since < DISABLE_AFTER * self.scale:
                return ()
            del self._failing[key]  # a new streak starts if it is enabled again
        disabled = tuple(self._hooks.disable(*key))
        with self.cond:
            dropped = [entry for entry in self._queue if entry[2].subscription_id in disabled]
            if dropped:
                self._queue = [entry for entry in self._queue if entry[2].subscription_id not in disabled]
                heapq.heapify(self._queue)
                self.cond.notify_all()
        for _, _, waiting in dropped:
            _give_up(waiting.event)
        return disabled


def _give_up(event: dict[str, Any]) -> None:
    """No attempt will be made (the subscription was deleted or disabled): the event is FAILED."""
    event["status"] = "FAILED"
    event["next_attempt_at"] = None
    event["datetime_updated"] = now()


def _unix(stamp: str) -> int:
    return math.floor(datetime.fromisoformat(stamp.replace("Z", "+00:00")).timestamp())


def _iso_in(seconds: float) -> str:
    """``seconds`` from now, as the fake writes times (its ``now()``, whatever clock that follows)."""
    later = datetime.fromisoformat(now().replace("Z", "+00:00")) + timedelta(seconds=seconds)
    return later.isoformat().replace("+00:00", "Z")
