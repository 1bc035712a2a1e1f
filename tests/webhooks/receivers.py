"""Webhook receivers as real processes on 127.0.0.1 (hook_app.py alone, under gunicorn, uvicorn; `webhooks listen`).

Nothing here waits on the clock to decide a test: a process is ready when its port answers, a handler has
started when its trace line is in ``started.log``.
"""

from __future__ import annotations

import http.client
import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from prolific.webhooks import open_event_log, signed_headers

HERE = Path(__file__).parent
SECRET = "whsec-SECRET-once-5f2a9c1e"


def body_for(resource_id: str, status: str = "APPROVED") -> bytes:
    """A ``submission.status.change`` event body about ``resource_id`` (as Prolific formats it: no spaces)."""
    payload = {"event_type": "submission.status.change", "resource_id": resource_id,
               "participant_id": "5e9b9c9b0f9c9a0001b0b1f4", "status": status}  # fmt: skip
    return json.dumps(payload, separators=(",", ":")).encode()


def headers_for(body: bytes, event_id: str | None, stamp: int | None = None) -> dict[str, str]:
    """A genuine delivery's headers (Prolific signs each try anew: a redelivery has its own ``stamp``)."""
    return signed_headers(body, SECRET, timestamp=int(time.time()) if stamp is None else stamp, event_id=event_id)


@dataclass
class Reply:
    status: int
    headers: dict[str, str]
    body: bytes


def post(port: int, body: bytes, headers: dict[str, str], *, timeout: float = 60) -> Reply:
    """One POST on a fresh connection (as Prolific sends each try)."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request("POST", "/", body, headers)
        response = connection.getresponse()
        return Reply(response.status, {k.lower(): v for k, v in response.getheaders()}, response.read())
    finally:
        connection.close()


def wait_for(condition: object, what: str, limit: float = 60.0) -> None:
    """Poll ``condition()`` until it holds; fail (naming ``what``) only if it never does within a generous limit."""
    deadline = time.monotonic() + limit
    while not condition():  # type: ignore[operator]
        if time.monotonic() > deadline:
            pytest.fail(f"never happened: {what}")
        time.sleep(0.01)


def _port_open(port: int) -> bool:
    try:
        socket.create_connection(("127.0.0.1", port), timeout=1).close()
    except OSError:
        return False
    return True


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class Traces:
    """What the handlers of a receiver did: ``started.log`` and ``handled.log`` lines, and the orders they read."""

    dir: Path

    def _lines(self, name: str) -> list[list[str]]:
        path = self.dir / name
        return [line.split() for line in path.read_text().splitlines()] if path.exists() else []

    def started(self, resource_id: str | None = None) -> list[list[str]]:
        return [line for line in self._lines("started.log") if resource_id is None or line[1] == resource_id]

    def handled(self, resource_id: str | None = None) -> list[list[str]]:
        return [line for line in self._lines("handled.log") if resource_id is None or line[1] == resource_id]

    def order(self, name: str, text: str = "") -> None:
        """Leave an order for the handlers, whole at once (a handler polling for it never reads it half written)."""
        partial = self.dir / f".{name}.partial"
        partial.write_text(text)
        os.replace(partial, self.dir / name)


@dataclass
class Server:
    """A receiver process: its port, where its handlers leave traces, its event log."""

    process: subprocess.Popen[str]
    port: int
    traces: Traces
    log: Path
    args: list[str] = field(default_factory=list)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=30)


def _env(directory: Path, log: Path | None, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    return {**env, "HOOK_DIR": str(directory), "HOOK_SECRET": SECRET, "HOOK_LOG": "" if log is None else str(log),
            "PYTHONPATH": str(HERE), **extra}  # fmt: skip


def start_alone(directory: Path, log: Path, **extra: str) -> Server:
    """``python hook_app.py``: the WSGI app on ``webhooks listen``'s threaded server, its port read from stdout."""
    directory.mkdir(exist_ok=True)
    process = subprocess.Popen([sys.executable, str(HERE / "hook_app.py")], env=_env(directory, log, **extra),
                               stdout=subprocess.PIPE, text=True)  # fmt: skip
    assert process.stdout is not None
    line = process.stdout.readline().strip()
    if not line.isdigit():
        process.kill()
        pytest.fail(f"hook_app.py did not start: {line!r}")
    return Server(process, int(line), Traces(directory), log)


def _create(log: Path | str | None) -> None:
    """Create the event log before the workers start: several processes creating one new SQLite file at once is
    ``_state``'s own concern (issue 29, item 4), not what these tests are about. ``log``: a path, or a
    ``postgresql://`` URL (issue 30)."""
    if log is not None:
        open_event_log(log).close()


def start_server(argv: list[str], directory: Path, log: Path | None, port: int) -> Server:
    """A server command (gunicorn, uvicorn) serving hook_app on ``port``; ready when the port answers."""
    directory.mkdir(exist_ok=True)
    _create(log)
    process = subprocess.Popen(argv, env=_env(directory, log), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                               text=True)  # fmt: skip
    deadline = time.monotonic() + 60
    while not _port_open(port):
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            pytest.fail(f"{argv[2]} did not start: {process.communicate()[1][-2000:]}")
        time.sleep(0.02)
    return Server(process, port, Traces(directory), log or directory / "none", argv)


def gunicorn(directory: Path, log: Path | None, workers: int = 4) -> Server:
    port = free_port()
    argv = [sys.executable, "-m", "gunicorn", "--workers", str(workers), "--bind", f"127.0.0.1:{port}",
            "--backlog", "512", "--log-level", "warning", "hook_app:app"]  # fmt: skip
    return start_server(argv, directory, log, port)


def uvicorn(directory: Path, log: Path | None) -> Server:
    port = free_port()
    argv = [sys.executable, "-m", "uvicorn", "--host", "127.0.0.1", "--port", str(port), "--log-level", "warning",
            "--lifespan", "on", "hook_app:asgi"]  # fmt: skip
    return start_server(argv, directory, log, port)


@dataclass
class Listener:
    """``prolific-client webhooks listen --json`` as a process: its port; stdout is read after it stops."""

    process: subprocess.Popen[str]
    port: int

    def stop(self) -> tuple[str, str]:
        self.process.send_signal(signal.SIGTERM)
        try:
            return self.process.communicate(timeout=60)
        except subprocess.TimeoutExpired:
            self.process.kill()
            return self.process.communicate()


def listen(log: Path, *options: str) -> Listener:
    env = {**os.environ, "PROLIFIC_WEBHOOK_SECRET": SECRET}
    argv = [sys.executable, "-m", "prolific", "webhooks", "listen", "--port", "0", "--json", "--event-log", str(log)]
    process = subprocess.Popen([*argv, *options], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert process.stderr is not None
    for _ in range(5):
        found = re.search(r"listening on http://127\.0\.0\.1:(\d+)/", process.stderr.readline())
        if found:
            return Listener(process, int(found.group(1)))
    process.kill()
    pytest.fail(f"webhooks listen did not start: {process.communicate()}")
