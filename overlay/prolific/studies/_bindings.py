"""Which study a file made, and lists Prolific changes rarely, kept in the state store (SQLite or PostgreSQL).

``study_bindings`` has one row per study file (keyed by its resolved path). Before ``create-study``
is sent, the row is written in state ``creating`` with the marker the new study will carry (see
:mod:`._apply`); once Prolific answered, it moves to ``bound`` with the study's id. Each move is a
compare-and-set on the state (and the marker): two runs at once cannot both create, and a run
that finds ``creating`` knows a create may have been applied and looks for the marker first.
``--study ID`` and ``pull`` bind a file to an existing study directly.

``study_cache`` keeps answers worth reusing across runs (the filters list, a project's workspace,
reward recommendations) with the time they were fetched, so that a message can say how old they are.

The store is a SQLite file (a path) or a PostgreSQL database (a ``postgresql://`` URL, the ``[postgres]``
extra), so that a file applied from CI and from a laptop points at the same study: the same statements on
either engine (:mod:`prolific._store._engine`).

>>> import tempfile, pathlib
>>> store = StudyStore(pathlib.Path(tempfile.mkdtemp()) / "studies.sqlite3")
>>> store.begin_create("/s/wave.yaml", "m1")
>>> store.finish_create("/s/wave.yaml", "m1", "6540aa00000000000000beef")
>>> store.binding("/s/wave.yaml").study_id
'6540aa00000000000000beef'
>>> store.close()
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .. import _state
from .._store._engine import Engine, PostgresEngine, SQLiteEngine, open_engine
from .._store._url import StateURL

#: The store's file name under the CLI's state directory.
DEFAULT_FILE = "studies.sqlite3"
CREATING, BOUND = "creating", "bound"

SCHEMA = """
CREATE TABLE IF NOT EXISTS study_bindings (
    file_key TEXT PRIMARY KEY,
    state TEXT NOT NULL,
    marker TEXT NOT NULL,
    study_id TEXT,
    created_at REAL NOT NULL,
    updated_at REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS study_cache (
    key TEXT PRIMARY KEY,
    fetched_at REAL NOT NULL,
    body TEXT NOT NULL
)
"""
#: The same tables on PostgreSQL, versioned there (``prolific_schema``, component ``study bindings``).
PG_COMPONENT = "study bindings"
SCHEMA_VERSION = 1
_PG_MIGRATIONS: dict[int, Sequence[str]] = {
    1: [
        statement.replace("CREATE TABLE IF NOT EXISTS", "CREATE TABLE").replace(" REAL ", " double precision ")
        for statement in SCHEMA.split(";")
    ]
}


def default_path() -> Path:
    """The CLI's store: ``studies.sqlite3`` under :func:`prolific._state.default_state_dir`."""
    return _state.default_state_dir() / DEFAULT_FILE


def file_key(path: str | os.PathLike[str]) -> str:
    """The key a study file is remembered by: its resolved absolute path."""
    return str(Path(path).resolve())


class BindingConflict(Exception):
    """Another run moved the binding first (the compare-and-set found another state)."""


@dataclass(frozen=True)
class Binding:
    """A study file's row: ``state`` (``creating`` or ``bound``), the ``marker``, the ``study_id`` once known."""

    file_key: str
    state: str
    marker: str
    study_id: str | None
    created_at: float
    updated_at: float


class StudyStore:
    """The store at ``path``: a file (created when missing) or a ``postgresql://`` URL. Close it, or use ``with``."""

    path: Path | StateURL

    def __init__(self, path: str | os.PathLike[str] | StateURL) -> None:
        self._db: Engine = open_engine(path, schema=SCHEMA, purpose="study bindings", origin="state")
        if isinstance(self._db, SQLiteEngine):
            self.path = self._db.path
        else:
            assert isinstance(self._db, PostgresEngine)
            self.path = self._db.location
            try:
                self._db.ensure_schema(PG_COMPONENT, SCHEMA_VERSION, _PG_MIGRATIONS)
            except BaseException:
                self._db.close()
                raise

    def __enter__(self) -> StudyStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the connection (every change is already on disk)."""
        self._db.close()

    def __repr__(self) -> str:
        return f"StudyStore({str(self.path)!r})"

    # -- bindings -----------------------------------------------------------------------------------

    def binding(self, key: str) -> Binding | None:
        """The row of the file ``key`` (see :func:`file_key`), or None."""
        row = self._db.execute(
            "SELECT file_key, state, marker, study_id, created_at, updated_at FROM study_bindings WHERE file_key = ?",
            (key,),
        ).fetchone()
        return Binding(*row) if row is not None else None

    def begin_create(self, key: str, marker: str) -> None:
        """Record, before ``create-study`` is sent, that the file ``key`` is creating a study marked ``marker``.

        Raises :class:`BindingConflict` when the file has a row already (another run's, or a study).
        """
        now = time.time()
        with self._db.transaction():
            inserted = self._db.execute(
                "INSERT INTO study_bindings (file_key, state, marker, study_id, created_at, updated_at) "
                "VALUES (?, ?, ?, NULL, ?, ?) ON CONFLICT (file_key) DO NOTHING",
                (key, CREATING, marker, now, now),
            ).rowcount
        if not inserted:
            raise BindingConflict(key)

    def finish_create(self, key: str, marker: str, study_id: str) -> None:
        """``creating`` (with ``marker``) → ``bound`` to ``study_id``; :class:`BindingConflict` if it moved."""
        self._move(key, study_id, where_state=CREATING, where_marker=marker)

    def abandon_create(self, key: str, marker: str) -> None:
        """Drop a ``creating`` row whose create certainly was not applied (Prolific refused it)."""
        with self._db.transaction():
            self._db.execute(
                "DELETE FROM study_bindings WHERE file_key = ? AND state = ? AND marker = ?", (key, CREATING, marker)
            )

    def bind(self, key: str, study_id: str, *, marker: str = "") -> None:
        """Bind the file ``key`` to ``study_id`` (``--study``, ``pull``), whatever it was bound to before."""
        now = time.time()
        with self._db.transaction():
            self._db.execute(
                "INSERT INTO study_bindings (file_key, state, marker, study_id, created_at, updated_at) "
                "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (file_key) DO UPDATE SET state = excluded.state, "
                "study_id = excluded.study_id, updated_at = excluded.updated_at",
                (key, BOUND, marker, study_id, now, now),
            )

    def _move(self, key: str, study_id: str, *, where_state: str, where_marker: str) -> None:
        with self._db.transaction():
            moved = self._db.execute(
                "UPDATE study_bindings SET state = ?, study_id = ?, updated_at = ? "
                "WHERE file_key = ? AND state = ? AND marker = ?",
                (BOUND, study_id, time.time(), key, where_state, where_marker),
            ).rowcount
        if not moved:
            raise BindingConflict(key)

    # -- the cache ----------------------------------------------------------------------------------

    def cached(self, key: str) -> tuple[float, Any] | None:
        """``(fetched_at, value)`` kept under ``key``, or None."""
        row = self._db.execute("SELECT fetched_at, body FROM study_cache WHERE key = ?", (key,)).fetchone()
        return (row[0], json.loads(row[1])) if row is not None else None

    def cache(self, key: str, value: Any, *, fetched_at: float | None = None) -> None:
        """Keep ``value`` (JSON data) under ``key``, fetched now (or at ``fetched_at``)."""
        with self._db.transaction():
            self._db.execute(
                "INSERT INTO study_cache (key, fetched_at, body) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET "
                "fetched_at = excluded.fetched_at, body = excluded.body",
                (key, time.time() if fetched_at is None else fetched_at, json.dumps(value)),
            )


def pool_key(key: str) -> str:
    """The cache key of the record of the pool made from the file ``key``'s ``credentials_file``."""
    return f"credential-pool:{key}"


def file_digest(path: str | os.PathLike[str]) -> str:
    """The SHA-256 of a file's bytes (a credentials file's pool is made once per exact content)."""
    with open(path, "rb") as handle:
        return hashlib.sha256(handle.read()).hexdigest()


def pool_record(store: StudyStore | None, key: str | None, path: str | None) -> dict[str, Any] | None:
    """The record (``state``, ``pool_id``) of the pool made for the file ``key`` from the CSV at ``path``, or None.

    A record for other content (the CSV was edited since) is not this file's pool.
    """
    if store is None or key is None or path is None:
        return None
    kept = store.cached(pool_key(key))
    if kept is None or kept[1].get("digest") != file_digest(path):
        return None
    record: dict[str, Any] = kept[1]
    return record
