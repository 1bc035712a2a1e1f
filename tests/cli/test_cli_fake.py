"""``prolific-client fake seed|submissions|advance|fault|records`` against ``fake-server`` in a subprocess.

One ``fake-server --bonus-settlement-delay 60`` per module; each test seeds its own world on it. Most
commands run in-process (``main``, over real HTTP to the server); the first and the last go through the
installed ``prolific-client`` script, as a shell would. Also: ``fake-server`` on a plain install (no
``[testing]`` extra) says a note instead of printing a Python ``UserWarning``.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from prolific.cli import main

TOKEN = "tok-SECRET-fake-cli-51c2"
SCRIPT = Path(sys.executable).parent / "prolific-client"


def start_server(*argv: str, env: dict[str, str] | None = None) -> tuple[subprocess.Popen[str], dict[str, str], str]:
    """``fake-server`` with ``argv``: its printed ``key=value`` lines and what it said on stderr, once listening."""
    server = subprocess.Popen(
        [str(SCRIPT), "fake-server", *argv], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env={**os.environ, **(env or {})},
    )  # fmt: skip
    assert server.stdout is not None
    assert server.stderr is not None
    printed: dict[str, str] = {}
    while "participant_ids" not in printed if "--seed" in argv else "token" not in printed:
        line = server.stdout.readline()
        assert line, f"fake-server exited: {server.stderr.read()}"
        key, _, value = line.strip().partition("=")
        printed[key] = value
    said = ""
    while "drive it from a shell" not in said:  # its last line before serving
        line = server.stderr.readline()
        assert line, f"fake-server exited: {said}"
        said += line
    return server, printed, said


def stop(server: subprocess.Popen[str]) -> str:
    server.terminate()
    _, err = server.communicate(timeout=10)
    return err


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    process, printed, _ = start_server("--bonus-settlement-delay", "60")
    try:
        yield printed["url"]
    finally:
        stop(process)


@pytest.fixture
def url(server: str, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("PROLIFIC_TOKEN", TOKEN)
    monkeypatch.setenv("PROLIFIC_URL", server)
    return server


def cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    assert TOKEN not in captured.out + captured.err
    return code, captured.out, captured.err


def ok(capsys: pytest.CaptureFixture[str], *argv: str) -> Any:
    code, out, err = cli(capsys, "--json", *argv)
    assert code == 0, err
    return json.loads(out)


@pytest.fixture(scope="module")
def rest(server: str) -> Iterator[httpx.Client]:
    """An API client on the server (one for the module: each new client loads the certificate store)."""
    with httpx.Client(base_url=server, headers={"Authorization": f"Token {TOKEN}"}) as client:
        yield client


def api(client: httpx.Client, method: str, path: str, body: Any = None) -> Any:
    answer = client.request(method, path, json=body)
    assert answer.status_code < 300, answer.text
    return answer.json() if answer.content else None


def seeded(capsys: pytest.CaptureFixture[str], rest: httpx.Client, places: int = 2, **study: Any) -> dict[str, Any]:
    world: dict[str, Any] = ok(capsys, "fake", "seed", "--participants", str(places))
    if study:
        api(rest, "PATCH", f"/api/v1/studies/{world['study_id']}/", study)
    api(rest, "POST", f"/api/v1/studies/{world['study_id']}/transition/", {"action": "PUBLISH"})
    return world


def test_seed_prints_the_world_as_shell_lines(server: str) -> None:
    env = {**os.environ, "PROLIFIC_TOKEN": TOKEN}
    env.pop("PROLIFIC_URL", None)
    done = subprocess.run([str(SCRIPT), "fake", "seed", "--url", server], env=env, capture_output=True, text=True,
                          timeout=60, check=False)  # fmt: skip
    assert done.returncode == 0, done.stderr
    lines = dict(line.split("=", 1) for line in done.stdout.splitlines())
    assert set(lines) == {"workspace_id", "project_id", "study_id", "participant_ids"}
    assert len(lines["participant_ids"].split(",")) == 3
    assert TOKEN not in done.stdout + done.stderr


def test_participants_take_part_within_the_places(
    capsys: pytest.CaptureFixture[str], url: str, rest: httpx.Client
) -> None:
    world = seeded(capsys, rest, places=2)
    study = world["study_id"]
    started = ok(capsys, "fake", "submissions", study, "--participant", world["participant_ids"][0], "--started")
    assert [(s["participant_id"], s["status"]) for s in started] == [(world["participant_ids"][0], "ACTIVE")]
    code, out, err = cli(capsys, "fake", "submissions", study)
    assert code == 0 and "AWAITING REVIEW" in out and "SUBMISSION" in out
    code, out, err = cli(capsys, "fake", "submissions", study, "2")
    assert code == 1 and out == ""
    assert "the fake refused (400)" in err and "has no free place: 2 of 2 places are held" in err
    code, _, err = cli(capsys, "fake", "submissions", study, "2", "--participant", world["participant_ids"][1])
    assert code == 2 and "not both" in err

    first = started[0]["submission_id"]
    moved = ok(capsys, "fake", "advance", "--complete", first, "--code", "DONE")
    assert [(s["id"], s["status"], s["study_code"]) for s in moved["submissions"]] == [
        (first, "AWAITING REVIEW", "DONE")
    ]
    assert api(rest, "GET", f"/api/v1/studies/{study}/")["status"] == "AWAITING REVIEW"
    code, out, _ = cli(capsys, "fake", "advance", "--return", first)
    assert code == 0 and out.strip() == f"submission {first}: RETURNED"
    assert api(rest, "GET", f"/api/v1/studies/{study}/")["status"] == "ACTIVE"  # the place is free again
    code, _, err = cli(capsys, "fake", "advance", "--time-out", first)
    assert code == 1 and "it is RETURNED" in err


def test_the_clock_times_out_and_settles(capsys: pytest.CaptureFixture[str], url: str, rest: httpx.Client) -> None:
    world = seeded(capsys, rest, places=2, maximum_allowed_time=10)
    study = world["study_id"]
    [working] = ok(capsys, "fake", "submissions", study, "--started")
    [paid] = ok(capsys, "fake", "submissions", study)
    bulk = api(rest, "POST", "/api/v1/submissions/bonus-payments/", {"study_id": study, "csv_bonuses": f"{paid['participant_id']},2.50"})  # fmt: skip
    api(rest, "POST", f"/api/v1/bulk-bonus-payments/{bulk['id']}/pay/", {})
    record = f"/api/v1/submissions/{paid['submission_id']}/"
    assert api(rest, "GET", record)["bonus_payments"] == []  # the server settles payments 60 s later

    code, out, err = cli(capsys, "fake", "advance", "59s")
    assert code == 0 and "timed out" not in out and "settled" not in out
    assert api(rest, "GET", record)["bonus_payments"] == []
    code, out, err = cli(capsys, "fake", "advance", "1")
    assert f"bonus payments settled: {bulk['id']}" in out and "timed out" not in out
    assert api(rest, "GET", record)["bonus_payments"] == [250]
    moved = ok(capsys, "fake", "advance", "9m")  # 10 minutes since the participant started
    assert moved["clock"]["timed_out"] == [working["submission_id"]] and moved["clock"]["settled"] == []
    assert api(rest, "GET", f"/api/v1/studies/{study}/cost/")["bonuses"]["rewards"] == {
        "amount": 250,
        "currency": "GBP",
    }
    code, _, err = cli(capsys, "fake", "advance")
    assert code == 2 and "advance what?" in err
    code, _, err = cli(capsys, "fake", "advance", "soon")
    assert code == 2 and "'soon' is not a duration" in err


def test_faults_from_the_shell(capsys: pytest.CaptureFixture[str], url: str, rest: httpx.Client) -> None:
    world = seeded(capsys, rest)
    study = f"/api/v1/studies/{world['study_id']}/"
    code, out, _ = cli(capsys, "fake", "fault", "429", "--retry-after", "7", "--operation", "get-study", "--times", "2")
    assert code == 0 and out.strip() == "queued fail_next(429) x2 for operation=get-study (2 pending faults)"
    ok(capsys, "fake", "fault", "503", "--after-apply", "--operation", "update-study")
    ok(capsys, "fake", "fault", "drop", "--method", "DELETE")
    code, out, _ = cli(capsys, "fake", "fault")
    assert "fail_next(503, after_apply=True)" in out and "drop_next()" in out and "get-study" in out
    throttled = rest.get(study)
    assert (throttled.status_code, throttled.headers["Retry-After"]) == (429, "7")
    assert rest.get(study).status_code == 429
    assert rest.get(study).status_code == 200
    assert rest.patch(study, json={"internal_name": "after-apply"}).status_code == 503
    assert rest.get(study).json()["internal_name"] == "after-apply"  # applied, although the answer was 503
    assert ok(capsys, "fake", "fault", "--clear") == {"cleared": 1}
    assert ok(capsys, "fake", "fault") == []
    for argv, message in [
        (["fake", "fault", "delay"], "needs --seconds"),
        (["fake", "fault", "teapot"], "give an HTTP status"),
        (["fake", "fault", "drop", "--retry-after", "3"], "--retry-after does not apply"),
    ]:
        code, _, err = cli(capsys, *argv)
        assert code == 2 and message in err, err
    code, _, err = cli(capsys, "fake", "fault", "42")
    assert code == 1 and "status must be an int from 200 to 999" in err


def test_records_without_secrets(capsys: pytest.CaptureFixture[str], url: str, rest: httpx.Client) -> None:
    world = seeded(capsys, rest, places=1)
    api(
        rest,
        "POST",
        "/api/v1/credentials/",
        {"credentials": "alice,pw-SECRET-9", "workspace_id": world["workspace_id"]},
    )
    [taken] = ok(capsys, "fake", "submissions", world["study_id"])
    records = ok(capsys, "fake", "records")
    assert set(records) == {"payments", "transitions", "messages", "requests"}
    mine = [t for t in records["transitions"] if t["study_id"] == world["study_id"]]
    assert [(t["kind"], t["to"]) for t in mine] == [
        ("study", "ACTIVE"), ("submission", "ACTIVE"), ("submission", "AWAITING REVIEW"), ("study", "AWAITING REVIEW")
    ]  # fmt: skip
    assert mine[1]["id"] == taken["submission_id"]
    code, out, _ = cli(capsys, "fake", "records", "requests")
    assert code == 0 and out.startswith("requests (") and "create-credential-pool" in out
    assert "pw-SECRET" not in out + json.dumps(records)
    since = ok(capsys, "fake", "records", "transitions", "--since", str(len(records["transitions"]) - 1))
    assert since == {"transitions": records["transitions"][-1:]}
    code, out, _ = cli(capsys, "fake", "records", "transitions")
    assert "AT" in out.splitlines()[1] and "AWAITING REVIEW" in out


def test_which_fake(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PROLIFIC_URL", raising=False)
    code, _, err = cli(capsys, "fake", "records")
    assert code == 2 and "which fake? give --url" in err
    code, _, err = cli(capsys, "fake", "seed", "--url", "https://api.prolific.com")
    assert code == 2 and "talk to a fake-server on this machine" in err
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        closed = probe.getsockname()[1]
    code, _, err = cli(capsys, "fake", "seed", "--url", f"http://127.0.0.1:{closed}")
    assert code == 1 and "cannot reach a fake at" in err and "fake-server" in err


def test_fake_server_on_a_plain_install_says_a_note_not_a_warning(tmp_path: Path) -> None:
    """Without the [testing] extra the request checks are off: said once as a note, no Python warning."""
    blocker = tmp_path / "sitecustomize.py"  # as on an install without openapi-schema-validator
    blocker.write_text("import sys\nsys.modules['openapi_schema_validator'] = None\n")
    env = {"PYTHONPATH": os.pathsep.join([str(tmp_path), os.environ.get("PYTHONPATH", "")])}
    process, printed, said = start_server("--seed", env=env)
    answer = httpx.get(f"{printed['url']}/api/v1/studies/{printed['study_id']}/", headers={"Authorization": "Token t"})
    assert answer.status_code == 200  # the first request: where the warning used to come from
    err = said + stop(process)
    assert "note: FakeProlific does not check requests against the spec" in err
    assert "prolific-client[testing]" in err
    assert "UserWarning" not in err and "warnings.warn" not in err
    assert f"prolific-client fake submissions {printed['study_id']} 3 --url {printed['url']}" in err
