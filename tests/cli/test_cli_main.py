"""The CLI's real entry point against FakeProlific over loopback: commands, exit codes, output, secrets."""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import prolific.cli
from prolific import generate_credentials
from prolific.cli import main
from prolific.testing import FakeProlific

TOKEN = "tok-SECRET-cli-8e21f0"
PASSWORD = "pw-SECRET-cli"
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def fake() -> FakeProlific:
    return FakeProlific(token=TOKEN)


@pytest.fixture
def url(fake: FakeProlific, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    with fake.serve() as base:
        monkeypatch.setenv("PROLIFIC_TOKEN", TOKEN)
        monkeypatch.setenv("PROLIFIC_URL", base)
        yield base


@pytest.fixture
def csv_file(tmp_path: Path) -> Path:
    path = tmp_path / "creds.csv"
    path.write_text("username,password\n" + "".join(f"user{i},{PASSWORD}{i}\n" for i in range(1, 8)))
    return path


def cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    for text in (captured.out, captured.err):
        assert TOKEN not in text
        assert PASSWORD not in text
    return code, captured.out, captured.err


def test_check_good_and_bad(capsys: pytest.CaptureFixture[str], csv_file: Path, tmp_path: Path) -> None:
    assert cli(capsys, "credentials", "check", str(csv_file))[0] == 0
    bad = tmp_path / "bad.csv"
    bad.write_text(f"a,{PASSWORD}1\nb,{PASSWORD}2,\nc, {PASSWORD}3\na,{PASSWORD}4\nd,\n")
    code, out, err = cli(capsys, "credentials", "check", str(bad))
    assert code == 2 and out == ""
    for line in ("line 2", "line 3, password", "line 4, username", "line 5, password"):
        assert line in err
    assert "1 valid credentials, 4 problem(s)" in err
    code, out, _ = cli(capsys, "--json", "credentials", "check", str(bad))
    report = json.loads(out)
    assert code == 2 and [p["line"] for p in report["problems"]] == [2, 3, 4, 5]


def test_check_stdin(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(f"a,{PASSWORD}\nb,{PASSWORD}x\n"))
    code, _, err = cli(capsys, "credentials", "check", "-")
    assert code == 0 and "<stdin>: 2 valid" in err


def test_create_add_and_409(
    capsys: pytest.CaptureFixture[str], url: str, fake: FakeProlific, csv_file: Path, tmp_path: Path
) -> None:
    code, out, _ = cli(capsys, "credentials", "create", "--workspace", "ws1", str(csv_file))
    pool = out.strip()
    assert code == 0 and pool.startswith("ws1_") and len(fake.pools[pool]) == 7
    more = tmp_path / "more.csv"
    more.write_text(f"extra,{PASSWORD}x\n")
    code, out, _ = cli(capsys, "--json", "credentials", "add", pool, str(more))
    assert code == 0 and json.loads(out)["credential_pool_id"] == pool
    code, out, err = cli(capsys, "credentials", "add", pool, str(more))
    assert code == 1 and out == "" and err.startswith("error: 409 Conflict") and "Traceback" not in err
    code, _, err = cli(capsys, "credentials", "add", "ws1_missing", str(more))
    assert code == 1 and "404" in err


def test_create_from_stdin_json(
    capsys: pytest.CaptureFixture[str], url: str, fake: FakeProlific, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(f"s1,{PASSWORD}a\ns2,{PASSWORD}b\n"))
    code, out, _ = cli(capsys, "--json", "credentials", "create", "--workspace", "w", "-")
    data = json.loads(out)
    assert code == 0 and fake.pools[data["credential_pool_id"]] == [("s1", PASSWORD + "a"), ("s2", PASSWORD + "b")]


def test_bad_file_is_exit_2_with_line(
    capsys: pytest.CaptureFixture[str], url: str, tmp_path: Path, fake: FakeProlific
) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text(f"a,{PASSWORD}\nb,{PASSWORD} \n")
    code, out, err = cli(capsys, "credentials", "create", "--workspace", "w", str(bad))
    assert code == 2 and out == "" and f"{bad}, line 2, password" in err
    assert fake.requests == []
    code, _, err = cli(capsys, "credentials", "create", "--workspace", "w", str(tmp_path / "nope.csv"))
    assert code == 2 and "no such file" in err


def test_missing_token_names_env_var(
    capsys: pytest.CaptureFixture[str], csv_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("PROLIFIC_TOKEN", raising=False)
    code, _, err = cli(capsys, "credentials", "create", "--workspace", "w", str(csv_file))
    assert code == 2 and "PROLIFIC_TOKEN" in err


def test_usage_errors_are_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli(capsys, "credentials")[0] == 2
    assert cli(capsys, "nonsense")[0] == 2
    assert cli(capsys, "credentials", "upload", "x.csv")[0] == 2  # needs --workspace or --pool
    assert cli(capsys, "--help")[0] == 0


def test_http_base_url_refused(
    capsys: pytest.CaptureFixture[str], csv_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PROLIFIC_TOKEN", TOKEN)
    code, _, err = cli(
        capsys, "--base-url", "http://api.example.org", "credentials", "create", "--workspace", "w", str(csv_file)
    )
    assert code == 2 and "unencrypted" in err


def test_upload_with_progress(capsys: pytest.CaptureFixture[str], url: str, fake: FakeProlific, csv_file: Path) -> None:
    code, out, err = cli(capsys, "credentials", "upload", "--workspace", "w", "--batch-size", "3", str(csv_file))
    assert code == 0 and len(fake.pools[out.strip()]) == 7
    assert "uploaded 3 of 7" in err and "uploaded 7 of 7" in err


def test_502_mid_upload_prints_resume_command_that_completes(
    capsys: pytest.CaptureFixture[str], url: str, fake: FakeProlific, tmp_path: Path
) -> None:
    creds = generate_credentials(50)
    path = tmp_path / "many.csv"
    path.write_text("\n".join(f"{u},{p}" for u, p in creds))
    fake.fail_next(502, method="PATCH")
    code, out, err = cli(capsys, "credentials", "upload", "--workspace", "w", "--batch-size", "20", str(path))
    assert code == 1 and out == ""
    assert "upload stopped after 20 of 50" in err
    resume = next(line for line in err.splitlines() if line.startswith("resume with: "))
    argv = resume.removeprefix("resume with: prolific-client ").split()
    assert argv[-1] == str(path) and "--skip" in argv
    for cred in creds:
        assert cred.password not in err
    code, out, _ = cli(capsys, *argv)
    assert code == 0
    [pool] = fake.pools
    assert fake.pools[pool] == [tuple(c) for c in creds]


def test_generate(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    target = tmp_path / "new.csv"
    code, _, err = cli(capsys, "credentials", "generate", "5", "--prefix", "p", "-o", str(target))
    assert code == 0 and "wrote 5" in err
    assert oct(target.stat().st_mode & 0o777) == "0o600"
    assert len(target.read_text().splitlines()) == 5
    code, _, err = cli(capsys, "credentials", "generate", "5", "-o", str(target))
    assert code == 2 and "--force" in err
    assert main(["credentials", "generate", "3", "-o", str(target), "--force"]) == 0
    capsys.readouterr()
    assert main(["credentials", "generate", "2"]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 2


def test_participant_groups(capsys: pytest.CaptureFixture[str], url: str, fake: FakeProlific, tmp_path: Path) -> None:
    ids = tmp_path / "ids.txt"
    ids.write_text("# pilot\np1\n\np2  # second\n")
    code, out, _ = cli(
        capsys, "--json", "participant-groups", "create", "--name", "G", "--workspace", "w",
        "--participant", "p0", "--participants-file", str(ids), "--description", "d",
    )  # fmt: skip
    group = json.loads(out)
    assert code == 0 and group["participant_count"] == 3 and group["workspace_id"] == "w"
    code, _, _ = cli(capsys, "participant-groups", "create", "--name", "G")
    assert code == 2


def test_invitations(capsys: pytest.CaptureFixture[str], url: str, fake: FakeProlific) -> None:
    code, out, _ = cli(
        capsys,
        "--json",
        "invitations",
        "create",
        "--workspace",
        "w",
        "--role",
        "admin",
        "a@example.org",
        "b@example.org",
    )
    data = json.loads(out)
    assert code == 0 and [i["role"] for i in data] == ["WORKSPACE_ADMIN"] * 2
    code, _, err = cli(capsys, "invitations", "create", "--workspace", "w", "not-an-email")
    assert code == 2 and "not-an-email" in err


def test_debug_shows_requests_but_no_secrets(
    capsys: pytest.CaptureFixture[str], url: str, csv_file: Path, fake: FakeProlific
) -> None:
    fake.fail_next(409)
    code, _, err = cli(capsys, "--debug", "--token", TOKEN, "credentials", "create", "--workspace", "w", str(csv_file))
    assert code == 1 and "Traceback" in err and "POST /api/v1/credentials/" in err


def test_ctrl_c_is_130(
    capsys: pytest.CaptureFixture[str], url: str, csv_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(prolific.cli, "Prolific", interrupted)
    code, _, err = cli(capsys, "credentials", "create", "--workspace", "w", str(csv_file))
    assert code == 130 and "Traceback" not in err


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PROLIFIC_")}
    env["PROLIFIC_TOKEN"] = TOKEN
    return env


def test_python_m_prolific_subprocess(url: str, csv_file: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "prolific", "--json", "credentials", "upload", "--workspace", "w", str(csv_file)],
        capture_output=True, text=True, env={**_env(), "PROLIFIC_URL": url}, timeout=60,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["uploaded"] == 7
    assert TOKEN not in result.stdout + result.stderr and PASSWORD not in result.stdout + result.stderr


def test_fake_server_subprocess_stops_on_sigint() -> None:
    script = Path(sys.executable).parent / "prolific-client"
    command = [str(script)] if script.exists() else [sys.executable, "-m", "prolific"]
    proc = subprocess.Popen(
        [*command, "fake-server", "--port", "0"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=_env()
    )
    try:
        line = proc.stdout.readline()  # type: ignore[union-attr]
        assert line.startswith("url=http://127.0.0.1:")
        import httpx

        response = httpx.post(line.strip().removeprefix("url=") + "/api/v1/participant-groups/",
                              json={"name": "x", "workspace_id": "w"}, headers={"Authorization": "Token t"})  # fmt: skip
        assert response.status_code == 201
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=10)
    finally:
        proc.kill()
    assert proc.returncode == 0 and "Traceback" not in err
