"""The event log on PostgreSQL: the :class:`~prolific.webhooks.EventStore` that receivers on several hosts share.

The same tables as the SQLite engine (``webhook_event_state``, ``webhook_event_key``) and the same
decisions (:func:`~prolific.webhooks._eventlog.keys`, ``resolve``, ``decide``): only how a claim is made
atomic differs. SQLite has one writer at a time; here a claim takes a transaction-scoped advisory lock
on each of its keys (in a fixed order, so two claims never wait on each other in a cycle), so that two
deliveries of one event, on any host, decide one after the other, while deliveries of other events go on
in parallel. Each key's event is then found by its unique key (``INSERT … ON CONFLICT DO NOTHING``), and
every change of state is still a compare-and-set on the state and claim token read.

One server round trip per delivery in the common cases: :data:`_CLAIM_FUNCTION` (created with the tables)
takes the keys' locks, returns the rows the keys already name, and when they name none claims the event as
new (the name and keys Python's ``resolve`` gave for an unknown event), all in one statement. Python then
decides from the rows with the same ``decide`` as SQLite: a handled or in-flight event needs no write (done);
only a claim of a known event (released, its holder gone) or a new key for it takes the locked transaction.

psycopg is imported only when a log is opened (``postgresql://`` URL, the ``[postgres]`` extra).
"""

from __future__ import annotations

import logging
import os
import threading
import time
import uuid
from types import TracebackType
from typing import TYPE_CHECKING, Any

from .._store import StateURL, parse_state_url
from .._store import _postgres as pg
from ._eventlog import (
    DEFAULT_HANDLING_TIMEOUT,
    FIND_EVENTS,
    Claim,
    EventLog,
    EventRecord,
    EventState,
    Outcome,
    decide,
    keys,
    record_of,
    resolve,
)
from ._holder import me

if TYPE_CHECKING:
    import psycopg

logger = logging.getLogger("prolific")

COMPONENT = "webhook event log"
_CLAIM_FUNCTION = """
CREATE FUNCTION prolific_claim_new_event(
    p_event text, p_key1 text, p_key2 text, p_lock1 bigint, p_lock2 bigint, p_claim text, p_host text,
    p_pid integer, p_process_start text, p_now double precision
) RETURNS TABLE (key text, event text, state text, host text, pid integer, process_start text,
                 started_at double precision, first_seen double precision, handled_at double precision,
                 attempts integer, claim text)
LANGUAGE plpgsql VOLATILE AS $body$
BEGIN
    -- The caller sorted the locks: two claims sharing keys take them in one order, never in a cycle.
    PERFORM pg_advisory_xact_lock(p_lock1);
    IF p_lock2 IS NOT NULL THEN
        PERFORM pg_advisory_xact_lock(p_lock2);
    END IF;
    RETURN QUERY SELECT k.key, s.event, s.state, s.host, s.pid, s.process_start, s.started_at, s.first_seen,
        s.handled_at, s.attempts, s.claim
        FROM webhook_event_key AS k JOIN webhook_event_state AS s ON s.event = k.event
        WHERE k.key IN (p_key1, p_key2);
    IF FOUND THEN
        RETURN;  -- a known event: the caller decides
    END IF;
    -- As on SQLite, a claim does not wait for the disk: only 'handled' must survive a crash (a lost claim
    -- is an event not yet seen; done's flushed commit carries the claim's record with it).
    PERFORM set_config('synchronous_commit', 'off', true);
    INSERT INTO webhook_event_state (event, state, claim, host, pid, process_start, started_at, first_seen, attempts)
        VALUES (p_event, 'in flight', p_claim, p_host, p_pid, p_process_start, p_now, p_now, 1);
    INSERT INTO webhook_event_key (key, event)
        SELECT k, p_event FROM (VALUES (p_key1), (p_key2)) AS v (k) WHERE k IS NOT NULL;
END
$body$
"""
# Versions 1 and 2 are the SQLite engine's layout (there was never a version 1 on PostgreSQL): the same
# number for the same meaning. Version 3 (PostgreSQL only) adds the one-round-trip claim function.
PG_SCHEMA_VERSION = 3
_MIGRATIONS = {
    1: [],
    2: [
        "CREATE TABLE webhook_event_state (event text PRIMARY KEY, "
        "state text NOT NULL CHECK (state IN ('in flight', 'handled', 'released')), claim text, host text, "
        "pid integer, process_start text, started_at double precision, first_seen double precision NOT NULL, "
        "handled_at double precision, attempts integer NOT NULL DEFAULT 0)",
        "CREATE TABLE webhook_event_key (key text PRIMARY KEY, event text NOT NULL)",
    ],
    3: [_CLAIM_FUNCTION],
}
_FIND = FIND_EVENTS + "WHERE k.key = ANY(%s)"


