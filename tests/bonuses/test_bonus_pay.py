"""Paying bonuses exactly once, against FakeProlific over real HTTP (library and CLI)."""

from __future__ import annotations

import json
import math
from decimal import Decimal
from pathlib import Path

import pytest

from prolific import (
    BonusOutcomeUnknown,
    BonusPaymentError,
    InsufficientBalanceError,
    InvalidArgumentError,
    NotFoundError,
)
from prolific.bonuses._journal import BonusJournal  # private: the journal's stored rows have no public reader
from prolific.cli import main
from prolific_api_client.operations import OPERATIONS

from .conftest import TOKEN, Account

SETUP, PAY = "create-bonus-payments", "pay-bonus-payments"


def run(account: Account, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], *argv: str):
    monkeypatch.setenv("PROLIFIC_TOKEN", TOKEN)
    monkeypatch.setenv("PROLIFIC_URL", account.url)
    code = main(list(argv))
    out, err = capsys.readouterr()
    assert TOKEN not in out and TOKEN not in err
    return code, out, err


def states(journal: Path, study_id: str) -> list[tuple[str, str | None]]:
    with BonusJournal(journal) as opened:
        return [(e.state, e.bulk_id) for e in opened.entries(study_id).values()]


def test_450_rows_three_setups_three_pays_and_a_rerun_pays_nothing(
    account: Account, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    csv = account.write(tmp_path, 450)
    journal = tmp_path / "journal.sqlite3"
    code, out, err = run(account, monkeypatch, capsys, "bonuses", "pay", account.study_id, str(csv),
                         "--journal", str(journal), "--yes", "--json")  # fmt: skip
    assert code == 0, err
    setups = [r for r in account.fake.requests if r.operation_id == SETUP]
    assert [len(r.body["csv_bonuses"].split("\n")) for r in setups] == [200, 200, 50]
    assert all(line.endswith(",1.50") for r in setups for line in r.body["csv_bonuses"].split("\n"))
    # File order kept: the batches' ids are the file's, in order.
    sent = [line.split(",")[0] for r in setups for line in r.body["csv_bonuses"].split("\n")]
    assert sent == account.participants[:450]
    assert len(account.pays()) == 3 and len(set(account.pays())) == 3
    assert err.count("paid batch") == 3  # progress per batch on stderr
    data = json.loads(out)
    assert [b["state"] for b in data["paid"]] == ["paid"] * 3
    assert data["total_paid"] == "942.30" and data["currency"] == "GBP"  # 675 + 33% fees + 20% VAT on fees
    assert [s for s, _ in states(journal, account.study_id)] == ["paid"] * 3

    before = len(account.fake.requests)
    code, out, err = run(account, monkeypatch, capsys, "bonuses", "pay", account.study_id, str(csv),
                         "--journal", str(journal), "--yes")  # fmt: skip
    assert code == 0, err
    assert len(account.pays()) == 3  # no pay sent again
    assert account.requests(PAY) == 3 and account.requests(SETUP) == 3
    assert err.count("already paid (journal)") == 3
    assert all(r.operation_id not in (SETUP, PAY) for r in account.fake.requests[before:])


def test_requests_for_n_rows_are_two_per_200(account: Account, tmp_path: Path) -> None:
    for n in (1, 200, 201, 450):
        account.fake.requests.clear()
        with account.client() as client:
            client.bonuses.pay(account.study_id, account.csv(n, amount="0.5"), journal=tmp_path / f"j{n}.sqlite3")
        bonus_requests = account.requests(SETUP) + account.requests(PAY)
        assert bonus_requests == 2 * math.ceil(n / 200), n


def pay_path(bulk_id: str) -> str:
    """The pay operation's path for ``bulk_id`` (from the generated registry)."""
    return OPERATIONS[PAY].path.replace("{id}", bulk_id)


def before_paying(account: Account, action) -> None:  # type: ignore[no-untyped-def]
    """Run ``action(bulk_ids)`` when the client reads the balance: every batch is set up, none paid yet."""

    def balance(request):  # type: ignore[no-untyped-def]
        action(list(account.fake.bulk_bonuses))
        return account.balance(request)

    account.fake.route("get-workspace-balance", balance)


def test_cut_after_the_second_pay_applied_is_outcome_unknown_and_never_resent_on_its_own(
    account: Account, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    csv = account.write(tmp_path, 450)
    journal = tmp_path / "journal.sqlite3"
    argv = ("bonuses", "pay", account.study_id, str(csv), "--journal", str(journal), "--yes")
    # The second pay is processed (its participants paid), then its connection is cut.
    before_paying(account, lambda bulks: account.fake.drop_next(apply=True, path=pay_path(bulks[1])))
    code, out, err = run(account, monkeypatch, capsys, *argv)
    assert code == 1
    first, second, third = list(account.fake.bulk_bonuses)
    assert account.pays() == [first, second]  # the second pay WAS applied before the cut
    assert "outcome unknown" in err and f"--retry-unknown {second}" in err
    assert states(journal, account.study_id) == [("paid", first), ("outcome unknown", second), ("set up", third)]
    assert account.requests(PAY) == 2  # nothing sent after the cut

    before_paying(account, lambda bulks: None)
    # The rerun pays the third batch once, never the first two, and still reports the unknown one.
    code, out, err = run(account, monkeypatch, capsys, *argv, "--json")
    assert code == 1
    assert account.pays() == [first, second, third]
    error = json.loads(out)
    assert error["error"]["type"] == "BonusOutcomeUnknown"
    assert [b["bulk_id"] for b in error["outcome_unknown"]] == [second]
    code, out, err = run(account, monkeypatch, capsys, *argv)
    assert code == 1 and account.pays() == [first, second, third]  # still not resent on its own
    assert account.requests(SETUP) == 3  # set up once, reused ever since

    # Only when asked: --retry-unknown pays it again, once.
    code, out, err = run(account, monkeypatch, capsys, *argv, "--retry-unknown", second)
    assert code == 0, err
    assert account.pays() == [first, second, third, second]
    assert [s for s, _ in states(journal, account.study_id)] == ["paid"] * 3
    code, out, err = run(account, monkeypatch, capsys, *argv, "--retry-unknown", second)
    assert code == 2 and "is not a batch of these bonuses whose outcome is unknown" in err


def test_a_500_after_the_pay_is_one_request_only(account: Account, tmp_path: Path) -> None:
    journal = tmp_path / "j.sqlite3"
    account.fake.fail_next(500, apply=True, operation=PAY)
    with account.client() as client, pytest.raises(BonusOutcomeUnknown) as caught:
        client.bonuses.pay(account.study_id, account.csv(3), journal=journal)
    assert account.requests(PAY) == 1 and len(account.pays()) == 1
    (bulk_id,) = caught.value.bulk_ids
    assert bulk_id in str(caught.value) and "retry_unknown" in str(caught.value)
    assert account.participants[0] in str(caught.value) and "GBP 4.50" in str(caught.value)
    assert states(journal, account.study_id) == [("outcome unknown", bulk_id)]


def test_a_429_is_paid_once_after_a_retry(account: Account, tmp_path: Path) -> None:
    account.fake.fail_next(429, operation=PAY)
    with account.client() as client:
        result = client.bonuses.pay(account.study_id, account.csv(3), journal=tmp_path / "j.sqlite3")
    assert account.requests(PAY) == 2 and len(account.pays()) == 1
    assert [b.state for b in result.paid] == ["paid"]


def test_a_set_up_refused_for_one_id_pays_nothing_and_names_its_line(
    account: Account, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    stranger = "5e9b9c9b0f9c9a0001b0b1f4"
    lines = account.csv(300).splitlines()
    lines.insert(251, f"{stranger},2.00")  # line 252 of the file, in the second batch
    csv = tmp_path / "bonuses.csv"
    csv.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")
    code, out, err = run(account, monkeypatch, capsys, "bonuses", "pay", account.study_id, str(csv),
                         "--journal", str(tmp_path / "j.sqlite3"), "--yes", "--json")  # fmt: skip
    assert code == 1
    assert account.pays() == [] and account.requests(PAY) == 0
    assert f"{csv}, line 252: {stranger}" in err
    assert json.loads(out)["rejected"] == [{"line": 252, "id": stranger}]


def test_balance_below_the_total_is_refused_with_both_figures(account: Account, tmp_path: Path) -> None:
    account.balance_cents = 500
    with account.client() as client, pytest.raises(InsufficientBalanceError) as caught:
        client.bonuses.pay(account.study_id, account.csv(3), journal=tmp_path / "j.sqlite3")
    assert "GBP 5.00" in str(caught.value) and "GBP 6.29" in str(caught.value)
    assert caught.value.total == Decimal("6.29") and account.pays() == []


def test_an_unknown_study_is_refused_before_any_set_up(account: Account, tmp_path: Path) -> None:
    with account.client() as client, pytest.raises(NotFoundError):
        client.bonuses.pay("6540aa00000000000000dead", account.csv(3), journal=tmp_path / "j.sqlite3")
    assert account.requests(SETUP) == 0


def test_a_changed_file_never_pays_an_id_already_paid(account: Account, tmp_path: Path) -> None:
    journal = tmp_path / "j.sqlite3"
    with account.client() as client:
        client.bonuses.pay(account.study_id, account.csv(3), journal=journal)
        with pytest.raises(BonusPaymentError, match="already sent for payment"):
            client.bonuses.pay(account.study_id, account.csv(4), journal=journal)
    assert len(account.pays()) == 1


def test_preview_sets_up_and_pays_nothing(account: Account) -> None:
    with account.client() as client:
        plan = client.bonuses.preview(account.study_id, account.csv(450))
    assert [b.count for b in plan.batches] == [200, 200, 50] and plan.count == 450
    assert (plan.amount, plan.fees, plan.vat, plan.total) == (
        Decimal("675.00"), Decimal("222.75"), Decimal("44.55"), Decimal("942.30"),
    )  # fmt: skip
    assert plan.currency == "GBP" and account.pays() == []


def test_retry_unknown_must_name_a_batch_in_doubt(account: Account, tmp_path: Path) -> None:
    with account.client() as client, pytest.raises(InvalidArgumentError):
        client.bonuses.pay(account.study_id, account.csv(3), journal=tmp_path / "j.sqlite3",
                           retry_unknown=["6540aa00000000000000beef"])  # fmt: skip
    assert account.requests(PAY) == 0


async def test_async_pay_shares_the_flow(account: Account, tmp_path: Path) -> None:
    from prolific import AsyncProlific

    from .conftest import FAST

    async with AsyncProlific(token=TOKEN, base_url=account.url, retry_policy=FAST, timeout=10) as client:
        result = await client.bonuses.pay(account.study_id, account.csv(250), journal=tmp_path / "j.sqlite3")
        again = await client.bonuses.pay(account.study_id, account.csv(250), journal=tmp_path / "j.sqlite3")
    assert len(result.paid) == 2 and len(again.skipped) == 2 and len(account.pays()) == 2


def test_two_runs_cannot_both_send_the_same_pay(account: Account, tmp_path: Path) -> None:
    journal = tmp_path / "j.sqlite3"

    def another_run_sends_it_first(plan) -> bool:  # type: ignore[no-untyped-def]
        (batch,) = plan.batches
        with BonusJournal(journal) as other:  # a second process, between this run's read and its pay
            other.record(plan.study_id, batch.fingerprint, position=1, csv_bonuses=batch.csv_bonuses,
                         state="pay sent", bulk_id=batch.bulk_id)  # fmt: skip
        return True

    with account.client() as client, pytest.raises(BonusPaymentError, match="another run is paying"):
        client.bonuses.pay(account.study_id, account.csv(3), journal=journal, confirm=another_run_sends_it_first)
    assert account.requests(PAY) == 0


def test_cli_preview_and_an_answer_of_no_on_a_terminal(
    account: Account, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    csv = account.write(tmp_path, 250)
    code, out, err = run(account, monkeypatch, capsys, "bonuses", "preview", account.study_id, str(csv), "--json")
    assert code == 0, err
    data = json.loads(out)
    assert (data["count"], data["total"], data["currency"]) == (250, "523.50", "GBP")
    assert [b["bonuses"] for b in data["batches"]] == [200, 50] and account.pays() == []

    class Terminal:
        def isatty(self) -> bool:
            return True

        def readline(self) -> str:
            return "n\n"

    monkeypatch.setattr("sys.stdin", Terminal())
    journal = tmp_path / "j.sqlite3"
    code, out, err = run(account, monkeypatch, capsys, "bonuses", "pay", account.study_id, str(csv),
                         "--journal", str(journal))  # fmt: skip
    assert code == 0 and "pay them for study" in err and "not paid" in err
    assert "to pay now: 2 batches, total GBP 523.50" in err
    assert account.pays() == [] and [s for s, _ in states(journal, account.study_id)] == ["set up", "set up"]


def test_a_bare_fake_pays_without_currency_or_balance(tmp_path: Path) -> None:
    """FakeProlific without the account routes (as `prolific-client fake-server` runs it): its balance gives the currency."""
    import httpx

    from prolific import Prolific
    from prolific.testing import FakeProlific

    fake = FakeProlific(token=TOKEN)
    study_id = fake.add_study(workspace_id="ws1")
    fake.add_submissions(study_id, 2)
    text = "".join(f"{s['participant_id']},2.50\n" for s in fake.submissions[study_id])
    http = httpx.Client(transport=fake.transport)
    with Prolific(token=TOKEN, http_client=http) as client:
        result = client.bonuses.pay(study_id, text, journal=tmp_path / "j.sqlite3")
    http.close()
    assert result.plan.currency == "GBP" and len(fake.bonus_payments) == 1
    assert result.plan.summary() == "2 bonuses in 1 batch: amount GBP 5.00, fees GBP 1.65, VAT GBP 0.33, total GBP 6.98"
