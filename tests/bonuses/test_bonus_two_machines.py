"""Issue 30's first scenario: two machines, each with its own state directory, share one PostgreSQL journal.

Two processes (the "machines": separate ``XDG_STATE_HOME`` and working directories, the journal named only
by ``PROLIFIC_STATE_URL``) pay the same study at the same moment, 20 times, each start shifted by a random
offset, against the fake over real HTTP. Asserted on Prolific's side (the fake's record): nobody is paid
twice, everybody once; of each pair, one run paid and the other was refused naming the payer's host and
pid, or (told to wait, or simply later) found every batch paid already.
"""

from __future__ import annotations

import json
import random
import socket
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from .conftest import TOKEN, Account, seed

TRIALS = 20
PEOPLE = 3

_MACHINE = """
import json, os, pathlib, sys, time
from prolific import BonusRunInProgress, Prolific
from prolific._store import STATE_URL_ENV
assert os.environ[STATE_URL_ENV].startswith("postgresql://")
with Prolific(token=os.environ["PROLIFIC_TOKEN"], base_url=os.environ["PROLIFIC_URL"]) as client:
    client.sleep = lambda seconds: time.sleep(0.01)  # the wait's polls, faster than a person's 2 s
    print("ready", flush=True)
    for line in sys.stdin:
        study, csv, offset, wait = json.loads(line)
        time.sleep(offset)
        try:
            result = client.bonuses.pay(study, pathlib.Path(csv), journal=os.environ[STATE_URL_ENV], wait_for_lease=wait)
            print(json.dumps({"paid": len(result.paid), "skipped": len(result.skipped)}), flush=True)
        except BonusRunInProgress as exc:
            print(json.dumps({"refused": [exc.host, exc.pid], "message": str(exc)}), flush=True)
"""


def test_two_machines_pay_one_study_at_once_and_nobody_is_paid_twice(
    account: Account, tmp_path: Path, postgres_url: str
) -> None:
    studies = [seed(account.fake, account.url, PEOPLE) for _ in range(TRIALS)]
    machines = []
    for name in ("lab-laptop", "pi-laptop"):
        home = tmp_path / name
        home.mkdir()
        env = {
            **account.env(),
            "XDG_STATE_HOME": str(home / "state"),
            "HOME": str(home),
            "PROLIFIC_STATE_URL": postgres_url,
        }
        machine = subprocess.Popen(
            [sys.executable, "-c", _MACHINE], cwd=home, env=env, text=True,
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        )  # fmt: skip
        machines.append(machine)
    rng = random.Random(30)
    outcomes: Counter[str] = Counter()
    try:
        for machine in machines:
            assert machine.stdout is not None and machine.stdout.readline() == "ready\n", machine.communicate()
        for trial, study in enumerate(studies):
            csv = tmp_path / f"bonuses-{trial}.csv"
            csv.write_text(study.csv(PEOPLE), encoding="utf-8")
            waits = trial % 4 == 3  # now and then the second machine is told to wait for the first
            for n, machine in enumerate(machines):
                assert machine.stdin is not None
                order = [study.study_id, str(csv), rng.uniform(0, 0.02), 60 if waits and n == 1 else False]
                machine.stdin.write(json.dumps(order) + "\n")
                machine.stdin.flush()
            results = [json.loads(machine.stdout.readline() or "{}") for machine in machines if machine.stdout]
            paid = [r for r in results if r.get("paid")]
            assert len(paid) == 1 and paid[0]["paid"] >= 1, (trial, results)
            payer = machines[results.index(paid[0])]
            other = results[1 - results.index(paid[0])]
            if "refused" in other:
                assert other["refused"] == [socket.gethostname(), payer.pid], other
                assert f"pid {payer.pid} on host {socket.gethostname()}" in other["message"]
                outcomes["refused"] += 1
            else:
                assert other == {"paid": 0, "skipped": paid[0]["paid"]}, (trial, results)
                outcomes["waited or later"] += 1
            # Prolific's record: each participant of the study paid exactly once.
            paid_to = Counter(
                i for payment in account.fake.bonus_payments for i, _ in payment["bonuses"] if i in study.participants
            )
            assert paid_to == Counter({p: 1 for p in study.participants}), (trial, paid_to)
    finally:
        for machine in machines:
            assert machine.stdin is not None and machine.stderr is not None
            machine.stdin.close()
        for machine in machines:
            machine.wait(60)
            assert machine.returncode == 0, machine.stderr.read() if machine.stderr else ""
    assert sum(outcomes.values()) == TRIALS
    assert TOKEN not in json.dumps(outcomes)


def test_the_cli_finds_the_journal_from_the_environment_then_from_a_profile(
    account: Account,
    tmp_path: Path,
    postgres_url: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from urllib.parse import urlsplit, urlunsplit

    from prolific.cli import main

    from .conftest import assert_once

    csv = account.write(tmp_path, 3)
    pay = ["bonuses", "pay", account.study_id, str(csv), "--yes"]
    monkeypatch.setenv("PROLIFIC_TOKEN", TOKEN)
    monkeypatch.setenv("PROLIFIC_URL", account.url)
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.setenv("PROLIFIC_STATE_URL", postgres_url)
    parts = urlsplit(postgres_url)
    assert main(pay) == 0
    out, err = capsys.readouterr()
    assert f"journal: postgresql://{parts.username}:***@{parts.hostname}:{parts.port}/" in err
    assert str(parts.password) not in out + err
    # A profile names the server, the password comes from PGPASSWORD (kept out of the file, as the guide says).
    monkeypatch.delenv("PROLIFIC_STATE_URL")
    monkeypatch.setenv("PGPASSWORD", str(parts.password))
    bare = urlunsplit(parts._replace(netloc=f"{parts.username}@{parts.hostname}:{parts.port}"))
    assert main(["config", "init"]) == 0 and main(["config", "set", "state_url", bare]) == 0
    capsys.readouterr()
    assert main(pay) == 0
    out, err = capsys.readouterr()
    assert f"journal: {bare}" in err and "skipped batch 1" in err  # the same journal: nothing paid again
    assert not (tmp_path / "state").exists()  # no SQLite file was made on the side
    assert_once(account, 3)
