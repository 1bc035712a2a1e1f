"""A study file against FakeProlific: online checks, plan (cost, reach, balance), apply (exactly one draft), pull.

The fake answers the calculators through ``fake.route`` (``file_fakes.install``) until it gives them
itself. Every test asserts on what was sent: ``plan`` and the checks send no write; a rerun after a
lost answer makes no second draft; a refused change sends nothing.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml

from prolific import (
    APIConnectionError,
    AsyncProlific,
    InvalidArgumentError,
    Prolific,
    ProlificError,
    StudyFileError,
    StudyStateError,
)
from prolific.cli import main
from prolific.studies import check
from prolific.studies._bindings import StudyStore
from prolific.studies._plan import MARKER_PREFIX, MINIMUM_PLAN_REQUESTS
from prolific.testing import FakeProlific

from .file_fakes import TOKEN, Account, cost_of, eligible_for, install

TEMPLATES = Path(__file__).with_name("go_cli_templates")
REFUSED = {
    "standard-sample-aitaskbuilder.json",
    "study-with-ethnicity-screener.json",
    "study-with-participant-group.json",
    "study-with-weighted-filters.json",
    "study-with-age-range-weighted-filters.json",
}
VALID_TEMPLATES = sorted(
    p.name for p in TEMPLATES.iterdir() if p.suffix in (".json", ".yaml") and p.name not in REFUSED
)
WRITES = {"create-study", "update-study", "publish-study", "create-credential-pool", "delete-study"}

STUDY: dict[str, Any] = {
    "name": "Wave 1",
    "description": "A short survey",
    "external_study_url": "https://example.org/s?PROLIFIC_PID={{%PROLIFIC_PID%}}",
    "prolific_id_option": "url_parameters",
    "completion_codes": [{"code": "DONE1", "code_type": "COMPLETED", "actions": [{"action": "MANUALLY_REVIEW"}]}],
    "total_available_places": 20,
    "estimated_completion_time": 10,
    "reward": "£1.50",
    "project_name": "Waves",
    "workspace": "Lab",
    # No range filter here: see SPEC_DEFECT (the fake refuses any integer range).
    "filters": [{"filter": "Handedness", "values": ["Left-handed"]}],
}


@pytest.fixture
def account() -> Account:
    return install(FakeProlific(token=TOKEN))


@pytest.fixture
def client(account: Account) -> Iterator[Prolific]:
    with Prolific(TOKEN, http_client=httpx.Client(transport=account.fake.transport)) as client:
        yield client


@pytest.fixture
def state(tmp_path: Path) -> Path:
    return tmp_path / "state" / "studies.sqlite3"


def write(tmp_path: Path, study: dict[str, Any], name: str = "study.yaml") -> Path:
    path = tmp_path / name
    path.write_text(yaml.safe_dump(study, sort_keys=False) if name.endswith(".yaml") else json.dumps(study, indent=2))
    return path


def writes(account: Account) -> list[str]:
    return [op for op in account.operations() if op in WRITES]


def line_of(path: Path, needle: str) -> int:
    return next(i for i, line in enumerate(path.read_text().splitlines(), 1) if needle in line)


# -- Prolific's Go CLI templates plan against the fake ----------------------------------------------------


@pytest.mark.parametrize("name", VALID_TEMPLATES)
def test_a_valid_template_plans_against_the_fake(name: str, account: Account, client: Prolific, tmp_path: Path) -> None:
    account.fake.add_project("619e049f7648a4e1f8f3645b", account.workspace_id)  # study-in-project's project
    pool = "64a1b2c3d4e5f6a7b8c9d0e1_12345678-1234-11e0-8000-0a1b2c3d4e5f"  # study-with-credential-pool's
    account.fake.route(
        "list-credential-pools",
        lambda r: {
            "credential_pools": [{"credential_pool_id": pool, "total_credentials": 80, "available_credentials": 80}]
        },
    )
    path = tmp_path / name
    shutil.copy(TEMPLATES / name, path)
    plan = client.studies.plan(path)
    assert plan.action == "create"
    assert plan.check.ok and not plan.refused
    body = json.loads(json.dumps(plan.body))
    assert "completion_code" not in body and "completion_option" not in body
    assert plan.cost == cost_of(body["reward"], body["total_available_places"])
    assert plan.eligible is not None
    assert plan.available_balance == account.balance
    assert writes(account) == []


# -- online checks: at the line and column, nothing written ------------------------------------------------


def test_friendly_names_resolve_to_ids(account: Account, client: Prolific, tmp_path: Path) -> None:
    result = client.studies.check(write(tmp_path, STUDY), online=True)
    assert result.ok, [str(p) for p in result.problems]
    assert result.body["project"] == account.project_id
    assert result.body["reward"] == 150
    assert result.body["filters"][0] == {"filter_id": "handedness", "selected_values": ["0"]}
    assert writes(account) == []


@pytest.mark.parametrize(
    ("change", "needle", "column", "path", "words"),
    [
        (
            {"filters": [{"filter_id": "handednes", "selected_values": ["0"]}]},
            "filter_id: handednes",
            14,
            "filters[0].filter_id",
            "did you mean 'handedness'?",
        ),
        (
            {"filters": [{"filter_id": "handedness", "selected_values": ["7"]}]},
            "- '7'",
            5,
            "filters[0].selected_values[0]",
            "its choices are 0 (Left-handed), 1 (Right-handed)",
        ),
        (
            {"filters": [{"filter": "Handedness", "values": ["Left handed"]}]},
            "- Left handed",
            5,
            "filters[0].values[0]",
            "did you mean 'Left-handed'?",
        ),
        (
            {"filters": [{"filter_id": "age", "selected_range": {"lower": 12, "upper": 30}}]},
            "lower: 12",
            12,
            "filters[0].selected_range.lower",
            "outside age's range (18 to 100)",
        ),
        ({"project_name": "Wave"}, "project_name", 15, "project_name", "did you mean 'Waves'?"),
        ({"workspace": "Labs"}, "workspace", 12, "workspace", "did you mean 'Lab'?"),
        ({"reward": "$1.50"}, "reward", 9, "reward", "the workspace pays in GBP"),
        (
            {"filter_set_id": "6540aa0000000000000000aa", "filters": []},
            "filter_set_id",
            16,
            "filter_set_id",
            "no filter set",
        ),
    ],
)
def test_an_online_mutation_is_refused_at_its_line_and_column(
    change: dict[str, Any],
    needle: str,
    column: int,
    path: str,
    words: str,
    account: Account,
    client: Prolific,
    tmp_path: Path,
) -> None:
    file = write(tmp_path, {**STUDY, **change})
    result = client.studies.check(file, online=True)
    assert [(p.line, p.column, p.field) for p in result.problems] == [(line_of(file, needle), column, path)], [
        str(p) for p in result.problems
    ]
    assert words in result.problems[0].message
    with pytest.raises(StudyFileError):
        client.studies.apply(file, state=tmp_path / "s.sqlite3")
    assert writes(account) == []


def test_the_filters_list_is_cached_with_its_age(
    account: Account, client: Prolific, tmp_path: Path, state: Path
) -> None:
    file = write(tmp_path, STUDY)
    first = client.studies.check(file, online=True, state=state)
    assert any("fetched now" in note for note in first.notes)
    again = client.studies.check(file, online=True, state=state)
    assert account.count("get-filters") == 1
    assert any("cached, just now old" in note for note in again.notes)
    with StudyStore(state) as store:
        fetched, value = store.cached(f"filters:{account.workspace_id}") or (0.0, None)
        store.cache(f"filters:{account.workspace_id}", value, fetched_at=fetched - 3 * 3600)
    older = client.studies.check(file, online=True, state=state)
    assert any("cached, 3 h old" in note for note in older.notes)
    client.studies.check(file, online=True, state=state, refresh=True)
    assert account.count("get-filters") == 2


def test_a_pool_short_of_the_places_is_refused(account: Account, client: Prolific, tmp_path: Path) -> None:
    pool = f"{account.workspace_id}_3f1c"
    account.fake.route(
        "list-credential-pools",
        lambda r: {
            "credential_pools": [{"credential_pool_id": pool, "total_credentials": 25, "available_credentials": 12}]
        },
    )
    file = write(tmp_path, {**STUDY, "credential_pool_id": pool})
    (problem,) = client.studies.check(file, online=True).problems
    assert problem.field == "credential_pool_id" and "12 unused credentials for 20 places" in problem.message
    ok = write(tmp_path, {**STUDY, "credential_pool_id": pool, "total_available_places": 10}, "ok.yaml")
    result = client.studies.check(ok, online=True)
    assert result.ok and [w.field for w in result.warnings] == ["credential_pool_id"]  # 12 < 15 advised


def test_a_reward_under_prolifics_minimum_is_a_warning(account: Account, client: Prolific, tmp_path: Path) -> None:
    result = client.studies.check(write(tmp_path, {**STUDY, "reward": 90}), online=True)
    assert result.ok
    (warning,) = result.warnings
    assert warning.field == "reward" and "£5.40 an hour" in warning.message and "minimum of £6.00" in warning.message


# -- plan and apply ----------------------------------------------------------------------------------------------


def test_plan_shows_the_draft_with_its_cost_reach_and_balance(
    account: Account, client: Prolific, tmp_path: Path, state: Path
) -> None:
    plan = client.studies.plan(write(tmp_path, STUDY), state=state)
    assert plan.action == "create" and plan.study_id is None
    assert plan.cost == cost_of(150, 20)
    assert plan.eligible == eligible_for([{"selected_values": ["0"]}])
    assert plan.available_balance == account.balance and plan.balance_after == account.balance - plan.cost
    assert plan.recruitment == "about 0.5 hours"
    shown = str(plan)
    assert "create a draft study" in shown and "cost: £" in shown and "available balance: £1,000.00" in shown
    assert writes(account) == []


def test_apply_then_plan_shows_no_change(
    account: Account, client: Prolific, tmp_path: Path, state_location: Callable[[str], str]
) -> None:
    state = state_location("studies.sqlite3")  # on each engine (tests/conftest.py)
    by_id = {k: v for k, v in STUDY.items() if k not in ("project_name", "workspace")} | {"project": account.project_id}
    file = write(tmp_path, by_id)
    applied = client.studies.apply(file, state=state)
    assert applied.action == "created" and len(account.drafts()) == 1
    assert account.fake.studies[applied.study_id]["metadata"].startswith(MARKER_PREFIX)
    before = len(account.fake.requests)
    plan = client.studies.plan(file, state=state)
    assert plan.action == "none" and plan.study_id == applied.study_id and plan.changes == []
    # The minimum a plan of an existing study sends, with the caches warm (the bench row's figure).
    assert sorted(r.operation_id for r in account.fake.requests[before:]) == sorted(MINIMUM_PLAN_REQUESTS)
    again = client.studies.apply(file, state=state)
    assert again.action == "unchanged" and writes(account) == ["create-study"]


def test_a_rerun_after_the_answer_to_create_is_lost_makes_one_draft(
    account: Account, client: Prolific, tmp_path: Path, state_location: Callable[[str], str]
) -> None:
    state = state_location("studies.sqlite3")  # on each engine (tests/conftest.py)
    file = write(tmp_path, STUDY)
    account.fake.drop_next(after_apply=True, operation="create-study")
    with pytest.raises(APIConnectionError):
        client.studies.apply(file, state=state)  # never resent by the retry policy: it may have been applied
    assert len(account.drafts()) == 1  # Prolific applied it; the answer was lost
    with StudyStore(state) as store:
        binding = store.binding(str(file.resolve()))
    assert binding is not None and binding.state == "creating"
    plan = client.studies.plan(file, state=state)
    assert plan.action == "none" and plan.found_by_marker
    rerun = client.studies.apply(file, state=state)
    assert rerun.action == "unchanged" and len(account.drafts()) == 1
    assert writes(account) == ["create-study"]
    assert client.studies.plan(file, state=state).action == "none"


def test_a_create_that_never_arrived_is_sent_again_with_the_same_marker(
    account: Account, client: Prolific, tmp_path: Path, state: Path
) -> None:
    file = write(tmp_path, STUDY)
    account.fake.drop_next(operation="create-study")  # dropped before Prolific applied it
    with pytest.raises(APIConnectionError):
        client.studies.apply(file, state=state)
    assert account.drafts() == []
    with StudyStore(state) as store:
        marker = store.binding(str(file.resolve())).marker  # type: ignore[union-attr]
    applied = client.studies.apply(file, state=state)
    assert applied.action == "created" and len(account.drafts()) == 1
    assert account.fake.studies[applied.study_id]["metadata"] == marker


def test_an_edited_file_patches_only_what_differs(
    account: Account, client: Prolific, tmp_path: Path, state: Path
) -> None:
    file = write(tmp_path, STUDY)
    created = client.studies.apply(file, state=state)
    write(tmp_path, {**STUDY, "reward": "£2.00", "internal_name": "wave 1 (pilot)"})
    plan = client.studies.plan(file, state=state)
    assert [(c.field, c.old, c.new) for c in plan.changes] == [
        ("reward", 150, 200),
        ("internal_name", None, "wave 1 (pilot)"),
    ]
    updated = client.studies.apply(file, state=state)
    assert updated.action == "updated" and updated.study_id == created.study_id
    patch = [r for r in account.fake.requests if r.operation_id == "update-study"][-1]
    assert patch.body == {"reward": 200, "internal_name": "wave 1 (pilot)"}
    assert client.studies.plan(file, state=state).action == "none"


def test_a_published_study_refuses_fewer_places_locally(
    account: Account, client: Prolific, tmp_path: Path, state: Path
) -> None:
    file = write(tmp_path, STUDY)
    created = client.studies.apply(file, state=state)
    account.fake.studies[created.study_id]["status"] = "ACTIVE"  # published (the fake's own transition rules aside)
    write(tmp_path, {**STUDY, "total_available_places": 10, "description": "changed"})
    plan = client.studies.plan(file, state=state)
    refused = {c.field: c.refused for c in plan.refused}
    assert "places can only be increased once a study is published (it has 20" in (
        refused["total_available_places"] or ""
    )
    assert "Prolific refuses changing description" in (refused["description"] or "")
    with pytest.raises(StudyStateError) as caught:
        client.studies.apply(file, state=state)
    assert "Nothing was sent" in str(caught.value)
    assert writes(account) == ["create-study"]
    write(tmp_path, {**STUDY, "total_available_places": 30})
    more = client.studies.plan(file, state=state)
    assert not more.refused and more.cost == cost_of(150, 10)  # the cost of the places added


def test_study_ties_a_file_to_an_existing_study(
    account: Account, client: Prolific, tmp_path: Path, state: Path
) -> None:
    existing = account.fake.add_study(project=account.project_id, name="Made in the app", reward=150)
    file = write(tmp_path, {**STUDY, "name": "Made in the app"})
    applied = client.studies.apply(file, state=state, study_id=existing)
    assert applied.action == "updated" and applied.study_id == existing
    assert account.count("create-study") == 0
    assert client.studies.plan(file, state=state).study_id == existing  # remembered


# -- pull ---------------------------------------------------------------------------------------------------------


def test_pull_then_plan_shows_no_change(account: Account, client: Prolific, tmp_path: Path) -> None:
    made = account.fake.add_study(
        project=account.project_id,
        name="Made in the web app",
        external_study_url="https://example.org/s?PROLIFIC_PID={{%PROLIFIC_PID%}}",
        reward=225.0,
        internal_name="wave 0",
        filters=[{"filter_id": "handedness", "selected_values": ["1"]}],
        completion_codes=[
            {
                "code": "X1",
                "code_type": "COMPLETED",
                "actions": [{"action": "AUTOMATICALLY_APPROVE"}],
                "actor": "participant",
            }
        ],
    )
    text = client.studies.pull(made)
    assert "reward: 225\n" in text and text.count("study_id: ") == 1
    file = tmp_path / "pulled.yaml"
    file.write_text(text)
    assert check(file).ok, [str(p) for p in check(file).problems]
    plan = client.studies.plan(file)
    assert plan.action == "none" and plan.study_id == made, str(plan)
    as_json = tmp_path / "pulled.json"
    as_json.write_text(client.studies.pull(made, format="json"))
    assert client.studies.plan(as_json).action == "none"
    assert writes(account) == []


# -- async, and the command line -----------------------------------------------------------------------------------


async def test_the_async_twin_applies_once(account: Account, tmp_path: Path, state: Path) -> None:
    file = write(tmp_path, STUDY)
    async with AsyncProlific(TOKEN, http_client=httpx.AsyncClient(transport=account.fake.transport)) as client:
        created = await client.studies.apply(file, state=state)
        plan = await client.studies.plan(file, state=state)
        text = await client.studies.pull(created.study_id)
    assert created.action == "created" and plan.action == "none" and "study_id:" in text
    assert len(account.drafts()) == 1


def test_cli_plan_apply_pull(
    account: Account, tmp_path: Path, state: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("PROLIFIC_TOKEN", TOKEN)

    def client_class(token: str | None = None, *, base_url: str | None = None) -> Prolific:
        return Prolific(token, http_client=httpx.Client(transport=account.fake.transport))

    monkeypatch.setattr("prolific.cli._context.Prolific", client_class, raising=False)
    file = write(tmp_path, STUDY)
    assert main(["studies", "check", "--online", "--state", str(state), str(file)]) == 0
    capsys.readouterr()
    assert main(["studies", "plan", "--state", str(state), str(file)]) == 0
    out = capsys.readouterr().out
    assert "create a draft study" in out and "cost: £" in out
    assert main(["studies", "apply", "--json", "--state", str(state), str(file)]) == 0
    applied = json.loads(capsys.readouterr().out)
    assert applied["action"] == "created"
    assert main(["studies", "pull", applied["study_id"], "-o", str(tmp_path / "pulled.yaml")]) == 0
    capsys.readouterr()
    assert main(["studies", "plan", "--json", "--state", str(state), str(tmp_path / "pulled.yaml")]) == 0
    assert json.loads(capsys.readouterr().out)["action"] == "none"
    assert (
        main(["studies", "plan", "--state", str(state), str(write(tmp_path, {**STUDY, "rewrd": 1}, "bad.yaml"))]) == 2
    )
    err = capsys.readouterr().err
    assert "bad.yaml:" in err and "rewrd" in err and TOKEN not in err
    assert writes(account) == ["create-study"]


# -- a credential pool from a CSV ----------------------------------------------------------------------------------


def test_a_credentials_file_becomes_one_pool_attached_to_the_draft(
    account: Account, client: Prolific, tmp_path: Path, state: Path
) -> None:
    logins = "".join(f"user{n},password-{n:04d}-secret\n" for n in range(1, 31))
    (tmp_path / "logins.csv").write_text(logins)
    file = write(tmp_path, {**STUDY, "credentials_file": "logins.csv"})
    plan = client.studies.plan(file, state=state)
    assert plan.pool_to_create == (str(tmp_path / "logins.csv"), 30)
    assert "a credential pool of 30 credentials" in str(plan) and "password-0001" not in str(plan)
    assert account.fake.pools == {}
    applied = client.studies.apply(file, state=state)
    (pool_id,) = account.fake.pools
    assert applied.credential_pool_id == pool_id
    assert account.fake.studies[applied.study_id]["credential_pool_id"] == pool_id
    assert client.studies.plan(file, state=state).action == "none"  # the pool is remembered, not made again
    assert client.studies.apply(file, state=state).action == "unchanged"
    assert account.count("create-credential-pool") == 1


def test_a_pool_upload_without_an_answer_is_not_made_twice(
    account: Account, client: Prolific, tmp_path: Path, state: Path
) -> None:
    (tmp_path / "logins.csv").write_text("".join(f"user{n},password-{n:04d}\n" for n in range(1, 31)))
    file = write(tmp_path, {**STUDY, "credentials_file": "logins.csv"})
    account.fake.drop_next(after_apply=True, operation="create-credential-pool")
    with pytest.raises(APIConnectionError):
        client.studies.apply(file, state=state)
    with pytest.raises(ProlificError) as caught:
        client.studies.apply(file, state=state)
    assert "a pool may exist" in str(caught.value) and "credentials list" in str(caught.value)
    assert account.count("create-credential-pool") == 1 and account.count("create-study") == 0


def test_a_file_tied_to_a_study_that_is_gone_says_so(account: Account, client: Prolific, tmp_path: Path) -> None:
    file = write(tmp_path, {**STUDY, "study_id": "6540aa000000000000000000"})
    with pytest.raises(InvalidArgumentError) as caught:
        client.studies.plan(file)
    assert "study 6540aa000000000000000000, which the file describes" in str(caught.value)
    assert writes(account) == []
