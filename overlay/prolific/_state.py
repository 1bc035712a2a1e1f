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
from collections.abc import Iterator
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
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=FULL")
        if schema:
            db.executescript(f"BEGIN IMMEDIATE; {schema}; COMMIT;")
    except sqlite3.DatabaseError as exc:
        db.close()
        raise OSError(f"{target}: not a prolific-client state file ({exc})") from None
    return db


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
