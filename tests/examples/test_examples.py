"""Every script in examples/ runs against FakeProlific's loopback server, as a user would run it."""

from __future__ import annotations

import csv
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from prolific.testing import FakeProlific

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
TOKEN = "tok-SECRET-examples-77b1"
WORKSPACE = "ws_examples"


def rows(name: str) -> list[tuple[str, str]]:
    with (EXAMPLES / name).open(encoding="utf-8", newline="") as handle:
        return [(u, p) for u, p in csv.reader(handle) if (u, p) != ("username", "password")]


def check_credential_pool(fake: FakeProlific, out: str, cwd: Path) -> None:
    [(pool_id, stored)] = fake.pools.items()
    assert stored == rows("credentials.csv") + rows("more-credentials.csv")
    assert fake.pool_workspaces[pool_id] == WORKSPACE
    assert [(r.method, r.status) for r in fake.requests] == [
        ("POST", 201),
        ("PATCH", 200),
        ("PATCH", 200),
        ("PATCH", 200),
    ]
    assert f"pool {pool_id}: 12 credentials" in out and f"added 3 more to {pool_id}" in out


def check_participant_group(fake: FakeProlific, out: str, cwd: Path) -> None:
    [group] = fake.participant_groups.values()
    assert group["name"] == "Pilot wave" and group["workspace_id"] == WORKSPACE
    assert f"group {group['id']}: 'Pilot wave'" in out


def check_generated_call(fake: FakeProlific, out: str, cwd: Path) -> None:
    [(pool_id, stored)] = fake.pools.items()
    assert stored == [("alice", "pw-Alice-1"), ("bob", "pw-Bob-2")]
    assert fake.requests[0].headers["authorization"] == f"Token {TOKEN}"
    assert out.strip() == f"pool {pool_id}"


def check_async_client(fake: FakeProlific, out: str, cwd: Path) -> None:
    [(pool_id, stored)] = fake.pools.items()
    saved = cwd / "new-credentials.csv"
    assert saved.stat().st_mode & 0o777 == 0o600
    with saved.open(encoding="utf-8", newline="") as handle:
        assert [tuple(row) for row in csv.reader(handle)][1:] == stored
    assert len(stored) == 7 and len(fake.participant_groups) == 1
    assert f"pool {pool_id}: 7 credentials" in out
    for _, password in stored:
        assert password not in out  # generated passwords are saved, never printed


# script -> (arguments, check of the fake's state and the output)
CASES: dict[str, tuple[list[str], Callable[[FakeProlific, str, Path], None]]] = {
    "credential_pool.py": ([WORKSPACE], check_credential_pool),
    "participant_group.py": ([WORKSPACE, "Pilot wave", "5e9b9c9b0f9c9a0001b0b1f4"], check_participant_group),
    "generated_call.py": ([WORKSPACE], check_generated_call),
    "async_client.py": ([WORKSPACE, "7"], check_async_client),
}


# Self-contained tours: they run their own fake (participants redeeming credentials is a Python call).
TOURS = ["credential_tour.py", "webhook_tour.py"]


def test_every_example_script_is_run_here() -> None:
    assert sorted(p.name for p in EXAMPLES.glob("*.py")) == sorted([*CASES, *TOURS])


def test_the_credential_tour(tmp_path: Path) -> None:
    """The credential tour (examples/credential_tour.py): every step of the workflow runs, as the tour says, and no password shows."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PROLIFIC_URL", "PROLIFIC_TOKEN")}
    result = subprocess.run(
        [sys.executable, str(EXAMPLES / "credential_tour.py"), str(tmp_path)],
        env=env, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    shown = result.stdout + result.stderr
    assert result.returncode == 0, shown
    for step in (
        "credentials attach", "5 short: add 5", "wrote 5 new credentials to topup.csv", "the pool meets it",
        "15 credentials: 3 used, 12 unused", "3 assigned, 7 unused, 5 in the report but not in the file",
        "is ACTIVE: a credential pool can only be attached to a draft study", "3 participants added to group",
    ):  # fmt: skip
        assert step in shown, step
    assert shown.count("(exit code 1)") == 2  # capacity short, attach to the published study
    assert "Traceback" not in shown
    for name in ("logins.csv", "topup.csv"):
        saved = tmp_path / name
        assert saved.stat().st_mode & 0o777 == 0o600
        for row in csv.reader(saved.open(encoding="utf-8")):
            assert row[1] not in shown, name


@pytest.mark.parametrize("script", sorted(CASES))
def test_example(script: str, tmp_path: Path) -> None:
    arguments, check = CASES[script]
    fake = FakeProlific(token=TOKEN)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    with fake.serve() as url:
        env.update(PROLIFIC_URL=url, PROLIFIC_TOKEN=TOKEN)
        result = subprocess.run(
            [sys.executable, str(EXAMPLES / script), *arguments],
            cwd=tmp_path, env=env, capture_output=True, text=True, timeout=60,
        )  # fmt: skip
    assert result.returncode == 0, f"{script} failed:\n{result.stdout}\n{result.stderr}"
    check(fake, result.stdout, tmp_path)
    shown = result.stdout + result.stderr
    assert TOKEN not in shown
    for _, password in rows("credentials.csv"):
        assert password not in shown


def test_the_webhook_tour(tmp_path: Path) -> None:
    """The webhook tour (examples/webhook_tour.py): listen, subscribe, a participant takes part, the events arrive verified."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PROLIFIC_URL", "PROLIFIC_TOKEN")}
    result = subprocess.run(
        [sys.executable, str(EXAMPLES / "webhook_tour.py"), str(tmp_path)],
        env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    shown = result.stdout + result.stderr
    assert result.returncode == 0, shown
    printed = [line for line in shown.splitlines() if line.startswith("listen stdout | ")]
    assert [line.split()[3:6] for line in printed] == [
        ["study.status.change", printed[0].split()[4], "ACTIVE"],
        ["submission.status.change", printed[1].split()[4], "ACTIVE"],
        ["study.status.change", printed[0].split()[4], "PAUSED"],
    ]  # each event once, in order, the redelivered one included
    assert "forged POST -> 401" in shown and "listen stderr | refused (401)" in shown
    assert "Traceback" not in shown
