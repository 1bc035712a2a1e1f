"""The bonus journal's lease and concurrent transitions on both engines (SQLite file, PostgreSQL server).

The decisions are one code (``bonuses/_journal.py``); what differs is who tells that a holder is gone:
on SQLite the journal (same host, pid gone), on PostgreSQL the server (the holder's session ended). Each
test says what happened (who holds, what moved), never how long it took.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
from collections.abc import Callable

import postgres_server
import pytest

# private: the journal is tested directly (no public writer exists)
from prolific.bonuses._journal import PAY_SENT, SET_UP, SETTING_UP, BonusJournal, Payee
from prolific.bonuses._lease import this_process

STUDY = "6540aa000000000000000002"
TEXT = "6540bb000000000000000001,1.50\n6540bb000000000000000002,2.00"
Location = Callable[[str], str]


def test_a_second_run_is_refused_naming_the_holder_then_gets_the_lease_once_it_is_released(
    state_location: Location,
) -> None:
    first, second = this_process(), this_process()
    location = state_location("j.sqlite3")
    with BonusJournal(location) as a, BonusJournal(location) as b:
        assert a.acquire(STUDY, first) is None
        blocking = b.acquire(STUDY, second)
        assert blocking is not None
        assert (blocking.holder.host, blocking.holder.pid) == (first.host, first.pid)
        assert b.transition(STUDY, "", "f", expect={SETTING_UP}, to=SET_UP, holder=second).found == "lease lost"
        assert not b.insert_batch(STUDY, "", "f", position=1, csv_bonuses=TEXT, holder=second)
        assert a.release(STUDY, first)
        assert b.acquire(STUDY, second) is None
        assert b.insert_batch(STUDY, "", "f", position=1, csv_bonuses=TEXT, holder=second)
        assert a.acquire(STUDY, first) is not None


def test_take_over_is_the_users_word_on_sqlite_and_the_servers_on_postgresql(state_location: Location) -> None:
    first, second = this_process(), this_process()
    location = state_location("j.sqlite3")
    with BonusJournal(location) as a, BonusJournal(location) as b:
        assert a.acquire(STUDY, first) is None
        taken = b.acquire(STUDY, second, take_over=True)
        if location.startswith("postgresql"):
            # The first run's session is connected: it runs, whatever the user says.
            assert taken is not None and taken.connected and taken.holder.pid == os.getpid()
        else:
            assert taken is None
            assert a.transition(STUDY, "", "f", expect={SETTING_UP}, to=SET_UP, holder=first).found == "lease lost"


_HOLD = """
import sys
from prolific.bonuses._journal import BonusJournal
from prolific.bonuses._lease import this_process
journal = BonusJournal(sys.argv[1])
me = this_process()
assert journal.acquire(sys.argv[2], me) is None
assert journal.insert_batch(sys.argv[2], "", "f", position=1, csv_bonuses="6540bb000000000000000001,1.50", holder=me)
print("held", flush=True)
sys.stdin.read()
"""


def test_a_killed_holder_is_refused_while_alive_and_taken_over_once_dead(state_location: Location) -> None:
    location = state_location("j.sqlite3")
    holder = subprocess.Popen(
        [sys.executable, "-c", _HOLD, location, STUDY], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "held\n"
        me = this_process()
        with BonusJournal(location) as journal:
            blocking = journal.acquire(STUDY, me)
            assert blocking is not None and blocking.holder.pid == holder.pid
            holder.send_signal(signal.SIGKILL)
            holder.wait(30)
            # SQLite: the pid is gone on this host. PostgreSQL: the server ended the killed run's session
            # (it may take a moment to notice the closed socket: the lock is asked for until then).
            for _ in range(500):
                if journal.acquire(STUDY, me) is None:
                    break
                threading.Event().wait(0.01)
            else:
                pytest.fail("the dead holder's lease was never freed")
            events = [e["state"] for e in journal.events(STUDY)]
            assert events[-1] == "lease taken over"
            assert journal.transition(STUDY, "", "f", expect={SETTING_UP}, to=SET_UP, holder=me, bulk_id="b").moved
    finally:
        holder.kill()
        holder.wait(30)


def test_racing_transitions_move_a_batch_once_and_claim_a_payee_once(state_location: Location) -> None:
    """Sixteen threads, each with a journal of its own (PostgreSQL: its own session), move one batch at once."""
    location = state_location("j.sqlite3")
    me = this_process()
    with BonusJournal(location) as journal:
        assert journal.acquire(STUDY, me) is None
        for n in (1, 2):
            assert journal.insert_batch(STUDY, "", f"f{n}", position=n, csv_bonuses=TEXT, holder=me)
            assert journal.transition(STUDY, "", f"f{n}", expect={SETTING_UP}, to=SET_UP, holder=me).moved
        journals = [BonusJournal(location) for _ in range(16)]
        barrier = threading.Barrier(16)
        results: list[bool] = [False] * 16

        def move(i: int) -> None:
            fingerprint = f"f{1 + i % 2}"  # both batches claim p1: only one of them may
            claim = [Payee(STUDY, "", "p1", None, fingerprint, 150, 2, 0)]
            barrier.wait()
            moved = journals[i].transition(STUDY, "", fingerprint, expect={SET_UP}, to=PAY_SENT, holder=me, claim=claim)
            results[i] = moved.moved

        threads = [threading.Thread(target=move, args=(i,)) for i in range(16)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        for opened in journals:
            opened._held.clear()  # private: they share the test's lease, which they must not give back
            opened.close()
        assert results.count(True) == 1
        assert [p.participant_id for p in journal.payees(STUDY)] == ["p1"]
        states = sorted(e.state for e in journal.batches(STUDY, "").values())
        assert states == [PAY_SENT, SET_UP]


def test_on_postgresql_the_tables_are_versioned_and_a_newer_schema_is_refused(postgres_url: str) -> None:
    import psycopg

    from prolific import StateStoreError
    from prolific.bonuses._journal import SCHEMA_VERSION

    BonusJournal(postgres_url).close()  # created on first use
    with psycopg.connect(postgres_url, autocommit=True) as conn:
        row = conn.execute("SELECT version FROM prolific_schema WHERE component = 'bonus journal'").fetchone()
        assert row == (SCHEMA_VERSION,)
        conn.execute("UPDATE prolific_schema SET version = 9 WHERE component = 'bonus journal'")
    with pytest.raises(StateStoreError) as caught:
        BonusJournal(postgres_url)
    message = str(caught.value)
    assert "bonus journal tables are at schema version 9" in message and f"(version {SCHEMA_VERSION})" in message
    assert "nothing was changed" in message
    password = str(psycopg.conninfo.conninfo_to_dict(postgres_url)["password"])
    assert password not in message and password not in repr(caught.value)


def test_a_server_that_refuses_the_password_is_named_by_host_never_by_password(postgres_url: str) -> None:
    from urllib.parse import urlsplit, urlunsplit

    from prolific import StateStoreError

    parts = urlsplit(postgres_url)
    secret = "pw-NOT-THIS-ONE-5c1e"
    wrong = urlunsplit(parts._replace(netloc=f"{parts.username}:{secret}@{parts.hostname}:{parts.port}"))
    with pytest.raises(StateStoreError) as caught:
        BonusJournal(wrong)
    shown = str(caught.value) + repr(caught.value) + str(caught.value.__cause__) + str(caught.value.__context__)
    assert f"{parts.hostname}:{parts.port}" in str(caught.value) and secret not in shown


def test_on_postgresql_a_lease_in_another_database_of_the_server_is_another_lease(
    postgres_url: str, postgres: postgres_server.Server
) -> None:
    # An advisory lock belongs to its database: the same study's lease held in a second database (another
    # lab's state on the same server) neither blocks this one nor is named as its holder.
    elsewhere_url = postgres_server.create_database(postgres)
    first, second, other_lab = this_process(), this_process(), this_process()
    try:
        with BonusJournal(elsewhere_url) as elsewhere, BonusJournal(postgres_url) as a, BonusJournal(postgres_url) as b:
            assert elsewhere.acquire(STUDY, other_lab) is None
            assert a.acquire(STUDY, first) is None  # not blocked by the other database's lease
            for _ in range(5):
                blocking = b.acquire(STUDY, second)
                assert blocking is not None and blocking.holder.token == first.token  # this database's holder
            assert a.release(STUDY, first)
            assert b.acquire(STUDY, second) is None
    finally:
        postgres_server.empty_database(postgres, elsewhere_url)
