"""A study run end to end from a shell: ``prolific-client fake-server --seed`` and the README's CLI lines.

Every step is a ``prolific-client`` subprocess against the seeded fake on 127.0.0.1, as a user's shell
would run them: create a pool, attach it, publish, participants redeem and submit (the fake's admin
path, as ``curl`` would call it), the report, the reconciliation. Also: a busy port is exit 2.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

TOKEN = "fake-token"
CLI = [sys.executable, "-m", "prolific"]


def run(env: dict[str, str], *argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*CLI, *argv], env=env, capture_output=True, text=True, timeout=60, check=False)


@pytest.fixture(scope="module")
def seeded() -> Iterator[tuple[subprocess.Popen[str], dict[str, str]]]:
    """``fake-server --seed`` in a subprocess; its printed ``key=value`` lines."""
    server = subprocess.Popen(
        [*CLI, "fake-server", "--seed"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env={**os.environ, "PYTHONWARNINGS": "ignore"},
    )  # fmt: skip
    assert server.stdout is not None
    printed: dict[str, str] = {}
    while "participant_ids" not in printed:
        line = server.stdout.readline()
        assert line, f"fake-server exited: {server.stderr.read() if server.stderr else ''}"
        key, _, value = line.strip().partition("=")
        printed[key] = value
    try:
        yield server, printed
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_fake_server_seed_runs_a_study_from_the_shell(
    seeded: tuple[subprocess.Popen[str], dict[str, str]], tmp_path: Path
) -> None:
    _, world = seeded
    env = {**os.environ, "PROLIFIC_TOKEN": world["token"], "PROLIFIC_URL": world["url"]}
    env.pop("PROLIFIC_BASE_URL", None)
    study, workspace = world["study_id"], world["workspace_id"]
    participants = world["participant_ids"].split(",")
    assert len(participants) == 3

    # The seeded world answers from state: the workspace lists its project, the study is a draft in it.
    done = run(env, "api", "get-projects", f"workspace_id={workspace}")
    assert done.returncode == 0, done.stderr
    assert [p["id"] for p in json.loads(done.stdout)["results"]] == [world["project_id"]]
    done = run(env, "api", "get-study", f"id={study}")
    assert json.loads(done.stdout)["status"] == "UNPUBLISHED"

    logins = tmp_path / "logins.csv"
    logins.write_text("Login,Password\n" + "".join(f"user{n},pw-{n}-secret\n" for n in range(1, 6)))
    done = run(env, "credentials", "upload", "--workspace", workspace, str(logins))
    assert done.returncode == 0, done.stderr
    pool = done.stdout.strip()
    assert pool and "\n" not in pool

    done = run(env, "credentials", "attach", study, pool)
    assert done.returncode == 0, done.stderr
    done = run(env, "api", "publish-study", f"id={study}", "--body", '{"action": "PUBLISH"}')
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["status"] == "ACTIVE"

    # What `curl -X POST $URL/__fake__/submissions -H 'Authorization: Token ...' -d '{...}'` sends.
    answer = httpx.post(
        f"{world['url']}/__fake__/submissions",
        headers={"Authorization": f"Token {TOKEN}"},
        json={"study_id": study, "participants": participants},
    )
    assert answer.status_code == 201, answer.text
    taken = answer.json()["submissions"]
    assert [t["participant_id"] for t in taken] == participants
    assert [t["username"] for t in taken] == ["user1", "user2", "user3"]  # the header was not a login

    done = run(env, "--json", "credentials", "report", study)
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["used"] == 3 and report["unused"] == 2

    done = run(env, "--json", "credentials", "reconcile", study, str(logins))
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    counts = result["counts"]
    assert (counts["assigned"], counts["unused"], counts["not_in_report"]) == (3, 2, 0), result
    assert "pw-1-secret" not in done.stdout + done.stderr

    done = run(env, "api", "get-submissions", f"study={study}")
    assert done.returncode == 0, done.stderr
    statuses = {s["participant_id"]: s["status"] for s in json.loads(done.stdout)["results"]}
    assert statuses == dict.fromkeys(participants, "AWAITING REVIEW")


def test_the_admin_seed_path_and_a_refused_post_that_does_not_say_the_write_may_have_happened(
    seeded: tuple[subprocess.Popen[str], dict[str, str]],
) -> None:
    _, world = seeded
    env = {**os.environ, "PROLIFIC_TOKEN": world["token"], "PROLIFIC_URL": world["url"]}
    answer = httpx.post(f"{world['url']}/__fake__/seed", headers={"Authorization": f"Token {TOKEN}"}, json={})
    assert answer.status_code == 201 and set(answer.json()) == {
        "workspace_id",
        "project_id",
        "study_id",
        "participant_ids",
    }
    done = run(env, "api", "duplicate-study", "id=65a1b2c3d4e5f60718293a4b", "--body", "{}")  # a study it lacks
    assert done.returncode == 1 and "404" in done.stderr and "Study not found" in done.stderr
    assert "may have been applied" not in done.stderr and "may or may not" not in done.stderr


def test_fake_server_on_a_busy_port_is_exit_2(seeded: tuple[subprocess.Popen[str], dict[str, str]]) -> None:
    _, world = seeded
    port = world["url"].rsplit(":", 1)[1]
    done = run(dict(os.environ), "fake-server", "--port", port)
    assert done.returncode == 2, done.stderr
    assert f"127.0.0.1:{port}" in done.stderr and "--port" in done.stderr
