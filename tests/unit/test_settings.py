"""Settings and profiles: precedence, the token (never shown), token_command, permissions, Prolific(profile=...)."""

from __future__ import annotations

import asyncio
import json
import logging
import os
import sys
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest

from prolific import AsyncProlific, ConfigurationError, Prolific, Settings, load_settings

SECRET = "tok-SECRET-7f3a9c2e51"
WORKSPACE, PROJECT = "6540a1b2c3d4e5f607182930", "6540a1b2c3d4e5f607182931"
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
Write = Callable[..., Path]


@pytest.fixture
def config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Write:
    """``write(text, mode=0o600)``: the config file, in a config directory of this test's own."""
    for name in ENV:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    path = tmp_path / "xdg" / "prolific-client" / "config.toml"

    def write(text: str, mode: int = 0o600) -> Path:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
        path.chmod(mode)
        return path

    return write


def printer(output: str, *, status: int = 0, stderr: str = "") -> list[str]:
    """A token_command (an array: run without a shell) printing ``output``."""
    code = f"import sys; sys.stdout.write({output!r}); sys.stderr.write({stderr!r}); sys.exit({status})"
    return [sys.executable, "-c", code]


def toml_array(words: list[str]) -> str:
    return "[" + ", ".join(json.dumps(word) for word in words) + "]"  # a JSON string is a TOML basic string


# -- precedence: flags > environment > profile > defaults ------------------------------------------

# key in the file -> (Settings attribute, variable, profile's value, variable's value, argument's value, parsed)
CASES = {
    "base_url": (
        "base_url", "PROLIFIC_URL",
        '"https://profile.example.org"', "https://env.example.org", "https://arg.example.org",
        {"profile": "https://profile.example.org", "env": "https://env.example.org", "arg": "https://arg.example.org"},
    ),
    "workspace_id": (
        "workspace_id", "PROLIFIC_WORKSPACE_ID", '"ws-profile"', "ws-env", "ws-arg",
        {"profile": "ws-profile", "env": "ws-env", "arg": "ws-arg"},
    ),
    "project_id": (
        "project_id", "PROLIFIC_PROJECT_ID", '"p-profile"', "p-env", "p-arg",
        {"profile": "p-profile", "env": "p-env", "arg": "p-arg"},
    ),
    "bonuses.max_total": (
        "max_total", "PROLIFIC_BONUSES_MAX_TOTAL", "100.50", "200", "300.25",
        {"profile": Decimal("100.50"), "env": Decimal("200"), "arg": Decimal("300.25")},
    ),
    "studies.max_spend": (
        "max_spend", "PROLIFIC_STUDIES_MAX_SPEND", "1000", "2000.5", "3000",
        {"profile": Decimal("1000"), "env": Decimal("2000.5"), "arg": Decimal("3000")},
    ),
    "state_url": (
        "state_url", "PROLIFIC_STATE_URL", '"/srv/profile"', "/srv/env", "postgresql://lab@db/arg",
        {"profile": "/srv/profile", "env": "/srv/env", "arg": "postgresql://lab@db/arg"},
    ),
    "token": (
        "token", "PROLIFIC_TOKEN", '"tok-profile-123"', "tok-env-456", "tok-arg-789",
        {"profile": "tok-profile-123", "env": "tok-env-456", "arg": "tok-arg-789"},
    ),
}  # fmt: skip
DEFAULTS = {"base_url": "https://api.prolific.com"}


@pytest.mark.parametrize("key", list(CASES))
def test_each_level_beats_the_one_below(key: str, config: Write, monkeypatch: pytest.MonkeyPatch) -> None:
    attribute, variable, in_file, in_env, in_arg, parsed = CASES[key]
    argument = {"token": "token", "base_url": "base_url"}.get(key, attribute)

    settings = load_settings()
    assert getattr(settings, attribute) == DEFAULTS.get(key) and settings.sources[key] == "default"

    path = config(f'default_profile = "lab"\n\n[profiles.lab]\n{key} = {in_file}\n')
    settings = load_settings()
    assert getattr(settings, attribute) == parsed["profile"]
    assert settings.sources[key] == f"profile lab ({path}:4)"

    monkeypatch.setenv(variable, in_env)
    settings = load_settings()
    assert getattr(settings, attribute) == parsed["env"] and settings.sources[key] == f"${variable}"

    settings = load_settings(**{argument: in_arg})  # type: ignore[arg-type]
    assert getattr(settings, attribute) == parsed["arg"]
    assert settings.sources[key] == ("the token argument" if key == "token" else f"argument {argument}")


