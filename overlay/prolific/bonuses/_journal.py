"""The bonus journal: what was set up and paid, batch by batch, so that a bonus is never paid twice.

Prolific's pay call is not idempotent and the API offers no way to tell afterwards whether a bulk
bonus was paid: this journal is the only record. Each batch of a study's bonuses is one row,
keyed by the study and a fingerprint of the batch's exact ``csv_bonuses`` text, and moves through

``setting up`` → ``set up`` (bulk id and cost known) → ``pay sent`` → ``paid`` or ``outcome unknown``

Every change is committed (``prolific._state``: WAL, ``synchronous=FULL``) *before* the request it
describes is sent, so a process killed at any point leaves a row saying how far it got: a batch
found in ``pay sent`` was sent and never answered, and is treated as ``outcome unknown``. Every
change is also appended to ``bonus_events`` (the history, for support questions).

>>> import tempfile, pathlib
>>> journal = BonusJournal(pathlib.Path(tempfile.mkdtemp()) / "bonuses.sqlite3")
>>> journal.record("s1", "f1", position=1, csv_bonuses="5e9b9c9b0f9c9a0001b0b1f4,1.50", state=SETTING_UP)
>>> journal.record("s1", "f1", position=1, csv_bonuses="5e9b9c9b0f9c9a0001b0b1f4,1.50", state=SET_UP,
...                bulk_id="b1", cost=("1.50", "0.50", "0.10", "2.10"))
>>> [(e.state, e.bulk_id, e.total) for e in journal.entries("s1").values()]
[('set up', 'b1', '2.10')]
>>> journal.close()
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from .. import _state

SETTING_UP = "setting up"
SET_UP = "set up"
PAY_SENT = "pay sent"
PAID = "paid"
OUTCOME_UNKNOWN = "outcome unknown"
#: Every state a batch can be in, in the order it moves through them.
STATES = (SETTING_UP, SET_UP, PAY_SENT, PAID, OUTCOME_UNKNOWN)
#: States in which the batch's pay request was sent: its ids may have been paid.
SENT_STATES = frozenset({PAY_SENT, PAID, OUTCOME_UNKNOWN})
#: The journal's file name under the CLI's state directory.
DEFAULT_FILE = "bonuses.sqlite3"

SCHEMA = """
CREATE TABLE IF NOT EXISTS bonus_batches (
    study_id TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    position INTEGER NOT NULL,
    csv_bonuses TEXT NOT NULL,
    state TEXT NOT NULL,
    bulk_id TEXT,
    amount TEXT,
    fees TEXT,
    vat TEXT,
    total TEXT,
    detail TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (study_id, fingerprint)
);
CREATE TABLE IF NOT EXISTS bonus_events (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    study_id TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    bulk_id TEXT,
    state TEXT NOT NULL,
    detail TEXT,
    at TEXT NOT NULL
)
"""


def default_path() -> Path:
    """The CLI's journal: ``bonuses.sqlite3`` under :func:`prolific._state.default_state_dir`."""
    return _state.default_state_dir() / DEFAULT_FILE


@dataclass(frozen=True)
class JournalEntry:
    """One batch as the journal has it; ``amount``/``fees``/``vat``/``total`` are major-unit text (or None)."""

    study_id: str
    fingerprint: str
    position: int
    csv_bonuses: str
    state: str
    bulk_id: str | None
    amount: str | None
    fees: str | None
    vat: str | None
    total: str | None
    detail: str | None
    updated_at: str

    def ids(self) -> list[str]:
        """The participant or submission ids of the batch."""
        return [line.partition(",")[0] for line in self.csv_bonuses.split("\n") if line]


_COLUMNS = "study_id, fingerprint, position, csv_bonuses, state, bulk_id, amount, fees, vat, total, detail, updated_at"


class BonusJournal:
    """The journal file at ``path`` (created when missing). Close it, or use it as a context manager."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        self._db: sqlite3.Connection = _state.connect(self.path, schema=SCHEMA)

    def __enter__(self) -> BonusJournal:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the connection (every change is already on disk)."""
        self._db.close()

    def __repr__(self) -> str:
        return f"BonusJournal({str(self.path)!r})"

    def entries(self, study_id: str) -> dict[str, JournalEntry]:
        """The study's batches by fingerprint, in file order."""
        rows = self._db.execute(
            f"SELECT {_COLUMNS} FROM bonus_batches WHERE study_id = ? ORDER BY position, created_at", (study_id,)
        ).fetchall()
        return {row[1]: JournalEntry(*row) for row in rows}

    def record(
        self,
        study_id: str,
        fingerprint: str,
        *,
        position: int,
        csv_bonuses: str,
        state: str,
        bulk_id: str | None = None,
        cost: tuple[str | None, str | None, str | None, str | None] | None = None,
        detail: str | None = None,
        expect: frozenset[str] | None = None,
    ) -> str | None:
        """Write the batch's new ``state`` (and bulk id, cost, detail when given), committed on return.

        ``expect``: write only if the batch is in one of these states now (read in the same
        transaction, under the write lock, so two processes cannot both move a batch to
        ``pay sent``). Returns None when written, else the state found (which stays).
        """
        if state not in STATES:
            raise ValueError(f"unknown journal state {state!r}")
        at = datetime.now(UTC).isoformat(timespec="milliseconds")
        amount, fees, vat, total = cost if cost is not None else (None, None, None, None)
        with _state.transaction(self._db) as db:
            if expect is not None:
                found = db.execute(
                    "SELECT state FROM bonus_batches WHERE study_id = ? AND fingerprint = ?", (study_id, fingerprint)
                ).fetchone()
                if found is None or found[0] not in expect:
                    return "not in the journal" if found is None else str(found[0])
            db.execute(
                "INSERT INTO bonus_batches (study_id, fingerprint, position, csv_bonuses, state, bulk_id, amount, "
                "fees, vat, total, detail, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                "ON CONFLICT (study_id, fingerprint) DO UPDATE SET position = excluded.position, "
                "state = excluded.state, bulk_id = COALESCE(excluded.bulk_id, bulk_id), "
                "amount = COALESCE(excluded.amount, amount), fees = COALESCE(excluded.fees, fees), "
                "vat = COALESCE(excluded.vat, vat), total = COALESCE(excluded.total, total), "
                "detail = excluded.detail, updated_at = excluded.updated_at",
                (
                    study_id,
                    fingerprint,
                    position,
                    csv_bonuses,
                    state,
                    bulk_id,
                    amount,
                    fees,
                    vat,
                    total,
                    detail,
                    at,
                    at,
                ),
            )
            current = db.execute(
                "SELECT bulk_id FROM bonus_batches WHERE study_id = ? AND fingerprint = ?", (study_id, fingerprint)
            ).fetchone()
            db.execute(
                "INSERT INTO bonus_events (study_id, fingerprint, bulk_id, state, detail, at) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (study_id, fingerprint, current[0], state, detail, at),
            )
        return None
