"""``prolific-client studies watch`` without a terminal: one line per change, JSON Lines with ``--json``.

The command runs in-process against the scripted study served over HTTP; its client's clock is the
script's (the waits move the fake's clock), so the whole story takes no time.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

import prolific.cli._context as cli_context
from prolific import Prolific
from prolific.cli import main
from prolific.studies import ALERT_KINDS

from .conftest import ScriptedStudy


@pytest.fixture
def cli(script: ScriptedStudy, served: str, monkeypatch: pytest.MonkeyPatch) -> ScriptedStudy:
    """The command's client talks to the served fake and waits with the script's clock."""

    def client(token: str | None, *, base_url: str | None = None, **kwargs: Any) -> Prolific:
        made = Prolific(token, base_url=served, **kwargs)
        made.sleep = script.sleep
        return made

    monkeypatch.setattr(cli_context, "Prolific", client)
    monkeypatch.setenv("PROLIFIC_TOKEN", "researcher-token-0123")
    return script


def test_json_lines_one_object_per_change_alerts_also_on_stderr(
    cli: ScriptedStudy, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["studies", "watch", cli.study_id, "--review-backlog", "10", "--json"])
    out, err = capsys.readouterr()
    assert code == 0, err
    lines = [json.loads(line) for line in out.splitlines()]
    alerts = [line for line in lines if line["type"] == "alert"]
    snapshots = [line for line in lines if line["type"] == "snapshot"]
    assert sorted(a["kind"] for a in alerts) == sorted(ALERT_KINDS)
    assert snapshots[-1]["status"] == "COMPLETED" and lines[-1] == snapshots[-1]
    assert [line for line in err.splitlines() if line.startswith("alert: ")] == [
        f"alert: {a['message']}" for a in alerts
    ]
    assert "researcher-token-0123" not in out + err


def test_off_a_terminal_one_plain_line_per_change(cli: ScriptedStudy, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["studies", "watch", cli.study_id, "--review-backlog", "10"])
    out, err = capsys.readouterr()
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0].startswith("[0:00:00] ACTIVE | places 0 of 20 taken | submissions none yet")
    assert "credentials 27 left for 20 places left" in lines[0]
    assert "Prolific predicted 1 hour" in lines[0]
    assert lines[-1].split("] ", 1)[1].startswith("COMPLETED | places 20 of 20 taken | submissions approved 20")
    assert any("returns 33% returned" in line for line in lines)  # the burst: 4 of 12
    assert all("\x1b[" not in line for line in lines)  # nothing drawn: no terminal
    alerts = [line for line in err.splitlines() if line.startswith("alert: ")]
    assert len(alerts) == len(ALERT_KINDS)
    assert any("high return rate: 4 of 12 submissions returned (33%" in a for a in alerts)
    assert any("study paused by itself" in a for a in alerts)


def test_ctrl_c_exits_130(cli: ScriptedStudy, capsys: pytest.CaptureFixture[str]) -> None:
    def interrupted(seconds: float) -> None:
        raise KeyboardInterrupt

    cli.sleep = interrupted  # type: ignore[method-assign]
    code = main(["studies", "watch", cli.study_id, "--json"])
    out, err = capsys.readouterr()
    assert code == 130
    assert json.loads(out.splitlines()[0])["type"] == "snapshot"  # what was seen before stays printed
    assert "interrupted" in err


def test_a_bad_study_id_is_a_usage_error_before_any_request(
    cli: ScriptedStudy, capsys: pytest.CaptureFixture[str]
) -> None:
    before = len(cli.fake.requests)
    code = main(["studies", "watch", "nope"])
    assert code == 2
    assert "study_id" in capsys.readouterr().err
    assert len(cli.fake.requests) == before
