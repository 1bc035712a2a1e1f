"""Choosing the store from what a user wrote: paths, sqlite: and postgresql:// URLs, PROLIFIC_STATE_URL.

No server needed: this is the parsing, the precedence, the redaction, and what happens without psycopg.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from prolific import ConfigurationError
from prolific._store import STATE_URL_ENV, parse_state_url, store_location  # private: tested directly

SECRET = "pw-SECRET-5f1e"


@pytest.mark.parametrize(
    ("text", "path"),
    [
        ("/var/lib/lab/bonuses.sqlite3", "/var/lib/lab/bonuses.sqlite3"),
        ("relative/bonuses.sqlite3", "relative/bonuses.sqlite3"),
        ("sqlite:///var/lib/lab/bonuses.sqlite3", "/var/lib/lab/bonuses.sqlite3"),
        ("sqlite:////var/lib/lab/bonuses.sqlite3", "//var/lib/lab/bonuses.sqlite3"),
        ("sqlite://localhost/tmp/x.db", "/tmp/x.db"),
        ("sqlite:relative.db", "relative.db"),
        ("SQLite:///tmp/with%20space.db", "/tmp/with space.db"),
        ("C:/Users/lab/bonuses.sqlite3", "C:/Users/lab/bonuses.sqlite3"),  # a drive letter is not a scheme
    ],
)
def test_paths_and_sqlite_urls_are_files(text: str, path: str) -> None:
    url = parse_state_url(text)
    assert url.kind == "sqlite"
    assert url.path == Path(path)
    assert str(url) == str(Path(path))


def test_a_home_relative_path_is_expanded(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    assert parse_state_url("~/state/j.sqlite3").path == tmp_path / "state" / "j.sqlite3"
    assert parse_state_url(tmp_path / "x.db").path == tmp_path / "x.db"  # a PathLike as it is


@pytest.mark.parametrize("scheme", ["postgresql", "postgres"])
def test_postgresql_urls_keep_the_password_for_the_driver_only(scheme: str) -> None:
    text = f"{scheme}://lab:{SECRET}@db.example.org:5433/prolific?sslmode=require"
    url = parse_state_url(text)
    assert (url.kind, url.host, url.port, url.user, url.where) == (
        "postgresql",
        "db.example.org",
        5433,
        "lab",
        "db.example.org:5433",
    )
    assert url.conninfo() == text
    for shown in (str(url), repr(url), url.display):
        assert SECRET not in shown
        assert "db.example.org:5433/prolific" in shown and "sslmode=require" in shown


def test_a_password_in_the_query_is_hidden_too() -> None:
    url = parse_state_url(f"postgresql://db/prolific?user=lab&password={SECRET}")
    assert SECRET not in repr(url) and "password=***" in str(url)


def test_defaults_and_several_hosts() -> None:
    assert parse_state_url("postgresql:///prolific").where == "localhost:5432"
    several = parse_state_url("postgresql://lab@db1:5432,db2:5433/prolific")
    assert several.where == "db1:5432,db2:5433"


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("", "is empty"),
        ("   ", "is empty"),
        ("mysql://lab@db/prolific", "mysql: is not a store this client knows"),
        ("https://example.org/state", "https: is not a store"),
        ("sqlite://db.example.org/x.db", "names a host (db.example.org); SQLite is a file on this machine"),
        ("sqlite:///x.db?mode=ro", "takes no options"),
        ("sqlite://", "names no file"),
        (f"postgresql://lab:{SECRET}@db:port/prolific", "the port is not a number"),
    ],
)
def test_what_cannot_be_used_is_refused_naming_where_it_came_from(text: str, says: str) -> None:
    with pytest.raises(ConfigurationError) as caught:
        parse_state_url(text, origin="--journal")
    message = str(caught.value)
    assert message.startswith("--journal")
    assert says in message
    assert SECRET not in message


def test_store_location_flag_then_environment_then_default(tmp_path: Path) -> None:
    default = {"default_file": "bonuses.sqlite3", "default_dir": tmp_path / "state", "flag": "--journal"}
    shared_pg = {STATE_URL_ENV: f"postgresql://lab:{SECRET}@db/prolific"}
    # the flag wins over the environment
    assert store_location("j.sqlite3", environ=shared_pg, **default).path == Path("j.sqlite3")  # type: ignore[arg-type]
    # a postgresql:// URL in the environment holds every part of the state
    from_env = store_location(None, environ=shared_pg, **default)  # type: ignore[arg-type]
    assert from_env.kind == "postgresql" and from_env.conninfo() == shared_pg[STATE_URL_ENV]
    # a folder in the environment: the part's file in it
    in_dir = store_location(None, environ={STATE_URL_ENV: f"sqlite://{tmp_path}/lab"}, **default)  # type: ignore[arg-type]
    assert in_dir.path == tmp_path / "lab" / "bonuses.sqlite3"
    assert store_location(None, environ={STATE_URL_ENV: " "}, **default).path == tmp_path / "state" / "bonuses.sqlite3"  # type: ignore[arg-type]


def test_a_bad_environment_variable_is_named() -> None:
    with pytest.raises(ConfigurationError, match=f"the {STATE_URL_ENV} environment variable: ftp: is not"):
        store_location(
            None, default_file="x", default_dir=Path("/s"), flag="--journal", environ={STATE_URL_ENV: "ftp://x"}
        )


def _python(code: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    environ = {**os.environ, **(env or {})}
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False, timeout=60, env=environ
    )


def test_import_prolific_never_imports_psycopg() -> None:
    done = _python(
        "import sys, prolific, prolific._store\n"
        "prolific._store.parse_state_url('postgresql://lab@db/prolific')\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'psycopg'))"
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def test_without_the_extra_a_postgresql_url_says_which_extra_to_install() -> None:
    # sys.modules[name] = None makes `import name` fail as if psycopg were not installed.
    done = _python(
        "import sys; sys.modules['psycopg'] = None\n"
        "from prolific._store import parse_state_url\n"
        "from prolific._store._postgres import connect\n"
        f"connect(parse_state_url('postgresql://lab:{SECRET}@db/prolific'))"
    )
    assert done.returncode == 1
    last = done.stderr.strip().splitlines()[-1]
    assert last == (
        "prolific._errors.ConfigurationError: postgresql://lab:***@db/prolific: a postgresql:// state store needs "
        "the [postgres] extra: pip install 'prolific-client[postgres]'"
    )
    assert SECRET not in done.stderr


def test_without_the_extra_the_cli_says_so_in_one_line(tmp_path: Path) -> None:
    csv = tmp_path / "bonuses.csv"
    csv.write_text("participant_id,amount\n6540bb000000000000000001,1.50\n", encoding="utf-8")
    url = f"postgresql://lab:{SECRET}@db.example.org/prolific"
    words = ["bonuses", "status", "6540aa000000000000000001", str(csv), "--journal", url]
    done = _python(
        f"import sys; sys.modules['psycopg'] = None\nfrom prolific.cli import main\nsys.exit(main({words!r}))",
        env={"PROLIFIC_TOKEN": "tok-test-extra"},
    )
    assert done.returncode != 0 and SECRET not in done.stdout + done.stderr
    assert "needs the [postgres] extra: pip install 'prolific-client[postgres]'" in done.stderr
    assert "Traceback" not in done.stderr and len(done.stderr.strip().splitlines()) == 1, done.stderr
