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

from .conftest import TOKEN, Account, assert_once

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


def test_requests_for_n_rows_are_two_per_200_plus_the_list_and_the_record(account: Account, tmp_path: Path) -> None:
    for n in (1, 200, 201, 450):
        account.fake.requests.clear()
        with account.client() as client:  # each n a round of its own: the same people again, on purpose
            client.bonuses.pay(account.study_id, account.csv(n, amount="0.5"), journal=tmp_path / "j.sqlite3",
                               round=f"n{n}")  # fmt: skip
        bonus_requests = account.requests(SETUP) + account.requests(PAY)
        assert bonus_requests == 2 * math.ceil(n / 200), n
        # The study's submissions (450: one page of 500), its bonus cost (the journal agrees: no payee is read).
        assert account.requests("get-submissions") == 1 and account.requests("get-study-cost") == 1
        assert account.requests("get-submission") == 0


def pay_path(bulk_id: str) -> str:
    """The pay operation's path for ``bulk_id`` (from the generated registry)."""
    return OPERATIONS[PAY].path.replace("{id}", bulk_id)


def before_paying(account: Account, action) -> None:  # type: ignore[no-untyped-def]
    """Run ``action(bulk_ids)`` when the client reads the balance: every batch is set up, none paid yet."""

    def balance(request):  # type: ignore[no-untyped-def]
        action(list(account.fake.bulk_bonuses))
        return account.balance(request)

    account.fake.route("get-workspace-balance", balance)


