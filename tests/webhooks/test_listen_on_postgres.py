"""``webhooks listen`` on two "hosts" sharing one PostgreSQL event log (issue 30), chosen by PROLIFIC_STATE_URL or
--event-log; and what it says when the server cannot be used."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from receivers import SECRET, body_for, headers_for, listen, post


def test_two_listeners_on_one_postgres_log_handle_an_event_once(postgres_url: str) -> None:
    first = listen(postgres_url)  # type: ignore[arg-type]  # --event-log URL
    second = listen(postgres_url)  # type: ignore[arg-type]
    try:
        body = body_for("sub-shared")
        replies = [post(first.port, body, headers_for(body, "ev-shared"))]
        replies.append(post(second.port, body, headers_for(body, "ev-shared", stamp=int(time.time()) + 1)))  # a retry
    finally:
        outputs = [first.stop()[0], second.stop()[0]]
    assert [(r.status, r.body) for r in replies] == [(200, b"ok\n"), (200, b"duplicate\n")]
    printed = [line for out in outputs for line in out.splitlines() if "sub-shared" in line]
    assert len(printed) == 1  # handled (printed) once, by the first host


def test_listen_takes_the_log_from_prolific_state_url_and_names_a_server_it_cannot_use(tmp_path: Path) -> None:
    secret_password = "pw-SECRET-listen-77c1"
    env = {
        **os.environ,
        "PROLIFIC_WEBHOOK_SECRET": SECRET,
        "PROLIFIC_STATE_URL": f"postgresql://lab:{secret_password}@127.0.0.1:1/prolific",
        "XDG_STATE_HOME": str(tmp_path),
    }
    done = subprocess.run(
        [sys.executable, "-m", "prolific", "webhooks", "listen", "--port", "0"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode != 0
    assert "cannot use PostgreSQL at 127.0.0.1:1: nothing accepts connections there" in done.stderr
    assert "postgresql://lab:***@127.0.0.1:1/prolific" in done.stderr
    assert secret_password not in done.stderr + done.stdout
    assert "Traceback" not in done.stderr
    assert not list(tmp_path.rglob("*.sqlite3"))  # no SQLite file was made instead


def test_listen_takes_the_log_from_the_profile(tmp_path: Path) -> None:
    secret_password = "pw-SECRET-profile-1d2e"
    config = tmp_path / "config" / "prolific-client" / "config.toml"
    config.parent.mkdir(parents=True)
    config.write_text(
        f'default_profile = "lab"\n\n[profiles.lab]\nstate_url = "postgresql://lab:{secret_password}@127.0.0.1:1/p"\n'
    )
    config.chmod(0o600)
    env = {k: v for k, v in os.environ.items() if k != "PROLIFIC_STATE_URL"}
    env.update(PROLIFIC_WEBHOOK_SECRET=SECRET, XDG_CONFIG_HOME=str(tmp_path / "config"), XDG_STATE_HOME=str(tmp_path))
    done = subprocess.run(
        [sys.executable, "-m", "prolific", "webhooks", "listen", "--port", "0"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode != 0
    assert "postgresql://lab:***@127.0.0.1:1/p: cannot use PostgreSQL at 127.0.0.1:1" in done.stderr
    assert secret_password not in done.stderr + done.stdout
