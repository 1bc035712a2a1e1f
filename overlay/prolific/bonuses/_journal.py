"""The bonus journal: what this client set up and paid, batch by batch and payee by payee, and who holds a study.

Prolific's own record (``get-submission``'s ``bonus_payments``, ``get-study-cost``) is the truth
about what was paid; the journal is this client's memory of what it sent, so that a run that
stops anywhere is resumed without paying twice. A batch of a study's bonuses is one row, keyed by
the study, the round (``""`` unless the user names a new round on purpose) and a fingerprint of
its exact ``csv_bonuses`` text, and moves through

``setting up`` → ``set up`` (bulk id and cost known) → ``pay sent`` → ``paid`` or ``outcome unknown``

(``outcome unknown`` → ``paid`` or back to ``set up`` when Prolific's record or the user settles
it; ``outcome unknown`` → ``pay sent`` when the user resends it). Every transition is a
compare-and-set: it moves a row only from the state the caller expects, in one transaction, and
says whether it moved; a new row is inserted only if absent. Nothing is ever overwritten blindly,
so two runs (or a run and a hand settlement) cannot both move one batch.

When a batch's pay is about to be sent, its payees are claimed in the same transaction: one row
per ``(study, round, participant)``, a unique key, so no batch of this journal can send a second
pay to a participant already claimed in that round. The journal also holds one lease per study
(:meth:`BonusJournal.acquire`): a run takes it before sending anything, and every transition checks
that the run still holds it. Every transition is appended to ``bonus_events`` with who and when.

The methods are the interface a store must offer (lease, insert-if-absent, transition, rows of a
study, settle), and their decisions are written once, here, on an engine
(:mod:`prolific._store._engine`) chosen by the location:

- SQLite (a path or ``sqlite:`` URL; :mod:`prolific._state`: WAL, ``synchronous=FULL``, each change
  committed before the request it describes is sent). :meth:`BonusJournal.close` checkpoints the file,
  so that after a run the main file alone is the whole journal. The lease is a row, taken over by a
  compare-and-set on its token when its holder is certainly gone (same host, pid gone or reused).
- PostgreSQL (a ``postgresql://`` URL, the ``[postgres]`` extra): the same tables in a database
  several machines share. The lease is also a session-level advisory lock held by the run's
  connection (:class:`prolific._store._postgres.AdvisoryLease`): released on exit, and released by
  the server when the run dies or its machine vanishes, so a live holder is never taken over and a
  dead one always is. A transition reads its row ``FOR UPDATE`` and moves it with one
  ``UPDATE … WHERE state = <read>`` whose row count decides, in a READ COMMITTED transaction.

>>> import tempfile, pathlib
>>> from prolific.bonuses._lease import this_process
>>> journal = BonusJournal(pathlib.Path(tempfile.mkdtemp()) / "bonuses.sqlite3")
>>> me = this_process()
>>> journal.acquire("s1", me) is None  # the lease is now this run's
True
>>> journal.insert_batch("s1", "", "f1", position=1, csv_bonuses="5e9b9c9b0f9c9a0001b0b1f4,1.50", holder=me)
True
>>> journal.transition("s1", "", "f1", expect={SETTING_UP}, to=SET_UP, holder=me, bulk_id="b1").moved
True
>>> journal.transition("s1", "", "f1", expect={SETTING_UP}, to=SET_UP, holder=me).found  # not from there
'set up'
>>> [(e.state, e.bulk_id, e.cents) for e in journal.batches("s1", "").values()]
[('set up', 'b1', 150)]
>>> journal.close()
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from .. import _state
from .._errors import BonusJournalError
from .._store._engine import Engine, PostgresEngine, SQLiteEngine, open_engine
from .._store._url import StateURL
from ._lease import Holder, is_gone

if TYPE_CHECKING:
    from .._store._postgres import AdvisoryLease

SETTING_UP = "setting up"
SET_UP = "set up"
PAY_SENT = "pay sent"
PAID = "paid"
OUTCOME_UNKNOWN = "outcome unknown"
#: Every state a batch can be in, in the order it moves through them.
STATES = (SETTING_UP, SET_UP, PAY_SENT, PAID, OUTCOME_UNKNOWN)
#: States in which the batch's pay request was sent: its payees may have been paid.
SENT_STATES = frozenset({PAY_SENT, PAID, OUTCOME_UNKNOWN})
#: States in which the batch's outcome is not known: the pay was sent, no answer says what it did.
DOUBT_STATES = frozenset({PAY_SENT, OUTCOME_UNKNOWN})
#: The journal's file name under the CLI's state directory.
DEFAULT_FILE = "bonuses.sqlite3"
#: The version of the journal's tables this code reads and writes (``meta.schema_version``).
SCHEMA_VERSION = 2

# Version 1 (before 0.x of issue 29) had bonus_batches keyed (study_id, fingerprint), no round, no
# payees, no leases, no meta table: _migrate() turns it into this one in place.
_TABLES = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS bonus_batches (
    study_id TEXT NOT NULL,
    round TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    position INTEGER NOT NULL,
    csv_bonuses TEXT NOT NULL,
    cents INTEGER NOT NULL,
    state TEXT NOT NULL,
    bulk_id TEXT,
    amount TEXT,
    fees TEXT,
    vat TEXT,
    total TEXT,
    detail TEXT,
    sent_at TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (study_id, round, fingerprint)
);
CREATE INDEX IF NOT EXISTS bonus_batches_bulk ON bonus_batches (bulk_id);
CREATE TABLE IF NOT EXISTS bonus_payees (
    study_id TEXT NOT NULL,
    round TEXT NOT NULL,
    participant_id TEXT NOT NULL,
    submission_id TEXT,
    fingerprint TEXT NOT NULL,
    cents INTEGER NOT NULL,
    line INTEGER,
    prior INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (study_id, round, participant_id)
);
CREATE INDEX IF NOT EXISTS bonus_payees_batch ON bonus_payees (study_id, round, fingerprint);
CREATE TABLE IF NOT EXISTS bonus_events (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    study_id TEXT NOT NULL,
    round TEXT NOT NULL DEFAULT '',
    fingerprint TEXT NOT NULL,
    bulk_id TEXT,
    from_state TEXT,
    state TEXT NOT NULL,
    detail TEXT,
    by TEXT,
    host TEXT,
    pid INTEGER,
    at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS bonus_leases (
    study_id TEXT PRIMARY KEY,
    token TEXT NOT NULL,
    host TEXT NOT NULL,
    pid INTEGER NOT NULL,
    process_start REAL,
    started_at TEXT NOT NULL,
    heartbeat_at TEXT NOT NULL
)
"""

