"""FakeProlific with a study whose participants can get bonuses, served over real HTTP on 127.0.0.1."""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from prolific import Prolific, RetryPolicy
from prolific.testing import FakeProlific

TOKEN = "tok-SECRET-bonuses-81c4d2e9"
#: Backoff of a few ms so the 429 test stays fast.
FAST = RetryPolicy(max_retries=2, initial_delay=0.001, max_delay=0.01)


@dataclass
class Account:
    """A fake with one study, its participants, and the account routes (currency, balance) answered."""

    fake: FakeProlific
    url: str
    study_id: str
    workspace_id: str
    participants: list[str]
    balance_cents: int = 10**9

    def client(self) -> Prolific:
        return Prolific(token=TOKEN, base_url=self.url, retry_policy=FAST, timeout=10)

    def csv(self, count: int, amount: str = "1.50", header: bool = True) -> str:
        lines = [f"{pid},{amount}" for pid in self.participants[:count]]
        return "\n".join((["participant_id,amount"] if header else []) + lines) + "\n"

    def write(self, tmp_path: Path, count: int, amount: str = "1.50") -> Path:
        path = tmp_path / "bonuses.csv"
        path.write_text(self.csv(count, amount), encoding="utf-8")
        return path

    def balance(self, request: Any) -> Any:
        """The answer of ``get-workspace-balance``: ``balance_cents`` available, in GBP (a dict: a 200 JSON answer)."""
        return {"currency_code": "GBP", "available_balance": self.balance_cents}

    def pays(self) -> list[str]:
        """The bulk ids of every pay the fake applied, in order."""
        return [payment["bulk_id"] for payment in self.fake.bonus_payments]

    def requests(self, operation_id: str) -> int:
        return sum(1 for r in self.fake.requests if r.operation_id == operation_id)

    def times_paid(self) -> Counter[str]:
        """Prolific's side: participant -> how many bonuses the fake paid them (by either id), every pay counted."""
        participant_of = {}
        for submission in self.fake.submissions[self.study_id]:
            participant_of[submission["id"]] = submission["participant_id"]
            participant_of[submission["participant_id"]] = submission["participant_id"]
        return Counter(participant_of[i] for payment in self.fake.bonus_payments for i, _ in payment["bonuses"])

    def submission_ids(self, count: int) -> list[str]:
        return [s["id"] for s in self.fake.submissions[self.study_id][:count]]

    def csv_of(self, ids: list[str], amount: str = "1.50") -> str:
        return "submission_id,amount\n" + "".join(f"{i},{amount}\n" for i in ids)

    def env(self) -> dict[str, str]:
        """The environment of a CLI process against this fake."""
        return {**os.environ, "PROLIFIC_TOKEN": TOKEN, "PROLIFIC_URL": self.url}


def assert_once(account: Account, count: int) -> None:
    """Prolific paid each of the first ``count`` participants exactly once, and nobody else."""
    paid = account.times_paid()
    twice = {p: n for p, n in paid.items() if n > 1}
    assert not twice, f"paid more than once: {twice}"
    assert set(paid) == set(account.participants[:count]), (len(paid), count)


def seed(fake: FakeProlific, url: str, participants: int = 450) -> Account:
    workspace_id = "6540aa0000000000000000ws"
    study_id = fake.add_study(workspace_id=workspace_id)
    submissions = fake.add_submissions(study_id, participants)
    pids = [s["participant_id"] for s in fake.submissions[study_id]]
    assert len(pids) == len(submissions)
    account = Account(fake, url, study_id, workspace_id, pids)
    fake.route(
        "get-user",
        lambda r: {"id": "6540aa00000000000000user", "email": "r@example.org", "currency_code": "GBP"},
    )
    fake.route(
        "get-project",
        lambda r: {
            "id": r.path_params["project_id"],
            "title": "Project",
            "type": "PRIVATE",
            "workspace": fake.projects[r.path_params["project_id"]],
        },
    )
    fake.route("get-workspace-balance", account.balance)
    return account


@pytest.fixture
def account() -> Iterator[Account]:
    fake = FakeProlific(token=TOKEN)
    with fake.serve() as url:
        yield seed(fake, url)
