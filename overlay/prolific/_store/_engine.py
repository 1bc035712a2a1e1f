"""One store interface, two engines: a connection the stores' shared code runs its SQL on, SQLite or PostgreSQL.

The stores (the bonus journal, the study bindings) keep their decisions in one place: which rows to
read, which compare-and-set to run, what to do when it did not move. They run them through an
:class:`Engine`, which hides what differs between the two databases and nothing more:

- placeholders: the stores write ``?``; on PostgreSQL they become ``%s`` (so SQL text holds no ``%``);
- :meth:`Engine.transaction`: SQLite's ``BEGIN IMMEDIATE`` (the one writer lock) or PostgreSQL's READ
  COMMITTED transaction, in which a compare-and-set (``UPDATE … WHERE state = …``) re-checks its WHERE on
  the newest row after waiting for a concurrent writer, and ``SELECT … FOR UPDATE`` (:attr:`Engine.for_update`)
  locks the rows it read until the commit;
- :attr:`Engine.integrity_error`: the driver's unique-key violation (inside a savepoint, on both);
- errors: on PostgreSQL a lost connection inside a call is a :class:`~prolific.StateStoreError` naming the
  host, never the password (:func:`prolific._store._postgres.errors`).

Schemas are per engine (types and identity columns differ), versioned the same way.

>>> import tempfile, pathlib
>>> engine = open_engine(pathlib.Path(tempfile.mkdtemp()) / "s.sqlite3", schema="CREATE TABLE t (k TEXT PRIMARY KEY)")
>>> with engine.transaction() as db:
...     db.execute("INSERT INTO t VALUES (?) ON CONFLICT DO NOTHING", ("a",)).rowcount
1
>>> engine.close()
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from ._url import StateURL, parse_state_url

if TYPE_CHECKING:
    import psycopg


class Cursor(Protocol):
    """What the stores read from a statement (sqlite3's and psycopg's cursors both have it)."""

    @property
    def rowcount(self) -> int: ...

    @property
    def description(self) -> Any: ...

    def fetchone(self) -> Any: ...

    def fetchall(self) -> list[Any]: ...

    def __iter__(self) -> Iterator[Any]: ...


class Engine:
    """A store's connection: :meth:`execute` (autocommit outside a transaction), :meth:`transaction`, :meth:`close`."""

    kind: str
    location: StateURL
    #: Appended to a SELECT whose rows the transaction is about to change ("" where the writer lock covers it).
    for_update: str = ""
    integrity_error: tuple[type[BaseException], ...] = ()

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Cursor:
        """Run one statement (``?`` placeholders)."""
        raise NotImplementedError

    @contextmanager
    def transaction(self) -> Iterator[Engine]:
        """One transaction, committed when the block ends (rolled back on an exception)."""
        raise NotImplementedError
        yield self  # pragma: no cover

    @contextmanager
    def savepoint(self, name: str) -> Iterator[None]:
        """A savepoint inside a transaction: what the block did is undone when it raises (then re-raised)."""
        self.execute(f"SAVEPOINT {name}")
        try:
            yield
        except BaseException:
            self.execute(f"ROLLBACK TO SAVEPOINT {name}")
            self.execute(f"RELEASE SAVEPOINT {name}")
            raise
        self.execute(f"RELEASE SAVEPOINT {name}")

    def close(self) -> None:
        """Close the connection (every change is already committed)."""
        raise NotImplementedError

    @property
    def where(self) -> str:
        """The store as messages name it: the file's path, or the URL without its password."""
        return str(self.location)


class SQLiteEngine(Engine):
    """A SQLite file (:mod:`prolific._state`: WAL, ``synchronous=FULL``, ``BEGIN IMMEDIATE`` transactions)."""

    kind = "sqlite"
    integrity_error = (sqlite3.IntegrityError,)

    def __init__(self, path: Path, *, schema: str = "") -> None:
        from .. import _state

        self.location = StateURL("sqlite", path=path)
        self.path = path
        self.db = _state.connect(path, schema=schema)

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Cursor:
        return self.db.execute(sql, params)

    @contextmanager
    def transaction(self) -> Iterator[Engine]:
        from .. import _state

        with _state.transaction(self.db):
            yield self

    def checkpoint(self) -> bool:
        """Copy the write-ahead log into the main file (see :func:`prolific._state.checkpoint`)."""
        from .. import _state

        return _state.checkpoint(self.db)

    def close(self) -> None:
        self.db.close()


class PostgresEngine(Engine):
    """A PostgreSQL database (:mod:`prolific._store._postgres`): one autocommit session, READ COMMITTED transactions."""

    kind = "postgresql"
    for_update = " FOR UPDATE"

    def __init__(self, url: StateURL, *, purpose: str) -> None:
        from . import _postgres as pg

        self.location = url
        # connect() first: without the [postgres] extra it is the one line naming the extra.
        self.conn: psycopg.Connection[Any] = pg.connect(url, purpose=purpose)
        import psycopg

        self.integrity_error = (psycopg.errors.IntegrityError,)
        self._sql: dict[str, str] = {}

    def _text(self, sql: str) -> str:
        text = self._sql.get(sql)
        if text is None:
            if "%" in sql:
                raise ValueError("store SQL holds no '%': it would be read as a psycopg placeholder")
            text = self._sql[sql] = sql.replace("?", "%s")
        return text

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Cursor:
        from . import _postgres as pg

        with pg.errors(self.location):
            return self.conn.execute(self._text(sql), params)

    @contextmanager
    def transaction(self) -> Iterator[Engine]:
        from . import _postgres as pg

        with pg.errors(self.location), pg.transaction(self.conn):
            yield self

    def ensure_schema(self, component: str, version: int, migrations: dict[int, Sequence[str]]) -> int:
        """The component's tables created or migrated to ``version`` (a newer one refused naming both)."""
        from . import _postgres as pg

        return pg.ensure_schema(self.conn, self.location, component=component, version=version, migrations=migrations)

    def close(self) -> None:
        self.conn.close()


def location_of(location: str | os.PathLike[str] | StateURL, *, origin: str) -> StateURL:
    """A store location as given to a library call: a :class:`StateURL`, a path, or a URL."""
    return location if isinstance(location, StateURL) else parse_state_url(location, origin=origin)


def open_engine(
    location: str | os.PathLike[str] | StateURL, *, schema: str = "", purpose: str = "state", origin: str = "path"
) -> Engine:
    """The engine of ``location``: SQLite (``schema`` applied) or PostgreSQL (the caller ensures its schema)."""
    url = location_of(location, origin=origin)
    if url.kind == "postgresql":
        return PostgresEngine(url, purpose=purpose)
    assert url.path is not None
    return SQLiteEngine(url.path, schema=schema)


__all__ = ["Cursor", "Engine", "PostgresEngine", "SQLiteEngine", "location_of", "open_engine"]
