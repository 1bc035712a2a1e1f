"""``prolific-client studies publish|pause|start|stop|add-places|test|duplicate|delete|list|show`` against
FakeProlific over loopback HTTP: the cost shown before money is spent, a question on a terminal, ``--yes``
elsewhere, refusals with nothing sent, ``--json`` everywhere.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterator

import pytest

from prolific.cli import main
from prolific.testing import FakeProlific

TOKEN = "tok-SECRET-study-life-cli-41d0"
WS = "6540aa0000000000000000ws"


class Terminal(io.StringIO):
    """Standard input on a terminal, answering with ``text``."""

    def isatty(self) -> bool:
        return True


@pytest.fixture
def fake() -> FakeProlific:
    return FakeProlific(token=TOKEN)


@pytest.fixture
def url(fake: FakeProlific, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    monkeypatch.setenv("PROLIFIC_TOKEN", TOKEN)
    monkeypatch.delenv("PROLIFIC_URL", raising=False)
    monkeypatch.delenv("PROLIFIC_STUDIES_MAX_SPEND", raising=False)
    monkeypatch.setattr("sys.stdin", io.StringIO(""))  # not a terminal unless a test says so
    with fake.serve() as base:
        yield base


@pytest.fixture
def study(fake: FakeProlific) -> str:
    # 20 places x 150 = 30.00, fees 9.90, VAT 1.98: 41.88
    return fake.add_study(workspace_id=WS, name="Pilot", reward=150, total_available_places=20)


def cli(capsys: pytest.CaptureFixture[str], url: str, *argv: str) -> tuple[int, str, str]:
    code = main(["--base-url", url, *argv])
    captured = capsys.readouterr()
    assert TOKEN not in captured.out + captured.err
    return code, captured.out, captured.err


def sent(fake: FakeProlific, operation_id: str) -> int:
    return sum(1 for r in fake.requests if r.operation_id == operation_id)


def test_publish_shows_the_cost_and_balance_then_publishes(
    capsys: pytest.CaptureFixture[str], url: str, fake: FakeProlific, study: str
) -> None:
    fake.set_balance(WS, 10_000)
    code, out, err = cli(capsys, url, "studies", "publish", study, "--yes", "--json", "--max-spend", "£50")
    assert code == 0, err
    data = json.loads(out)
    assert (data["status"], data["cost"], data["balance"], data["left"], data["cap"]) == (
        "ACTIVE",
        "41.88",
        "100.00",
        "58.12",
        "50",
    )
    assert "cost:     GBP 41.88 (20 places x GBP 1.50, fees and VAT included)" in err
    assert "balance:  GBP 100.00 available, GBP 58.12 left after" in err
    assert sent(fake, "publish-study") == 1


def test_publish_off_a_terminal_without_yes_sends_nothing(
    capsys: pytest.CaptureFixture[str], url: str, fake: FakeProlific, study: str
) -> None:
    code, _, err = cli(capsys, url, "studies", "publish", study)
    assert code == 2 and "pass --yes" in err and "nothing was sent" in err
    assert fake.requests == []


@pytest.mark.parametrize(("answer", "published"), [("n\n", False), ("y\n", True)])
def test_publish_asks_on_a_terminal(
    capsys: pytest.CaptureFixture[str],
    url: str,
    fake: FakeProlific,
    study: str,
    monkeypatch: pytest.MonkeyPatch,
    answer: str,
    published: bool,
) -> None:
    monkeypatch.setattr("sys.stdin", Terminal(answer))
    code, out, err = cli(capsys, url, "studies", "publish", study)
    assert code == 0, err
    assert f"publish study {study} for GBP 41.88? [y/N]" in err
    assert sent(fake, "publish-study") == int(published)
    assert ("published study" in out) is published and ("not published (nothing was sent)" in err) is not published


def test_publish_over_the_cap_or_the_balance_is_refused_with_nothing_sent(
    capsys: pytest.CaptureFixture[str], url: str, fake: FakeProlific, study: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    code, out, err = cli(capsys, url, "--json", "studies", "publish", study, "--yes", "--max-spend", "£41.87")
    assert code == 1 and "over the cap of GBP 41.87 (max_spend)" in err
    error = json.loads(out)
    assert (error["error"]["type"], error["cost"], error["cap"]) == ("SpendLimitError", "41.88", "41.87")
    monkeypatch.setenv("PROLIFIC_STUDIES_MAX_SPEND", "10")  # the configured cap
    code, _, err = cli(capsys, url, "studies", "publish", study, "--yes")
    assert code == 1 and "over the cap of GBP 10.00 (studies.max_spend, $PROLIFIC_STUDIES_MAX_SPEND)" in err
    monkeypatch.delenv("PROLIFIC_STUDIES_MAX_SPEND")
    fake.set_balance(WS, 4000)
    code, _, err = cli(capsys, url, "studies", "publish", study, "--yes")
    assert code == 1 and "the workspace has GBP 40.00 available" in err
    code, _, err = cli(capsys, url, "studies", "publish", study, "--yes", "--max-spend", "40")
    assert code == 2 and "has no currency" in err
    assert sent(fake, "publish-study") == 0 and fake.studies[study]["status"] == "UNPUBLISHED"


def test_a_lost_publish_says_what_prolific_shows(
    capsys: pytest.CaptureFixture[str], url: str, fake: FakeProlific, study: str
) -> None:
    fake.drop_next(operation="publish-study")
    code, _, err = cli(capsys, url, "studies", "publish", study, "--yes")
    assert code == 1 and f"note: Prolific shows study {study} still UNPUBLISHED: it was not published" in err
    assert sent(fake, "publish-study") == 1
    fake.drop_next(after_apply=True, operation="publish-study")
    code, out, _ = cli(capsys, url, "studies", "publish", study, "--yes")
    assert code == 0 and "its answer was lost: Prolific shows it published" in out
    assert sent(fake, "publish-study") == 2


def test_pause_start_stop_and_add_places(
    capsys: pytest.CaptureFixture[str], url: str, fake: FakeProlific, study: str
) -> None:
    code, _, err = cli(capsys, url, "studies", "pause", study)
    assert code == 1 and "is UNPUBLISHED: PAUSE applies to only a study that is ACTIVE" in err
    assert cli(capsys, url, "studies", "publish", study, "--yes")[0] == 0
    code, out, _ = cli(capsys, url, "--json", "studies", "pause", study)
    assert json.loads(out) == {"study_id": study, "action": "PAUSE", "before": "ACTIVE", "after": "PAUSED"}
    assert cli(capsys, url, "studies", "start", study)[1] == f"study {study}: PAUSED -> ACTIVE\n"
    code, out, err = cli(capsys, url, "studies", "add-places", study, "5", "--yes")
    assert code == 0 and out == f"study {study}: 20 -> 25 places\n"
    assert "cost:     GBP 10.48 (5 places x GBP 1.50, fees and VAT included)" in err
    code, _, err = cli(capsys, url, "studies", "add-places", study, "0", "--yes")
    assert code == 2 and "out of range" in err
    assert cli(capsys, url, "studies", "stop", study)[1] == f"study {study}: ACTIVE -> COMPLETED\n"
    assert sent(fake, "update-study") == 1


def test_test_duplicate_delete(capsys: pytest.CaptureFixture[str], url: str, fake: FakeProlific, study: str) -> None:
    code, out, _ = cli(capsys, url, "studies", "test", study)
    [test_id] = fake.test_studies
    assert code == 0 and out == fake.test_studies[test_id]["study_url"] + "\n"

    code, _, err = cli(capsys, url, "studies", "duplicate", study, "--set", "totl_available_places=5")
    assert code == 2 and "did you mean 'total_available_places'" in err and sent(fake, "duplicate-study") == 0
    code, out, err = cli(
        capsys, url, "studies", "duplicate", study, "--set", "name=2024", "--set", "total_available_places=50",
        "--set", "internal_name=Wave 2",
    )  # fmt: skip
    assert code == 0, err
    copy = out.strip()
    made = fake.studies[copy]
    assert (made["name"], made["total_available_places"], made["internal_name"]) == ("2024", 50, "Wave 2")
    assert f"duplicated study {study} as draft {copy} (2024)" in err

    code, out, _ = cli(capsys, url, "--json", "studies", "delete", copy)
    assert code == 0 and json.loads(out) == {"id": copy, "name": "2024", "deleted": True}
    assert cli(capsys, url, "studies", "publish", study, "--yes")[0] == 0
    code, _, err = cli(capsys, url, "studies", "delete", study)
    assert code == 1 and "Prolific deletes only a study that is UNPUBLISHED" in err
    assert sent(fake, "delete-study") == 1


def test_list_and_show(capsys: pytest.CaptureFixture[str], url: str, fake: FakeProlific, study: str) -> None:
    assert cli(capsys, url, "studies", "publish", study, "--yes")[0] == 0
    fake.add_submissions(study, 2, status="APPROVED")
    code, out, _ = cli(capsys, url, "studies", "list")
    assert code == 0
    header, line = out.splitlines()[:2]
    assert header.split() == ["STUDY", "NAME", "STATUS", "PLACES", "REWARD/HOUR", "COST", "SO", "FAR"]
    assert line.split() == [study, "Pilot", "ACTIVE", "2/20", "GBP", "18.00", "GBP", "4.19"]
    code, out, _ = cli(capsys, url, "--json", "studies", "list", "--status", "paused")
    assert code == 0 and json.loads(out) == []
    code, _, err = cli(capsys, url, "studies", "list", "--status", "running")
    assert code == 2 and "'running' is not a study status" in err
    code, out, _ = cli(capsys, url, "studies", "show", study)
    assert code == 0
    assert "places:      2 taken of 20" in out and "cost so far: GBP 4.19; once every place is paid: GBP 41.88" in out
    assert "submissions: 2 approved" in out
    code, out, _ = cli(capsys, url, "--json", "studies", "show", study)
    assert json.loads(out)["projected_cost"] == "41.88"