def test_the_profile_comes_from_the_argument_then_the_variable_then_the_file(
    config: Write, monkeypatch: pytest.MonkeyPatch
) -> None:
    config(
        'default_profile = "a"\n'
        '[profiles.a]\nworkspace_id = "ws-a"\n'
        '[profiles.b]\nworkspace_id = "ws-b"\n'
        '[profiles.c]\nworkspace_id = "ws-c"\n'
    )
    settings = load_settings()
    assert (settings.profile, settings.workspace_id) == ("a", "ws-a")
    assert settings.sources["profile"].startswith("default_profile (")
    monkeypatch.setenv("PROLIFIC_PROFILE", "b")
    assert load_settings().workspace_id == "ws-b" and load_settings().sources["profile"] == "$PROLIFIC_PROFILE"
    assert load_settings("c").workspace_id == "ws-c"


def test_no_file_gives_the_defaults_and_a_named_profile_says_how_to_make_one(config: Write) -> None:
    settings = load_settings()
    assert settings == Settings() and settings.config_file is None and settings.profile is None
    with pytest.raises(ConfigurationError, match=r"no config file .*prolific-client config init --profile lab"):
        load_settings("lab")


def test_an_unknown_profile_is_named_with_the_closest(config: Write, monkeypatch: pytest.MonkeyPatch) -> None:
    config("[profiles.lab]\n[profiles.personal]\n")
    with pytest.raises(ConfigurationError, match=r"argument profile: no profile 'labb' .*did you mean lab\?"):
        load_settings("labb")
    monkeypatch.setenv("PROLIFIC_PROFILE", "persnal")
    with pytest.raises(ConfigurationError, match=r"\$PROLIFIC_PROFILE: no profile 'persnal'.*did you mean personal"):
        load_settings()


# -- the client reads the same ------------------------------------------------------------------------


def test_prolific_with_a_profile(config: Write) -> None:
    config(
        f"[profiles.lab]\nbase_url = 'https://lab.example.org'\nworkspace_id = '{WORKSPACE}'\n"
        f"project_id = '{PROJECT}'\nbonuses.max_total = 250\ntoken_command = {toml_array(printer(SECRET + chr(10)))}\n"
        "[profiles.personal]\ntoken = 'tok-personal-0001'\n"
    )
    with Prolific(profile="lab") as client:
        assert client.api.token == SECRET  # stdout stripped
        assert client.base_url == "https://lab.example.org"
        assert client.settings.workspace_id == WORKSPACE and client.settings.project_id == PROJECT
        assert client.settings.max_total == Decimal("250")
        assert SECRET not in repr(client) and SECRET not in repr(client.settings) and SECRET not in str(client.settings)
    # explicit arguments win over the profile
    with Prolific("tok-explicit-99", base_url="https://other.example.org", profile="lab") as client:
        assert client.api.token == "tok-explicit-99" and client.base_url == "https://other.example.org"
        assert client.settings.workspace_id == WORKSPACE
    with Prolific(profile="personal") as client:
        assert client.api.token == "tok-personal-0001" and client.base_url == "https://api.prolific.com"

    async def run() -> tuple[str, str | None]:
        async with AsyncProlific(profile="lab") as client:
            return client.api.token, client.settings.workspace_id

    assert asyncio.run(run()) == (SECRET, WORKSPACE)


def test_without_a_token_anywhere_the_client_says_where_to_put_one(config: Write) -> None:
    config("default_profile = 'lab'\n[profiles.lab]\nworkspace_id = 'ws'\n")
    with pytest.raises(ConfigurationError, match=r"PROLIFIC_TOKEN.*token_command in profile lab"):
        Prolific()


