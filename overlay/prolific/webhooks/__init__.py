"""Webhooks you can trust: verify a delivery, handle each event once, receive them in WSGI or ASGI apps.

* :func:`verify` checks a request as received (signature over the raw body, timestamp window,
  JSON) and returns a :class:`WebhookEvent`; every failure is a :class:`~prolific.WebhookVerificationError`.
* :class:`EventLog` (SQLite) remembers which ``X-Event-ID`` were handled, across processes:
  Prolific delivers at least once.
* :func:`wsgi_app` and :func:`asgi_app` do both and call your handler, with no web framework needed.

Subscribing is ``client.webhooks.subscribe(...)``; a development receiver is
``prolific-client webhooks listen``.

In Flask (no framework is a dependency of prolific-client), verify in a view, with the raw bytes::

    from flask import Flask, request
    from prolific import WebhookVerificationError
    from prolific.webhooks import EventLog, verify

    app, log = Flask(__name__), EventLog("events.sqlite3")

    @app.post("/prolific/webhook")
    def webhook():
        try:
            event = verify(request.get_data(), request.headers, os.environ["PROLIFIC_WEBHOOK_SECRET"])
        except WebhookVerificationError:
            return "", 401
        if event.event_id and not log.seen(event.event_id):
            handle(event)
        return "", 200

or mount ``wsgi_app(handle, secret=..., event_log=...)`` with werkzeug's ``DispatcherMiddleware``.
In FastAPI, mount the ASGI app::

    from fastapi import FastAPI
    from prolific.webhooks import asgi_app

    app = FastAPI()
    app.mount("/prolific/webhook", asgi_app(handle, secret=os.environ["PROLIFIC_WEBHOOK_SECRET"],
                                            event_log="events.sqlite3"))
"""

from __future__ import annotations

from ._asgi import ASGIApp, asgi_app
from ._eventlog import EventLog
from ._events import EventType, WebhookEvent
from ._verify import (
    DEFAULT_TOLERANCE,
    EVENT_ID_HEADER,
    ORDER_HEADER,
    SIGNATURE_HEADER,
    TIMESTAMP_HEADER,
    sign,
    signed_headers,
    verify,
)
from ._wsgi import WSGIApp, wsgi_app

__all__ = [
    "DEFAULT_TOLERANCE",
    "EVENT_ID_HEADER",
    "ORDER_HEADER",
    "SIGNATURE_HEADER",
    "TIMESTAMP_HEADER",
    "ASGIApp",
    "EventLog",
    "EventType",
    "WSGIApp",
    "WebhookEvent",
    "asgi_app",
    "sign",
    "signed_headers",
    "verify",
    "wsgi_app",
]
