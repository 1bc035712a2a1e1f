"""``prolific-client bonuses``: the offline check, the confirmation rules, status, and the token kept out."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from prolific.cli import main

A, B = "5e9b9c9b0f9c9a0001b0b1f4", "5e9b9c9b0f9c9a0001b0b1f5"
STUDY = "6540aa00000000000000000a"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_check_reports_every_bad_line_and_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "b.csv"
    path.write_text(f"participant_id,amount\n{A},£1.50\n{B},1.505\n{A},2\n", encoding="utf-8")
    code, out, err = run(capsys, "bonuses", "check", str(path))
    assert code == 2 and out == ""
    assert f"{path}, line 2, amount: '£1.50' has a currency sign: write 1.50" in err
    assert f"{path}, line 3, amount:" in err and "(lines 2 and 4)" in err
    code, out, err = run(capsys, "bonuses", "check", "--json", str(path))
    data = json.loads(out)
    assert code == 2 and [(p["line"], p["field"]) for p in data["problems"]] == [
        (2, "amount"),
        (3, "amount"),
        (4, "id"),
    ]


def test_check_of_a_good_file_and_the_pence_warning(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "b.csv"
    path.write_text(f"{A},150\n{B},250\n", encoding="utf-8")
    code, out, err = run(capsys, "bonuses", "check", "--json", str(path))
    assert code == 0 and json.loads(out) == {"file": str(path), "bonuses": 2, "amount": "400.00", "problems": []}
    assert "warning: every amount is a whole number of 100 or more" in err and "not pence" in err


def test_pay_refuses_without_yes_off_a_terminal_and_sends_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PROLIFIC_TOKEN", "tok-SECRET-cli-bonuses-3e1f")
    monkeypatch.setenv("PROLIFIC_URL", "http://127.0.0.1:9")  # nothing listens: a request would fail loudly
    path = tmp_path / "b.csv"
    path.write_text(f"{A},1.50\n", encoding="utf-8")
    code, out, err = run(capsys, "bonuses", "pay", STUDY, str(path), "--json")
    assert code == 2 and "pass --yes" in err and "nothing was sent" in err
    assert json.loads(out)["error"]["type"] == "UsageError"


def test_a_bad_file_stops_pay_before_any_request(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    token = "tok-SECRET-cli-bonuses-3e1f"
    monkeypatch.setenv("PROLIFIC_TOKEN", token)
    monkeypatch.setenv("PROLIFIC_URL", "http://127.0.0.1:9")
    path = tmp_path / "b.csv"
    path.write_text(f"{A},1,000\n{B},x\n", encoding="utf-8")
    code, out, err = run(
        capsys, "bonuses", "pay", STUDY, str(path), "--yes", "--journal", str(tmp_path / "j"), "--json"
    )
    assert code == 2 and token not in out + err
    error = json.loads(out)["error"]
    assert [p["line"] for p in error["problems"]] == [1, 2] and "thousands separator" in error["problems"][0]["reason"]


def test_status_of_a_journal_and_its_default_location(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # make_batches and BonusJournal are private: the test writes the journal row a paid run would (no public writer).
    from prolific.bonuses import read_bonuses
    from prolific.bonuses._batches import make_batches
    from prolific.bonuses._journal import BonusJournal
    from prolific.bonuses._lease import this_process

    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    path = tmp_path / "b.csv"
    path.write_text("".join(f"{n:024x},1.50\n" for n in range(1, 251)), encoding="utf-8")
    code, out, err = run(capsys, "bonuses", "status", STUDY, str(path))
    assert code == 2 and "no journal there" in err
    journal = tmp_path / "state" / "prolific-client" / "bonuses.sqlite3"
    first = make_batches(STUDY, read_bonuses(path))[0]
    with BonusJournal(journal) as opened:
        me = this_process()
        assert opened.acquire(STUDY, me) is None
        opened.insert_batch(STUDY, "", first.fingerprint, position=1, csv_bonuses=first.csv_bonuses, holder=me)
        for to in ("set up", "pay sent", "paid"):
            assert opened.transition(STUDY, "", first.fingerprint, expect={"setting up", "set up", "pay sent"},
                                     to=to, holder=me, bulk_id="bk1").moved  # fmt: skip
    code, out, err = run(capsys, "bonuses", "status", STUDY, str(path), "--json")
    assert code == 0 and f"journal: {journal}" in err
    data = json.loads(out)
    assert [(b["state"], b["bulk_id"], b["lines"]) for b in data["batches"]] == [
        ("paid", "bk1", [1, 200]), ("not started", None, [201, 250]),
    ]  # fmt: skip
