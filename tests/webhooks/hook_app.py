"""A webhook receiver for the tests, run in its own process: gunicorn (``hook_app:app``), uvicorn (``hook_app:asgi``)
or alone (``python hook_app.py``: ``webhooks listen``'s threaded server on a free port, printed on stdout).

Settings from the environment: ``HOOK_SECRET``, ``HOOK_LOG`` (the event log; empty: none), ``HOOK_DIR`` (where
the handler leaves its traces and reads its orders). Each handling appends ``<event id> <resource id> <pid>`` to
``started.log`` when it starts and to ``handled.log`` when it returns: one ``write`` of a line to a file opened
with ``O_APPEND``, so the lines of several processes never mix. Orders, per resource id: ``fail-<id>`` (raise
once, then the file is gone), ``block-<id>`` (wait until ``go-<id>`` exists; ``go-<id>`` holding ``fail``:
raise).
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from prolific.webhooks import WebhookEvent, asgi_app, wsgi_app

DIR = Path(os.environ["HOOK_DIR"])
SECRET = os.environ["HOOK_SECRET"]
LOG = os.environ.get("HOOK_LOG") or None


def _trace(name: str, event: WebhookEvent) -> None:
    line = f"{event.event_id} {event.resource_id} {os.getpid()}\n".encode()
    fd = os.open(DIR / name, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
    try:
        os.write(fd, line)
    finally:
        os.close(fd)


def handle(event: WebhookEvent) -> None:
    _trace("started.log", event)
    resource = event.resource_id
    fail = DIR / f"fail-{resource}"
    if fail.exists():
        fail.unlink()
        raise RuntimeError(f"handler told to fail on {resource}")
    if (DIR / f"block-{resource}").exists():
        go = DIR / f"go-{resource}"
        while not go.exists():  # the test creates it when it has seen what it wanted
            time.sleep(0.005)
        if go.read_text() == "fail":
            raise RuntimeError(f"handler told to fail on {resource} after blocking")
    _trace("handled.log", event)


app = wsgi_app(handle, secret=SECRET, event_log=LOG)
asgi = asgi_app(handle, secret=SECRET, event_log=LOG)

if __name__ == "__main__":
    from prolific.webhooks._server import make_server

    server = make_server("127.0.0.1", 0, app, read_timeout=float(os.environ.get("HOOK_READ_TIMEOUT", "10")))
    print(server.server_port, flush=True)
    try:
        server.serve_forever(poll_interval=0.05)
    except KeyboardInterrupt:
        sys.exit(0)
