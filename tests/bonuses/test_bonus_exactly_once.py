"""Issue 29's scenarios, each of which paid participants twice before: against the fake over real HTTP, via the CLI.

Each test asserts on Prolific's side (the fake's record of every pay: who was paid how many times),
never on time. Concurrency is real processes where it matters (two runs at once), the CLI in-process
(``main``) elsewhere.
"""

from __future__ import annotations

import json
import os
import shlex
import socket
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from prolific import BonusAlreadyPaidError, BonusJournalError, BonusPaymentError, BonusRunInProgress
from prolific.bonuses._journal import BonusJournal  # private: the journal's rows and leases have no public reader
from prolific.bonuses._lease import Holder, process_start
from prolific.cli import main
from prolific.testing import FakeRequest, error_response

from .conftest import TOKEN, Account, assert_once

PAY = "pay-bonus-payments"
Run = tuple[int, str, str]


def cli(account: Account, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], *argv: str) -> Run:
    """The command line in this process (``prolific-client ARGV``); the token never in its output."""
    monkeypatch.setenv("PROLIFIC_TOKEN", TOKEN)
    monkeypatch.setenv("PROLIFIC_URL", account.url)
    code = main(list(argv))
    out, err = capsys.readouterr()
    assert TOKEN not in out + err
    return code, out, err


def pay(account: Account, csv: Path, journal: Path, *more: str) -> tuple[str, ...]:
    return ("bonuses", "pay", account.study_id, str(csv), "--journal", str(journal), "--yes", *more)


def process(account: Account, *argv: str) -> subprocess.Popen[str]:
    """``prolific-client ARGV`` in a process of its own."""
    return subprocess.Popen(
        [sys.executable, "-m", "prolific", *argv], env=account.env(), stdout=subprocess.PIPE,
        stderr=subprocess.PIPE, text=True,
    )  # fmt: skip


def printed_command(err: str, flag: str) -> list[str]:
    """The last ``prolific-client … FLAG …`` command printed between backquotes, as words."""
    commands = [c for c in err.split("`") if c.startswith("prolific-client ") and flag in c]
    assert commands, err
    return shlex.split(commands[-1])[1:]  # without the program name: main() takes the arguments


# -- one run per study ---------------------------------------------------------------------------


def test_two_runs_at_once_one_sleeping_on_retry_after(account: Account, tmp_path: Path) -> None:
    """The first run sleeps on a 429 Retry-After (it looks hung); the user starts it again: refused, naming it."""
    csv, journal = account.write(tmp_path, 250), tmp_path / "j.sqlite3"
    waiting, release = threading.Event(), threading.Event()

    def balance(request: FakeRequest) -> object:  # reached once every batch is set up, before any pay
        waiting.set()
        release.wait(timeout=120)
        return account.balance(request)

    account.fake.fail_next(429, retry_after=1, operation="get-workspace-balance")  # then retried: it blocks
    account.fake.route("get-workspace-balance", balance)
    first = process(account, *pay(account, csv, journal))
    try:
        assert waiting.wait(timeout=120), first.communicate(timeout=30)
        second = subprocess.run(
            [sys.executable, "-m", "prolific", *pay(account, csv, journal), "--json"], env=account.env(),
            capture_output=True, text=True, timeout=120,
        )  # fmt: skip
        third = process(account, *pay(account, csv, journal), "--wait")  # this one waits for the first
    finally:
        release.set()
    out, err = first.communicate(timeout=120)
    assert first.returncode == 0, err
    assert second.returncode == 3, second.stderr
    refused = json.loads(second.stdout)
    assert refused["error"]["type"] == "BonusRunInProgress" and refused["holder"]["pid"] == first.pid
    assert f"pid {first.pid} on host {socket.gethostname()}" in second.stderr and "--wait" in second.stderr
    out, err = third.communicate(timeout=120)
    assert third.returncode == 0, err
    assert "skipped batch 1" in err and "skipped batch 2" in err  # it ran after the first: nothing left to pay
    assert_once(account, 250)
    assert TOKEN not in second.stdout + second.stderr + out + err


