"""A process killed between sending a pay and recording its answer: the journal says ``pay sent``, the rerun doubts."""

from __future__ import annotations

import multiprocessing
import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from prolific import BonusOutcomeUnknown
from prolific.bonuses._journal import BonusJournal  # private: the journal's stored rows have no public reader
from prolific.testing import FakeRequest

from . import _killed
from .conftest import TOKEN, Account, assert_once, seed

PAY = "pay-bonus-payments"


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_sigkill_while_the_pay_is_in_flight_leaves_pay_sent_and_the_rerun_treats_it_as_unknown(
    account: Account, tmp_path: Path
) -> None:
    arrived, release = threading.Event(), threading.Event()

    def stalled_pay(request: FakeRequest) -> None:
        arrived.set()  # the pay request reached the server: the client is waiting for its answer
        release.wait(timeout=300)  # a safety net only: the test releases it after the kill

    account.fake.route(PAY, stalled_pay)
    csv = account.write(tmp_path, 3)
    journal = tmp_path / "journal.sqlite3"
    env = {**os.environ, "PROLIFIC_TOKEN": TOKEN, "PROLIFIC_URL": account.url}
    command = [sys.executable, "-m", "prolific", "bonuses", "pay", account.study_id, str(csv),
               "--journal", str(journal), "--yes"]  # fmt: skip
    process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        assert arrived.wait(timeout=300), process.communicate(timeout=30)
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=60)
    finally:
        release.set()
        if process.poll() is None:
            process.kill()
    out, err = process.communicate()
    assert process.returncode == -signal.SIGKILL
    assert TOKEN.encode() not in out + err

    with BonusJournal(journal) as opened:
        (entry,) = opened.entries(account.study_id).values()
    assert entry.state == "pay sent" and entry.bulk_id in account.fake.bulk_bonuses

    account.fake.route(PAY, None)
    with account.client() as client, pytest.raises(BonusOutcomeUnknown) as caught:
        client.bonuses.pay(account.study_id, csv, journal=journal)
    assert caught.value.bulk_ids == [entry.bulk_id] and entry.bulk_id in str(caught.value)
    assert sum(1 for r in account.fake.requests if r.operation_id == PAY) == 1  # only the killed run's
    with BonusJournal(journal) as opened:
        (after,) = opened.entries(account.study_id).values()
    assert after.state == "outcome unknown" and "stopped before its answer" in (after.detail or "")


# -- SIGKILL at every request of a run -------------------------------------------------------------


#: Children forked from one fork server that has the CLI imported (a new interpreter per kill point
#: would take a second each to import the client: twenty of them).
FORKS = multiprocessing.get_context("forkserver")
FORKS.set_forkserver_preload([_killed.__name__])


def killed_at(number: int, when: str, argv: list[str], env: dict[str, str]) -> int | None:
    """Run the CLI with ``argv`` in a child that SIGKILLs itself at request ``number``; its exit code.

    ``when="before"``: before the request is sent (it never reaches the server); ``"after"``: once
    its answer has arrived (the server acted on it), before the CLI sees it. ``-SIGKILL`` when it was
    killed there; a child still running after two minutes is killed and the test fails (never a hang).
    """
    child = FORKS.Process(target=_killed.run, args=(number, when, argv, env))
    child.start()
    child.join(timeout=120)
    if child.exitcode is None:
        child.kill()
        child.join()
        pytest.fail(f"the CLI child killed at request {number} ({when}) was still running after 120 s")
    return child.exitcode


#: The requests of a run of 201 bonuses (2 batches): the study, its submissions, its bonus cost, 2 set-ups,
#: the currency, the project, the balance, 2 pays. A test checks the count.
REQUESTS = 10


def test_a_run_of_201_bonuses_makes_the_requests_the_kill_points_cover(account: Account, tmp_path: Path) -> None:
    study = seed(account.fake, account.url, 201)
    before = len(account.fake.requests)
    with study.client() as client:
        client.bonuses.pay(study.study_id, study.csv(201), journal=tmp_path / "j.sqlite3")
    assert len(account.fake.requests) - before == REQUESTS


@pytest.mark.skipif(not hasattr(os, "fork") or not hasattr(signal, "SIGKILL"), reason="needs fork and SIGKILL")
@pytest.mark.parametrize("when", ["before", "after"])
@pytest.mark.parametrize("number", range(1, REQUESTS + 1))
def test_sigkill_at_every_request_then_a_rerun_pays_each_payee_exactly_once(
    number: int, when: str, account: Account, tmp_path: Path
) -> None:
    study = seed(account.fake, account.url, 201)
    csv, journal = study.write(tmp_path, 201), tmp_path / "journal.sqlite3"
    argv = ["bonuses", "pay", study.study_id, str(csv), "--journal", str(journal), "--yes"]
    status = killed_at(number, when, argv, {"PROLIFIC_TOKEN": TOKEN, "PROLIFIC_URL": study.url})
    assert status == -signal.SIGKILL, status
    named: list[str] = []
    with study.client() as client:  # the rerun: takes the dead run's lease over, settles from the record
        try:
            client.bonuses.pay(study.study_id, csv, journal=journal)
        except BonusOutcomeUnknown as unknown:  # a pay sent (in the journal) that never reached Prolific
            named = [str(bulk_id) for bulk_id in unknown.bulk_ids]
            unpaid = set(study.participants[:201]) - set(study.times_paid())
            assert unpaid == {i for batch in unknown.batches for i in batch.ids}  # 0 left unpaid without being named
            assert max(study.times_paid().values(), default=0) <= 1  # 0 paid twice
            client.bonuses.pay(study.study_id, csv, journal=journal, retry_unknown=named, settlement_window=0)
    assert (when, number) in {("before", 9), ("before", 10)} if named else True  # only a pay that never left
    with BonusJournal(journal) as opened:
        assert [e.state for e in opened.entries(study.study_id).values()] == ["paid", "paid"]
    assert_once(study, 201)  # 0 paid twice, 0 left unpaid
