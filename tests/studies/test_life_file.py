"""``publish`` of a study file, and the one spend check ``plan`` and ``publish`` share, against FakeProlific's own
answers (its study rules: cost, balance, filters; no routes): the study ``apply`` made is published with the
plan's check, over the cap or the balance nothing is sent, a lost answer is read back; ``--json`` on every
``studies`` command.
"""

from __future__ import annotations

import argparse
import io
import json
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml

from prolific import InsufficientBalanceError, InvalidArgumentError, Prolific, SpendLimitError
from prolific.cli import build_parser, main
from prolific.testing import FakeProlific

TOKEN = "tok-SECRET-study-life-file-77c1"
# 40 places x 75 = 30.00, fees 9.90, VAT 1.98: 41.88 (the fake's fee rule)
COST = Decimal("41.88")


@pytest.fixture
def fake(monkeypatch: pytest.MonkeyPatch) -> FakeProlific:
    monkeypatch.delenv("PROLIFIC_STUDIES_MAX_SPEND", raising=False)
    return FakeProlific(token=TOKEN)


@pytest.fixture
def project(fake: FakeProlific) -> tuple[str, str]:
    """``(workspace id, project id)``: made through the API, as a researcher's are."""
    with httpx.Client(transport=fake.transport, base_url="https://api.prolific.com",
                      headers={"Authorization": f"Token {TOKEN}"}) as http:  # fmt: skip
        workspace = http.post("/api/v1/workspaces/", json={"title": "Lab"}).json()["id"]
        made = http.post(f"/api/v1/workspaces/{workspace}/projects/", json={"title": "Waves"}).json()["id"]
    return workspace, made


@pytest.fixture
def client(fake: FakeProlific) -> Iterator[Prolific]:
    with Prolific(TOKEN, http_client=httpx.Client(transport=fake.transport)) as opened:
        yield opened


@pytest.fixture
def study_file(tmp_path: Path, project: tuple[str, str]) -> Path:
    path = tmp_path / "study.yaml"
    path.write_text(
        yaml.safe_dump(
            {
                "name": "Reaction times",
                "description": "A 5-minute task",
                "external_study_url": "https://example.org/task?PROLIFIC_PID={{%PROLIFIC_PID%}}",
                "prolific_id_option": "url_parameters",
                "completion_codes": [
                    {"code": "RT-DONE", "code_type": "COMPLETED", "actions": [{"action": "MANUALLY_REVIEW"}]}
                ],
                "total_available_places": 40,
                "estimated_completion_time": 5,
                "reward": "75p",
                "project": project[1],
                "filters": [{"filter_id": "handedness", "selected_values": ["0", "2"]}],
            },
            sort_keys=False,
        )
    )
    return path


@pytest.fixture
def state(tmp_path: Path) -> Path:
    return tmp_path / "studies.sqlite3"


def sent(fake: FakeProlific, operation_id: str) -> int:
    return sum(1 for r in fake.requests if r.operation_id == operation_id)


def test_publish_a_file_publishes_the_study_apply_made_with_the_plans_check(
    fake: FakeProlific, client: Prolific, study_file: Path, state: Path
) -> None:
    made = client.studies.apply(study_file, state=state)
    plan = client.studies.plan(study_file, state=state, max_spend="£50")
    assert plan.action == "none" and plan.spend is not None
    assert (plan.spend.action, plan.spend.cost, plan.spend.cap, plan.spend.refusal) == ("publish", COST, 50, None)
    before = len(fake.requests)
    result = client.studies.publish(study_file, state=state, max_spend="£50")
    assert result.published and result.status == "ACTIVE" and fake.studies[made.study_id]["status"] == "ACTIVE"
    assert result.check == plan.spend  # the one check: what plan showed is what publish checked
    # Publishing the file: the plan's requests (nothing priced twice), then the one transition.
    after = [r.operation_id for r in fake.requests[before:]]
    assert after.count("calculate-study-cost") == 1 and after[-1] == "publish-study"
    assert after.count("publish-study") == 1


