"""The event log (issue 29, item 6): claim / done / release / state, holders alive or dead, the two keys, the
schema version and the migration of a file written by the previous version.

The tests that hold for every engine take ``location`` and run against SQLite and PostgreSQL (issue 30)."""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
import os
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import psycopg
import pytest
from receivers import SECRET, body_for, headers_for, wait_for

from prolific.webhooks import (
    Claim,
    EventLog,
    EventState,
    EventStore,
    Holder,
    Outcome,
    WebhookEvent,
    asgi_app,
    handle_once,
    open_event_log,
    verify,
)
from prolific.webhooks._holder import me


def _event(resource: str, event_id: str | None, stamp: int = 1_800_000_000) -> WebhookEvent:
    body = body_for(resource)
    return verify(body, headers_for(body, event_id, stamp=stamp), SECRET, tolerance=None)


def _claim_in_child(location: str, event_id: str, *, wait: bool) -> subprocess.Popen[str]:
    """Another process that claims ``event_id`` and exits without settling it (or, ``wait``: stays until stdin closes)."""
    code = (
        "import sys\n"
        "from prolific.webhooks import open_event_log\n"
        f"claim = open_event_log({location!r}).claim({event_id!r})\n"
        "print(claim.outcome.value, flush=True)\n" + ("sys.stdin.read()\n" if wait else "")
    )
    child = subprocess.Popen([sys.executable, "-c", code], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert child.stdout is not None and child.stdout.readline().strip() == "claimed"
    return child


def _set_holder(location: str, event: str, **columns: object) -> None:
    """Rewrite the holder of an in-flight event, as another host or a process of the past would have left it."""
    if location.startswith("postgresql://"):
        with psycopg.connect(location) as conn:
            assignments = ", ".join(f"{name} = %s" for name in columns)
            conn.execute(f"UPDATE webhook_event_state SET {assignments} WHERE event = %s", (*columns.values(), event))  # type: ignore[arg-type]
        return
    with sqlite3.connect(location) as db:
        assignments = ", ".join(f"{name} = ?" for name in columns)
        db.execute(f"UPDATE webhook_event_state SET {assignments} WHERE event = ?", (*columns.values(), event))


@pytest.fixture(params=["sqlite", "postgres"])
def location(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Where the log of a test that holds for every engine lives: a SQLite file, or a PostgreSQL database."""
    if request.param == "postgres":
        return str(request.getfixturevalue("postgres_url"))
    return str(tmp_path / "events.sqlite3")


def _connection(log: object) -> object:
    """The engine's connection (a fork must not share it)."""
    return getattr(log, "_db", None) or log._conn


# -- the states -------------------------------------------------------------------------------------


def test_an_event_goes_in_flight_then_handled_or_released(location: str) -> None:
    with open_event_log(location) as log:
        assert isinstance(log, EventStore) and log.schema_version in (
            2,
            3,
        )  # SQLite 2; PostgreSQL 3 (2 + its claim function)
        assert log.state("ev-1") is None
        claim = log.claim("ev-1")
        assert claim.granted and claim.outcome is Outcome.CLAIMED and claim.event == "id:ev-1"
        assert claim.holder is not None and claim.holder == me(claim.holder.started_at)
        record = log.state("ev-1")
        assert record is not None and record.state is EventState.IN_FLIGHT and record.holder == claim.holder
        busy = log.claim("ev-1")  # this very process holds it and is alive: in flight
        assert busy.outcome is Outcome.IN_FLIGHT and not busy.granted and busy.holder == claim.holder
        assert log.done(claim)
        record = log.state("ev-1")
        assert record is not None and record.state is EventState.HANDLED and record.handled_at is not None
        assert log.claim("ev-1").outcome is Outcome.ALREADY_HANDLED
        failed = log.claim("ev-2")
        assert log.release(failed)
        record = log.state("ev-2")
        assert record is not None and record.state is EventState.RELEASED
        retried = log.claim("ev-2")
        assert retried.outcome is Outcome.CLAIMED and log.done(retried)
        record = log.state("ev-2")
        assert record is not None and record.attempts == 2 and len(log) == 2


def test_only_a_granted_claim_can_be_settled_and_an_event_needs_a_key(location: str) -> None:
    with open_event_log(location) as log:
        claim = log.claim("ev-1")
        log.done(claim)
        with pytest.raises(ValueError, match="granted"):
            log.done(log.claim("ev-1"))
        with pytest.raises(ValueError, match="granted"):
            log.release(Claim(Outcome.IN_FLIGHT, "id:ev-1"))
        for bad in [("", None), (None, None), (None, ""), (3, None)]:
            with pytest.raises(ValueError):
                log.claim(*bad)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="handling_timeout"):
        open_event_log(location, handling_timeout=0)


def test_threads_of_one_process_claiming_one_event_get_it_once(location: str) -> None:
    with open_event_log(location) as log:
        start = threading.Barrier(8)
        outcomes: list[Outcome] = []

        def claim() -> None:
            start.wait()
            outcomes.append(log.claim("ev-race").outcome)

        threads = [threading.Thread(target=claim) for _ in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert sorted(outcomes) == sorted([Outcome.CLAIMED] + [Outcome.IN_FLIGHT] * 7)


# -- holders -----------------------------------------------------------------------------------------


def test_a_claim_left_by_a_process_that_exited_is_taken_over(location: str, caplog: pytest.LogCaptureFixture) -> None:
    path = location
    open_event_log(path).close()
    child = _claim_in_child(path, "ev-orphan", wait=False)
    child.wait(timeout=60)  # reaped: its pid is gone
    with open_event_log(path) as log, caplog.at_level(logging.WARNING, logger="prolific"):
        claim = log.claim("ev-orphan")
        assert claim.outcome is Outcome.TAKEN_OVER and claim.granted
        assert claim.previous is not None and claim.previous.pid == child.pid
        assert f"pid {child.pid}" in caplog.text and "taken over" in caplog.text
        assert log.done(claim)


def test_a_claim_of_a_zombie_is_taken_over_and_of_a_live_process_is_not(location: str) -> None:
    path = location
    open_event_log(path).close()
    live = _claim_in_child(path, "ev-live", wait=True)
    zombie = _claim_in_child(path, "ev-zombie", wait=False)
    try:
        with open_event_log(path) as log:
            assert log.claim("ev-live").outcome is Outcome.IN_FLIGHT
            # The second child has exited but is not reaped yet (no wait()): a zombie, which handles nothing.
            stat = Path(f"/proc/{zombie.pid}/stat")
            wait_for(lambda: not stat.exists() or b") Z " in stat.read_bytes(), "the child exited")
            assert log.claim("ev-zombie").outcome is Outcome.TAKEN_OVER
            assert live.stdin is not None
            live.stdin.close()
            live.wait(timeout=60)
            assert log.claim("ev-live").outcome is Outcome.TAKEN_OVER  # gone now
    finally:
        zombie.wait(timeout=60)
        if live.poll() is None:
            live.kill()
            live.wait()


def test_a_live_holder_past_the_handling_timeout_keeps_its_claim_and_is_reported(
    location: str, caplog: pytest.LogCaptureFixture
) -> None:
    path = location
    with open_event_log(path, handling_timeout=60) as log:
        first = log.claim("ev-stuck")
        assert first.holder is not None
        _set_holder(path, "id:ev-stuck", started_at=first.holder.started_at - 3_600)
        with caplog.at_level(logging.WARNING, logger="prolific"):
            assert log.claim("ev-stuck").outcome is Outcome.IN_FLIGHT  # this process is alive: never taken over
        assert "in flight for 36" in caplog.text and "stuck" in caplog.text and f"pid {os.getpid()}" in caplog.text
        assert log.done(first)


def test_a_reused_pid_is_not_taken_for_the_holder(location: str) -> None:
    """A holder recorded with this (live) process's pid but another start time is a process of the past."""
    path = location
    with open_event_log(path) as log:
        log.claim("ev-reused")
        _set_holder(path, "id:ev-reused", process_start="another-boot:12345", claim="an-old-token")
        taken = log.claim("ev-reused")
        assert taken.outcome is Outcome.TAKEN_OVER and taken.previous is not None
        assert taken.previous.pid == os.getpid() and taken.previous.process_start == "another-boot:12345"


def test_a_holder_on_another_host_is_taken_over_only_after_the_handling_timeout(location: str) -> None:
    path = location
    with open_event_log(path, handling_timeout=600) as log:
        first = log.claim("ev-remote")
        assert first.holder is not None
        _set_holder(path, "id:ev-remote", host="another-host/pid:[1]", pid=1)
        busy = log.claim("ev-remote")
        assert (
            busy.outcome is Outcome.IN_FLIGHT and busy.holder is not None and busy.holder.host == "another-host/pid:[1]"
        )
        _set_holder(path, "id:ev-remote", started_at=first.holder.started_at - 601)
        taken = log.claim("ev-remote")
        assert taken.outcome is Outcome.TAKEN_OVER
        assert log.done(first) is False  # the first claim was taken over: it cannot mark it any more
        assert log.done(taken) is True
        assert "another-host" in str(busy.holder) and "UTC" in str(busy.holder)


def test_a_log_opened_before_a_fork_works_in_the_child(location: str) -> None:
    """gunicorn --preload opens the app (and its log) in the master, then forks the workers."""
    if "fork" not in multiprocessing.get_all_start_methods():
        pytest.skip("no fork on this platform")
    log = open_event_log(location)
    log.done(log.claim("ev-parent"))
    context = multiprocessing.get_context("fork")
    results = context.Queue()

    inherited = id(_connection(log))  # a SQLite connection must not cross a fork: the child must use one of its own

    def child() -> None:
        outcomes = (log.claim("ev-parent").outcome.value, log.claim("ev-child").outcome.value)
        results.put((*outcomes, id(_connection(log)) != inherited))

    process = context.Process(target=child)
    process.start()
    assert results.get(timeout=60) == ("already handled", "claimed", True)
    process.join(timeout=60)
    assert process.exitcode == 0
    assert log.claim("ev-child").outcome is Outcome.TAKEN_OVER  # the child exited holding it
    log.close()


# -- the two keys ------------------------------------------------------------------------------------


def test_the_signed_content_is_a_second_key(location: str) -> None:
    genuine = _event("sub-1", "ev-1")
    replayed = _event("sub-1", "ev-other")  # the same timestamp and body: the same digest
    stripped = _event("sub-1", None)
    retried = _event("sub-1", "ev-1", stamp=1_800_000_060)  # Prolific's retry: signed anew
    assert genuine.digest == replayed.digest == stripped.digest != retried.digest
    with open_event_log(location) as log:
        assert handle_once(log, genuine, lambda event: None).granted
        for again in (replayed, stripped, retried):
            assert handle_once(log, again, pytest.fail).outcome is Outcome.ALREADY_HANDLED
        # The retry's digest joined the event: a replay of the retry under another id is the same event too.
        replay_of_retry = log.claim("ev-third", retried.digest)
        assert replay_of_retry.outcome is Outcome.ALREADY_HANDLED and replay_of_retry.event == "id:ev-1"
        record = log.state(digest=retried.digest)
        assert record is not None and record.event == "id:ev-1" and record.state is EventState.HANDLED
        # The replayed id was not recorded: it could be a later genuine event's.
        assert log.state("ev-other") is None and log.claim("ev-other").granted


def test_an_event_without_an_id_is_keyed_by_its_digest(location: str) -> None:
    anonymous = _event("sub-2", None)
    with open_event_log(location) as log:
        claim = log.claim(None, anonymous.digest)
        assert claim.granted and claim.event == f"sha256:{anonymous.digest}"
        assert log.claim(None, anonymous.digest).outcome is Outcome.IN_FLIGHT
        log.done(claim)
        assert log.claim("ev-given-later", anonymous.digest).outcome is Outcome.ALREADY_HANDLED


def test_handle_once_releases_when_the_handler_raises(location: str) -> None:
    event = _event("sub-3", "ev-3")

    def broken(event: WebhookEvent) -> None:
        raise RuntimeError("database down")

    with open_event_log(location) as log:
        with pytest.raises(RuntimeError, match="database down"):
            handle_once(log, event, broken)
        record = log.state("ev-3")
        assert record is not None and record.state is EventState.RELEASED
        handled: list[WebhookEvent] = []
        assert handle_once(log, event, handled.append).outcome is Outcome.CLAIMED and handled == [event]


# -- the file ----------------------------------------------------------------------------------------


def _old_log(path: Path, ids: list[str]) -> None:
    """A file as the previous version wrote it."""
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE IF NOT EXISTS webhook_events (event_id TEXT PRIMARY KEY, first_seen REAL NOT NULL)")
        db.executemany("INSERT OR IGNORE INTO webhook_events VALUES (?, 1700000000.0)", [(i,) for i in ids])


def test_a_log_written_by_the_previous_version_is_migrated_its_events_handled(tmp_path: Path) -> None:
    path = tmp_path / "events.sqlite3"
    _old_log(path, ["ev-old-1", "ev-old-2"])
    with EventLog(path) as log:
        assert log.schema_version in (2, 3)  # SQLite 2; PostgreSQL 3 (2 + its claim function)
        assert [log.claim(i).outcome for i in ("ev-old-1", "ev-old-2")] == [Outcome.ALREADY_HANDLED] * 2
        record = log.state("ev-old-1")
        assert record is not None and record.first_seen == 1_700_000_000.0 and record.holder is None
        assert log.claim("ev-new").granted
    with sqlite3.connect(path) as db:
        tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert "webhook_events" not in tables  # an old receiver still running fails (500): Prolific retries here
    _old_log(path, ["ev-old-3"])  # an old receiver started again recreated its table and recorded an id
    with EventLog(path) as log:
        assert log.claim("ev-old-3").outcome is Outcome.ALREADY_HANDLED


def test_a_log_of_a_newer_schema_is_refused_with_what_to_do(tmp_path: Path) -> None:
    path = tmp_path / "events.sqlite3"
    EventLog(path).close()
    with sqlite3.connect(path) as db:
        db.execute("UPDATE webhook_log_meta SET value = '7' WHERE name = 'schema_version'")
    with pytest.raises(OSError) as caught:
        EventLog(path)
    assert str(path) in str(caught.value) and "upgrade prolific-client" in str(caught.value)


# -- ASGI, without a server ---------------------------------------------------------------------------


def _asgi(app: Any, body: bytes, headers: dict[str, str]) -> tuple[int, dict[bytes, bytes], bytes]:
    sent: list[dict[str, Any]] = []
    pairs = [(k.lower().encode(), v.encode()) for k, v in headers.items()]

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": body, "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    asyncio.run(app({"type": "http", "method": "POST", "headers": pairs}, receive, send))
    return sent[0]["status"], dict(sent[0]["headers"]), sent[1]["body"]


def test_asgi_answers_503_while_another_handles_and_500_then_200_around_a_failure(location: str) -> None:
    calls: list[str | None] = []

    async def flaky(event: WebhookEvent) -> None:
        calls.append(event.event_id)
        if len(calls) == 1:
            raise RuntimeError("database down")

    log = open_event_log(location)
    app = asgi_app(flaky, secret=SECRET, event_log=log, tolerance=None)
    body = body_for("sub-asgi")
    holder = log.claim("ev-asgi-busy")  # being handled by this (live) process elsewhere
    status, headers, text = _asgi(app, body, headers_for(body, "ev-asgi-busy"))
    assert (status, headers[b"retry-after"], text) == (503, b"30", b"in flight\n") and calls == []
    log.release(holder)
    assert _asgi(app, body, headers_for(body, "ev-asgi-busy"))[0] == 500  # the handler raised: released
    assert _asgi(app, body, headers_for(body, "ev-asgi-busy", stamp=1_800_000_001))[::2] == (200, b"ok\n")
    assert _asgi(app, body, headers_for(body, "ev-asgi-busy", stamp=1_800_000_002))[::2] == (200, b"duplicate\n")
    assert calls == ["ev-asgi-busy", "ev-asgi-busy"]
    log.close()


def test_holder_and_claim_show_no_secret(location: str) -> None:
    with open_event_log(location) as log:
        claim = log.claim(None, _event("sub-4", None).digest)
        texts = [repr(log), repr(claim), str(claim.holder), repr(log.state(None, _event("sub-4", None).digest))]
    assert all(SECRET not in text for text in texts)
    assert isinstance(claim.holder, Holder)


def test_handled_is_flushed_to_disk_before_done_returns_and_nothing_else_waits_for_the_disk(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``done`` fsyncs the WAL (the 200 that follows stops Prolific's retries); a claim or a release does not."""
    flushed: list[str] = []
    real = os.fsync

    def fsync(fd: int) -> None:
        flushed.append(os.readlink(f"/proc/self/fd/{fd}") if os.path.exists("/proc/self/fd") else str(fd))
        real(fd)

    with EventLog(tmp_path / "events.sqlite3") as log:
        monkeypatch.setattr(os, "fsync", fsync)
        first = log.claim("ev-1")
        log.release(first)
        assert flushed == []
        log.done(log.claim("ev-1"))
        assert len(flushed) == 1 and flushed[0].endswith("events.sqlite3-wal")
        assert log._db.execute("PRAGMA synchronous").fetchone()[0] == 1  # NORMAL: SQLite's own flushes are off


def test_a_postgres_log_of_a_newer_schema_is_refused_naming_both_versions(postgres_url: str) -> None:
    open_event_log(postgres_url).close()
    with psycopg.connect(postgres_url) as conn:
        conn.execute("UPDATE prolific_schema SET version = 7 WHERE component = 'webhook event log'")
    with pytest.raises(OSError) as caught:
        open_event_log(postgres_url)
    message = str(caught.value)
    assert "webhook event log tables are at schema version 7" in message and "(version 3)" in message
    assert "upgrade prolific-client" in message and "nothing was changed" in message
    password = psycopg.conninfo.conninfo_to_dict(postgres_url)["password"]
    assert str(password) not in message
