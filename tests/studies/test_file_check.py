"""A study file checked offline: Prolific's Go CLI templates, mutations at their line and column, the friendly keys.

Nothing here sends a request: ``prolific.studies.check`` and ``prolific-client studies check`` are
offline (the last test proves the command loads no httpx).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from prolific import StudyFileError
from prolific.cli import main
from prolific.studies import StudyCheck, check, check_text
from prolific.studies._schema import SCHEMA_FILE, extract_schema

TEMPLATES = Path(__file__).with_name("go_cli_templates")
ALL_TEMPLATES = sorted(p.name for p in TEMPLATES.iterdir() if p.suffix in (".json", ".yaml"))
# Refused, and why (the key path of the one error each has); see go_cli_templates/README.md.
REFUSED = {
    "standard-sample-aitaskbuilder.json": "data_collection_method",
    "study-with-ethnicity-screener.json": "eligibility_requirements",
    "study-with-participant-group.json": "eligibility_requirements",
    "study-with-weighted-filters.json": "study_type",
    "study-with-age-range-weighted-filters.json": "study_type",
}

VALID: dict[str, Any] = {
    "name": "Wave 1",
    "description": "A short survey",
    "external_study_url": "https://example.org/s?PROLIFIC_PID={{%PROLIFIC_PID%}}",
    "prolific_id_option": "url_parameters",
    "completion_codes": [{"code": "DONE1", "code_type": "COMPLETED", "actions": [{"action": "MANUALLY_REVIEW"}]}],
    "total_available_places": 20,
    "estimated_completion_time": 10,
    "reward": 250,
}


def yaml_text(study: dict[str, Any]) -> str:
    return yaml.safe_dump(study, sort_keys=False)


def located(result: StudyCheck) -> list[tuple[int | None, int | None, str | None]]:
    return [(p.line, p.column, p.field) for p in result.problems]


def line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


# -- Prolific's Go CLI templates ----------------------------------------------------------------------


def test_every_template_is_here() -> None:
    assert len(ALL_TEMPLATES) == 23
    assert set(REFUSED) <= set(ALL_TEMPLATES)


@pytest.mark.parametrize("name", [n for n in ALL_TEMPLATES if n not in REFUSED])
def test_a_valid_template_checks_clean(name: str) -> None:
    result = check(TEMPLATES / name)
    assert result.ok, [str(p) for p in result.problems]
    # completion_code is deprecated: named, with its replacement, and never sent.
    assert any(w.field == "completion_code" and "completion_codes" in w.message for w in result.warnings)
    assert "completion_code" not in result.body
    assert "completion_option" not in result.body
    assert result.body["completion_codes"], "a lone completion_code becomes Prolific's default completion_codes"


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_an_invalid_template_is_refused_with_line_and_key_path(name: str) -> None:
    result = check(TEMPLATES / name)
    assert [p.field for p in result.problems] == [REFUSED[name]]
    problem = result.problems[0]
    text = (TEMPLATES / name).read_text()
    assert problem.line == line_of(text, f'"{REFUSED[name]}"')
    assert problem.column is not None and problem.column > 1
    with pytest.raises(StudyFileError) as caught:
        result.raise_for_problems()
    assert f"{name}:{problem.line}:{problem.column}: {REFUSED[name]}:" in str(caught.value)


def test_a_lone_completion_code_is_sent_as_prolifics_default_and_said_so() -> None:
    result = check(TEMPLATES / "standard-sample.yaml")
    assert result.body["completion_codes"] == [
        {"code": "COMPLE01", "code_type": "COMPLETED", "actions": [{"action": "MANUALLY_REVIEW"}]}
    ]
    (warning,) = [w for w in result.warnings if w.field == "completion_code"]
    assert (warning.line, warning.column) == (6, 1)
    assert "MANUALLY_REVIEW" in warning.message and "write that instead" in warning.message


# -- mutations of a valid file: each at its line and column, nothing else -----------------------------


def test_the_valid_file_checks_clean_in_both_formats() -> None:
    assert check_text(yaml_text(VALID), source="s.yaml").ok
    assert check_text(json.dumps(VALID, indent=2), source="s.json").ok


@pytest.mark.parametrize(
    ("change", "needle", "column", "path", "words"),
    [
        ({"rewrd": 250}, "rewrd", 1, "rewrd", "did you mean 'reward'?"),
        (
            {"total_available_places": "20"},
            "total_available_places",
            25,
            "total_available_places",
            "write 20 without quotes",
        ),
        ({"reward": 4.00}, "reward", 9, "reward", "write 400 for 4.0"),
        ({"maximum_allowed_time": 5}, "maximum_allowed_time", 23, "maximum_allowed_time", "under the estimated time"),
        (
            {"prolific_id_option": "url_parameter"},
            "prolific_id_option",
            21,
            "prolific_id_option",
            "did you mean 'url_parameters'?",
        ),
        (
            {"external_study_url": "https://example.org/s"},
            "external_study_url",
            21,
            "external_study_url",
            "{{%PROLIFIC_PID%}}",
        ),
        ({"total_available_places": 0}, "total_available_places", 25, "total_available_places", "more than 0"),
        (
            {"device_compatibility": ["desktop", "phone"]},
            "- phone",
            3,
            "device_compatibility[1]",
            "not one of desktop, tablet, mobile",
        ),
    ],
)
def test_a_mutation_is_refused_at_its_line_and_column(
    change: dict[str, Any], needle: str, column: int, path: str, words: str
) -> None:
    text = yaml_text({**VALID, **change})
    result = check_text(text, source="s.yaml")
    assert located(result) == [(line_of(text, needle), column, path)], [str(p) for p in result.problems]
    assert words in result.problems[0].message
    assert str(result.problems[0]).startswith(f"s.yaml:{line_of(text, needle)}:{column}: {path}: ")


def test_a_reward_written_as_pounds_in_yaml_keeps_its_decimals_in_the_message() -> None:
    text = yaml_text(VALID).replace("reward: 250", "reward: 4.00")
    (problem,) = check_text(text, source="s.yaml").problems
    assert "4.00 looks like pounds" in problem.message and "write 400 for 4.00" in problem.message
    assert "'£4.00'" in problem.message


def test_every_problem_at_once_in_file_order() -> None:
    study = {**VALID, "rewrd": 1, "total_available_places": "x", "filters": [{"filter_id": "age"}]}
    result = check_text(json.dumps(study, indent=2), source="s.json")
    assert [p.field for p in result.problems] == ["total_available_places", "rewrd", "filters[0]"]
    assert [p.line for p in result.problems] == sorted(p.line or 0 for p in result.problems)
    assert "selected_values" in result.problems[2].message or "selected_range" in result.problems[2].message


def test_nested_errors_name_the_whole_key_path() -> None:
    study = {
        **VALID,
        "completion_codes": [
            {"code": "A", "code_type": "COMPLETED", "actions": [{"action": "AUTOMATICALY_APPROVE"}]},
            {"code": "A", "code_type": "COMPLETED", "actions": [{"action": "ADD_TO_PARTICIPANT_GROUP"}]},
        ],
    }
    result = check_text(json.dumps(study, indent=2), source="s.json")
    fields = [p.field for p in result.problems]
    assert fields == [
        "completion_codes[0].actions[0].action",
        "completion_codes[1].code",
        "completion_codes[1].actions[0]",
    ]
    assert "did you mean 'AUTOMATICALLY_APPROVE'?" in result.problems[0].message
    assert "already completion_codes[0]" in result.problems[1].message
    assert "participant_group is required" in result.problems[2].message


def test_json_and_yaml_positions_are_exact() -> None:
    text = '{\n  "name": "x",\n  "reward":   "nope"\n}'
    (reward,) = [p for p in check_text(text, source="s.json").problems if p.field == "reward"]
    assert (reward.line, reward.column) == (3, 15)


def test_a_key_written_twice_is_refused_with_both_lines() -> None:
    text = yaml_text(VALID) + "reward: 300\n"
    (problem,) = check_text(text, source="s.yaml").problems
    first = line_of(text, "reward: 250")
    assert problem.line == first + text.splitlines()[first:].index("reward: 300") + 1
    assert f"lines {first} and {problem.line}" in problem.message
    as_json = '{"name": "a", "name": "b"}'
    (problem,) = check_text(as_json, source="s.json").problems
    assert "'name' is written twice" in problem.message


@pytest.mark.parametrize(
    ("text", "fmt", "where"),
    [('{"name": "x",\n "reward": }', "json", (2, 12)), ("name: x\nreward: [1\n", "yaml", (3, 1))],
)
def test_a_syntax_error_has_its_line_and_column(text: str, fmt: str, where: tuple[int, int]) -> None:
    result = check_text(text, source=f"s.{fmt}", format=fmt)
    (problem,) = result.problems
    assert (problem.line, problem.column) == where
    assert f"not valid {fmt.upper()}" in problem.message


def test_an_unknown_key_inside_an_object_is_refused_with_its_choices() -> None:
    study = {**VALID, "submissions_config": {"max_submission_per_participant": 2}}
    (problem,) = check_text(json.dumps(study, indent=2), source="s.json").problems
    assert problem.field == "submissions_config.max_submission_per_participant"
    assert "did you mean 'max_submissions_per_participant'?" in problem.message


def test_taskflow_needs_no_url_and_its_allocations_add_up() -> None:
    study = {k: v for k, v in VALID.items() if k != "external_study_url"} | {"prolific_id_option": "question"}
    missing = check_text(json.dumps(study), source="s.json").problems
    assert [p.message.split(" (")[0] for p in missing] == ["external_study_url is required"]
    study["access_details"] = [{"external_url": "https://a.org", "total_allocation": 15}]
    (problem,) = check_text(json.dumps(study), source="s.json").problems
    assert problem.field == "access_details" and "add up to 15" in problem.message


# -- the friendly keys ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "cents", "currency"),
    [
        (250, 250, None),
        ("£4.00", 400, "GBP"),
        ("4.5 GBP", 450, "GBP"),
        ("$3.25", 325, "USD"),
        ("3.25 USD", 325, "USD"),
        ("400p", 400, "GBP"),
        ("400 cents", 400, None),
        ("12 pounds", 1200, "GBP"),
    ],
)
def test_a_reward_with_its_unit(written: Any, cents: int, currency: str | None) -> None:
    result = check_text(json.dumps({**VALID, "reward": written}), source="s.json")
    assert result.ok, [str(p) for p in result.problems]
    assert result.body["reward"] == cents
    assert result.wire is not None and result.wire.currency == currency


@pytest.mark.parametrize(
    ("written", "words"),
    [
        ("400", "without quotes"),
        ("£4.005", "more than two decimals"),
        ("4.5p", "cents are whole"),
        ("£4 USD", "two currencies"),
        ("4 quid", "unknown unit"),
        (True, "number of cents"),
        (-5, "cannot be negative"),
    ],
)
def test_a_reward_that_is_not_clear_is_refused(written: Any, words: str) -> None:
    (problem,) = check_text(json.dumps({**VALID, "reward": written}), source="s.json").problems
    assert problem.field == "reward" and words in problem.message


def test_an_hourly_rate_makes_the_reward_rounded_up_to_a_cent() -> None:
    study = {k: v for k, v in VALID.items() if k != "reward"} | {
        "reward_per_hour": "£9.00",
        "estimated_completion_time": 7,
    }
    result = check_text(json.dumps(study), source="s.json")
    assert result.ok and result.body["reward"] == 105  # 900 × 7 / 60 = 105
    study["estimated_completion_time"] = 11
    assert check_text(json.dumps(study), source="s.json").body["reward"] == 165
    study["reward"] = 10
    (problem,) = check_text(json.dumps(study), source="s.json").problems
    assert problem.field == "reward_per_hour" and "not both" in problem.message
    assert "reward_per_hour" not in check_text(json.dumps({**VALID}), source="s.json").body


def test_friendly_keys_are_never_sent_and_misspelt_ones_are_caught() -> None:
    study = {**VALID, "project_name": "Waves", "workspace": "Lab", "study_id": "5e9b9c9b0f9c9a0001b0b1f4"}
    result = check_text(json.dumps(study), source="s.json")
    assert result.ok and result.study_id == "5e9b9c9b0f9c9a0001b0b1f4"
    assert not {"project_name", "workspace", "study_id"} & set(result.body)
    (problem,) = check_text(json.dumps({**VALID, "projct_name": "Waves"}), source="s.json").problems
    assert "did you mean 'project_name'?" in problem.message
    (problem,) = check_text(json.dumps({**VALID, "project_name": "Waves"}), source="s.json").problems
    assert "needs workspace" in problem.message


def test_filters_by_name_become_filter_id_and_selected_values() -> None:
    study = {
        **VALID,
        "filters": [
            {"filter": "Handedness", "values": ["Left-handed"]},
            {"filter_id": "age", "selected_range": {"lower": 30, "upper": 18}},
        ],
    }
    result = check_text(json.dumps(study, indent=2), source="s.json")
    assert result.body["filters"][0] == {"filter_id": "Handedness", "selected_values": ["Left-handed"]}
    (problem,) = result.problems
    assert problem.field == "filters[1].selected_range.lower" and "above upper" in problem.message
    assert result.wire is not None
    assert ("filter", ("filters", 0, "filter_id"), "Handedness") in result.wire.pending


def test_a_credentials_file_is_checked_offline(tmp_path: Path) -> None:
    (tmp_path / "logins.csv").write_text("alice,password-one\nbob,\n")
    study_file = tmp_path / "study.json"
    study_file.write_text(json.dumps({**VALID, "credentials_file": "logins.csv", "workspace": "ws"}))
    (problem,) = check(study_file).problems
    assert problem.field == "credentials_file" and "line 2" in problem.message
    assert "password-one" not in str(problem)
    (tmp_path / "logins.csv").write_text("alice,password-one\nbob,password-two\n")
    result = check(study_file)
    assert result.ok
    (warning,) = [w for w in result.warnings if w.field == "credentials_file"]
    assert "Prolific advises at least 30" in warning.message
    assert result.wire is not None and result.wire.credentials == (str(tmp_path / "logins.csv"), 2)


# -- the schema is the merged spec's ----------------------------------------------------------------------


def test_the_committed_schema_is_what_the_merged_spec_gives() -> None:
    spec_path = Path(__file__).parents[2] / "openapi" / "prolific.yaml"
    with spec_path.open() as handle:
        spec = yaml.load(handle, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    committed = json.loads(SCHEMA_FILE.read_text())
    assert committed == extract_schema(spec), (
        "create_study.schema.json is stale: run `python -m prolific.studies._schema openapi/prolific.yaml`"
    )


# -- the command line ---------------------------------------------------------------------------------------


def test_cli_check_lists_every_problem_and_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "study.yaml"
    text = yaml_text({**VALID, "rewrd": 1, "reward": 4.5})
    bad.write_text(text)
    assert main(["studies", "check", str(bad)]) == 2
    err = capsys.readouterr().err
    assert f"{bad}:{line_of(text, 'rewrd')}:1: rewrd: unknown key 'rewrd'" in err
    assert f"{bad}:{line_of(text, 'reward: 4.5')}:9: reward: 4.5 looks like pounds" in err
    assert "2 errors, 0 warnings" in err
    good = tmp_path / "good.json"
    good.write_text(json.dumps(VALID))
    assert main(["studies", "check", "--json", str(good)]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed["ok"] is True and printed["body"]["reward"] == 250


def test_cli_check_reads_stdin(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    import io

    monkeypatch.setattr(sys, "stdin", io.StringIO(json.dumps({**VALID, "reward": "4"})))
    assert main(["studies", "check", "-"]) == 2
    assert "<stdin>:1:" in capsys.readouterr().err


def test_cli_check_offline_loads_no_httpx(tmp_path: Path) -> None:
    good = tmp_path / "good.yaml"
    good.write_text(yaml_text(VALID))
    script = (
        "import contextlib, io, json, sys\n"
        "from prolific.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):\n"
        "    code = main(['studies', 'check', sys.argv[1]])\n"
        "print(json.dumps({'code': code, 'modules': sorted({m.partition('.')[0] for m in sys.modules})}))\n"
    )
    done = subprocess.run([sys.executable, "-c", script, str(good)], capture_output=True, text=True, check=True)
    data = json.loads(done.stdout)
    assert data["code"] == 0
    assert not {"httpx", "prolific_api_client", "rich"} & set(data["modules"])
