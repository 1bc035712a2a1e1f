"""The event log: which webhook events were handled, which are being handled and by whom, across processes.

Prolific delivers at least once and stops once it gets a 2xx. So an event is recorded as
``handled`` only after its handler returned; while a handler runs, the event is ``in flight``
with its holder (host, pid, process start time, since when), and a redelivery that arrives
meanwhile is turned away so that Prolific tries again later; a handler that raised ``released``
its claim, and a holder that died left its claim to be taken over. Every change is a
compare-and-set on the state (and claim token) it expects.

An event is known by two keys: ``id:<X-Event-ID>`` (the same on every redelivery, but not
signed) and ``sha256:<digest>`` of what the signature covers (the timestamp and the body, see
:attr:`WebhookEvent.digest <prolific.webhooks.WebhookEvent.digest>`). A captured delivery
replayed with another ``X-Event-ID``, or none, has the same digest: it is the same event.

:class:`EventStore` is the interface the receivers use (``claim``, ``done``, ``release``,
``state``); :class:`EventLog` is its SQLite engine (one file, one host). An engine for a shared
server (PostgreSQL) implements the same methods with the same meaning, and can reuse
:func:`keys`, :func:`resolve` and :func:`decide`, which hold every decision.
"""

from __future__ import annotations

import logging
import os
import threading
import time
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from .. import _state
from ._holder import Holder, is_dead, me

if TYPE_CHECKING:
    import sqlite3

    from ._events import WebhookEvent

logger = logging.getLogger("prolific")

#: Seconds after which a claim whose holder's liveness cannot be told (another host, or no
#: ``/proc``) is taken for abandoned. A handler should take seconds (gunicorn kills a worker after
#: 30 s by default); ten minutes leaves slow ones alone, and Prolific's retries (11 over 24 hours,
#: backing off exponentially) keep coming long after it, so the event is still handled.
DEFAULT_HANDLING_TIMEOUT = 600.0
#: The layout of the event log's tables; 1 was ``webhook_events(event_id, first_seen)``.
SCHEMA_VERSION = 2


class EventState(StrEnum):
    """Where an event stands in the log."""

    IN_FLIGHT = "in flight"  # a handler is running (or its process died: see Holder)
    HANDLED = "handled"  # its handler returned
    RELEASED = "released"  # its handler raised: the next delivery handles it


class Outcome(StrEnum):
    """What :meth:`EventStore.claim` decided for a delivery."""

    CLAIMED = "claimed"  # new, or released: run the handler, then done() or release()
    TAKEN_OVER = "taken over"  # its holder died mid-handling: run the handler, then done() or release()
    ALREADY_HANDLED = "already handled"  # a duplicate: do not run the handler; answer 2xx
    IN_FLIGHT = "in flight"  # a live holder is handling it: do not run the handler; answer so it comes again


@dataclass(frozen=True)
class Claim:
    """The answer of :meth:`EventStore.claim`.

    ``event``: the log's key for the event (``id:<X-Event-ID>``, or ``sha256:<digest>`` for an
    event delivered without one). ``holder``: this process when :attr:`granted`, the live holder
    when ``IN_FLIGHT``, the one that handled it when ``ALREADY_HANDLED`` (``None`` if not known).
    ``previous``: the dead holder a ``TAKEN_OVER`` claim replaced. ``token``: what
    :meth:`~EventStore.done` and :meth:`~EventStore.release` compare-and-set on.
    """

    outcome: Outcome
    event: str
    holder: Holder | None = None
    previous: Holder | None = None
    token: str | None = None

    @property
    def granted(self) -> bool:
        """True when this caller must run the handler (and then call ``done`` or ``release``)."""
        return self.outcome is Outcome.CLAIMED or self.outcome is Outcome.TAKEN_OVER


@dataclass(frozen=True)
class EventRecord:
    """What the log holds about one event (:meth:`EventStore.state`).

    ``holder``: who holds it (``in flight``), handled it (``handled``) or last tried (``released``);
    ``attempts``: how many handlings were started; times are UNIX seconds.
    """

    event: str
    state: EventState
    holder: Holder | None
    first_seen: float
    handled_at: float | None
    attempts: int