#: The same tables on PostgreSQL (its types; ``seq`` an identity column). Version 2, as on SQLite: one
#: number for one meaning (there never was a version 1 on PostgreSQL).
PG_COMPONENT = "bonus journal"
_PG_MIGRATIONS: dict[int, Sequence[str]] = {
    1: [],
    2: [
        statement.replace("INTEGER PRIMARY KEY AUTOINCREMENT", "bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY")
        .replace("process_start REAL", "process_start double precision")
        .replace("CREATE TABLE IF NOT EXISTS", "CREATE TABLE")
        .replace("CREATE INDEX IF NOT EXISTS", "CREATE INDEX")
        for statement in _TABLES.split(";")
        if "meta" not in statement.split("(")[0]
    ],
}


def default_path() -> Path:
    """The CLI's journal: ``bonuses.sqlite3`` under :func:`prolific._state.default_state_dir`."""
    return _state.default_state_dir() / DEFAULT_FILE


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


def csv_cents(csv_bonuses: str) -> int:
    """The sum of a ``csv_bonuses`` text's amounts, in cents: what its participants get.

    >>> csv_cents("5e9b9c9b0f9c9a0001b0b1f4,1.50\\n5e9b9c9b0f9c9a0001b0b1f5,0.25")
    175
    """
    total = sum((Decimal(line.rpartition(",")[2]) for line in csv_bonuses.split("\n") if line), Decimal(0))
    return int(total * 100)