class PostgresEventLog:
    """The event log in a PostgreSQL database (an :class:`~prolific.webhooks.EventStore`), shared by many hosts.

    ``url``: ``postgresql://user:password@host:port/database`` (libpq's URL; the password may also come
    from ``PGPASSWORD`` or ``~/.pgpass``). The tables are created on first use. ``handling_timeout``: as
    for :class:`~prolific.webhooks.EventLog` (a holder on another host is taken for gone only after it).
    """

    def __init__(self, url: str | StateURL, *, handling_timeout: float = DEFAULT_HANDLING_TIMEOUT) -> None:
        if (
            isinstance(handling_timeout, bool)
            or not isinstance(handling_timeout, int | float)
            or not handling_timeout > 0
        ):
            raise ValueError(f"handling_timeout must be a number of seconds > 0, not {handling_timeout!r}")
        self.url = url if isinstance(url, StateURL) else parse_state_url(url, origin="event_log")
        if self.url.kind != "postgresql":
            raise ValueError(f"{self.url}: not a postgresql:// URL (use EventLog for a SQLite file)")
        self.handling_timeout = float(handling_timeout)
        self._lock = threading.Lock()
        self._pid = os.getpid()
        self._conn = self._open()

    def _open(self) -> psycopg.Connection[Any]:
        conn = pg.connect(self.url, purpose="webhook event log")
        try:
            pg.ensure_schema(conn, self.url, component=COMPONENT, version=PG_SCHEMA_VERSION, migrations=_MIGRATIONS)
        except BaseException:
            conn.close()
            raise
        return conn

    def _forked(self) -> None:
        """In a child forked after the log was opened (gunicorn ``--preload``): a connection of its own.

        A connection must not be shared across a fork (both processes would write on one socket); the
        inherited one is left alone, not closed (closing would end the parent's session).
        """
        if self._pid != os.getpid():
            self._lock = threading.Lock()
            self._conn = self._open()
            self._pid = os.getpid()

    @property
    def schema_version(self) -> int:
        """The layout version recorded in the database."""
        self._forked()
        with self._lock, pg.errors(self.url):
            row = self._conn.execute(
                f"SELECT version FROM {pg.SCHEMA_TABLE} WHERE component = %s", (COMPONENT,)
            ).fetchone()
        return -1 if row is None else int(row[0])

    def _find(
        self, id_key: str | None, digest_key: str | None
    ) -> tuple[str, list[str], EventRecord | None, str | None]:
        wanted = [key for key in (id_key, digest_key) if key is not None]
        rows = {row[0]: row[1:] for row in self._conn.execute(_FIND, (wanted,))}
        event, new_keys = resolve(id_key, digest_key, {key: row[0] for key, row in rows.items()})
        found = next((row for row in rows.values() if row[0] == event), None)
        record, token = record_of(found)
        return event, new_keys, record, token

    def claim(self, event_id: str | None, digest: str | None = None) -> Claim:
        """Decide, in one transaction, whether this caller handles the event (:class:`~prolific.webhooks.Outcome`).

        The event's keys are locked for the transaction (``pg_advisory_xact_lock``): claims of one event
        decide one at a time, on every host; a granted claim is followed by ``done`` or ``release``. A new
        event, or one handled or in flight, is decided in one round trip (see the module).
        """
        id_key, digest_key = keys(event_id, digest)
        self._forked()
        lock_keys = sorted(pg.lock_key("webhook:" + key) for key in (id_key, digest_key) if key is not None)
        new_event, all_keys = resolve(id_key, digest_key, {})  # what an unknown event is called, and its keys
        with self._lock, pg.errors(self.url):
            now = time.time()
            holder, mine = me(now), uuid.uuid4().hex
            # Scalars, not arrays: psycopg adapts a list element by element, which costs more than the call.
            key1, key2 = (*all_keys, None)[:2]
            lock1, lock2 = (*lock_keys, None)[:2]
            rows = self._conn.execute(
                "SELECT * FROM prolific_claim_new_event(%s, %s, %s, %s, %s, %s, %s, %s, %s, %s)",
                (new_event, key1, key2, lock1, lock2, mine, holder.host, holder.pid, holder.process_start, now),
            ).fetchall()
            if not rows:  # claimed as a new event, in that one statement
                return Claim(Outcome.CLAIMED, new_event, holder=holder, token=mine)
            found = {row[0]: row[1] for row in rows}
            event, new_keys = resolve(id_key, digest_key, found)
            record, _ = record_of(next(row[1:] for row in rows if row[1] == event))
            outcome = decide(record, now=now, handling_timeout=self.handling_timeout)
            if not new_keys and outcome in (Outcome.ALREADY_HANDLED, Outcome.IN_FLIGHT):
                return self._refused(outcome, event, record, now)  # read under the keys' locks: nothing to write
            with pg.transaction(self._conn):
                for lock in lock_keys:
                    self._conn.execute("SELECT pg_advisory_xact_lock(%s)", (lock,))
                event, new_keys, record, token = self._find(id_key, digest_key)
                outcome = decide(record, now=now, handling_timeout=self.handling_timeout)
                for key in new_keys:
                    pg.insert_if_absent(self._conn, "webhook_event_key", {"key": key, "event": event})
                if not (outcome is Outcome.CLAIMED or outcome is Outcome.TAKEN_OVER):
                    return self._refused(outcome, event, record, now)
                taken = {
                    "claim": mine,
                    "host": holder.host,
                    "pid": holder.pid,
                    "process_start": holder.process_start,
                    "started_at": holder.started_at,
                    "state": EventState.IN_FLIGHT.value,
                }
                if record is None:
                    moved = pg.insert_if_absent(
                        self._conn, "webhook_event_state", {"event": event, **taken, "first_seen": now, "attempts": 1}
                    )
                else:  # compare-and-set on what was read: the state, and the dead holder's token
                    moved = (
                        self._conn.execute(
                            "UPDATE webhook_event_state SET claim = %s, host = %s, pid = %s, process_start = %s, "
                            "started_at = %s, state = %s, attempts = attempts + 1 "
                            "WHERE event = %s AND state = %s AND claim IS NOT DISTINCT FROM %s",
                            (*taken.values(), event, record.state.value, token),
                        ).rowcount
                        == 1
                    )
                if not moved:  # not possible under the keys' locks; never run a handler on a doubt
                    raise RuntimeError(f"webhook event {event}: its state changed under a claim")
        previous = record.holder if outcome is Outcome.TAKEN_OVER and record is not None else None
        if outcome is Outcome.TAKEN_OVER:
            logger.warning("webhook event %s: taken over from %s, which is gone", event, previous)
        return Claim(outcome, event, holder=holder, previous=previous, token=mine)

    def _refused(self, outcome: Outcome, event: str, record: EventRecord | None, now: float) -> Claim:
        holder = None if record is None else record.holder
        if outcome is Outcome.IN_FLIGHT and holder and now - holder.started_at > self.handling_timeout:
            logger.warning(
                "webhook event %s has been in flight for %.0f s in %s, which is alive: is its "
                "handler stuck? It is handled again once that process ends",
                event, now - holder.started_at, holder,
            )  # fmt: skip
        return Claim(outcome, event, holder=holder)

    def _settle(self, claim: Claim, state: EventState, handled_at: float | None) -> bool:
        if not claim.granted or claim.token is None:
            raise ValueError(f"only a granted claim can be settled, not one {claim.outcome.value!r}")
        self._forked()
        with self._lock, pg.errors(self.url):
            # One statement, a compare-and-set on the claim's token, committed (synchronous_commit: on the
            # server's disk) before this returns.
            settled = (
                self._conn.execute(
                    "UPDATE webhook_event_state SET state = %s, claim = NULL, handled_at = COALESCE(%s, handled_at) "
                    "WHERE event = %s AND claim = %s AND state = 'in flight'",
                    (state.value, handled_at, claim.event, claim.token),
                ).rowcount
                == 1
            )
        if settled:
            return True
        logger.warning(
            "webhook event %s: its claim was taken over while its handler ran (it held the claim longer than "
            "handling_timeout=%g s?): not marked %s here; it may have been handled twice",
            claim.event, self.handling_timeout, state.value,
        )  # fmt: skip
        return False

    def done(self, claim: Claim) -> bool:
        """Mark the claimed event ``handled``; ``False``: the claim was taken over meanwhile."""
        return self._settle(claim, EventState.HANDLED, time.time())

    def release(self, claim: Claim) -> bool:
        """Give the claimed event up (its handler raised): the next delivery handles it."""
        return self._settle(claim, EventState.RELEASED, None)

    def state(self, event_id: str | None = None, digest: str | None = None) -> EventRecord | None:
        """What the log holds about the event with this ``X-Event-ID`` or digest (``None``: never seen)."""
        id_key, digest_key = keys(event_id, digest)
        self._forked()
        with self._lock, pg.errors(self.url):
            return self._find(id_key, digest_key)[2]

    def __len__(self) -> int:
        self._forked()
        with self._lock, pg.errors(self.url):
            row = self._conn.execute("SELECT count(*) FROM webhook_event_state").fetchone()
        return int(row[0]) if row else 0

    def close(self) -> None:
        """Close the connection."""
        with self._lock:
            if self._pid == os.getpid():
                self._conn.close()

    def __enter__(self) -> PostgresEventLog:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"PostgresEventLog({str(self.url)!r}, handling_timeout={self.handling_timeout:g})"


def open_event_log(
    location: str | os.PathLike[str] | StateURL, *, handling_timeout: float = DEFAULT_HANDLING_TIMEOUT
) -> EventLog | PostgresEventLog:
    """The event log at ``location``: a path or ``sqlite:`` URL (:class:`~prolific.webhooks.EventLog`), or a
    ``postgresql://`` URL (:class:`PostgresEventLog`, for receivers on several hosts).

    >>> import tempfile, pathlib
    >>> log = open_event_log(pathlib.Path(tempfile.mkdtemp()) / "events.sqlite3")
    >>> type(log).__name__
    'EventLog'
    >>> log.close()
    """
    url = location if isinstance(location, StateURL) else parse_state_url(location, origin="event_log")
    if url.kind == "postgresql":
        return PostgresEventLog(url, handling_timeout=handling_timeout)
    assert url.path is not None
    return EventLog(url.path, handling_timeout=handling_timeout)


__all__ = ["PostgresEventLog", "open_event_log"]