@runtime_checkable
class EventStore(Protocol):
    """What a receiver needs from an event log; :class:`EventLog` (SQLite) is one engine.

    ``claim(event_id, digest)`` decides in one atomic step (see :class:`Outcome`); ``done(claim)``
    marks it handled and ``release(claim)`` makes it available again, each a compare-and-set on the
    claim's token that answers ``False`` when the claim was no longer this caller's (it was taken
    over); ``state(...)`` reads without changing anything. An engine records its schema version and
    keeps each key (``id:``, ``sha256:``) pointing at one event.
    """

    def claim(self, event_id: str | None, digest: str | None = None) -> Claim:
        """Whether this caller handles the event (see :class:`Outcome`)."""
        ...

    def done(self, claim: Claim) -> bool:
        """The handler returned: mark the event handled."""
        ...

    def release(self, claim: Claim) -> bool:
        """The handler raised: the next delivery handles the event."""
        ...

    def state(self, event_id: str | None = None, digest: str | None = None) -> EventRecord | None:
        """What the log holds about the event (``None``: never seen)."""
        ...

    def close(self) -> None:
        """Let go of the storage."""
        ...


# -- what every engine decides the same way ----------------------------------------------------------


def keys(event_id: str | None, digest: str | None) -> tuple[str | None, str | None]:
    """The ``id:`` and ``sha256:`` keys of a delivery; ``ValueError`` when it has neither."""
    if event_id is not None and (not isinstance(event_id, str) or not event_id):
        raise ValueError(f"event_id must be a non-empty string (the X-Event-ID header) or None, not {event_id!r}")
    if digest is not None and (not isinstance(digest, str) or not digest):
        raise ValueError(f"digest must be a non-empty string (WebhookEvent.digest) or None, not {digest!r}")
    if not event_id and not digest:
        raise ValueError("an event needs an event_id (X-Event-ID) or a digest (WebhookEvent.digest) to be logged")
    return (f"id:{event_id}" if event_id else None), (f"sha256:{digest}" if digest else None)


def resolve(id_key: str | None, digest_key: str | None, found: Mapping[str, str]) -> tuple[str, list[str]]:
    """Which event the keys name (``found``: key -> event, as stored) and which keys to add for it.

    The digest is signed and wins: a known digest under another ``X-Event-ID`` is a replay of that
    event, and its unsigned id is not recorded (it could be a later genuine event's id). A known id
    with a new digest is a redelivery (Prolific signs each try anew): its digest joins the event, so
    that a replay of the redelivery is recognised too.

    >>> resolve("id:B", "sha256:d1", {"id:A": "id:A", "sha256:d1": "id:A"})  # a replay under another id
    ('id:A', [])
    >>> resolve("id:A", "sha256:d2", {"id:A": "id:A", "sha256:d1": "id:A"})  # a redelivery
    ('id:A', ['sha256:d2'])
    """
    if digest_key is not None and digest_key in found:
        return found[digest_key], []
    if id_key is not None and id_key in found:
        return found[id_key], [digest_key] if digest_key is not None else []
    event = id_key if id_key is not None else digest_key
    if event is None:
        raise ValueError("an event needs an event_id or a digest")
    return event, [key for key in (id_key, digest_key) if key is not None]


def decide(record: EventRecord | None, *, now: float, handling_timeout: float) -> Outcome:
    """The outcome of a claim on an event in this state (``None``: never seen)."""
    if record is None or record.state is EventState.RELEASED:
        return Outcome.CLAIMED
    if record.state is EventState.HANDLED:
        return Outcome.ALREADY_HANDLED
    if record.holder is None or is_dead(record.holder, now=now, handling_timeout=handling_timeout):
        return Outcome.TAKEN_OVER
    return Outcome.IN_FLIGHT


# -- SQLite ------------------------------------------------------------------------------------------

