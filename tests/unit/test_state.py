"""The embedded store: WAL, durable transactions, one writer at a time across processes, clear errors."""

from __future__ import annotations

import multiprocessing
import sqlite3
from pathlib import Path

import pytest

from prolific._state import connect, default_state_dir, transaction  # private: the store is tested directly

SCHEMA = "CREATE TABLE IF NOT EXISTS counter (n INTEGER NOT NULL)"


def test_wal_and_schema(tmp_path: Path) -> None:
    db = connect(tmp_path / "a" / "b.sqlite3", schema=SCHEMA)
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("SELECT count(*) FROM counter").fetchone()[0] == 0
    db.close()


def test_rollback_on_error(tmp_path: Path) -> None:
    db = connect(tmp_path / "s.sqlite3", schema=SCHEMA)
    with pytest.raises(RuntimeError), transaction(db):
        db.execute("INSERT INTO counter VALUES (1)")
        raise RuntimeError("boom")
    assert db.execute("SELECT count(*) FROM counter").fetchone()[0] == 0
    with transaction(db):
        db.execute("INSERT INTO counter VALUES (1)")
    other = sqlite3.connect(tmp_path / "s.sqlite3")  # a second reader sees the committed row
    assert other.execute("SELECT count(*) FROM counter").fetchone()[0] == 1
    other.close()
    db.close()


def _increment(path: str, times: int) -> None:
    db = connect(path, schema=SCHEMA)
    for _ in range(times):
        with transaction(db):
            (n,) = db.execute("SELECT coalesce(max(n), 0) FROM counter").fetchone()
            db.execute("INSERT INTO counter VALUES (?)", (n + 1,))
    db.close()


def test_transactions_serialise_across_processes(tmp_path: Path) -> None:
    path = str(tmp_path / "shared.sqlite3")
    connect(path, schema=SCHEMA).close()
    context = multiprocessing.get_context("spawn")
    workers = [context.Process(target=_increment, args=(path, 25)) for _ in range(3)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(120)
        assert worker.exitcode == 0
    db = connect(path)
    values = [row[0] for row in db.execute("SELECT n FROM counter ORDER BY n")]
    assert values == list(range(1, 76))  # no lost update: each read-then-write was one transaction
    db.close()


def test_not_a_state_file(tmp_path: Path) -> None:
    bad = tmp_path / "junk.sqlite3"
    bad.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(OSError, match=r"junk\.sqlite3: not a prolific-client state file"):
        connect(bad, schema=SCHEMA)


def test_unopenable_path_names_it(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(OSError, match="cannot open the state file"):
        connect(blocker / "inside.sqlite3")


def test_default_state_dir(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path))
    assert default_state_dir() == tmp_path / "prolific-client"
    monkeypatch.setenv("XDG_STATE_HOME", "relative/ignored")  # the XDG spec: relative paths are invalid
    monkeypatch.setenv("HOME", str(tmp_path))
    assert default_state_dir() == tmp_path / ".local" / "state" / "prolific-client"
