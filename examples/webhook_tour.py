"""Webhooks from end to end against a FakeProlific: listen, subscribe, a participant takes part, events arrive verified.

A tour ``make demo`` points to. ``prolific-client webhooks listen`` runs as its own process (a development
receiver on 127.0.0.1); the fake runs in this process, because a participant taking part is
something only the fake can act out (``fake.redeem``). While it serves, the fake POSTs the signed
events of status changes by itself (retrying failures on Prolific's schedule, compressed);
``fake.wait_for_deliveries()`` returns once every one is delivered.

    .venv/bin/python examples/webhook_tour.py [WORKDIR]

WORKDIR (default: a temporary directory) holds the listener's event log. The secret is never printed.
"""

from __future__ import annotations

import os
import re
import shlex
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

from prolific import Prolific
from prolific.cli import main
from prolific.testing import FakeProlific
from prolific_api_client.models import StudyTransition

WORKSPACE = "demo-workspace"
TOKEN = "demo-token"
BOLD, PLAIN = ("\033[1m", "\033[0m") if sys.stdout.isatty() else ("", "")


def say(title: str) -> None:
    print(f"\n{BOLD}== {title}{PLAIN}", flush=True)


def cli(*argv: str) -> int:
    print("$ prolific-client " + shlex.join(argv), flush=True)
    code = main(list(argv))
    if code:
        print(f"(exit code {code})")
    return code


def start_listener(secret: str, workdir: Path) -> tuple[subprocess.Popen[str], str]:
    env = {**os.environ, "PROLIFIC_WEBHOOK_SECRET": secret}
    command = [sys.executable, "-m", "prolific", "webhooks", "listen", "--port", "0",
               "--event-log", str(workdir / "events.sqlite3")]  # fmt: skip
    listener = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert listener.stderr is not None
    line = listener.stderr.readline()
    found = re.search(r"listening on (\S+)", line)
    if found is None:
        listener.kill()
        raise SystemExit(f"webhooks listen did not start: {line}{listener.stderr.read()}")
    return listener, found.group(1)


def tour(workdir: Path) -> None:
    fake = FakeProlific(token=TOKEN)
    with fake.serve() as url:
        os.environ.update(PROLIFIC_URL=url, PROLIFIC_TOKEN=TOKEN)
        client = Prolific(TOKEN, base_url=url)
        say("The workspace's webhook secret (created once; kept out of every output)")
        secret = client.webhooks.ensure_secret(WORKSPACE)
        print("secret = client.webhooks.ensure_secret('demo-workspace')  # then export PROLIFIC_WEBHOOK_SECRET")

        say("A development receiver: verifies each request, prints each event once")
        listener, target = start_listener(secret, workdir)
        print(f"$ PROLIFIC_WEBHOOK_SECRET=... prolific-client webhooks listen --port 0   # {target}")

        say("Subscribe it (create, read X-Hook-Secret, confirm: one command)")
        cli("webhooks", "subscribe", "--workspace", WORKSPACE, "--event", "submission.status.change", target)
        cli("webhooks", "subscribe", "--workspace", WORKSPACE, "--event", "study.status.change", target)

        say("A study goes live and a participant takes part")
        study = fake.add_study(workspace_id=WORKSPACE, total_available_places=1)
        pool = client.credentials.create_pool(workspace_id=WORKSPACE, credentials="alice,pw-demo-1")
        client.credentials.attach(study, pool)
        client.studies.publish_study(study, body=StudyTransition(action="PUBLISH"))
        fake.redeem(study, "5e9b9c9b0f9c9a0001b0b1f4")
        print(f"study {study} published; participant 5e9b9c9b0f9c9a0001b0b1f4 took a credential (pool now empty)")

        say("FakeProlific delivers the signed events (study ACTIVE, submission ACTIVE, study PAUSED)")
        delivered = fake.wait_for_deliveries()
        for delivery in delivered:
            print(f"POST {delivery.target_url} X-Event-ID {delivery.event_id} -> {delivery.status}")
        print(f"redelivering {delivered[1].event_id} (at least once): ", end="")
        print(fake.redeliver(delivered[1].event_id)[0].status, "- the receiver does not print it again")

        say("A forged request: 401, reported on the listener's stderr, nothing printed")
        forged = httpx.post(target, content=b'{"event_type": "study.status.change", "status": "COMPLETED"}',
                            headers={"X-Prolific-Request-Signature": "Zm9yZ2Vk",
                                     "X-Prolific-Request-Timestamp": str(int(time.time()))})  # fmt: skip
        print(f"forged POST -> {forged.status_code}")

        say("What the listener printed (stdout), and reported (stderr)")
        listener.send_signal(signal.SIGTERM)
        out, err = listener.communicate(timeout=30)
        for line in out.splitlines():
            print(f"listen stdout | {line}")
        for line in err.splitlines():
            print(f"listen stderr | {line}")
        assert secret not in out + err
        client.close()


if __name__ == "__main__":
    if len(sys.argv) > 1:
        tour(Path(sys.argv[1]))
    else:
        with tempfile.TemporaryDirectory(prefix="webhook-tour-") as tmp:
            tour(Path(tmp))