_SCHEMA = """
CREATE TABLE IF NOT EXISTS webhook_log_meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS webhook_event_state (
    event TEXT PRIMARY KEY,
    state TEXT NOT NULL CHECK (state IN ('in flight', 'handled', 'released')),
    claim TEXT,
    host TEXT,
    pid INTEGER,
    process_start TEXT,
    started_at REAL,
    first_seen REAL NOT NULL,
    handled_at REAL,
    attempts INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS webhook_event_key (key TEXT PRIMARY KEY, event TEXT NOT NULL) WITHOUT ROWID
"""
_OLD_TABLE = "webhook_events"  # schema 1: one row per X-Event-ID, written before the handler ran
_RACES = 5  # compare-and-set attempts of one claim before giving up (each lost race is another writer's progress)
# The events the keys point at, with their state, in one read: (key, event, state, ..., claim) per known key.
# The PostgreSQL log reads the same columns (_record reads them on both engines), its keys as one array.
FIND_EVENTS = (
    "SELECT k.key, s.event, s.state, s.host, s.pid, s.process_start, s.started_at, s.first_seen, s.handled_at, "
    "s.attempts, s.claim FROM webhook_event_key AS k JOIN webhook_event_state AS s ON s.event = k.event "
)
_FIND = FIND_EVENTS + "WHERE k.key IN ({})"


def record_of(row: tuple[Any, ...] | None) -> tuple[EventRecord | None, str | None]:
    """A stored row as an :class:`EventRecord`, and the current claim's token."""
    if row is None:
        return None, None
    event, state, host, pid, start, started, first, handled, attempts, token = row
    holder = None if host is None or pid is None or started is None else Holder(host, pid, start or "", started)
    return EventRecord(event, EventState(state), holder, first, handled, attempts), token


