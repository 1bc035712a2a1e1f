"""``credentials list|attach|report|capacity|reconcile`` and ``participant-groups list|get|delete|members|add|remove``.

The real entry point against FakeProlific over loopback: exit codes, ``--json``, and no password
on any stream unless ``--with-passwords`` asks for them on a stdout that is not a terminal.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from prolific.cli import main
from prolific.testing import FakeProlific

TOKEN = "tok-SECRET-pools-91c3e07a"
WS = "ws_cli"
PARTICIPANTS = [f"{0x5E9B0000 + i:024x}" for i in range(5)]


def password(i: int) -> str:
    return f"pw-SECRET-{i:03d}-Qx"


def assert_no_secrets(*texts: str) -> None:
    for text in texts:
        assert TOKEN not in text and "pw-SECRET" not in text, text


@pytest.fixture
def fake() -> FakeProlific:
    return FakeProlific(token=TOKEN)


@pytest.fixture
def url(fake: FakeProlific, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    monkeypatch.setenv("PROLIFIC_TOKEN", TOKEN)
    monkeypatch.delenv("PROLIFIC_URL", raising=False)
    with fake.serve() as base:
        monkeypatch.setenv("PROLIFIC_URL", base)
        yield base


@pytest.fixture
def logins(tmp_path: Path) -> Path:
    path = tmp_path / "logins.csv"
    path.write_text("username,password\n" + "".join(f"user{i:03d},{password(i)}\n" for i in range(1, 9)))
    return path


def cli(capsys: pytest.CaptureFixture[str], *argv: str, secrets_allowed: bool = False) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    assert_no_secrets(captured.err)
    if not secrets_allowed:
        assert_no_secrets(captured.out)
    return code, captured.out, captured.err


@pytest.fixture
def study(fake: FakeProlific, url: str, logins: Path, capsys: pytest.CaptureFixture[str]) -> tuple[str, str]:
    """A draft study with 6 places and a pool of the 8 credentials of ``logins`` (not attached)."""
    code, out, _ = cli(capsys, "credentials", "create", "--workspace", WS, str(logins))
    assert code == 0
    return fake.add_study(workspace_id=WS, total_available_places=6), out.strip()


def publish_and_redeem(fake: FakeProlific, study_id: str, participants: int) -> None:
    fake.studies[study_id]["status"] = "ACTIVE"
    for participant in PARTICIPANTS[:participants]:
        fake.redeem(study_id, participant)


# -- credentials list / attach --------------------------------------------------------------------


def test_list(capsys: pytest.CaptureFixture[str], study: tuple[str, str]) -> None:
    _, pool_id = study
    code, out, _ = cli(capsys, "credentials", "list", "--workspace", WS)
    assert code == 0 and out.splitlines()[0].split() == ["POOL", "TOTAL", "AVAILABLE", "USED"]
    assert out.splitlines()[1].split() == [pool_id, "8", "8", "0"]
    code, out, _ = cli(capsys, "--json", "credentials", "list", "--workspace", WS)
    assert code == 0 and json.loads(out) == [
        {"credential_pool_id": pool_id, "workspace_id": WS, "total": 8, "available": 8, "used": 0}
    ]
    code, out, err = cli(capsys, "credentials", "list", "--workspace", "ws_empty")
    assert code == 0 and out == "" and "no credential pools" in err
    assert cli(capsys, "credentials", "list")[0] == 2  # --workspace is required


def test_attach_and_a_non_draft_study(
    capsys: pytest.CaptureFixture[str], fake: FakeProlific, study: tuple[str, str]
) -> None:
    study_id, pool_id = study
    code, out, _ = cli(capsys, "credentials", "attach", study_id, pool_id)
    assert code == 0 and pool_id in out and "UNPUBLISHED" in out
    assert fake.studies[study_id]["credential_pool_id"] == pool_id
    code, out, _ = cli(capsys, "--json", "credentials", "attach", study_id, pool_id)
    assert json.loads(out) == {
        "study_id": study_id, "credential_pool_id": pool_id, "status": "UNPUBLISHED", "has_credentials": True
    }  # fmt: skip

    fake.studies[study_id]["status"] = "ACTIVE"
    before = len(fake.requests)
    code, out, err = cli(capsys, "--json", "credentials", "attach", study_id, pool_id)
    error = json.loads(out)["error"]
    assert code == 1 and error["type"] == "StudyStateError" and error["status"] is None
    assert "is ACTIVE" in error["detail"] and "draft" in err
    assert [r.method for r in fake.requests[before:]] == ["GET"]


def test_attach_a_pool_of_another_workspace(
    capsys: pytest.CaptureFixture[str], fake: FakeProlific, study: tuple[str, str], logins: Path
) -> None:
    study_id, _ = study
    code, out, _ = cli(capsys, "credentials", "create", "--workspace", "ws_other", str(logins))
    code, out, err = cli(capsys, "--json", "credentials", "attach", study_id, out.strip())
    assert code == 1 and json.loads(out)["error"]["status"] == 400 and "workspace ws_other" in err


# -- report ---------------------------------------------------------------------------------------


def test_report_table_csv_json(capsys: pytest.CaptureFixture[str], fake: FakeProlific, study: tuple[str, str]) -> None:
    study_id, pool_id = study
    assert cli(capsys, "credentials", "attach", study_id, pool_id)[0] == 0
    publish_and_redeem(fake, study_id, 2)

    code, out, err = cli(capsys, "credentials", "report", study_id)
    lines = out.splitlines()
    assert code == 0 and "8 credentials: 2 used, 6 unused" in err
    assert lines[0].split() == ["PARTICIPANT", "SUBMISSION", "USERNAME", "STATUS"] and len(lines) == 9
    assert lines[1].split()[0] == PARTICIPANTS[0] and lines[1].split()[2:] == ["user001", "USED"]
    assert lines[3].split() == ["user003", "UNUSED"]

    code, out, _ = cli(capsys, "credentials", "report", study_id, "--csv")
    sent = fake.requests[-1]
    assert code == 0 and sent.operation_id == "download-study-credential-report"
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[0] == ["Participant Id", "Submission Id", "Username", "Status"] and len(rows) == 9
    assert rows[3] == ["", "", "user003", "UNUSED"]

    code, out, _ = cli(capsys, "--json", "credentials", "report", study_id)
    data = json.loads(out)
    assert code == 0 and (data["total"], data["used"], data["unused"]) == (8, 2, 6)
    assert data["rows"][0]["participant_id"] == PARTICIPANTS[0] and data["rows"][2]["participant_id"] is None
    assert data["statuses"] == {"USED": 2, "UNUSED": 6}

    assert cli(capsys, "--json", "credentials", "report", study_id, "--csv")[0] == 2
    code, out, err = cli(capsys, "--json", "credentials", "report", fake.add_study(workspace_id=WS))
    assert code == 1 and json.loads(out)["error"]["status"] == 400 and "no credentials" in err


def test_an_empty_report(capsys: pytest.CaptureFixture[str], fake: FakeProlific, url: str) -> None:
    import httpx

    fake.route(
        "download-study-credential-report",
        lambda r: httpx.Response(200, text="Participant Id,Submission Id,Username,Status\n"),
    )
    study_id = fake.add_study(workspace_id=WS)
    code, out, err = cli(capsys, "credentials", "report", study_id)
    assert code == 0 and out == "" and "0 credentials: 0 used, 0 unused" in err
    assert json.loads(cli(capsys, "--json", "credentials", "report", study_id)[1])["rows"] == []


# -- capacity -------------------------------------------------------------------------------------


def test_capacity_short_then_top_up(
    capsys: pytest.CaptureFixture[str], fake: FakeProlific, study: tuple[str, str], tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    study_id, pool_id = study
    code, out, err = cli(capsys, "credentials", "capacity", study_id)
    assert code == 1 and "no credential pool attached" in out and "credentials attach" in err

    cli(capsys, "credentials", "attach", study_id, pool_id)
    code, out, err = cli(capsys, "credentials", "capacity", study_id)
    assert code == 1 and "9 credentials" in out and "1 short: add 1" in out and "--top-up" in err
    code, out, _ = cli(capsys, "--json", "credentials", "capacity", study_id)
    assert code == 1 and json.loads(out) == {
        "study_id": study_id, "status": "UNPUBLISHED", "places": 6, "credential_pool_id": pool_id, "available": 8,
        "used": 0, "required": 9, "meets_advice": False, "shortfall": 1,
    }  # fmt: skip

    # The study grows: 10 places need 15 credentials, so 7 are missing.
    fake.studies[study_id]["total_available_places"] = 10
    monkeypatch.chdir(tmp_path)
    code, out, err = cli(capsys, "credentials", "capacity", study_id, "--top-up", "--prefix", "extra")
    assert code == 0 and "the pool meets it" in out.splitlines()[-1]
    [saved] = tmp_path.glob("topup-*.csv")
    assert f"wrote 7 new credentials to {saved.name}" in err and saved.stat().st_mode & 0o777 == 0o600
    written = [row for row in csv.reader(saved.open())]
    assert [u for u, _ in written] == [f"extra{i}" for i in range(1, 8)]
    assert fake.pools[pool_id][8:] == [tuple(row) for row in written]
    for _, secret in written:  # the generated passwords are saved, never printed
        assert secret not in out and secret not in err

    target = tmp_path / "more.csv"
    fake.studies[study_id]["total_available_places"] = 12
    code, out, err = cli(capsys, "--json", "credentials", "capacity", study_id, "--top-up", "-o", str(target))
    assert code == 0 and json.loads(out)["meets_advice"] is True and str(target) in err
    assert len(fake.pools[pool_id]) == 18 and target.stat().st_mode & 0o777 == 0o600
    code, _, err = cli(capsys, "credentials", "capacity", study_id, "--top-up", "-o", str(target))
    assert code == 0 and "wrote" not in err  # nothing short: nothing generated


def test_top_up_refused_by_the_api_says_where_the_file_is(
    capsys: pytest.CaptureFixture[str], fake: FakeProlific, study: tuple[str, str], tmp_path: Path
) -> None:
    study_id, pool_id = study
    cli(capsys, "credentials", "attach", study_id, pool_id)
    fake.fail_next(403, operation="update-credential-pool")
    target = tmp_path / "t.csv"
    code, out, err = cli(capsys, "--json", "credentials", "capacity", study_id, "--top-up", "-o", str(target))
    assert code == 1 and json.loads(out)["error"]["status"] == 403
    assert str(target) in err and f"credentials upload --pool {pool_id} --skip 0 {target}" in err
    assert target.exists() and len(fake.pools[pool_id]) == 8


def test_ctrl_c_during_a_top_up_is_130_and_says_where_the_file_is(
    capsys: pytest.CaptureFixture[str], study: tuple[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    study_id, pool_id = study
    cli(capsys, "credentials", "attach", study_id, pool_id)

    def ctrl_c(self: object, pool: str) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("prolific.credentials._upload.Upload.confirm", ctrl_c)
    target = tmp_path / "t.csv"
    code, _, err = cli(capsys, "credentials", "capacity", study_id, "--top-up", "-o", str(target))
    assert code == 130 and "top-up was interrupted" in err and f"--pool {pool_id} --skip 0 {target}" in err
    assert err.rstrip().endswith("interrupted") and target.exists()


# -- reconcile ------------------------------------------------------------------------------------


def test_reconcile(
    capsys: pytest.CaptureFixture[str], fake: FakeProlific, study: tuple[str, str], logins: Path, tmp_path: Path
) -> None:
    study_id, pool_id = study
    cli(capsys, "credentials", "attach", study_id, pool_id)
    stranger = tmp_path / "stranger.csv"
    stranger.write_text("stranger,pw-SECRET-zz\n")
    cli(capsys, "credentials", "add", pool_id, str(stranger))
    publish_and_redeem(fake, study_id, 3)
    mine = tmp_path / "mine.csv"
    mine.write_text(logins.read_text() + "never-uploaded,pw-SECRET-nn\n")

    code, out, err = cli(capsys, "credentials", "reconcile", study_id, str(mine))
    assert code == 0 and "3 assigned, 5 unused, 1 in the report but not in the file, 1 in the file" in err
    rows = [line.split() for line in out.splitlines()[1:]]
    assert rows[0] == [PARTICIPANTS[0], rows[0][1], "user001", "USED", "assigned"]
    assert ["stranger", "UNUSED", "not_in_file"] in rows and ["never-uploaded", "not_in_report"] in rows

    code, out, _ = cli(capsys, "credentials", "reconcile", study_id, str(mine), "--csv")
    table = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and list(table[0]) == ["participant_id", "submission_id", "username", "status", "category"]
    assert [r["category"] for r in table].count("unused") == 5

    code, out, _ = cli(capsys, "--json", "credentials", "reconcile", study_id, str(mine))
    data = json.loads(out)
    assert data["counts"] == {"assigned": 3, "unused": 5, "not_in_file": 1, "not_in_report": 1, "other": 0}
    assert data["assigned"][2] == {
        "participant_id": PARTICIPANTS[2], "submission_id": data["assigned"][2]["submission_id"], "username": "user003"
    }  # fmt: skip
    assert data["not_in_report"] == [{"username": "never-uploaded"}]


def test_reconcile_with_passwords_only_off_a_terminal(
    capsys: pytest.CaptureFixture[str], fake: FakeProlific, study: tuple[str, str], logins: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    study_id, pool_id = study
    cli(capsys, "credentials", "attach", study_id, pool_id)
    publish_and_redeem(fake, study_id, 1)

    code, out, err = cli(capsys, "credentials", "reconcile", study_id, str(logins), "--csv", "--with-passwords",
                         secrets_allowed=True)  # fmt: skip
    table = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and table[0]["password"] == password(1) and table[0]["category"] == "assigned"
    assert [r["password"] for r in table] == [password(i) for i in range(1, 9)]
    code, out, _ = cli(capsys, "--json", "credentials", "reconcile", study_id, str(logins), "--with-passwords",
                       secrets_allowed=True)  # fmt: skip
    data = json.loads(out)
    assert data["assigned"][0]["password"] == password(1) and data["unused"][0] == {
        "username": "user002", "password": password(2)
    }  # fmt: skip

    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    before = len(fake.requests)
    code, out, err = cli(capsys, "credentials", "reconcile", study_id, str(logins), "--with-passwords")
    assert code == 2 and "terminal" in err and out == "" and len(fake.requests) == before


def test_reconcile_bad_file_is_exit_2_and_sends_nothing(
    capsys: pytest.CaptureFixture[str], fake: FakeProlific, url: str, tmp_path: Path
) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text(f"a,{password(1)}\nb, {password(2)}\n")
    code, out, err = cli(capsys, "--json", "credentials", "reconcile", "study-1", str(bad))
    assert code == 2 and f"{bad}, line 2" in err and json.loads(out)["error"]["type"] == "CredentialsFormatError"
    assert fake.requests == []


# -- participant groups ---------------------------------------------------------------------------


def members(n: int, start: int = 0) -> list[str]:
    return [f"{0x60A70000 + i:024x}" for i in range(start, start + n)]


def test_group_commands(capsys: pytest.CaptureFixture[str], fake: FakeProlific, url: str, tmp_path: Path) -> None:
    group = json.loads(cli(capsys, "--json", "participant-groups", "create", "--name", "Pilot", "--workspace", WS)[1])
    gid = group["id"]
    ids = tmp_path / "ids.txt"
    ids.write_text("# wave 1\n" + "\n".join(members(5)) + "\n\n" + members(1, 5)[0] + "  # the last\n")
    code, out, err = cli(capsys, "participant-groups", "add", gid, "--participants-file", str(ids), "--batch-size", "4")
    assert code == 0 and out == "" and "6 participants added to group" in err
    assert [len(r.body["participant_ids"]) for r in fake.requests if r.operation_id == "add-to-participant-group"] == [
        4,
        2,
    ]

    code, out, _ = cli(capsys, "participant-groups", "members", gid)
    assert code == 0 and out.split() == members(6)
    code, out, _ = cli(capsys, "--json", "participant-groups", "members", gid)
    assert [m["participant_id"] for m in json.loads(out)] == members(6)

    code, out, _ = cli(capsys, "--json", "participant-groups", "remove", gid, "--participant", members(1)[0])
    assert code == 0 and json.loads(out) == {"group_id": gid, "removed": 1, "members": 5}

    code, out, _ = cli(capsys, "participant-groups", "list", "--workspace", WS)
    assert code == 0 and out.splitlines()[1].split() == [gid, "Pilot", "5"]
    assert [g["id"] for g in json.loads(cli(capsys, "--json", "participant-groups", "list", "--workspace", WS)[1])] == [
        gid
    ]
    code, out, _ = cli(capsys, "participant-groups", "get", gid)
    assert code == 0 and out.startswith(f"{gid}\tPilot\t5 participants")
    assert json.loads(cli(capsys, "--json", "participant-groups", "get", gid)[1])["participant_count"] == 5

    code, out, _ = cli(capsys, "--json", "participant-groups", "delete", gid)
    assert code == 0 and json.loads(out) == {"id": gid, "deleted": True} and fake.participant_groups == {}
    code, out, _ = cli(capsys, "--json", "participant-groups", "get", gid)
    assert code == 1 and json.loads(out)["error"]["status"] == 404
    assert cli(capsys, "participant-groups", "list")[0] == 2  # --workspace or --project


def test_a_member_file_with_a_bad_id_on_line_7(
    capsys: pytest.CaptureFixture[str], fake: FakeProlific, url: str, tmp_path: Path
) -> None:
    gid = json.loads(cli(capsys, "--json", "participant-groups", "create", "--name", "G", "--workspace", WS)[1])["id"]
    ids = tmp_path / "ids.txt"
    ids.write_text(
        "\n".join([*members(3), "# a comment", "", members(1, 3)[0], "not-a-participant-id", *members(2, 4)])
    )
    before = len(fake.requests)
    for action in ("add", "remove"):
        code, out, err = cli(capsys, "--json", "participant-groups", action, gid, "--participants-file", str(ids))
        assert code == 2, err
        assert f"{ids}, line 7: 'not-a-participant-id' is not a participant id" in err
        assert json.loads(out)["error"]["type"] == "UsageError"
    code, _, err = cli(capsys, "participant-groups", "add", gid, "--participant", members(1)[0], "--participant", "x")
    assert code == 2 and "--participant #2: 'x'" in err
    assert cli(capsys, "participant-groups", "add", gid)[0] == 2  # no ids at all
    assert len(fake.requests) == before


def test_a_failed_batch_says_running_again_is_safe(
    capsys: pytest.CaptureFixture[str], fake: FakeProlific, url: str, tmp_path: Path
) -> None:
    gid = json.loads(cli(capsys, "--json", "participant-groups", "create", "--name", "G", "--workspace", WS)[1])["id"]
    ids = tmp_path / "ids.txt"
    ids.write_text("\n".join(members(5)))
    fake.fail_next(502, operation="add-to-participant-group")
    code, out, err = cli(capsys, "--json", "participant-groups", "add", gid, "--participants-file", str(ids))
    doc = json.loads(out)
    assert code == 1 and doc["error"]["type"] == "ServerError" and doc["error"]["status"] == 502
    assert (doc["group_id"], doc["done"], doc["total"]) == (gid, 0, 5)
    assert "running the same command again is safe" in err
    assert cli(capsys, "participant-groups", "add", gid, "--participants-file", str(ids))[0] == 0
    assert list(fake.participant_group_members[gid]) == members(5)
