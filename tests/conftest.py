"""Run-wide hooks: the end-of-run summary lines (see tests/support/session_summary.py), with or without xdist."""

from __future__ import annotations

import atexit
import itertools
import os
import shutil
import tempfile
from collections.abc import Iterator
from typing import Any

import postgres_server
import pytest
from run_order import SLOWEST_FIRST
from session_summary import COUNTS, NOTES, summary_lines

# The developer's own config file (~/.config/prolific-client/config.toml) and profile must not change what
# the tests see: the run, subprocesses included, finds no config file, and each test has a config directory
# of its own (a test or guide that writes one keeps it to itself).
_CONFIG_ROOT = tempfile.mkdtemp(prefix="prolific-tests-config-")
atexit.register(shutil.rmtree, _CONFIG_ROOT, True)
os.environ["XDG_CONFIG_HOME"] = os.path.join(_CONFIG_ROOT, "session")
os.environ.pop("PROLIFIC_PROFILE", None)
_TESTS = itertools.count()


@pytest.fixture(autouse=True)
def _own_config_directory(monkeypatch: pytest.MonkeyPatch) -> None:
    # Not created: nothing is there until a test writes it (config init makes the folders).
    monkeypatch.setenv("XDG_CONFIG_HOME", os.path.join(_CONFIG_ROOT, str(next(_TESTS))))


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """The slowest files first (see SLOWEST_FIRST); a stable sort, so each file keeps its tests' order."""
    rank = {name: position for position, name in enumerate(SLOWEST_FIRST)}

    def key(item: pytest.Item) -> int:
        path = item.path.as_posix()
        return next((rank[name] for name in rank if path.endswith("/tests/" + name)), len(rank))

    items.sort(key=key)


def pytest_sessionfinish(session: pytest.Session) -> None:
    output = getattr(session.config, "workeroutput", None)
    if output is not None:  # an xdist worker: hand the summary to the controller
        output["summary_counts"] = {title: dict(counts) for title, counts in COUNTS.items()}
        output["summary_notes"] = list(NOTES)


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node: Any, error: object) -> None:
    output = getattr(node, "workeroutput", {})
    for title, counts in output.get("summary_counts", {}).items():
        COUNTS[title].update(counts)
    NOTES.extend(output.get("summary_notes", []))


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    for line in summary_lines():
        terminalreporter.write_line(line)


# -- PostgreSQL (tests/support/postgres_server.py): one throwaway server per run, a database per test --------


@pytest.fixture(scope="session")
def postgres(request: pytest.FixtureRequest) -> postgres_server.Server:
    """The run's PostgreSQL server (started on first use); skipped with the reason when it cannot be had."""
    try:
        return postgres_server.shared_server(request.config)
    except postgres_server.Unavailable as exc:
        postgres_server.unavailable(str(exc))
        raise


@pytest.fixture
def postgres_url(postgres: postgres_server.Server) -> Iterator[str]:
    """A URL (``postgresql://…``, with the password) of an empty database of the test's own."""
    url = postgres_server.create_database(postgres)
    yield url
    postgres_server.empty_database(postgres, url)


def pytest_unconfigure(config: pytest.Config) -> None:
    postgres_server.stop_shared_server(config)


@pytest.fixture(params=["sqlite", "postgresql"])
def state_location(request: pytest.FixtureRequest, tmp_path: Any) -> Any:
    """The same store on each engine: ``location(name)`` is a file under ``tmp_path``, or the test's PG database.

    The state-store tests take this fixture so that one suite runs against both engines.
    """
    if request.param == "sqlite":
        return lambda name: str(tmp_path / name)
    url = request.getfixturevalue("postgres_url")
    return lambda name: url