def test_a_dead_holder_on_this_host_is_taken_over_and_one_on_another_host_never(
    account: Account, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    csv, journal = account.write(tmp_path, 3), tmp_path / "j.sqlite3"
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    dead = Holder(socket.gethostname(), int(gone.stdout), None, "a-run-that-was-killed")
    with BonusJournal(journal) as opened:
        assert opened.acquire(account.study_id, dead) is None
        opened._held.clear()  # private: the killed run never released it
    code, _, err = cli(account, monkeypatch, capsys, *pay(account, csv, journal))
    assert code == 0, err
    with BonusJournal(journal) as opened:
        events = opened.events(account.study_id)
        assert opened.lease(account.study_id) is None  # released at exit
    assert any(e["state"] == "lease taken over" and f"pid {dead.pid}" in str(e["detail"]) for e in events)

    elsewhere = Holder("lab-laptop-7", 4242, 1_700_000_000.0, "a-run-on-another-host")
    with BonusJournal(journal) as opened:
        assert opened.acquire(account.study_id, elsewhere) is None
        opened._held.clear()
    code, _, err = cli(account, monkeypatch, capsys, *pay(account, csv, journal))
    assert code == 3 and "pid 4242 on host lab-laptop-7, started 2023-11-14 22:13:20 UTC" in err
    assert "never presumed stopped" in err
    code, _, err = cli(account, monkeypatch, capsys, *printed_command(err, "--take-over"))  # as printed
    assert code == 0, err
    assert_once(account, 3)


def test_wait_for_lease_polls_with_the_clients_clock(account: Account, tmp_path: Path) -> None:
    journal = tmp_path / "j.sqlite3"
    alive = Holder(socket.gethostname(), os.getpid(), process_start(os.getpid()), "another run of this process")
    holder = BonusJournal(journal)
    assert holder.acquire(account.study_id, alive) is None
    waits: list[float] = []

    def sleep(seconds: float) -> None:
        waits.append(seconds)
        holder.close()  # the other run ends (and gives the lease back) while this one waits

    with account.client() as client:
        with pytest.raises(BonusRunInProgress) as caught:
            client.bonuses.pay(account.study_id, account.csv(3), journal=journal)
        assert caught.value.pid == alive.pid and "wait_for_lease=True" in str(caught.value)
        client.sleep = sleep
        result = client.bonuses.pay(account.study_id, account.csv(3), journal=journal, wait_for_lease=True)
    assert waits == [2.0] and len(result.paid) == 1
    assert_once(account, 3)


# -- another journal, the same people by another id ----------------------------------------------


@pytest.mark.parametrize("how", ["another journal", "another state directory", "deleted", "0-byte"])
def test_another_journal_is_refused_by_the_record_check(
    how: str, account: Account, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    csv, journal = account.write(tmp_path, 250), tmp_path / "j.sqlite3"
    code, _, err = cli(account, monkeypatch, capsys, *pay(account, csv, journal))
    assert code == 0, err
    argv = pay(account, csv, journal)
    if how == "another journal":
        argv = pay(account, csv, tmp_path / "other.sqlite3")
    elif how == "another state directory":  # the default journal, under a fresh $XDG_STATE_HOME
        monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "fresh-state"))
        argv = ("bonuses", "pay", account.study_id, str(csv), "--yes")
    else:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{journal}{suffix}").unlink(missing_ok=True)
        if how == "0-byte":
            journal.write_bytes(b"")
    code, out, err = cli(account, monkeypatch, capsys, *argv, "--json")
    assert code == 1
    error = json.loads(out)["error"]
    assert error["type"] == "BonusAlreadyPaidError"
    assert f"{csv}, line 2: {account.participants[0]} — Prolific shows 1.50 paid, the file asks 1.50" in err
    assert "250 of these payees" in err and "--new-round NAME" in err and "round=" not in err
    assert_once(account, 250)  # nobody paid twice
    assert account.requests("get-submission") == 250  # Prolific showed more than the journal knew: each payee read


