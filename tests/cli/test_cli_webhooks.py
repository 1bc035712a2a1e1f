"""``webhooks listen`` as a real process on loopback, ``webhooks subscribe|secret|list|events`` on the fake, and
``fake-server`` delivering to ``webhooks listen`` (each a process, as a shell user runs them)."""

from __future__ import annotations

import json
import os
import queue
import re
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from prolific.cli import main
from prolific.testing import FakeProlific
from prolific.webhooks import signed_headers

TOKEN = "tok-SECRET-webhooks-cli-5a7e"
SECRET = "whsec-SECRET-listen-3b9d1e7f"
WS = "ws_cli_hooks"
BODY = json.dumps(
    {"event_type": "submission.status.change", "resource_id": "6540a1b2c3d4e5f607182930",
     "participant_id": "5e9b9c9b0f9c9a0001b0b1f4", "status": "AWAITING REVIEW"}
).encode()  # fmt: skip


@pytest.fixture
def listener(tmp_path: Path) -> Iterator[tuple[str, subprocess.Popen[str]]]:
    env = {**os.environ, "PROLIFIC_WEBHOOK_SECRET": SECRET, "XDG_STATE_HOME": str(tmp_path / "state")}
    process = subprocess.Popen(
        [sys.executable, "-m", "prolific", "webhooks", "listen", "--port", "0", "--json"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stderr is not None
    url = None
    for _ in range(5):  # the event log line, then the listening line
        line = process.stderr.readline()
        found = re.search(r"listening on (http://127\.0\.0\.1:\d+/)", line)
        if found:
            url = found.group(1)
            break
    assert url is not None, "webhooks listen did not start"
    try:
        yield url, process
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(timeout=30)


def test_listen_prints_a_signed_event_once_and_refuses_a_forged_one(
    listener: tuple[str, subprocess.Popen[str]],
) -> None:
    url, process = listener
    good = signed_headers(BODY, SECRET, timestamp=int(time.time()), event_id="ev-cli-1")
    forged = signed_headers(BODY, "whsec-forger-00000000", timestamp=int(time.time()), event_id="ev-cli-2")
    with httpx.Client(timeout=30) as http:
        statuses = [http.post(url, content=BODY, headers=h).status_code for h in (good, good, forged)]
    assert statuses == [200, 200, 401]
    process.send_signal(signal.SIGTERM)
    try:
        out, err = process.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        process.kill()
        out, err = process.communicate()
        pytest.fail(f"webhooks listen did not stop on SIGTERM; stdout={out!r} stderr={err!r}")
    assert process.returncode == 0
    lines = out.splitlines()
    assert len(lines) == 1  # delivered twice, printed once; the forged one not at all
    event = json.loads(lines[0])
    assert event["event_id"] == "ev-cli-1" and event["status"] == "AWAITING REVIEW"
    assert event["event_type"] == "submission.status.change"
    assert "refused (401)" in err and "signature" in err
    assert SECRET not in out + err


def test_listen_without_a_secret_says_where_it_comes_from(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("PROLIFIC_WEBHOOK_SECRET", raising=False)
    assert main(["webhooks", "listen", "--port", "0"]) == 2
    assert "PROLIFIC_WEBHOOK_SECRET" in capsys.readouterr().err


def test_subscribe_secret_list_and_events(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    fake = FakeProlific(token=TOKEN)
    monkeypatch.setenv("PROLIFIC_TOKEN", TOKEN)
    with fake.serve() as base:
        monkeypatch.setenv("PROLIFIC_URL", base)
        assert main(["webhooks", "subscribe", "--workspace", WS, "--event", "study.status.change",
                     "http://127.0.0.1:9/hook"]) == 0  # fmt: skip
        out = capsys.readouterr().out
        [subscription_id] = fake.webhook_subscriptions
        assert f"subscription {subscription_id}" in out and "confirmed" in out
        secret = fake.webhook_secrets[WS]["value"]
        assert secret not in out
        assert main(["webhooks", "secret", "--workspace", WS]) == 0
        assert capsys.readouterr().out.strip() == secret  # asked for, into a pipe: written as is
        monkeypatch.setattr(sys.stdout, "isatty", lambda: True, raising=False)
        assert main(["webhooks", "secret", "--workspace", WS]) == 2  # never onto a terminal
        captured = capsys.readouterr()
        assert secret not in captured.out + captured.err and "export PROLIFIC_WEBHOOK_SECRET" in captured.err
        monkeypatch.undo()
        monkeypatch.setenv("PROLIFIC_TOKEN", TOKEN)
        monkeypatch.setenv("PROLIFIC_URL", base)
        assert main(["--json", "webhooks", "list", "--workspace", WS]) == 0
        assert [s["id"] for s in json.loads(capsys.readouterr().out)] == [subscription_id]
        fake.delivery_time_scale = 1e-7  # nothing listens on port 9: Prolific's 12 attempts, in ~10 ms
        fake._studies.set_study_status(fake.add_study(workspace_id=WS), "ACTIVE")
        fake.wait_for_deliveries()
        assert main(["webhooks", "events", subscription_id, "--status", "FAILED"]) == 0
        captured = capsys.readouterr()
        assert "study.status.change" in captured.out and "FAILED" in captured.out
        assert TOKEN not in captured.out + captured.err


class _Lines:
    """A process's output, line by line, read by a thread: waiting for a line fails rather than hangs."""

    def __init__(self, stream: Any) -> None:
        self._lines: queue.Queue[str] = queue.Queue()
        threading.Thread(target=lambda: [*map(self._lines.put, stream), self._lines.put("")], daemon=True).start()

    def next(self, seconds: float = 60.0) -> str:
        try:
            return self._lines.get(timeout=seconds)
        except queue.Empty:
            raise AssertionError(f"no output in {seconds} s") from None


def test_fake_server_delivers_to_webhooks_listen_and_events_shows_succeeded(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The shell path: fake-server and webhooks listen as processes; secret, subscribe, an event, events."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PROLIFIC_")}
    env["XDG_STATE_HOME"] = str(tmp_path / "state")
    server = subprocess.Popen(
        [sys.executable, "-m", "prolific", "fake-server", "--seed", "--delivery-scale", "1/86400"],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    listener = None
    try:
        printed = _Lines(server.stdout)
        world: dict[str, str] = {}
        while "participant_ids" not in world:
            key, _, value = printed.next().strip().partition("=")
            assert key, f"fake-server exited: {server.stderr.read() if server.stderr else ''}"
            world[key] = value
        monkeypatch.setenv("PROLIFIC_URL", world["url"])
        monkeypatch.setenv("PROLIFIC_TOKEN", world["token"])

        def cli(*argv: str) -> str:  # the commands that return at once run in this process (faster)
            code = main(list(argv))
            captured = capsys.readouterr()
            assert code == 0, captured.err
            return captured.out

        workspace, study = world["workspace_id"], world["study_id"]
        secret = cli("webhooks", "secret", "--workspace", workspace).strip()
        listener = subprocess.Popen(
            [sys.executable, "-m", "prolific", "webhooks", "listen", "--port", "0", "--json"],
            env={**env, "PROLIFIC_WEBHOOK_SECRET": secret}, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            text=True,
        )  # fmt: skip
        said, heard = _Lines(listener.stderr), _Lines(listener.stdout)
        found = None
        while found is None:
            line = said.next()
            assert line, "webhooks listen did not start"
            found = re.search(r"listening on (http://127\.0\.0\.1:\d+/)", line)
        subscribed = json.loads(cli("--json", "webhooks", "subscribe", "--workspace", workspace,
                                    "--event", "study.status.change", found.group(1)))  # fmt: skip
        cli("api", "publish-study", f"id={study}", "--body", '{"action": "PUBLISH"}')  # the event: ACTIVE

        event = json.loads(heard.next())  # verified by the listener, printed once
        assert (event["event_type"], event["resource_id"], event["status"]) == ("study.status.change", study, "ACTIVE")
        # The fake records the attempt once the listener's 200 is back: ask until it has.
        for _ in range(200):
            [recorded] = json.loads(cli("--json", "webhooks", "events", subscribed["id"]))
            if recorded["status"] != "PENDING":
                break
        assert recorded["status"] == "SUCCEEDED" and recorded["id"] == event["event_id"]
        assert [(a["attempt"], a["status_code"]) for a in recorded["attempts"]] == [(1, 200)]
        table = cli("webhooks", "events", subscribed["id"])
        assert "SUCCEEDED" in table and study in table
        assert secret not in table
    finally:
        for process in (listener, server):
            if process is not None and process.poll() is None:
                process.terminate()
                process.communicate(timeout=30)


@pytest.mark.parametrize(
    ("given", "said"),
    [("2", "above 1 slows"), ("0", "out of range"), ("1/0", "not a number"), ("fast", "not a number")],
)
def test_fake_server_delivery_scale_is_checked(given: str, said: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["fake-server", "--delivery-scale", given]) == 2
    assert said in capsys.readouterr().err


def test_subscribe_refuses_a_second_event_rather_than_keeping_the_last(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["webhooks", "subscribe", "--workspace", WS, "--event", "study.status.change"]
    assert main([*argv, "--event", "submission.status.change", "http://127.0.0.1:9/hook"]) == 2  # nothing sent
    err = capsys.readouterr().err
    assert "--event was given twice: give it once" in err and "subscribe again for another" in err