def test_publish_a_file_over_the_cap_or_the_balance_sends_no_transition(
    fake: FakeProlific, client: Prolific, study_file: Path, state: Path, project: tuple[str, str]
) -> None:
    client.studies.apply(study_file, state=state)
    plan = client.studies.plan(study_file, state=state, max_spend="£41.87")
    assert plan.spend is not None and plan.spend.over_cap
    shown = str(plan)
    assert "refused: publish would cost GBP 41.88, over the cap of GBP 41.87 (max_spend)" in shown
    assert plan.to_dict()["spend"]["refusal"] == plan.spend.refusal
    with pytest.raises(SpendLimitError) as over_cap:
        client.studies.publish(study_file, state=state, max_spend="£41.87", confirm=lambda c: pytest.fail("asked"))
    assert str(over_cap.value).startswith(plan.spend.refusal)  # the plan said what publish refuses
    fake.set_balance(project[0], 4187)
    assert client.studies.plan(study_file, state=state).spend.over_balance  # type: ignore[union-attr]
    with pytest.raises(InsufficientBalanceError) as over_balance:
        client.studies.publish(study_file, state=state)
    assert (over_balance.value.balance, over_balance.value.total) == (Decimal("41.87"), COST)
    assert sent(fake, "publish-study") == 0 and fake.transitions == []


def test_a_file_with_no_study_yet_or_a_study_that_differs_is_refused(
    fake: FakeProlific, client: Prolific, study_file: Path, state: Path
) -> None:
    with pytest.raises(InvalidArgumentError, match=r"no study made from this file yet.*studies apply"):
        client.studies.publish(study_file, state=state)
    client.studies.apply(study_file, state=state)
    study_file.write_text(study_file.read_text().replace("total_available_places: 40", "total_available_places: 45"))
    with pytest.raises(InvalidArgumentError, match=r"differs from the file \(total_available_places\): apply"):
        client.studies.publish(study_file, state=state)
    with pytest.raises(InvalidArgumentError, match=r"neither a study id .* nor a study file"):
        client.studies.publish("wave-1")
    assert sent(fake, "publish-study") == 0


def test_a_lost_answer_to_publishing_a_file_is_read_back_not_resent(
    fake: FakeProlific, client: Prolific, study_file: Path, state: Path
) -> None:
    made = client.studies.apply(study_file, state=state)
    fake.drop_next(after_apply=True, operation="publish-study")
    result = client.studies.publish(study_file, state=state)
    assert result.published and result.confirmed_by_reading and result.status == "ACTIVE"
    assert sent(fake, "publish-study") == 1 and fake.studies[made.study_id]["status"] == "ACTIVE"


async def test_the_async_twin_publishes_a_file(fake: FakeProlific, study_file: Path, state: Path) -> None:
    from prolific import AsyncProlific

    with Prolific(TOKEN, http_client=httpx.Client(transport=fake.transport)) as sync:
        sync.studies.apply(study_file, state=state)
    async with AsyncProlific(TOKEN, http_client=httpx.AsyncClient(transport=fake.transport)) as client:
        with pytest.raises(SpendLimitError):
            await client.studies.publish(study_file, state=state, max_spend="£1")
        result = await client.studies.publish(study_file, state=state)
    assert result.published and sent(fake, "publish-study") == 1


# -- the command line -----------------------------------------------------------------------------------


def cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    assert TOKEN not in captured.out + captured.err
    return code, captured.out, captured.err