@dataclass(frozen=True)
class JournalEntry:
    """One batch as the journal has it; ``amount``/``fees``/``vat``/``total`` are major-unit text (or None).

    ``cents``: what its participants get (the sum of its amounts); ``sent_at``: when its pay was
    last sent (ISO time, UTC), None if never.
    """

    study_id: str
    round: str
    fingerprint: str
    position: int
    csv_bonuses: str
    cents: int
    state: str
    bulk_id: str | None
    amount: str | None
    fees: str | None
    vat: str | None
    total: str | None
    detail: str | None
    sent_at: str | None
    updated_at: str

    def ids(self) -> list[str]:
        """The ids of the batch's ``csv_bonuses`` (participant ids; a version 1 journal may hold submission ids)."""
        return [line.partition(",")[0] for line in self.csv_bonuses.split("\n") if line]

    def ids_lines(self) -> list[str]:
        """The ``<id>,<amount>`` lines of the batch's ``csv_bonuses``."""
        return [line for line in self.csv_bonuses.split("\n") if line]


_COLUMNS = (
    "study_id, round, fingerprint, position, csv_bonuses, cents, state, bulk_id, amount, fees, vat, total, detail, "
    "sent_at, updated_at"
)


@dataclass(frozen=True)
class Payee:
    """A participant claimed by a batch whose pay was sent: ``cents`` asked, the file ``line``, and ``prior``.

    ``prior``: how many bonuses of exactly ``cents`` Prolific's record showed (or this journal
    knew) on the participant before the pay, so that the record shows this batch's payment when
    it lists more than that. ``submission_id`` is None for a row migrated from a version 1
    journal until a run maps it (``participant_id`` may then be a submission id).
    """

    study_id: str
    round: str
    participant_id: str
    submission_id: str | None
    fingerprint: str
    cents: int
    line: int | None
    prior: int


@dataclass(frozen=True)
class Lease:
    """Who holds a study's lease (the :class:`~prolific.bonuses._lease.Holder`), since when, last seen when.

    ``connected``: the database server sees the holder's session connected now (PostgreSQL), so it
    runs: it is never taken over, and the server frees its lease when it ends or its machine vanishes.
    """

    study_id: str
    holder: Holder
    started_at: str
    heartbeat_at: str
    connected: bool = False


@dataclass(frozen=True)
class Moved:
    """What a transition did: ``moved`` (True: the row is now in the new state), else the state ``found``.

    ``found`` is ``"not in the journal"`` for a missing row and ``"lease lost"`` when another run
    now holds the study; ``clashes``: payees already claimed by another batch (the claim refused).
    """

    moved: bool
    found: str | None = None
    clashes: tuple[Payee, ...] = field(default=())


class _Clash(Exception):
    """A claim refused (payees of another batch): undoes the claim's savepoint."""


class _Moved(Exception):
    """The compare-and-set found the row moved by a concurrent writer: undoes the whole transition."""


