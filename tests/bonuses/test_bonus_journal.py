"""The journal on its own: compare-and-set transitions, the payee key, the lease, the checkpoint, concurrent opens."""

from __future__ import annotations

import multiprocessing
import os
import shutil
import socket
from collections.abc import Callable
from pathlib import Path

import pytest

# private: the journal, its lease and the store are tested directly (no public writer exists)
from prolific._state import connect
from prolific.bonuses._journal import PAID, PAY_SENT, SET_UP, SETTING_UP, BonusJournal, Payee
from prolific.bonuses._lease import Holder, is_gone, process_start, this_process

STUDY = "6540aa000000000000000001"
#: ``state_location`` (tests/conftest.py): the test's journal on SQLite, then on PostgreSQL.
Location = Callable[[str], str]
TEXT = "6540bb000000000000000001,1.50\n6540bb000000000000000002,2.00"


def payees(fingerprint: str, *people: str) -> list[Payee]:
    return [Payee(STUDY, "", p, None, fingerprint, 150, n, 0) for n, p in enumerate(people, 2)]


def set_up(journal: BonusJournal, me: Holder, fingerprint: str = "f1") -> None:
    assert journal.insert_batch(STUDY, "", fingerprint, position=1, csv_bonuses=TEXT, holder=me)
    assert journal.transition(STUDY, "", fingerprint, expect={SETTING_UP}, to=SET_UP, holder=me, bulk_id="b1").moved


def test_every_transition_is_a_compare_and_set_and_a_payee_is_claimed_once(state_location: Location) -> None:
    me = this_process()
    with BonusJournal(state_location("j.sqlite3")) as journal:
        assert journal.acquire(STUDY, me) is None
        set_up(journal, me)
        assert not journal.insert_batch(STUDY, "", "f1", position=1, csv_bonuses=TEXT, holder=me)  # if absent only
        # Two runs read `set up`; the first moves it to `pay sent`: the second's move from `set up` does nothing.
        first = journal.transition(STUDY, "", "f1", expect={SET_UP}, to=PAY_SENT, holder=me, claim=payees("f1", "p1"))
        second = journal.transition(STUDY, "", "f1", expect={SET_UP}, to=PAY_SENT, holder=me)
        assert first.moved and (second.moved, second.found) == (False, PAY_SENT)
        # Another batch of the same round cannot claim p1: refused whole, nothing of it kept.
        set_up(journal, me, "f2")
        clash = journal.transition(
            STUDY, "", "f2", expect={SET_UP}, to=PAY_SENT, holder=me, claim=payees("f2", "p2", "p1")
        )
        assert not clash.moved and [p.participant_id for p in clash.clashes] == ["p1"]
        assert [p.participant_id for p in journal.payees(STUDY)] == ["p1"]
        assert journal.batches(STUDY, "")["f2"].state == SET_UP
        # Another round may pay p1 again: said so on purpose.
        assert journal.insert_batch(STUDY, "2", "f1", position=1, csv_bonuses=TEXT, holder=me)
        moved = journal.transition(
            STUDY, "2", "f1", expect={SETTING_UP}, to=PAY_SENT, holder=me, claim=payees("f1", "p1")
        )
        assert moved.moved and journal.known_cents(STUDY) == (0, 700)
        assert journal.transition(STUDY, "", "f1", expect={PAY_SENT}, to=PAID, holder=me).moved
        assert journal.known_cents(STUDY) == (350, 350)
        history = [(e["from_state"], e["state"], e["host"], e["pid"]) for e in journal.events(STUDY)][:3]
    assert history == [
        (None, SETTING_UP, me.host, me.pid), (SETTING_UP, SET_UP, me.host, me.pid), (SET_UP, PAY_SENT, me.host, me.pid)
    ]  # fmt: skip


def test_a_transition_without_the_lease_moves_nothing(tmp_path: Path) -> None:
    me, other = this_process(), Holder("elsewhere", 1, None, "other-token")
    with BonusJournal(tmp_path / "j.sqlite3") as journal:
        assert journal.acquire(STUDY, me) is None
        set_up(journal, me)
        blocking = journal.acquire(STUDY, other)
        assert blocking is not None and blocking.holder.token == me.token
        assert journal.acquire(STUDY, other, take_over=True) is None  # the user's word
        lost = journal.transition(STUDY, "", "f1", expect={SET_UP}, to=PAY_SENT, holder=me)
        assert (lost.moved, lost.found) == (False, "lease lost")
        assert not journal.insert_batch(STUDY, "", "f9", position=2, csv_bonuses=TEXT, holder=me)
        assert not journal.release(STUDY, me) and journal.lease(STUDY) is not None  # not its lease to give back


def test_a_holder_is_gone_only_on_this_host_with_its_pid_gone_or_reused() -> None:
    me = this_process()
    assert not is_gone(me)
    assert not is_gone(Holder("another-host", 1, None, "t"))  # never presumed dead
    if me.started is not None:  # Linux: a reused pid has another start time
        assert is_gone(Holder(me.host, me.pid, me.started - 3600, "t"))
        assert process_start(os.getpid()) == pytest.approx(me.started, abs=1)
    child = multiprocessing.get_context("fork").Process(target=int)
    child.start()
    child.join()
    assert is_gone(Holder(socket.gethostname(), child.pid or 0, None, "t"))


def test_after_close_the_main_file_alone_is_the_whole_journal(tmp_path: Path) -> None:
    me = this_process()
    path = tmp_path / "j.sqlite3"
    with BonusJournal(path) as journal:
        assert journal.acquire(STUDY, me) is None
        set_up(journal, me)
        assert Path(f"{path}-wal").stat().st_size > 0  # while open, the changes sit in the log
    assert not Path(f"{path}-wal").exists() or Path(f"{path}-wal").stat().st_size == 0
    shutil.copyfile(path, tmp_path / "backup.sqlite3")  # the main file only, as a user backs it up
    with BonusJournal(tmp_path / "backup.sqlite3") as copy:
        assert [(e.state, e.bulk_id) for e in copy.batches(STUDY, "").values()] == [(SET_UP, "b1")]
        assert copy.lease(STUDY) is None  # released at close


def _open_at_once(path: str, start: multiprocessing.synchronize.Event, journal: bool) -> None:
    start.wait(30)
    if journal:
        BonusJournal(path).close()
    else:
        connect(path, schema="CREATE TABLE IF NOT EXISTS t (x INTEGER)").close()


@pytest.mark.parametrize("journal", [False, True], ids=["state file", "journal"])
def test_several_processes_open_one_new_file_at_once(tmp_path: Path, journal: bool) -> None:
    """Once "not a prolific-client state file (database is locked)": the switch to WAL raced."""
    context = multiprocessing.get_context("fork")
    for trial in range(8):
        path = str(tmp_path / f"new-{trial}.sqlite3")
        start = context.Event()
        workers = [context.Process(target=_open_at_once, args=(path, start, journal)) for _ in range(8)]
        for worker in workers:
            worker.start()
        start.set()
        for worker in workers:
            worker.join(60)
        assert [w.exitcode for w in workers] == [0] * 8, trial
        db = connect(path)
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        db.close()