class EventLog:
    """The event log in one SQLite file (an :class:`EventStore`), shared by the processes of one host.

    ``handling_timeout``: seconds after which a claim whose holder's liveness cannot be told is
    taken over (:data:`DEFAULT_HANDLING_TIMEOUT`). A file written by an earlier version (a
    ``webhook_events`` table of ids) is migrated on opening: its ids count as handled.

    >>> import tempfile, pathlib
    >>> log = EventLog(pathlib.Path(tempfile.mkdtemp()) / "events.sqlite3")
    >>> claim = log.claim("ev-1")
    >>> claim.outcome, log.claim("ev-1").outcome        # a redelivery while the handler runs
    (<Outcome.CLAIMED: 'claimed'>, <Outcome.IN_FLIGHT: 'in flight'>)
    >>> log.done(claim), log.claim("ev-1").outcome      # handled: the next redelivery is a duplicate
    (True, <Outcome.ALREADY_HANDLED: 'already handled'>)
    >>> failed = log.claim("ev-2")
    >>> log.release(failed), log.claim("ev-2").outcome  # its handler raised: the redelivery is handled
    (True, <Outcome.CLAIMED: 'claimed'>)
    >>> log.close()
    """

    def __init__(self, path: str | os.PathLike[str], *, handling_timeout: float = DEFAULT_HANDLING_TIMEOUT) -> None:
        if (
            isinstance(handling_timeout, bool)
            or not isinstance(handling_timeout, int | float)
            or not handling_timeout > 0
        ):
            raise ValueError(f"handling_timeout must be a number of seconds > 0, not {handling_timeout!r}")
        self.path = Path(path)
        self.handling_timeout = float(handling_timeout)
        self._db = _state.connect(self.path, schema=_SCHEMA)
        # One connection per log, used by a threaded server's threads: sqlite3 connections are
        # not safe for concurrent use, and the file lock already orders the processes.
        self._lock = threading.Lock()
        self._pid = os.getpid()
        self._inherited: list[sqlite3.Connection] = []
        try:
            self._unsynced()
            self._upgrade()
        except BaseException:
            self._db.close()
            raise

    def _forked(self) -> None:
        """In a child forked after the log was opened (gunicorn ``--preload``): open a connection of its own.

        SQLite connections must not cross a fork; the inherited one is kept unused, not closed (its
        close could checkpoint or delete the WAL under the parent's feet).
        """
        if self._pid != os.getpid():
            self._inherited.append(self._db)
            self._lock = threading.Lock()  # a thread of the parent may have held it at the fork
            self._db = _state.connect(self.path, schema=_SCHEMA)
            self._unsynced()
            self._pid = os.getpid()

    def _unsynced(self) -> None:
        """Commit without SQLite's flush to disk; :meth:`_flush` flushes where it matters, outside the write lock.

        With ``synchronous=FULL`` SQLite flushes the WAL inside every commit, holding the file's one
        write lock: every receiver process waits for every flush, and the log manages one event per
        flush (a few hundred a second on a busy disk). Here commits are ``NORMAL`` (a process crash
        loses nothing: the OS has what was committed), and ``done`` flushes the WAL file itself after
        its commit, before the 200 is answered, while the other processes go on writing; flushes that
        overlap are done by the filesystem in one go. A claim or a release is not flushed: lost to a
        power cut, it leaves the event unseen or ``in flight`` by a holder that is gone, and either way
        the redelivery handles it, which is what the written one would have led to.
        """
        self._db.execute("PRAGMA synchronous=NORMAL")

    def _flush(self) -> None:
        """Make every commit so far durable: fsync the WAL file (SQLite syncs the database file at checkpoints).

        The file is opened afresh each time: SQLite may have restarted it after a checkpoint (which it
        synced). No lock is held on it by SQLite (WAL locks live in the ``-shm`` file), so opening and
        closing it here releases none. No WAL file means everything was checkpointed, and synced.
        """
        try:
            fd = os.open(f"{self.path}-wal", os.O_RDWR)
        except FileNotFoundError:
            return
        try:
            os.fsync(fd)
        finally:
            os.close(fd)

    # -- schema ---------------------------------------------------------------------------------

    @staticmethod
    def _version(db: sqlite3.Connection) -> tuple[int | None, bool]:
        row = db.execute("SELECT value FROM webhook_log_meta WHERE name = 'schema_version'").fetchone()
        old = db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (_OLD_TABLE,)).fetchone()
        return (None if row is None else int(row[0])), old is not None

    def _upgrade(self) -> None:
        version, old = self._version(self._db)
        if version == SCHEMA_VERSION and not old:
            return
        with _state.transaction(self._db) as db:
            version, old = self._version(db)  # again, under the write lock: another process may have done it
            if version is not None and version > SCHEMA_VERSION:
                raise OSError(
                    f"{self.path}: event log schema {version} was written by a newer prolific-client "
                    f"(this one knows {SCHEMA_VERSION}): upgrade prolific-client to use it"
                )
            if old:
                # Schema 1 wrote an id before its handler ran: what it holds counts as handled. An old
                # receiver still running on this file then fails (its table is gone) and answers 500,
                # so Prolific redelivers to a new one: nothing is lost or handled twice.
                db.execute(
                    "INSERT INTO webhook_event_state (event, state, first_seen, handled_at, attempts) "
                    f"SELECT 'id:' || event_id, 'handled', first_seen, first_seen, 1 FROM {_OLD_TABLE} WHERE true "
                    "ON CONFLICT DO NOTHING"
                )
                db.execute(
                    "INSERT INTO webhook_event_key (key, event) SELECT 'id:' || event_id, 'id:' || event_id "
                    f"FROM {_OLD_TABLE} WHERE true ON CONFLICT DO NOTHING"
                )
                db.execute(f"DROP TABLE {_OLD_TABLE}")
            db.execute(
                "INSERT INTO webhook_log_meta (name, value) VALUES ('schema_version', ?) "
                "ON CONFLICT (name) DO UPDATE SET value = excluded.value",
                (str(SCHEMA_VERSION),),
            )

    @property
    def schema_version(self) -> int:
        """The layout version recorded in the file (:data:`SCHEMA_VERSION` once opened)."""
        with self._lock:
            version, _ = self._version(self._db)
        return -1 if version is None else version

    # -- the interface --------------------------------------------------------------------------

    @staticmethod
    def _find(
        db: sqlite3.Connection, id_key: str | None, digest_key: str | None
    ) -> tuple[str, list[str], EventRecord | None, str | None]:
        """The event the keys name, the keys to add for it, its record and its current claim's token."""
        wanted = [key for key in (id_key, digest_key) if key is not None]
        rows = {row[0]: row[1:] for row in db.execute(_FIND.format(", ".join("?" * len(wanted))), wanted)}
        event, new_keys = resolve(id_key, digest_key, {key: row[0] for key, row in rows.items()})
        found = next((row for row in rows.values() if row[0] == event), None)
        record, token = record_of(found)
        return event, new_keys, record, token

    def claim(self, event_id: str | None, digest: str | None = None) -> Claim:
        """Decide, in one transaction, whether this caller handles the event (see :class:`Outcome`).

        ``event_id``: the ``X-Event-ID`` (``None`` when the delivery has none); ``digest``: the
        event's :attr:`~prolific.webhooks.WebhookEvent.digest`. A granted claim must be followed by
        :meth:`done` (the handler returned) or :meth:`release` (it raised).
        """
        id_key, digest_key = keys(event_id, digest)
        self._forked()
        with self._lock:
            for _ in range(_RACES):
                now = time.time()
                with _state.transaction(self._db) as db:
                    event, new_keys, record, token = self._find(db, id_key, digest_key)
                    outcome = decide(record, now=now, handling_timeout=self.handling_timeout)
                    if new_keys:
                        db.execute(
                            "INSERT INTO webhook_event_key (key, event) VALUES "
                            + ", ".join("(?, ?)" for _ in new_keys)
                            + " ON CONFLICT DO NOTHING",
                            [value for key in new_keys for value in (key, event)],
                        )
                    if not (outcome is Outcome.CLAIMED or outcome is Outcome.TAKEN_OVER):
                        holder = None if record is None else record.holder
                        if outcome is Outcome.IN_FLIGHT and holder and now - holder.started_at > self.handling_timeout:
                            # A live holder is never taken over (that would run the handler twice at once),
                            # so a stuck handler holds its event until its process ends: say so.
                            logger.warning(
                                "webhook event %s has been in flight for %.0f s in %s, which is alive: is its "
                                "handler stuck? It is handled again once that process ends",
                                event, now - holder.started_at, holder,
                            )  # fmt: skip
                        return Claim(outcome, event, holder=holder)
                    holder, mine = me(now), uuid.uuid4().hex
                    taken = (mine, holder.host, holder.pid, holder.process_start, holder.started_at, event)
                    if record is None:
                        cursor = db.execute(
                            "INSERT INTO webhook_event_state (claim, host, pid, process_start, started_at, event, "
                            "state, first_seen, attempts) VALUES (?, ?, ?, ?, ?, ?, 'in flight', ?, 1) "
                            "ON CONFLICT DO NOTHING",
                            (*taken, now),
                        )
                    else:  # compare-and-set on what was read: the state, and the dead holder's token
                        cursor = db.execute(
                            "UPDATE webhook_event_state SET claim = ?, host = ?, pid = ?, process_start = ?, "
                            "started_at = ?, state = 'in flight', attempts = attempts + 1 "
                            "WHERE event = ? AND state = ? AND claim IS ?",
                            (*taken, record.state.value, token),
                        )
                    if cursor.rowcount == 1:
                        previous = record.holder if outcome is Outcome.TAKEN_OVER and record is not None else None
                        if outcome is Outcome.TAKEN_OVER:
                            logger.warning("webhook event %s: taken over from %s, which is gone", event, previous)
                        return Claim(outcome, event, holder=holder, previous=previous, token=mine)
                # Another writer moved the event between the read and the write (not possible under
                # SQLite's write lock; possible under an engine with row locks): read it again.
        raise RuntimeError(f"webhook event {event}: its state changed under {_RACES} claims in a row")

    def _settle(self, claim: Claim, state: EventState, sql: str, params: tuple[object, ...]) -> bool:
        if not claim.granted or claim.token is None:
            raise ValueError(f"only a granted claim can be settled, not one {claim.outcome.value!r}")
        self._forked()
        with self._lock, _state.transaction(self._db) as db:
            settled = db.execute(sql, (*params, claim.event, claim.token)).rowcount == 1
        if settled and state is EventState.HANDLED:
            self._flush()  # "handled" on disk before the 200 that stops Prolific's retries
        if settled:
            return True
        logger.warning(
            "webhook event %s: its claim was taken over while its handler ran (it held the claim longer than "
            "handling_timeout=%g s?): not marked %s here; it may have been handled twice",
            claim.event, self.handling_timeout, state.value,
        )  # fmt: skip
        return False

    def done(self, claim: Claim) -> bool:
        """Mark the claimed event ``handled`` (its handler returned); ``False``: the claim was taken over meanwhile."""
        return self._settle(
            claim,
            EventState.HANDLED,
            "UPDATE webhook_event_state SET state = 'handled', claim = NULL, handled_at = ? "
            "WHERE event = ? AND state = 'in flight' AND claim = ?",
            (time.time(),),
        )

    def release(self, claim: Claim) -> bool:
        """Give the claimed event up (its handler raised): the next delivery handles it. ``False``: taken over."""
        return self._settle(
            claim,
            EventState.RELEASED,
            "UPDATE webhook_event_state SET state = 'released', claim = NULL "
            "WHERE event = ? AND state = 'in flight' AND claim = ?",
            (),
        )

    def state(self, event_id: str | None = None, digest: str | None = None) -> EventRecord | None:
        """What the log holds about the event with this ``X-Event-ID`` or digest (``None``: never seen)."""
        id_key, digest_key = keys(event_id, digest)
        self._forked()
        with self._lock:
            return self._find(self._db, id_key, digest_key)[2]

    def __len__(self) -> int:
        self._forked()
        with self._lock:
            return int(self._db.execute("SELECT COUNT(*) FROM webhook_event_state").fetchone()[0])

    def close(self) -> None:
        """Close the file."""
        with self._lock:
            self._db.close()

    def __enter__(self) -> EventLog:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"EventLog({str(self.path)!r}, handling_timeout={self.handling_timeout:g})"


