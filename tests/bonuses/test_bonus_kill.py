"""A process killed between sending a pay and recording its answer: the journal says ``pay sent``, the rerun doubts."""

from __future__ import annotations

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

from .conftest import TOKEN, Account

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