def test_the_token_command_runs_only_when_needed(
    config: Write, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ran = tmp_path / "ran"
    command = [sys.executable, "-c", f"open({str(ran)!r}, 'a').write('x'); print({SECRET!r})"]
    config(f"default_profile = 'lab'\n[profiles.lab]\ntoken_command = {toml_array(command)}\n")
    monkeypatch.setenv("PROLIFIC_TOKEN", "tok-from-env-1")
    assert load_settings().token == "tok-from-env-1" and not ran.exists()
    monkeypatch.delenv("PROLIFIC_TOKEN")
    assert load_settings().token == SECRET and ran.read_text() == "x"


# -- the token: never shown ------------------------------------------------------------------------------


def test_token_never_in_repr_errors_or_logs(config: Write, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    config(f"[profiles.lab]\ntoken = '{SECRET}'\nstate_url = 'postgresql://lab:pg-SECRET-pw@db/prolific'\n")
    settings = load_settings("lab")
    assert settings.token == SECRET
    shown = repr(settings) + str(settings)
    assert SECRET not in shown and "token='***'" in shown
    assert "pg-SECRET-pw" not in shown and "lab:***@db" in shown
    # a bad token from the file: the message names where, never the value
    config(f"[profiles.lab]\ntoken = 'Bearer {SECRET}'\n")
    with pytest.raises(ConfigurationError) as info:
        load_settings("lab")
    assert ":2: profiles.lab.token" in str(info.value) and SECRET not in str(info.value)
    config(f"[profiles.lab]\ntoken = ' {SECRET}'\n")
    with pytest.raises(ConfigurationError) as info:
        load_settings("lab")
    assert SECRET not in str(info.value)
    assert SECRET not in caplog.text


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
@pytest.mark.parametrize("mode", [0o644, 0o640, 0o604, 0o660])
def test_a_token_in_a_file_others_can_read_is_refused(config: Write, mode: int) -> None:
    path = config(f"[profiles.lab]\nworkspace_id = 'ws'\ntoken = '{SECRET}'\n", mode=mode)
    with pytest.raises(ConfigurationError) as info:
        load_settings()  # even when no profile is used: the file itself is the problem
    message = str(info.value)
    assert f"{path}:3: profiles.lab.token" in message and f"chmod 600 {path}" in message
    assert f"mode {mode:03o}" in message and SECRET not in message
    path.chmod(0o600)
    assert load_settings("lab").token == SECRET


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_other_secrets_and_commands_in_open_files(config: Write) -> None:
    path = config("[profiles.db]\nstate_url = 'postgresql://lab:pw-SECRET@db/x'\n", mode=0o644)
    with pytest.raises(ConfigurationError, match=r":2: profiles.db.state_url: the file holds a password") as info:
        load_settings()
    assert "pw-SECRET" not in str(info.value)
    config("[profiles.db]\nstate_url = 'postgresql://lab@db/x'\n", mode=0o644)
    assert load_settings("db").state_url == "postgresql://lab@db/x"  # no secret: any mode
    config("[profiles.lab]\ntoken_command = 'pass show x'\n", mode=0o664)
    with pytest.raises(ConfigurationError, match=r":2: profiles.lab.token_command: other users can change"):
        load_settings()
    path.chmod(0o644)
    assert load_settings().token is None  # a command in a file only its owner can change: fine


# -- token_command -----------------------------------------------------------------------------------------


def test_token_command_failure_is_reported_without_its_output(config: Write) -> None:
    # The command builds the secret (so the file, which the message may quote, does not hold it) and prints it.
    built = f"'{SECRET[:8]}' + '{SECRET[8:]}'"
    code = f"import sys; sys.stdout.write({built}); sys.stderr.write('vault sealed ' + {built}); sys.exit(3)"
    failing = [sys.executable, "-c", code]
    path = config(f"default_profile = 'lab'\n[profiles.lab]\ntoken_command = {toml_array(failing)}\n")
    with pytest.raises(ConfigurationError) as info:
        load_settings()
    message = str(info.value)
    assert f"{path}:3: profiles.lab.token_command" in message and "exit status 3" in message
    assert "run `" in message and SECRET not in message


@pytest.mark.parametrize(
    ("command", "expected"),
    [
        ("'/no/such/password-manager show x'", r"'/no/such/password-manager' was not found: install it"),
        ("'no-such-password-manager-4f1 show x'", r"'no-such-password-manager-4f1' was not found"),
        (toml_array(printer("")), "printed nothing"),
        (toml_array(printer(f"{SECRET}\nsecond line")), "printed more than one line"),
        (toml_array(printer(f"Bearer {SECRET}")), "starts with 'Bearer'"),
        ("'pass \"unclosed'", "cannot split the command"),
        ("''", "the command is empty"),
        ("3", "expected a string or an array of strings"),
    ],
)
def test_token_command_problems(config: Write, command: str, expected: str) -> None:
    path = config(f"default_profile = 'lab'\n[profiles.lab]\ntoken_command = {command}\n")
    with pytest.raises(ConfigurationError, match=expected) as info:
        load_settings()
    assert str(info.value).startswith(f"{path}:3: profiles.lab.token_command")
    assert SECRET not in str(info.value)


def test_token_command_is_run_without_a_shell(config: Write, tmp_path: Path) -> None:
    marker = tmp_path / "shell-ran"
    # With a shell, `; touch` would run; without one it is an argument of echo.
    config(f"default_profile = 'lab'\n[profiles.lab]\ntoken_command = 'echo tok-word-123456 ; touch {marker}'\n")
    assert load_settings().token == f"tok-word-123456 ; touch {marker}"  # echo's arguments, printed
    assert not marker.exists()


# -- bad input: file, line, key, what to do ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "line", "expected"),
    [
        ("default_profile = 'lab'\n\n[profiles.lab]\nworkspace_id = ws1\n", 4, r"TOML syntax error: .*strings need quotes"),
        ("[profiles.lab]\nworkspace_id = 'ws'\nworkspce_id = 'x'\n", 3, r"profiles.lab.workspce_id: unknown key \(did you mean workspace_id\?\)"),
        ("[profiles.lab]\nbonuses.max_totl = 5\n", 2, r"profiles.lab.bonuses.max_totl: unknown key \(did you mean bonuses.max_total\?\)"),
        ("[profiles.lab.bonuses]\nmax_total = 5\nmax_totl = 5\n", 3, r"profiles.lab.bonuses.max_totl: unknown key"),
        ("[profiles.lab]\nbonuses.max_total = true\n", 2, r"profiles.lab.bonuses.max_total: expected an amount in major units"),
        ("[profiles.lab]\nstudies.max_spend = -5\n", 2, r"profiles.lab.studies.max_spend: -5 must be more than 0"),
        ("[profiles.lab]\nstudies.max_spend = '5 GBP'\n", 2, r"'5 GBP' is not an amount"),
        ("[profiles.lab]\n\nbase_url = 'http://example.org'\n", 3, r"profiles.lab.base_url 'http://example.org' uses plain http"),
        ("[profiles.lab]\nworkspace_id = 7\n", 2, r"profiles.lab.workspace_id: a workspace id is a str, not int"),
        ("[profiles.lab]\nstate_url = ['a']\n", 2, r"profiles.lab.state_url: expected a non-empty string"),
        ("default_profile = 3\n", 1, r"default_profile: expected a string \(a profile's name\), got an integer"),
        ("defualt_profile = 'lab'\n", 1, r"defualt_profile: unknown key \(did you mean default_profile\?\)"),
        ("# settings\nworkspace_id = 'ws'\n", 2, r"workspace_id: unknown key; a profile's key goes under its table"),
        ("profiles = 3\n", 1, r"profiles: expected a table of profiles"),
        ("[profiles]\nlab = 'x'\n", 2, r"profiles.lab: expected a table"),
        ("default_profile = 'nope'\n[profiles.lab]\n", 1, r"default_profile: no profile 'nope'"),
        ("[profiles.lab]\ntoken = 'tok-123456'\ntoken_command = 'pass x'\n", 3, r"profiles.lab.token_command: the profile also has a token \(line 2\)"),
        ("[profiles.lab]\nbonuses = { max_total = 5, cap = 1 }\n", 2, r"profiles.lab.bonuses.cap: unknown key"),
    ],
)  # fmt: skip
def test_every_bad_file_names_file_line_and_key(config: Write, text: str, line: int, expected: str) -> None:
    path = config(text)
    with pytest.raises(ConfigurationError, match=expected) as info:
        load_settings()
    assert str(info.value).startswith(f"{path}:{line}: ")


def test_a_file_that_is_not_utf8(config: Write) -> None:
    path = config("")
    path.write_bytes(b"[profiles.lab]\nworkspace_id = '\xff'\n")
    with pytest.raises(ConfigurationError, match=rf"^{path}:2: not UTF-8 text"):
        load_settings()


@pytest.mark.parametrize(
    ("variable", "value", "expected"),
    [
        ("PROLIFIC_BONUSES_MAX_TOTAL", "lots", r"\$PROLIFIC_BONUSES_MAX_TOTAL: 'lots' is not an amount"),
        ("PROLIFIC_URL", "http://example.org", r"\$PROLIFIC_URL 'http://example.org' uses plain http"),
        ("PROLIFIC_PROFILE", "lab lab", r"\$PROLIFIC_PROFILE: 'lab lab' is not a profile name"),
    ],
)
def test_bad_variables_are_named(
    config: Write, monkeypatch: pytest.MonkeyPatch, variable: str, value: str, expected: str
) -> None:
    monkeypatch.setenv(variable, value)
    with pytest.raises(ConfigurationError, match=expected):
        load_settings()


def test_the_config_directory(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from prolific._profiles import config_path

    assert config_path({"XDG_CONFIG_HOME": str(tmp_path)}) == tmp_path / "prolific-client" / "config.toml"
    home = Path.home() / ".config" / "prolific-client" / "config.toml"
    assert config_path({}) == home
    assert config_path({"XDG_CONFIG_HOME": "relative/dir"}) == home  # the XDG spec: relative paths are ignored


def test_settings_is_frozen() -> None:
    settings = Settings(token=SECRET)
    with pytest.raises(AttributeError):
        settings.token = "other"  # type: ignore[misc]
