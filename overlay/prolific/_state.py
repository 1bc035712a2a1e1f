"""The embedded store: one SQLite file for state that must survive a crash (bonus journal, webhook event log).

Standard library only. Every connection is in WAL mode with ``synchronous=FULL`` (a committed row is
on disk before the call that it describes is sent), waits for a lock held by another process
instead of failing at once, and runs in autocommit mode so that each :func:`transaction` is one
explicit ``BEGIN IMMEDIATE … COMMIT``: what a caller writes inside it is durable when the block
ends, and two processes never interleave inside one.

>>> import tempfile, pathlib
>>> path = pathlib.Path(tempfile.mkdtemp()) / "state.sqlite3"
>>> db = connect(path, schema="CREATE TABLE IF NOT EXISTS notes (k TEXT PRIMARY KEY, v TEXT)")
>>> with transaction(db):
...     _ = db.execute("INSERT INTO notes VALUES ('a', 'b')")
>>> db.execute("SELECT v FROM notes WHERE k = 'a'").fetchone()[0]
'b'
>>> db.close()
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

#: Seconds a connection waits for another process's write lock before ``sqlite3.OperationalError``.
BUSY_TIMEOUT = 30.0
#: The folder under the user's state directory that the CLI keeps its files in.
APP_DIR = "prolific-client"


def default_state_dir() -> Path:
    """Where the CLI keeps state by default: ``$XDG_STATE_HOME/prolific-client`` or ``~/.local/state/prolific-client``.

    The library itself never picks a location: its stores take a path.

    >>> import os
    >>> os.environ["XDG_STATE_HOME"] = "/tmp/state-example"
    >>> str(default_state_dir())
    '/tmp/state-example/prolific-client'
    >>> del os.environ["XDG_STATE_HOME"]
    """
    base = os.environ.get("XDG_STATE_HOME", "").strip()
    root = Path(base) if base and os.path.isabs(base) else Path.home() / ".local" / "state"
    return root / APP_DIR


def connect(path: str | os.PathLike[str], *, schema: str = "") -> sqlite3.Connection:
    """Open (creating the file and its folder when missing) the store at ``path`` and apply ``schema``.

    ``schema`` is SQL run in one transaction (``CREATE TABLE IF NOT EXISTS …``), so that two
    processes opening a new file at once agree on it. A path that cannot be opened raises
    ``OSError`` naming it, not sqlite's bare "unable to open database file".
    """
    target = Path(path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        db = sqlite3.connect(target, timeout=BUSY_TIMEOUT, isolation_level=None, check_same_thread=False)
    except (OSError, sqlite3.Error) as exc:
        raise OSError(f"{target}: cannot open the state file ({exc})") from None
    try:
        _locked_retry(lambda: db.execute("PRAGMA journal_mode=WAL").fetchone())
        db.execute("PRAGMA synchronous=FULL")
        if schema:
            _locked_retry(lambda: db.executescript(f"BEGIN IMMEDIATE; {schema}; COMMIT;"), db)
    except sqlite3.DatabaseError as exc:
        db.close()
        raise OSError(f"{target}: not a prolific-client state file ({exc})") from None
    return db


def _locked_retry(step: Callable[[], object], db: sqlite3.Connection | None = None) -> None:
    """Run ``step``, again while another process holds the lock it needs, for up to :data:`BUSY_TIMEOUT` seconds.

    Switching a new file to WAL needs a moment of exclusive access, and SQLite answers "database is
    locked" at once, without its busy handler, when another process opens the same new file at that
    moment: several processes opening one new state file would then fail. Each retry waits a little
    longer (up to 50 ms); ``db`` is rolled back first when a script stopped inside its transaction.
    """
    deadline = time.monotonic() + BUSY_TIMEOUT
    pause = 0.001
    while True:
        try:
            step()
            return
        except sqlite3.OperationalError as exc:
            if ("locked" not in str(exc) and "busy" not in str(exc)) or time.monotonic() >= deadline:
                raise
            if db is not None and db.in_transaction:
                db.execute("ROLLBACK")
        time.sleep(pause)
        pause = min(pause * 2, 0.05)


def checkpoint(db: sqlite3.Connection) -> bool:
    """Copy the write-ahead log into the main file and empty it (``PRAGMA wal_checkpoint(TRUNCATE)``).

    After it, the main file alone is the whole store (a copy of it is a backup), unless another
    connection is reading or writing at that moment: then the log keeps what it could not copy
    yet, and False is returned (the next checkpoint copies it).
    """
    try:
        busy, _, _ = db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    except sqlite3.OperationalError:  # another connection holds the lock: the next run checkpoints
        return False
    return not busy


@contextmanager
def transaction(db: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """``BEGIN IMMEDIATE`` … ``COMMIT`` (``ROLLBACK`` on an exception): the write lock is taken at the start."""
    db.execute("BEGIN IMMEDIATE")
    try:
        yield db
    except BaseException:
        db.execute("ROLLBACK")
        raise
    db.execute("COMMIT")
