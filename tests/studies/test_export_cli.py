"""``prolific-client studies export``: a file whole or not at all, stdout, the join report, no access said plainly."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import pytest

import prolific.cli._context as cli_context
from prolific import Prolific
from prolific.cli import main
from prolific.testing import FakeProlific


@pytest.fixture
def study(fake: FakeProlific, served: str, monkeypatch: pytest.MonkeyPatch) -> str:
    def client(token: str | None, *, base_url: str | None = None, **kwargs: Any) -> Prolific:
        made = Prolific(token, base_url=served, **kwargs)
        made.sleep = fake.advance
        return made

    monkeypatch.setattr(cli_context, "Prolific", client)
    monkeypatch.setenv("PROLIFIC_TOKEN", "researcher-token-0123")
    study_id = fake.add_study(workspace_id="ws", total_available_places=40)
    fake.studies[study_id]["status"] = "ACTIVE"
    fake.take_part(study_id, 25)
    return study_id


def test_export_to_a_file_with_demographics_and_a_join(
    fake: FakeProlific, study: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    mine = tmp_path / "mine.csv"
    people = [s["participant_id"] for s in fake.submissions[study]]
    mine.write_text(
        "pid,answer\n" + "".join(f"{p},{n}\n" for n, p in enumerate(people[:20])) + "ffffffffffffffffffffffff,x\n"
    )
    fake.demographic_export_delay = 5
    target = tmp_path / "results.csv"
    code = main(["studies", "export", study, "-o", str(target), "--demographics", "--join", str(mine), "--on", "pid"])
    out, err = capsys.readouterr()
    assert code == 0, err
    rows = list(csv.DictReader(target.read_text().splitlines()))
    assert len(rows) == 25 and rows[0]["answer"] == "0" and rows[0]["Age"]
    assert f"exported 25 submissions to {target}" in err
    assert "demographic export: Prolific is generating it (waited 0 s)" in err
    assert f"5 submissions match no row of {mine}" in err
    assert f"1 row of {mine} matches no submission (line 22)" in err
    assert "researcher-token-0123" not in out + err


def test_export_to_stdout_as_json_lines(study: str, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["studies", "export", study, "--format", "jsonl"])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert len([json.loads(line) for line in out.splitlines()]) == 25


def test_no_access_to_demographics_is_said_plainly_and_nothing_is_written(
    fake: FakeProlific, study: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fake.demographic_export_access = False
    target = tmp_path / "results.csv"
    code = main(["studies", "export", study, "-o", str(target), "--demographics"])
    err = capsys.readouterr().err
    assert code == 1
    assert "has no access to Prolific's demographic export" in err
    assert not target.exists() and list(tmp_path.iterdir()) == []


def test_usage_mistakes_exit_2(study: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["studies", "export", study, "--join", "x.csv"]) == 2
    assert "--join FILE and --on COLUMN go together" in capsys.readouterr().err
    existing = tmp_path / "results.csv"
    existing.write_text("keep me")
    assert main(["studies", "export", study, "-o", str(existing)]) == 2
    assert "pass --force" in capsys.readouterr().err and existing.read_text() == "keep me"
    assert main(["studies", "export", study, "-o", str(tmp_path / "results.xlsx")]) == 2