@pytest.fixture
def served(fake: FakeProlific, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    monkeypatch.setenv("PROLIFIC_TOKEN", TOKEN)
    monkeypatch.setattr("sys.stdin", io.StringIO(""))  # not a terminal
    with fake.serve() as url:
        monkeypatch.setenv("PROLIFIC_URL", url)
        yield url


def test_cli_plan_shows_the_check_and_publish_of_a_file_acts_on_it(
    capsys: pytest.CaptureFixture[str], served: str, fake: FakeProlific, study_file: Path, state: Path
) -> None:
    assert cli(capsys, "studies", "apply", "--state", str(state), str(study_file))[0] == 0
    code, out, _ = cli(
        capsys, "--json", "studies", "plan", "--state", str(state), str(study_file), "--max-spend", "£40"
    )
    spend = json.loads(out)["spend"]
    assert code == 0 and (spend["cost"], spend["cap"], spend["cap_source"]) == ("41.88", "40", "max_spend")
    assert spend["refusal"] == "publish would cost GBP 41.88, over the cap of GBP 40.00 (max_spend)"
    argv = ("studies", "publish", str(study_file), "--state", str(state), "--yes")
    code, out, err = cli(capsys, "--json", *argv, "--max-spend", "£40")
    assert code == 1 and json.loads(out)["error"]["type"] == "SpendLimitError" and sent(fake, "publish-study") == 0
    code, out, err = cli(capsys, "--json", *argv)
    data = json.loads(out)
    assert code == 0 and data["status"] == "ACTIVE" and data["cost"] == "41.88", err
    assert "cost:     GBP 41.88 (40 places x GBP 0.75, fees and VAT included)" in err


def _studies_commands() -> dict[str, argparse.ArgumentParser]:
    root = build_parser()
    [group] = [a for a in root._actions if isinstance(a, argparse._SubParsersAction)]
    [actions] = [a for a in group.choices["studies"]._actions if isinstance(a, argparse._SubParsersAction)]
    return dict(actions.choices)


def test_every_studies_command_takes_json() -> None:
    commands = _studies_commands()
    expected = {"check", "plan", "apply", "pull", "publish", "pause", "start", "stop", "add-places", "test",
                "duplicate", "delete", "list", "show", "watch", "export"}  # fmt: skip
    assert set(commands) == expected
    assert [name for name, parser in commands.items() if "--json" not in parser._option_string_actions] == []


def test_every_studies_command_prints_one_json_document(
    capsys: pytest.CaptureFixture[str],
    served: str,
    fake: FakeProlific,
    study_file: Path,
    tmp_path: Path,
    project: tuple[str, str],
) -> None:
    """Each command with --json, in a study's life order: stdout is one JSON document (watch: JSON Lines)."""
    state = str(tmp_path / "s.sqlite3")
    code, out, err = cli(capsys, "--json", "studies", "apply", "--state", state, str(study_file))
    study = json.loads(out)["study_id"]
    seen: dict[str, Any] = {"apply": [json.loads(out)]}
    runs: list[tuple[str, ...]] = [
        ("check", str(study_file)),
        ("plan", "--state", state, str(study_file)),
        ("pull", study),
        ("test", study),
        ("duplicate", study),
        ("list", "--status", "unpublished", "--project", project[1]),
        ("show", study),
        ("add-places", study, "2", "--yes"),
        ("publish", str(study_file), "--state", state, "--yes"),  # apply again first: the places changed
        ("pause", study),
        ("start", study),
        ("stop", study),
        ("export", study, "-o", str(tmp_path / "out.csv")),
        ("watch", study),
    ]
    for argv in runs:
        if argv[0] == "publish":
            text = study_file.read_text().replace("total_available_places: 40", "total_available_places: 42")
            study_file.write_text(text)
            assert cli(capsys, "studies", "apply", "--state", state, str(study_file))[0] == 0
        code, out, err = cli(capsys, "--json", "studies", *argv)
        assert code == 0, (argv, err)
        lines = out.splitlines() if argv[0] == "watch" else [out]
        seen[argv[0]] = [json.loads(line) for line in lines]
    assert [row["id"] for row in seen["list"][0]] == [study, seen["duplicate"][0]["id"]]  # the project's drafts
    copy = seen["duplicate"][0]["id"]
    code, out, _ = cli(capsys, "--json", "studies", "delete", copy)
    assert code == 0 and json.loads(out)["deleted"] is True
    assert set(seen) | {"delete"} == set(_studies_commands())
