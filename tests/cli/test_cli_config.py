"""``prolific-client config``: init, show (where each value came from), set, profiles; --profile and $PROLIFIC_PROFILE.

The token is never printed: each run here is scanned for the planted secret, ``--debug`` included.
"""

from __future__ import annotations

import io
import json
import os
import stat
import subprocess
import sys
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest

from prolific.cli import main
from prolific.testing import FakeProlific

SECRET = "tok-SECRET-c0nf1g-93b1"
WORKSPACE = "6540a1b2c3d4e5f607182930"
ENV = (
    "PROLIFIC_TOKEN",
    "PROLIFIC_URL",
    "PROLIFIC_PROFILE",
    "PROLIFIC_WORKSPACE_ID",
    "PROLIFIC_PROJECT_ID",
    "PROLIFIC_BONUSES_MAX_TOTAL",
    "PROLIFIC_STUDIES_MAX_SPEND",
    "PROLIFIC_STATE_URL",
)


@pytest.fixture
def path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Where the config file goes (a config directory of this test's own); none of the variables set."""
    for name in ENV:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    return tmp_path / "xdg" / "prolific-client" / "config.toml"


def cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """Run ``main(argv)``; (exit code, stdout, stderr), checked for the secret and for tracebacks."""
    code = main(list(argv))
    out, err = capsys.readouterr()
    assert SECRET not in out and SECRET not in err
    assert "Traceback" not in err
    return code, out, err


def write(path: Path, text: str, mode: int = 0o600) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    path.chmod(mode)


def printer() -> str:
    """A token_command printing SECRET (as a TOML array: run without a shell), the secret not in the file."""
    code = f"print('{SECRET[:8]}' + '{SECRET[8:]}')"
    return json.dumps([sys.executable, "-c", code])


# -- init ------------------------------------------------------------------------------------------------


def test_init_writes_mode_600_and_refuses_to_overwrite(path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = cli(capsys, "config", "init", "--profile", "lab")
    assert code == 0 and out.strip() == str(path) and "mode 600" in err
    if os.name == "posix":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    text = path.read_text()
    assert 'default_profile = "lab"' in text and "[profiles.lab]" in text and text.startswith("# ")
    path.write_text(text + "# mine\n")
    code, out, err = cli(capsys, "config", "init")
    assert code == 2 and "exists; nothing was changed" in err
    assert path.read_text().endswith("# mine\n")


# -- show: each value and where it came from ----------------------------------------------------------


def test_show_names_each_source(
    path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    write(
        path,
        'default_profile = "lab"\n\n[profiles.lab]\n'
        f'workspace_id = "{WORKSPACE}"\nbase_url = "https://lab.example.org"\n'
        f"project_id = 'p1'\ntoken_command = {printer()}\nstudies.max_spend = 500\n",
    )
    monkeypatch.setenv("PROLIFIC_PROJECT_ID", "p-env")
    code, out, _ = cli(capsys, "config", "show", "--json")
    shown = json.loads(out)
    assert code == 0 and shown["config_file"] == str(path)
    settings = shown["settings"]
    assert settings["profile"] == {"value": "lab", "source": f"default_profile ({path}:1)"}
    assert settings["workspace_id"] == {"value": WORKSPACE, "source": f"profile lab ({path}:4)"}
    assert settings["base_url"]["value"] == "https://lab.example.org"
    assert settings["project_id"] == {"value": "p-env", "source": "$PROLIFIC_PROJECT_ID"}
    assert settings["studies.max_spend"] == {"value": "500", "source": f"profile lab ({path}:8)"}
    assert settings["bonuses.max_total"] == {"value": None, "source": "default"}
    # the token_command is not run by show
    assert settings["token"]["value"] is None and settings["token"]["source"].startswith("token_command of profile lab")

    code, out, _ = cli(capsys, "config", "show", "--base-url", "https://flag.example.org")
    assert code == 0
    assert f"config file: {path}" in out
    row = next(line for line in out.splitlines() if line.startswith("base_url"))
    assert "https://flag.example.org" in row and row.rstrip().endswith("--base-url")
    assert "*** (from token_command)" in out


def test_show_masks_the_token_from_every_source(
    path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    write(path, f'default_profile = "lab"\n[profiles.lab]\ntoken = "{SECRET}"\n')
    for argv in (["config", "show"], ["config", "show", "--json"], ["--debug", "config", "show"]):
        code, out, _ = cli(capsys, *argv)
        assert code == 0 and "***" in out
    monkeypatch.setenv("PROLIFIC_TOKEN", SECRET)
    code, out, _ = cli(capsys, "config", "show", "--json")
    assert json.loads(out)["settings"]["token"] == {"value": "***", "source": "$PROLIFIC_TOKEN"}
    code, out, _ = cli(capsys, "config", "show", "--token", SECRET)
    assert code == 0 and "--token" in out


def test_profile_flag_beats_the_variable_which_beats_the_default(
    path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    write(path, 'default_profile = "a"\n[profiles.a]\nproject_id = "pa"\n[profiles.b]\nproject_id = "pb"\n'
          '[profiles.c]\nproject_id = "pc"\n')  # fmt: skip

    def project(*argv: str) -> str:
        code, out, _ = cli(capsys, *argv, "config", "show", "--json")
        assert code == 0
        return str(json.loads(out)["settings"]["project_id"]["value"])

    assert project() == "pa"
    monkeypatch.setenv("PROLIFIC_PROFILE", "b")
    assert project() == "pb"
    assert project("--profile", "c") == "pc"
    _, out, _ = cli(capsys, "config", "show", "--profile", "c", "--json")  # after the command too
    assert json.loads(out)["settings"]["profile"] == {"value": "c", "source": "--profile"}


# -- set ---------------------------------------------------------------------------------------------------


def test_set_creates_the_file_and_keeps_its_comments(path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = cli(capsys, "config", "set", "workspace_id", WORKSPACE)
    assert code == 0 and f"profile default: workspace_id = {WORKSPACE}" in err
    if os.name == "posix":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    path.write_text(path.read_text().replace("[profiles.default]", "# my note\n[profiles.default]"))
    assert cli(capsys, "config", "set", "bonuses.max_total", "250.00")[0] == 0
    assert cli(capsys, "config", "set", "--profile", "lab", "state_url", "~/lab-state")[0] == 0
    assert cli(capsys, "config", "set", "default_profile", "lab")[0] == 0
    text = path.read_text()
    assert "# my note" in text and "bonuses.max_total = 250.00" in text
    code, out, _ = cli(capsys, "config", "show", "--json")
    settings = json.loads(out)["settings"]
    assert settings["profile"]["value"] == "lab"
    assert settings["state_url"]["value"] == str(Path.home() / "lab-state")
    code, out, _ = cli(capsys, "--profile", "default", "config", "show", "--json")
    assert Decimal(json.loads(out)["settings"]["bonuses.max_total"]["value"]) == Decimal("250.00")


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["workspce_id", "x"], "unknown key 'workspce_id' (did you mean workspace_id?)"),
        (["bonuses.max_total", "lots"], "config set bonuses.max_total: 'lots' is not an amount"),
        (["base_url", "http://example.org"], "config set base_url 'http://example.org' uses plain http"),
        (["default_profile", "my lab"], "'my lab' is not a profile name"),
        (["workspace_id", "x", "--insecure-store"], "--insecure-store is only for the token"),
        (["token", SECRET], "refused: a token in a file can be read by every program you run"),
    ],
)
def test_set_refuses_bad_values_and_writes_nothing(
    path: Path, capsys: pytest.CaptureFixture[str], argv: list[str], expected: str
) -> None:
    code, _, err = cli(capsys, "config", "set", *argv)
    assert code == 2 and expected in err
    assert not path.exists()


def test_set_token_needs_insecure_store_and_reads_stdin(
    path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, _, err = cli(capsys, "config", "set", "token", "-")
    assert code == 2 and "PROLIFIC_TOKEN" in err and "token_command" in err and "--insecure-store" in err
    write(path, "[profiles.default]\n", mode=0o644)
    monkeypatch.setattr("sys.stdin", io.StringIO(SECRET + "\n"))
    code, out, err = cli(capsys, "config", "set", "token", "-", "--insecure-store", "--json")
    assert code == 0 and "token = ***" in err and json.loads(out)["value"] == "***"
    assert f'token = "{SECRET}"' in path.read_text()
    if os.name == "posix":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600  # tightened: it holds the token now


def test_set_refuses_a_file_it_cannot_read(path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(path, "[profiles.lab]\nworkspace_id = oops\n")
    code, _, err = cli(capsys, "config", "set", "--profile", "lab", "project_id", "p")
    assert code == 2 and f"{path}:2: TOML syntax error" in err
    assert path.read_text() == "[profiles.lab]\nworkspace_id = oops\n"


# -- profiles ----------------------------------------------------------------------------------------------


def test_profiles(path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = cli(capsys, "config", "profiles")
    assert code == 0 and out == "" and "config init" in err
    write(path, 'default_profile = "lab"\n[profiles.lab]\nworkspace_id = "w"\n[profiles.personal]\n')
    code, out, _ = cli(capsys, "config", "profiles", "--json")
    assert json.loads(out) == {
        "config_file": str(path),
        "default_profile": "lab",
        "profiles": [{"name": "lab", "keys": ["workspace_id"]}, {"name": "personal", "keys": []}],
    }
    code, out, _ = cli(capsys, "config", "profiles")
    assert out.splitlines()[1].split() == ["lab", "yes", "workspace_id"]


# -- a bad file: where and what, never a traceback -----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("[profiles.lab]\nworkspace_id = ws\n", ":2: TOML syntax error"),
        ('default_profile = "lab"\n[profiles.lab]\nbase_ur = "https://x.example.org"\n', ":3: profiles.lab.base_ur: unknown key (did you mean base_url?)"),
        ('default_profile = "lab"\n[profiles.lab]\nbonuses.max_total = [1]\n', ":3: profiles.lab.bonuses.max_total: expected an amount"),
    ],
)  # fmt: skip
def test_a_bad_file_is_named_for_every_command(
    path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, text: str, expected: str
) -> None:
    write(path, text)
    monkeypatch.setenv("PROLIFIC_TOKEN", SECRET)
    for argv in (["config", "show"], ["config", "profiles"], ["api", "get-study", "id=1"]):
        code, _, err = cli(capsys, *argv)
        assert code == 2 and f"error: {path}{expected}" in err, (argv, err)


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_a_token_file_others_can_read_is_refused(path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(path, f'[profiles.lab]\ntoken = "{SECRET}"\n', mode=0o644)
    code, _, err = cli(capsys, "config", "show")
    assert code == 2 and f"run `chmod 600 {path}`" in err and f"{path}:2: profiles.lab.token" in err


# -- the profile in use, against the fake ---------------------------------------------------------------------


@pytest.fixture
def served() -> Iterator[tuple[FakeProlific, str]]:
    fake = FakeProlific(token=SECRET)
    with fake.serve() as url:
        yield fake, url


def test_a_command_uses_the_profile_token_command_and_never_prints_the_token(
    path: Path, capsys: pytest.CaptureFixture[str], served: tuple[FakeProlific, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    fake, url = served
    study = fake.add_study(workspace_id=WORKSPACE, name="Pilot", total_available_places=5)
    write(path, f'[profiles.fake]\nbase_url = "{url}"\ntoken_command = {printer()}\n')
    code, out, err = cli(capsys, "--debug", "--profile", "fake", "api", "get-study", f"id={study}")
    assert code == 0, err
    assert "Pilot" in out
    # the same with $PROLIFIC_PROFILE; and a token from the environment beats the profile's (a wrong one: 401)
    monkeypatch.setenv("PROLIFIC_PROFILE", "fake")
    assert cli(capsys, "api", "get-study", f"id={study}")[0] == 0
    monkeypatch.setenv("PROLIFIC_TOKEN", "tok-wrong-000000")
    code, _, err = cli(capsys, "api", "get-study", f"id={study}")
    assert code == 1 and "401" in err, err


def test_a_command_without_a_token_says_where_to_put_one(path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(path, '[profiles.lab]\nworkspace_id = "w"\n')
    code, _, err = cli(capsys, "--profile", "lab", "api", "get-study", "id=1")
    assert code == 2 and "PROLIFIC_TOKEN" in err and "token_command in profile lab" in err


def test_config_commands_import_no_httpx(path: Path) -> None:
    write(path, f'default_profile = "lab"\n[profiles.lab]\nworkspace_id = "w"\ntoken_command = {printer()}\n')
    script = (
        "import sys, json\nfrom prolific.cli import main\n"
        "code = main(sys.argv[1:])\n"
        "print(json.dumps(sorted({m.partition('.')[0] for m in sys.modules})))\n"
    )
    for argv in (["config", "show"], ["config", "profiles"], ["config", "set", "project_id", "p2"]):
        result = subprocess.run(
            [sys.executable, "-c", script, *argv], capture_output=True, text=True, timeout=60, check=True
        )
        modules = set(json.loads(result.stdout.splitlines()[-1]))
        assert not modules & {"httpx", "prolific_api_client", "rich"}, (argv, modules & {"httpx", "rich"})
        assert SECRET not in result.stdout + result.stderr


def test_set_a_state_url_with_a_password_makes_the_file_private(path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(path, "[profiles.default]\ntoken_command = [\n  'pass',\n  'show', 'x',\n]\n", mode=0o644)
    code, out, err = cli(capsys, "config", "set", "state_url", "postgresql://lab:pg-SECRET-pw@db/prolific", "--json")
    assert code == 0 and "pg-SECRET-pw" not in out + err and "lab:***@db" in err and "(mode 600)" in err
    if os.name == "posix":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert cli(capsys, "config", "set", "token_command", "op read op://lab/token")[0] == 0  # over several lines
    code, out, _ = cli(capsys, "config", "show", "--json")
    assert code == 0 and "pg-SECRET-pw" not in out
    assert path.read_text().splitlines()[1] == 'token_command = "op read op://lab/token"'