def test_a_new_round_pays_the_same_people_again_on_purpose(account: Account, tmp_path: Path) -> None:
    with account.client() as client:
        client.bonuses.pay(account.study_id, account.csv(3), journal=tmp_path / "a.sqlite3")
        with pytest.raises(BonusAlreadyPaidError) as caught:
            client.bonuses.pay(account.study_id, account.csv(3), journal=tmp_path / "b.sqlite3")
        assert [(line, i) for line, i, _, _ in caught.value.payees] == [
            (n + 2, p) for n, p in enumerate(account.participants[:3])
        ]
        again = client.bonuses.pay(account.study_id, account.csv(3), journal=tmp_path / "b.sqlite3", round="2")
        rerun = client.bonuses.pay(account.study_id, account.csv(3), journal=tmp_path / "b.sqlite3", round="2")
    assert len(again.paid) == 1 and len(rerun.skipped) == 1
    assert set(account.times_paid().values()) == {2}  # twice each: said so, once per round


def test_participant_ids_then_submission_ids_of_the_same_people(
    account: Account, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    journal = tmp_path / "j.sqlite3"
    by_participant = account.write(tmp_path, 250)
    by_submission = tmp_path / "by-submission.csv"
    by_submission.write_text(account.csv_of(account.submission_ids(250)), encoding="utf-8")
    code, _, err = cli(account, monkeypatch, capsys, *pay(account, by_participant, journal))
    assert code == 0, err
    code, _, err = cli(account, monkeypatch, capsys, *pay(account, by_submission, journal))
    assert code == 0, err  # the same people: the same batches, found paid in the journal
    assert err.count("already paid (journal)") == 2 and account.requests(PAY) == 2
    code, _, err = cli(account, monkeypatch, capsys, *pay(account, by_submission, tmp_path / "other.sqlite3"))
    assert code == 1 and "BonusAlreadyPaidError" not in err and "already paid a bonus" in err
    setups = [r for r in account.fake.requests if r.operation_id == "create-bonus-payments"]
    assert {line.split(",")[0] for r in setups for line in r.body["csv_bonuses"].split("\n")} == set(
        account.participants[:250]
    )  # the wire text always names the participant
    assert_once(account, 250)


# -- the pay is never resent without evidence ----------------------------------------------------


@pytest.mark.parametrize("status", [503, 429])
def test_an_answer_after_the_pay_applied_is_never_resent_and_settled_from_the_record(
    status: int,
    account: Account,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    csv, journal = account.write(tmp_path, 250), tmp_path / "j.sqlite3"
    account.fake.bonus_settlement_delay = 120  # Prolific pays "in the following minutes"
    account.fake.fail_next(status, retry_after=0, after_apply=True, operation=PAY)  # a gateway, after the payment
    code, out, err = cli(account, monkeypatch, capsys, *pay(account, csv, journal), "--json")
    assert code == 1 and json.loads(out)["error"]["type"] == "BonusOutcomeUnknown"
    assert account.requests(PAY) == 1 and "may still be settling until" in err  # not resent, not paid again
    assert "retry_unknown" not in err and "--retry-unknown" in err  # command-line advice only
    code, _, err = cli(account, monkeypatch, capsys, *printed_command(err, "reconcile"))  # as printed: too early
    assert code == 1 and "does not show it paid yet" in err
    account.fake.advance(120)  # the payment settles in Prolific's record
    code, _, err = cli(account, monkeypatch, capsys, *pay(account, csv, journal))  # a plain rerun
    assert code == 0, err
    assert "settled batch 1" in err and "paid 1 batch" in err  # batch 2 was never sent: paid now
    assert account.requests(PAY) == 2
    assert_once(account, 250)


def test_retry_unknown_on_a_batch_paid_whose_answer_was_lost_reads_the_record_and_refuses(
    account: Account, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    csv, journal = account.write(tmp_path, 200), tmp_path / "j.sqlite3"
    account.fake.bonus_settlement_delay = 300
    account.fake.drop_next(after_apply=True, operation=PAY)
    code, _, err = cli(account, monkeypatch, capsys, *pay(account, csv, journal, "--settlement-window", "0"))
    assert code == 1
    (bulk_id,) = account.pays()
    retry = printed_command(err, "--retry-unknown")
    assert retry[-2:] == ["--retry-unknown", bulk_id]
    account.fake.advance(300)
    code, _, err = cli(account, monkeypatch, capsys, *retry)  # "it was not paid, pay it": the record says it was
    assert code == 0, err
    assert f"settled batch 1 (lines 2-201, 200 bonuses, 300.00, bulk {bulk_id})" in err
    code, _, err = cli(account, monkeypatch, capsys, *retry)  # paid now: nothing in doubt to resend
    assert code == 2 and f"--retry-unknown: {bulk_id} is not a batch of these bonuses whose outcome is unknown" in err
    assert "retry_unknown" not in err
    assert account.requests(PAY) == 1
    assert_once(account, 200)


def test_a_printed_retry_command_resends_once_when_the_record_shows_nothing_after_the_window(
    account: Account, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    csv, journal = account.write(tmp_path, 3), tmp_path / "j.sqlite3"
    account.fake.fail_next(503, operation=PAY)  # refused before applying: nothing paid, nothing in the record
    code, _, err = cli(account, monkeypatch, capsys, *pay(account, csv, journal, "--settlement-window", "0"))
    assert code == 1 and "still does not show it paid" in err
    code, _, err = cli(account, monkeypatch, capsys, *printed_command(err, "--retry-unknown"))
    assert code == 0, err
    assert account.requests(PAY) == 2
    assert_once(account, 3)


def test_settle_by_hand_records_who_and_a_batch_not_paid_is_paid_by_the_next_run(
    account: Account, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    csv, journal = account.write(tmp_path, 3), tmp_path / "j.sqlite3"
    account.fake.fail_next(429, retry_after=0, operation=PAY)
    code, _, err = cli(account, monkeypatch, capsys, *pay(account, csv, journal))
    assert code == 1
    settle = printed_command(err, "--not-paid")
    assert settle[:2] == ["bonuses", "settle"]
    code, _, err = cli(account, monkeypatch, capsys, *settle, "--by", "ana@lab.example")
    assert code == 0 and "recorded as not paid" in err
    with BonusJournal(journal) as opened:
        (event,) = [e for e in opened.events(account.study_id) if e["by"]]
    assert event["by"] == "ana@lab.example" and event["state"] == "set up" and event["at"]
    code, _, err = cli(account, monkeypatch, capsys, *pay(account, csv, journal))
    assert code == 0, err
    assert account.requests(PAY) == 2
    assert_once(account, 3)
    code, _, err = cli(account, monkeypatch, capsys, *settle)  # a paid batch is not settled by hand
    assert code == 2 and "only a batch whose outcome is unknown" in err


# -- caps, balance, journal versions -------------------------------------------------------------


def test_max_total_and_a_balance_that_cannot_be_read(
    account: Account, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    csv, journal = account.write(tmp_path, 3), tmp_path / "j.sqlite3"
    code, _, err = cli(account, monkeypatch, capsys, *pay(account, csv, journal, "--max-total", "6.28"))
    assert code == 1 and "GBP 6.29" in err and "above max_total GBP 6.28" in err and account.pays() == []
    # A token without access to the wallet: Prolific answers 403.
    account.fake.route("get-workspace-balance", lambda request: error_response(403, "Not allowed to see the balance"))
    code, out, err = cli(account, monkeypatch, capsys, *pay(account, csv, journal, "--max-total", "6.29"), "--json")
    assert code == 0, err
    assert "the workspace's balance was NOT checked: the balance of workspace" in err and "403" in err
    data = json.loads(out)
    assert data["balance_checked"] is False and "403" in data["balance_reason"]
    assert_once(account, 3)


def test_a_version_1_journal_is_migrated_and_a_newer_one_refused(account: Account, tmp_path: Path) -> None:
    import sqlite3

    from prolific.bonuses._batches import make_batches
    from prolific.bonuses._files import read_bonuses

    journal = tmp_path / "v1.sqlite3"
    with account.client() as client:  # paid by an older version: its journal, by submission ids
        text = account.csv_of(account.submission_ids(3))
        client.bonuses.pay(account.study_id, text, journal=tmp_path / "lost.sqlite3")
    (batch,) = make_batches(account.study_id, read_bonuses(text))
    db = sqlite3.connect(journal)
    db.executescript(
        "CREATE TABLE bonus_batches (study_id TEXT NOT NULL, fingerprint TEXT NOT NULL, position INTEGER NOT NULL, "
        "csv_bonuses TEXT NOT NULL, state TEXT NOT NULL, bulk_id TEXT, amount TEXT, fees TEXT, vat TEXT, total TEXT, "
        "detail TEXT, created_at TEXT NOT NULL, updated_at TEXT NOT NULL, PRIMARY KEY (study_id, fingerprint));"
        "CREATE TABLE bonus_events (seq INTEGER PRIMARY KEY AUTOINCREMENT, study_id TEXT NOT NULL, fingerprint TEXT "
        "NOT NULL, bulk_id TEXT, state TEXT NOT NULL, detail TEXT, at TEXT NOT NULL);"
    )
    db.execute(
        "INSERT INTO bonus_batches VALUES (?, ?, 1, ?, 'paid', 'bk-old', '4.50', '1.49', '0.30', '6.29', NULL, 't', 't')",
        (account.study_id, batch.fingerprint, batch.csv_bonuses),
    )
    db.commit()
    db.close()
    with account.client() as client, pytest.raises(BonusPaymentError, match="already sent for payment"):
        client.bonuses.pay(account.study_id, account.csv(3), journal=journal)  # the same people, by participant id
    assert account.requests(PAY) == 1
    assert_once(account, 3)
    with BonusJournal(journal) as opened:
        (payee, *_) = opened.payees(account.study_id)
    assert payee.participant_id in account.participants[:3] and payee.submission_id is not None

    newer = tmp_path / "v9.sqlite3"
    db = sqlite3.connect(newer)
    db.executescript("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);")
    db.execute("INSERT INTO meta VALUES ('schema_version', '9')")
    db.commit()
    db.close()
    with pytest.raises(BonusJournalError, match=r"version 9.*this one reads version 2"):
        BonusJournal(newer)


def test_a_file_mixing_both_ids_is_refused_naming_each_row_as_the_file_gave_it(
    account: Account, tmp_path: Path
) -> None:
    people, submissions = account.participants[:2], account.submission_ids(2)
    mixed = f"{people[0]},1.50\n{submissions[1]},1.50\n"  # participant 1 by participant id, participant 2 by submission
    with account.client() as client:
        first = client.bonuses.pay(account.study_id, mixed, journal=tmp_path / "a.sqlite3")
        assert first.plan.batches[0].ids == people  # the wire text names participants
        with pytest.raises(BonusAlreadyPaidError) as caught:
            client.bonuses.pay(account.study_id, mixed, journal=tmp_path / "b.sqlite3")
    assert [(line, i) for line, i, _, _ in caught.value.payees] == [(1, people[0]), (2, submissions[1])]
    assert_once(account, 2)