def handle_once(log: EventStore, event: WebhookEvent, handler: Callable[[WebhookEvent], object]) -> Claim:
    """Run ``handler(event)`` unless the log says it was handled or is being handled; record it once it returned.

    Returns the :class:`Claim`: ``ALREADY_HANDLED`` or ``IN_FLIGHT`` (the handler was not run:
    answer 2xx to the first, and a status that makes Prolific retry, such as 503, to the second),
    or a granted one (the handler ran and returned). If the handler raises, the claim is released
    (the redelivery will be handled) and the exception propagates: answer 5xx.

    >>> import tempfile, pathlib
    >>> from prolific.webhooks import WebhookEvent
    >>> log = EventLog(pathlib.Path(tempfile.mkdtemp()) / "events.sqlite3")
    >>> event, handled = WebhookEvent({"status": "APPROVED"}, event_id="ev-1", timestamp=0), []
    >>> handle_once(log, event, handled.append).outcome
    <Outcome.CLAIMED: 'claimed'>
    >>> handle_once(log, event, handled.append).outcome, len(handled)
    (<Outcome.ALREADY_HANDLED: 'already handled'>, 1)
    >>> log.close()
    """
    claim = log.claim(event.event_id or None, event.digest)
    if not claim.granted:
        return claim
    try:
        handler(event)
    except BaseException:
        log.release(claim)
        raise
    log.done(claim)
    return claim


__all__ = [
    "DEFAULT_HANDLING_TIMEOUT",
    "SCHEMA_VERSION",
    "Claim",
    "EventLog",
    "EventRecord",
    "EventState",
    "EventStore",
    "Outcome",
    "decide",
    "handle_once",
    "keys",
    "resolve",
]