def test_cut_after_the_second_pay_applied_is_settled_from_the_record_and_never_resent(
    account: Account, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    csv = account.write(tmp_path, 450)
    journal = tmp_path / "journal.sqlite3"
    argv = ("bonuses", "pay", account.study_id, str(csv), "--journal", str(journal), "--yes")
    # The second pay is processed (its participants paid), then its connection is cut.
    before_paying(account, lambda bulks: account.fake.drop_next(after_apply=True, path=pay_path(bulks[1])))
    code, _, err = run(account, monkeypatch, capsys, *argv)
    assert code == 0, err
    first, second, third = list(account.fake.bulk_bonuses)
    assert account.pays() == [first, second, third]  # the second pay WAS applied before the cut: never resent
    assert f"settled batch 2 (lines 202-401, 200 bonuses, 300.00, bulk {second})" in err
    assert states(journal, account.study_id) == [("paid", first), ("paid", second), ("paid", third)]
    assert_once(account, 450)
    with BonusJournal(journal) as opened:
        history = [(e["from_state"], e["state"]) for e in opened.events(account.study_id) if e["bulk_id"] == second]
    assert history[-2:] == [("pay sent", "outcome unknown"), ("outcome unknown", "paid")]


def test_a_500_after_the_pay_is_one_request_and_settled_from_the_record(account: Account, tmp_path: Path) -> None:
    journal = tmp_path / "j.sqlite3"
    account.fake.fail_next(500, after_apply=True, operation=PAY)
    with account.client() as client:
        result = client.bonuses.pay(account.study_id, account.csv(3), journal=journal)
    assert account.requests(PAY) == 1 and len(account.pays()) == 1
    (batch,) = result.settled
    assert result.paid == (batch,) and batch.state == "paid"
    assert states(journal, account.study_id) == [("paid", batch.bulk_id)]
    assert_once(account, 3)


def test_a_429_on_the_pay_is_never_resent_and_stays_unknown_until_the_record_says(
    account: Account, tmp_path: Path
) -> None:
    """A 429 without the payment: the record shows nothing, so it is not resent until the window has passed."""
    journal = tmp_path / "j.sqlite3"
    account.fake.fail_next(429, retry_after=0, operation=PAY)
    with account.client() as client, pytest.raises(BonusOutcomeUnknown) as caught:
        client.bonuses.pay(account.study_id, account.csv(3), journal=journal)
    (bulk_id,) = caught.value.bulk_ids
    assert account.requests(PAY) == 1 and account.pays() == []  # never resent by the retry loop
    assert "may still be settling until" in str(caught.value) and f"retry_unknown=['{bulk_id}']" in str(caught.value)
    with account.client() as client:
        with pytest.raises(BonusOutcomeUnknown, match="not resent"):  # inside the window: refused
            client.bonuses.pay(account.study_id, account.csv(3), journal=journal, retry_unknown=[bulk_id])
        assert account.requests(PAY) == 1
        result = client.bonuses.pay(  # the window passed (0 here) and the record still shows nothing: resent once
            account.study_id, account.csv(3), journal=journal, retry_unknown=[bulk_id], settlement_window=0
        )
    assert [b.bulk_id for b in result.paid] == [bulk_id] and account.requests(PAY) == 2
    assert_once(account, 3)


def test_an_id_not_in_the_study_is_refused_with_its_line_before_any_set_up(
    account: Account, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    strangers = ["5e9b9c9b0f9c9a0001b0b1f4", "5e9b9c9b0f9c9a0001b0b1f5"]
    lines = account.csv(300).splitlines()
    lines.insert(251, f"{strangers[0]},2.00")  # line 252 of the file, in the second batch
    lines.insert(3, f"{strangers[1]},2.00")  # line 4
    csv = tmp_path / "bonuses.csv"
    csv.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")
    code, out, err = run(account, monkeypatch, capsys, "bonuses", "pay", account.study_id, str(csv),
                         "--journal", str(tmp_path / "j.sqlite3"), "--yes", "--json")  # fmt: skip
    assert code == 2
    assert account.requests(SETUP) == 0 and account.requests(PAY) == 0
    problems = json.loads(out)["error"]["problems"]
    assert [(p["line"], p["field"]) for p in problems] == [(4, "id"), (253, "id")]
    assert all("did not take part in study" in p["reason"] for p in problems)
    assert f"{csv}, line 253, id: participant or submission id {strangers[0]}" in err


def test_the_same_person_by_both_ids_in_one_file_is_refused_naming_both_lines(account: Account, tmp_path: Path) -> None:
    from prolific import BonusFormatError

    text = account.csv(3) + f"{account.submission_ids(2)[1]},2.00\n"  # line 5: participant 2's submission
    with account.client() as client, pytest.raises(BonusFormatError) as caught:
        client.bonuses.pay(account.study_id, text, journal=tmp_path / "j.sqlite3")
    (problem,) = caught.value.problems
    assert problem.line == 5 and "line 3" in problem.message and account.participants[1] in problem.message
    assert account.requests(SETUP) == 0


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


def test_a_run_whose_lease_was_taken_over_sends_nothing_more(account: Account, tmp_path: Path) -> None:
    from prolific.bonuses._lease import Holder

    journal = tmp_path / "j.sqlite3"

    def taken_over_meanwhile(plan) -> bool:  # type: ignore[no-untyped-def]
        other = Holder("another-host", 4242, None, "token-of-the-other-run")
        with BonusJournal(journal) as opened:
            assert opened.acquire(plan.study_id, other) is not None  # refused: this run holds it
            assert opened.acquire(plan.study_id, other, take_over=True) is None  # the user's word: taken over
            opened._held.clear()  # private: this handle stands for the other run, which keeps the lease when it closes
        return True

    with account.client() as client, pytest.raises(BonusPaymentError, match="'lease lost'"):
        client.bonuses.pay(account.study_id, account.csv(3), journal=journal, confirm=taken_over_meanwhile)
    assert account.requests(PAY) == 0  # the CAS to `pay sent` checks the lease: nothing sent


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


@pytest.mark.parametrize("currency", ["GBP", None])
def test_a_bare_fake_pays_in_the_accounts_currency_or_without_one(tmp_path: Path, currency: str | None) -> None:
    """FakeProlific as `prolific-client fake-server` runs it: get-user and the balance are made up (in GBP for
    seed 0); account and balance answers without a currency show the plan without one."""
    import httpx

    from prolific import Prolific
    from prolific.testing import FakeProlific

    fake = FakeProlific(token=TOKEN)
    if currency is None:
        fake.route("get-user", lambda request: {"id": "6540aa00000000000000user", "email": "r@example.org"})
        fake.route("get-workspace-balance", lambda request: {"available_balance": 100_000})
    study_id = fake.add_study(workspace_id="ws1")
    fake.add_submissions(study_id, 2)
    text = "".join(f"{s['participant_id']},2.50\n" for s in fake.submissions[study_id])
    http = httpx.Client(transport=fake.transport)
    with Prolific(token=TOKEN, http_client=http) as client:
        result = client.bonuses.pay(study_id, text, journal=tmp_path / "j.sqlite3")
    http.close()
    assert result.plan.currency == currency and len(fake.bonus_payments) == 1
    unit = f"{currency} " if currency else ""
    assert result.plan.summary() == (
        f"2 bonuses in 1 batch: amount {unit}5.00, fees {unit}1.65, VAT {unit}0.33, total {unit}6.98"
    )