class BonusJournal:
    """The journal at ``path`` (created when missing). Close it, or use it as a context manager.

    ``path``: a file (a path or ``sqlite:`` URL), or a ``postgresql://`` URL (:class:`StateURL` too).
    A journal written by a newer prolific-client is refused (:class:`~prolific.BonusJournalError`, or
    :class:`~prolific.StateStoreError` on PostgreSQL, naming both versions); one written by an older
    one is migrated in place, in one transaction.
    """

    path: Path | StateURL

    def __init__(self, path: str | os.PathLike[str] | StateURL) -> None:
        self._engine: Engine = open_engine(path, purpose="bonus journal", origin="journal")
        self._held: dict[str, Holder] = {}
        self._locks: dict[str, AdvisoryLease] = {}
        try:
            if isinstance(self._engine, SQLiteEngine):
                self.path = self._engine.path
                self._prepare(self._engine.db)
            else:
                assert isinstance(self._engine, PostgresEngine)
                self.path = self._engine.location
                self._engine.ensure_schema(PG_COMPONENT, SCHEMA_VERSION, _PG_MIGRATIONS)
        except BaseException:
            self._engine.close()
            raise

    def _prepare(self, connection: sqlite3.Connection) -> None:
        with _state.transaction(connection) as db:
            tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            version = None
            if "meta" in tables:
                row = db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
                version = int(row[0]) if row is not None and str(row[0]).isdigit() else None
            if version is not None and version > SCHEMA_VERSION:
                raise BonusJournalError(
                    f"{self.path}: this journal is version {version}, written by a newer prolific-client; this one "
                    f"reads version {SCHEMA_VERSION}. Upgrade prolific-client (pip install -U prolific-client) to "
                    "use it; nothing was changed",
                    path=str(self.path),
                )
            if version is None and "bonus_batches" in tables:
                _migrate_v1(db)
            for statement in _TABLES.split(";"):
                db.execute(statement)
            db.execute(
                "INSERT INTO meta (key, value) VALUES ('schema_version', ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (str(SCHEMA_VERSION),),
            )

    def __enter__(self) -> BonusJournal:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Release the leases this object holds, checkpoint (the main file is then the whole journal), close."""
        try:
            for study_id, holder in list(self._held.items()):
                self.release(study_id, holder)
            if isinstance(self._engine, SQLiteEngine):
                self._engine.checkpoint()
        finally:
            self._engine.close()

    def __repr__(self) -> str:
        return f"BonusJournal({str(self.path)!r})"

    # -- the lease ---------------------------------------------------------------------------------

    def acquire(self, study_id: str, holder: Holder, *, take_over: bool = False) -> Lease | None:
        """Take the study's lease for ``holder``; None when it holds it now, else the :class:`Lease` in the way.

        A lease whose holder is certainly gone (same host, pid gone or reused) is taken over, as
        is any lease when ``take_over`` (the user's word that the other run is gone). The take-over
        is a compare-and-set on the holder's token, so two runs cannot both take one lease.

        On PostgreSQL the server decides who holds it (the advisory lock): a holder whose session is
        connected is never taken over (``take_over`` included: it runs), one whose session ended is.
        """
        if isinstance(self._engine, PostgresEngine):
            blocking = self._lock(study_id)
            if blocking is not None:
                return blocking
            take_over = True  # the lock is this run's: whoever the row names is gone (the server ended it)
        at = _now()
        with self._engine.transaction() as db:
            current = _lease(db, study_id)
            if current is None:
                db.execute(
                    "INSERT INTO bonus_leases (study_id, token, host, pid, process_start, started_at, heartbeat_at) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (study_id, holder.token, holder.host, holder.pid, holder.started, at, at),
                )
            elif current.holder.token != holder.token:
                if not (take_over or is_gone(current.holder)):
                    return current
                moved = db.execute(
                    "UPDATE bonus_leases SET token = ?, host = ?, pid = ?, process_start = ?, started_at = ?, "
                    "heartbeat_at = ? WHERE study_id = ? AND token = ?",
                    (holder.token, holder.host, holder.pid, holder.started, at, at, study_id, current.holder.token),
                ).rowcount
                if moved != 1:  # cannot happen under the write lock; a store without one would land here
                    return _lease(db, study_id)
                _event(db, study_id, "", "-", None, None, "lease taken over", current.holder.describe(), None, holder)
        self._held[study_id] = holder
        return None

    def _lock(self, study_id: str) -> Lease | None:
        """PostgreSQL: take the study's advisory lock on this session; None, or the lease of the session holding it."""
        from .._store._postgres import AdvisoryLease

        assert isinstance(self._engine, PostgresEngine)
        lock = self._locks.get(study_id)
        if lock is None:
            lock = AdvisoryLease(self._engine.conn, self._engine.location, f"bonus journal: {study_id}")
        other = lock.acquire()
        if other is None:
            self._locks[study_id] = lock
            return None
        row = _lease(self._engine, study_id)
        if row is not None and row.holder.host == other.host and row.holder.pid == other.pid:
            return Lease(study_id, row.holder, row.started_at, row.heartbeat_at, connected=True)
        since = "" if other.acquired_at is None else other.acquired_at.isoformat(timespec="milliseconds")
        host = other.host if other.host is not None else f"(PostgreSQL session {other.backend_pid})"
        return Lease(study_id, Holder(host, other.pid or 0, other.process_started, ""), since, since, connected=True)

    def lease(self, study_id: str) -> Lease | None:
        """Who holds the study's lease now (None: nobody)."""
        return _lease(self._engine, study_id)

    def release(self, study_id: str, holder: Holder) -> bool:
        """Give the lease back (only if ``holder`` still has it); whether it did."""
        self._held.pop(study_id, None)
        try:
            with self._engine.transaction() as db:
                gone = db.execute(
                    "DELETE FROM bonus_leases WHERE study_id = ? AND token = ?", (study_id, holder.token)
                ).rowcount
        finally:
            lock = self._locks.pop(study_id, None)
            if lock is not None:
                lock.release()
        return gone == 1

    # -- batches -----------------------------------------------------------------------------------

    def batches(self, study_id: str, round: str) -> dict[str, JournalEntry]:
        """The study's batches of ``round`` by fingerprint, in file order."""
        rows = self._engine.execute(
            f"SELECT {_COLUMNS} FROM bonus_batches WHERE study_id = ? AND round = ? ORDER BY position, created_at",
            (study_id, round),
        ).fetchall()
        return {row[2]: JournalEntry(*row) for row in rows}

    def entries(self, study_id: str, round: str = "") -> dict[str, JournalEntry]:
        """The study's batches of ``round`` (the default round unless named) by fingerprint: see :meth:`batches`."""
        return self.batches(study_id, round)

    def study_batches(self, study_id: str) -> list[JournalEntry]:
        """Every batch of the study, every round."""
        rows = self._engine.execute(
            f"SELECT {_COLUMNS} FROM bonus_batches WHERE study_id = ? ORDER BY round, position, created_at",
            (study_id,),
        ).fetchall()
        return [JournalEntry(*row) for row in rows]

    def by_bulk_id(self, bulk_id: str) -> JournalEntry | None:
        """The batch set up as bulk bonus ``bulk_id``, if this journal has it."""
        row = self._engine.execute(f"SELECT {_COLUMNS} FROM bonus_batches WHERE bulk_id = ?", (bulk_id,)).fetchone()
        return None if row is None else JournalEntry(*row)

    def insert_batch(
        self,
        study_id: str,
        round: str,
        fingerprint: str,
        *,
        position: int,
        csv_bonuses: str,
        holder: Holder,
    ) -> bool:
        """Insert the batch in ``setting up`` if absent (before its set-up is sent); whether it was inserted."""
        at = _now()
        with self._engine.transaction() as db:
            if not _holds(db, study_id, holder):
                return False
            inserted = db.execute(
                "INSERT INTO bonus_batches (study_id, round, fingerprint, position, csv_bonuses, cents, state, "
                "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                (study_id, round, fingerprint, position, csv_bonuses, csv_cents(csv_bonuses), SETTING_UP, at, at),
            ).rowcount
            if inserted:
                _event(db, study_id, round, fingerprint, None, None, SETTING_UP, None, None, holder)
        return inserted == 1

    def transition(
        self,
        study_id: str,
        round: str,
        fingerprint: str,
        *,
        expect: Collection[str],
        to: str,
        holder: Holder,
        bulk_id: str | None = None,
        cost: tuple[str | None, str | None, str | None, str | None] | None = None,
        detail: str | None = None,
        by: str | None = None,
        claim: Sequence[Payee] = (),
    ) -> Moved:
        """Move the batch to ``to`` if it is in one of ``expect`` now and ``holder`` holds the study: a compare-and-set.

        In one transaction, committed on return: the lease checked, the state compared and moved
        (with the bulk id and cost when given; ``detail`` says why; ``by`` who, for a hand
        settlement), the payees of ``claim`` inserted if absent (refused, nothing moved, when one
        is claimed by another batch of the round: :attr:`Moved.clashes`), the event appended.
        Moving to ``pay sent`` stamps ``sent_at``; moving out of the sent states frees the payees.
        """
        if to not in STATES:
            raise ValueError(f"unknown journal state {to!r}")
        at = _now()
        amount, fees, vat, total = cost if cost is not None else (None, None, None, None)
        clashes: list[Payee] = []
        try:
            with self._engine.transaction() as db:
                return self._transition(
                    db, study_id, round, fingerprint, expect, to, holder, bulk_id, (amount, fees, vat, total),
                    detail, by, claim, clashes, at,
                )  # fmt: skip
        except _Clash:  # nothing of the claim stays
            return Moved(False, self._state_of(study_id, round, fingerprint), tuple(clashes))
        except _Moved:  # a concurrent writer moved the row between the read and the write: nothing was changed
            return Moved(False, self._state_of(study_id, round, fingerprint))

    def _state_of(self, study_id: str, round: str, fingerprint: str) -> str:
        row = self._engine.execute(
            "SELECT state FROM bonus_batches WHERE study_id = ? AND round = ? AND fingerprint = ?",
            (study_id, round, fingerprint),
        ).fetchone()
        return "not in the journal" if row is None else str(row[0])

    def _transition(
        self,
        db: Engine,
        study_id: str,
        round: str,
        fingerprint: str,
        expect: Collection[str],
        to: str,
        holder: Holder,
        bulk_id: str | None,
        cost: tuple[str | None, str | None, str | None, str | None],
        detail: str | None,
        by: str | None,
        claim: Sequence[Payee],
        clashes: list[Payee],
        at: str,
    ) -> Moved:
        amount, fees, vat, total = cost
        if not _holds(db, study_id, holder):
            return Moved(False, "lease lost")
        row = db.execute(
            "SELECT state FROM bonus_batches WHERE study_id = ? AND round = ? AND fingerprint = ?" + db.for_update,
            (study_id, round, fingerprint),
        ).fetchone()
        if row is None or row[0] not in expect:
            return Moved(False, "not in the journal" if row is None else str(row[0]))
        if claim:
            with db.savepoint("claim"):
                clashes.extend(_claim(db, study_id, round, fingerprint, claim))
                if clashes:
                    raise _Clash
        # The compare-and-set: one statement, moving the row only from the state read; its count decides.
        moved = db.execute(
                "UPDATE bonus_batches SET state = ?, bulk_id = COALESCE(?, bulk_id), amount = COALESCE(?, amount), "
                "fees = COALESCE(?, fees), vat = COALESCE(?, vat), total = COALESCE(?, total), detail = ?, "
                "sent_at = CASE WHEN ? THEN ? ELSE sent_at END, updated_at = ? "
                "WHERE study_id = ? AND round = ? AND fingerprint = ? AND state = ?",
                (
                    to, bulk_id, amount, fees, vat, total, detail, to == PAY_SENT, at, at,
                    study_id, round, fingerprint, row[0],
                ),
            ).rowcount  # fmt: skip
        if moved != 1:
            raise _Moved
        if to not in SENT_STATES:
            db.execute(
                "DELETE FROM bonus_payees WHERE study_id = ? AND round = ? AND fingerprint = ?",
                (study_id, round, fingerprint),
            )
        current = db.execute(
            "SELECT bulk_id FROM bonus_batches WHERE study_id = ? AND round = ? AND fingerprint = ?",
            (study_id, round, fingerprint),
        ).fetchone()
        _event(db, study_id, round, fingerprint, current[0], str(row[0]), to, detail, by, holder)
        return Moved(True)

    # -- payees and what this journal knows was paid -----------------------------------------------

    def payees(self, study_id: str, round: str | None = None, fingerprint: str | None = None) -> list[Payee]:
        """The claimed payees of the study (of one round, of one batch when given)."""
        query = (
            "SELECT study_id, round, participant_id, submission_id, fingerprint, cents, line, prior FROM bonus_payees "
            "WHERE study_id = ?"
        )
        parameters: list[object] = [study_id]
        if round is not None:
            query += " AND round = ?"
            parameters.append(round)
        if fingerprint is not None:
            query += " AND fingerprint = ?"
            parameters.append(fingerprint)
        return [Payee(*row) for row in self._engine.execute(query + " ORDER BY line", parameters)]

    def known_cents(self, study_id: str) -> tuple[int, int]:
        """What this journal knows it paid in the study (cents, every round), and what it may have paid (in doubt)."""
        paid = doubt = 0
        for state, cents in self._engine.execute(
            "SELECT state, sum(cents) FROM bonus_batches WHERE study_id = ? GROUP BY state", (study_id,)
        ):
            if state == PAID:
                paid += int(cents)
            elif state in DOUBT_STATES:
                doubt += int(cents)
        return paid, doubt

    def map_payees(self, study_id: str, people: Callable[[str], tuple[str, str] | None]) -> int:
        """Give the rows migrated from a version 1 journal their participant and submission.

        ``people(id)`` gives the (participant, submission) an id of the study names, or None.
        Returns how many rows were mapped; a row whose participant is already claimed in its round
        (the old journal paid one person by both ids) stays as it is.
        """
        mapped = 0
        with self._engine.transaction() as db:
            rows = db.execute(
                "SELECT round, participant_id FROM bonus_payees WHERE study_id = ? AND submission_id IS NULL",
                (study_id,),
            ).fetchall()
            for round, old in rows:
                found = people(old)
                if found is None:
                    continue
                participant, submission = found
                try:
                    with db.savepoint("map"):  # PostgreSQL: a failed statement would abort the whole transaction
                        db.execute(
                            "UPDATE bonus_payees SET participant_id = ?, submission_id = ? "
                            "WHERE study_id = ? AND round = ? AND participant_id = ?",
                            (participant, submission, study_id, round, old),
                        )
                except db.integrity_error:
                    continue
                mapped += 1
        return mapped

    def events(self, study_id: str) -> list[dict[str, object]]:
        """The study's history: every transition with who (``by``, host, pid) and when, oldest first."""
        cursor = self._engine.execute(
            "SELECT seq, round, fingerprint, bulk_id, from_state, state, detail, by, host, pid, at FROM bonus_events "
            "WHERE study_id = ? ORDER BY seq",
            (study_id,),
        )
        names = [column[0] for column in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor]


def _lease(db: Engine, study_id: str) -> Lease | None:
    row = db.execute(
        "SELECT token, host, pid, process_start, started_at, heartbeat_at FROM bonus_leases WHERE study_id = ?",
        (study_id,),
    ).fetchone()
    if row is None:
        return None
    token, host, pid, started, started_at, heartbeat_at = row
    return Lease(study_id, Holder(host, pid, started, token), started_at, heartbeat_at)


def _holds(db: Engine, study_id: str, holder: Holder) -> bool:
    """Whether ``holder`` holds the study's lease (its heartbeat stamped when so)."""
    return (
        db.execute(
            "UPDATE bonus_leases SET heartbeat_at = ? WHERE study_id = ? AND token = ?",
            (_now(), study_id, holder.token),
        ).rowcount
        == 1
    )


#: Payees inserted by one statement (8 values each: well under SQLite's and PostgreSQL's parameter limits).
_CLAIM_CHUNK = 100


def _claim(db: Engine, study_id: str, round: str, fingerprint: str, claim: Iterable[Payee]) -> list[Payee]:
    """Insert the payees if absent; the rows claimed by another batch (the caller undoes the claim then).

    A statement per :data:`_CLAIM_CHUNK` payees (a round trip each on a server), and a read of the
    payees that were already there only when some were.
    """
    clashes: list[Payee] = []
    payees = list(claim)
    for start in range(0, len(payees), _CLAIM_CHUNK):
        chunk = payees[start : start + _CLAIM_CHUNK]
        values: list[object] = []
        for payee in chunk:
            values += (
                study_id, round, payee.participant_id, payee.submission_id, fingerprint, payee.cents, payee.line,
                payee.prior,
            )  # fmt: skip
        inserted = db.execute(
            "INSERT INTO bonus_payees (study_id, round, participant_id, submission_id, fingerprint, cents, line, "
            "prior) VALUES " + ", ".join(["(?, ?, ?, ?, ?, ?, ?, ?)"] * len(chunk)) + " ON CONFLICT DO NOTHING",
            values,
        ).rowcount
        if inserted == len(chunk):
            continue
        people = [payee.participant_id for payee in chunk]
        clashes += (
            Payee(*row)
            for row in db.execute(
                "SELECT study_id, round, participant_id, submission_id, fingerprint, cents, line, prior "
                "FROM bonus_payees WHERE study_id = ? AND round = ? AND fingerprint <> ? AND participant_id IN ("
                + ", ".join(["?"] * len(people))
                + ") ORDER BY line",
                [study_id, round, fingerprint, *people],
            )
        )
    return clashes


def _event(
    db: Engine,
    study_id: str,
    round: str,
    fingerprint: str,
    bulk_id: str | None,
    from_state: str | None,
    state: str,
    detail: str | None,
    by: str | None,
    holder: Holder,
) -> None:
    db.execute(
        "INSERT INTO bonus_events (study_id, round, fingerprint, bulk_id, from_state, state, detail, by, host, pid, "
        "at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (study_id, round, fingerprint, bulk_id, from_state, state, detail, by, holder.host, holder.pid, _now()),
    )


def _migrate_v1(db: sqlite3.Connection) -> None:
    """A version 1 journal (no round, no payees, no meta) to this version, in the caller's transaction.

    Each batch keeps its state and gets the default round and its cents; each batch whose pay was
    sent gets its payee rows, by the id its text named (a participant or a submission id: the next
    run maps them, :meth:`BonusJournal.map_payees`). The events keep their history.
    """
    columns = {row[1] for row in db.execute("PRAGMA table_info(bonus_batches)")}
    if "round" in columns:  # created by this version, meta lost: nothing to migrate
        return
    db.execute("ALTER TABLE bonus_batches RENAME TO bonus_batches_v1")
    for statement in _TABLES.split(";"):
        if "bonus_events" not in statement:
            db.execute(statement)
    old = db.execute(
        "SELECT study_id, fingerprint, position, csv_bonuses, state, bulk_id, amount, fees, vat, total, detail, "
        "created_at, updated_at FROM bonus_batches_v1"
    ).fetchall()
    for row in old:
        study_id, fingerprint, position, text, state, bulk_id = row[:6]
        amount, fees, vat, total, detail, created, updated = row[6:]
        db.execute(
            "INSERT INTO bonus_batches (study_id, round, fingerprint, position, csv_bonuses, cents, state, bulk_id, "
            "amount, fees, vat, total, detail, sent_at, created_at, updated_at) "
            "VALUES (?, '', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                study_id, fingerprint, position, text, csv_cents(text), state, bulk_id, amount, fees, vat, total,
                detail, updated if state in SENT_STATES else None, created, updated,
            ),
        )  # fmt: skip
        if state in SENT_STATES:
            for line in text.split("\n"):
                bonus_id, _, amount_text = line.partition(",")
                if bonus_id:
                    db.execute(
                        "INSERT INTO bonus_payees (study_id, round, participant_id, submission_id, fingerprint, cents, "
                        "line, prior) VALUES (?, '', ?, NULL, ?, ?, NULL, 0) ON CONFLICT DO NOTHING",
                        (study_id, bonus_id, fingerprint, int(Decimal(amount_text) * 100)),
                    )
    db.execute("DROP TABLE bonus_batches_v1")
    event_columns = {row[1] for row in db.execute("PRAGMA table_info(bonus_events)")}
    for name, kind in (
        ("round", "TEXT NOT NULL DEFAULT ''"),
        ("from_state", "TEXT"),
        ("by", "TEXT"),
        ("host", "TEXT"),
        ("pid", "INTEGER"),
    ):
        if event_columns and name not in event_columns:
            db.execute(f"ALTER TABLE bonus_events ADD COLUMN {name} {kind}")
