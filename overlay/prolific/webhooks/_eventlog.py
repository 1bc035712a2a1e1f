"""``EventLog``: which webhook events were already handled, in the embedded SQLite store, across processes."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path
from types import TracebackType

from .. import _state

_SCHEMA = "CREATE TABLE IF NOT EXISTS webhook_events (event_id TEXT PRIMARY KEY, first_seen REAL NOT NULL)"


class EventLog:
    """The ``X-Event-ID`` of every event handled, so that a redelivered event is handled once.

    Prolific delivers at least once (a delivery whose answer was lost comes again, with the same
    ``X-Event-ID``). ``seen(event_id)`` records the id and says whether it was there already, in
    one ``BEGIN IMMEDIATE`` transaction: of several receivers (processes or threads) sharing the
    file and given the same id at once, exactly one gets ``False``. A handler that failed calls
    :meth:`forget`, so that the redelivery is handled.

    >>> import tempfile, pathlib
    >>> log = EventLog(pathlib.Path(tempfile.mkdtemp()) / "events.sqlite3")
    >>> log.seen("ev-1"), log.seen("ev-1"), log.seen("ev-2")
    (False, True, False)
    >>> log.close()
    """

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        self._db = _state.connect(self.path, schema=_SCHEMA)
        # One connection per log, used by a threaded server's threads: sqlite3 connections are
        # not safe for concurrent use, and the file lock already orders the processes.
        self._lock = threading.Lock()

    def seen(self, event_id: str) -> bool:
        """Record ``event_id``; ``True`` if it was recorded before (by any process using this file)."""
        if not isinstance(event_id, str) or not event_id:
            raise ValueError(f"event_id must be a non-empty string (the X-Event-ID header), not {event_id!r}")
        with self._lock, _state.transaction(self._db) as db:
            cursor = db.execute(
                "INSERT OR IGNORE INTO webhook_events (event_id, first_seen) VALUES (?, ?)", (event_id, time.time())
            )
            return cursor.rowcount == 0

    def forget(self, event_id: str) -> None:
        """Remove ``event_id`` (its handler failed: the redelivery must be handled)."""
        with self._lock, _state.transaction(self._db) as db:
            db.execute("DELETE FROM webhook_events WHERE event_id = ?", (event_id,))

    def __contains__(self, event_id: object) -> bool:
        with self._lock:
            row = self._db.execute("SELECT 1 FROM webhook_events WHERE event_id = ?", (event_id,)).fetchone()
        return row is not None

    def __len__(self) -> int:
        with self._lock:
            return int(self._db.execute("SELECT COUNT(*) FROM webhook_events").fetchone()[0])

    def close(self) -> None:
        """Close the file."""
        with self._lock:
            self._db.close()

    def __enter__(self) -> EventLog:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"EventLog({str(self.path)!r})"
