"""The background deliverer: a thread that sends webhook events on Prolific's schedule while ``fake.serve()`` runs.

It takes the earliest attempt that is due from the :class:`~._delivery.Deliverer`'s queue, makes it,
and otherwise waits until the next one is due or a new event arrives (``deliverer.sleep``, when a
test replaced it, is called with the wait instead: with a fake clock the whole schedule runs at
once). ``serve()`` starts it and stops it; nested or parallel ``serve()`` calls share one thread.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any, Protocol

import httpx

#: A scheduled time this close to the clock is due (float sums of delays are not exact).
EPSILON = 1e-9


class Schedule(Protocol):
    """What the thread needs of :class:`~._delivery.Deliverer` (a protocol: the two modules import one way only)."""

    cond: threading.Condition
    sending: threading.Lock
    clock: Callable[[], float]
    sleep: Callable[[float], object] | None

    def client(self) -> httpx.Client: ...
    def next_due(self) -> float | None: ...
    def pop_due(self) -> Any: ...
    def attempt_scheduled(self, http: httpx.Client, waiting: Any) -> object: ...
    def finished(self) -> None: ...
    def failed(self, waiting: Any, error: BaseException) -> None: ...


class Worker:
    """Starts and stops the delivery thread (:meth:`start`, :meth:`stop`: counted, so serve() calls may nest)."""

    def __init__(self, deliverer: Schedule) -> None:
        self._deliverer = deliverer
        self._users = 0
        self._thread: threading.Thread | None = None
        self._stop: threading.Event | None = None

    @property
    def running(self) -> bool:
        """Whether the thread runs (read with the deliverer's ``cond`` held, or as a hint)."""
        return self._thread is not None

    def start(self) -> None:
        """Start the thread (or count one more user of the running one)."""
        with self._deliverer.cond:
            self._users += 1
            if self._thread is not None:
                return
            # One stop event per thread: a thread still finishing its last POST after stop()
            # timed out never resumes because a later start() cleared a shared flag.
            self._stop = threading.Event()
            self._thread = threading.Thread(
                target=self._run, args=(self._stop,), name="FakeProlific-deliverer", daemon=True
            )
            self._thread.start()

    def stop(self, wait: float = 5.0) -> None:
        """One user fewer; the last one stops the thread (waiting up to ``wait`` s for an attempt in flight)."""
        with self._deliverer.cond:
            self._users = max(0, self._users - 1)
            if self._users or self._thread is None or self._stop is None:
                return
            thread, self._thread = self._thread, None
            self._stop.set()
            self._deliverer.cond.notify_all()
        thread.join(wait)

    def _run(self, stop: threading.Event) -> None:
        deliverer = self._deliverer
        with deliverer.client() as http:
            while not stop.is_set():
                if self._attempt_due(http, stop):
                    continue
                delay = self._wait(stop)
                sleep = deliverer.sleep
                if delay is not None and sleep is not None:
                    sleep(delay)

    def _attempt_due(self, http: httpx.Client, stop: threading.Event) -> bool:
        """Make the attempt that is due, if one is; return whether one was made."""
        deliverer = self._deliverer
        with deliverer.sending:
            with deliverer.cond:
                if stop.is_set():
                    return False
                waiting = deliverer.pop_due()
            if waiting is None:
                return False
            try:
                deliverer.attempt_scheduled(http, waiting)
            except Exception as exc:  # a bug of the fake's: kept (fake.delivery_errors), the thread goes on
                deliverer.failed(waiting, exc)
            finally:
                deliverer.finished()
        return True

    def _wait(self, stop: threading.Event) -> float | None:
        """Wait on the queue's condition until something may be due; a delay for an injected ``sleep`` instead."""
        deliverer = self._deliverer
        with deliverer.cond:
            if stop.is_set():
                return None
            due = deliverer.next_due()
            if due is None:
                deliverer.cond.wait()  # until an event arrives or stop()
                return None
            delay = due - deliverer.clock()
            if delay <= EPSILON:
                return None
            if deliverer.sleep is None:
                deliverer.cond.wait(delay)  # woken early by a new event or stop()
                return None
            return delay
