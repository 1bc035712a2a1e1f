"""The receiver the ``webhook-burst`` row serves with gunicorn: ``prolific.webhooks.wsgi_app`` and a handler that
appends ``<event id>`` to ``BENCH_HOOK_OUT`` per handling (one ``O_APPEND`` write, as a real side effect would).

``BENCH_HOOK_LOG``: the event log shared by the workers (empty: none, every delivery handled: the baseline).
"""

from __future__ import annotations

import os

from prolific.webhooks import WebhookEvent, wsgi_app

_OUT = os.open(os.environ["BENCH_HOOK_OUT"], os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)


def handle(event: WebhookEvent) -> None:
    os.write(_OUT, f"{event.resource_id}\n".encode())


app = wsgi_app(handle, secret=os.environ["BENCH_HOOK_SECRET"], event_log=os.environ.get("BENCH_HOOK_LOG") or None)
