"""Webhooks you can trust: verify a delivery, handle each event once, receive them in WSGI or ASGI apps.

* :func:`verify` checks a request as received (signature over the raw body, timestamp window,
  JSON) and returns a :class:`WebhookEvent`; every failure is a :class:`~prolific.WebhookVerificationError`.
* :class:`EventLog` (SQLite; an :class:`EventStore`) records which events were handled and which
  are being handled, across processes: an event is claimed before its handler runs and marked
  handled only after it returned, so that a crash or a failure leaves it to the redelivery
  (Prolific delivers at least once), and a replay under another ``X-Event-ID`` is recognised by
  its signed content (:attr:`WebhookEvent.digest`).
* :func:`wsgi_app` and :func:`asgi_app` do all of it and call your handler, with no web framework needed.

Subscribing is ``client.webhooks.subscribe(...)``; a development receiver is
``prolific-client webhooks listen``.

In Flask (no framework is a dependency of prolific-client), verify in a view, with the raw bytes,
and let :func:`handle_once` claim, handle and record::

    from flask import Flask, request
    from prolific import WebhookVerificationError
    from prolific.webhooks import EventLog, Outcome, handle_once, verify

    app, log = Flask(__name__), EventLog("events.sqlite3")

    @app.post("/prolific/webhook")
    def webhook():
        try:
            event = verify(request.get_data(), request.headers, os.environ["PROLIFIC_WEBHOOK_SECRET"])
        except WebhookVerificationError:
            return "", 401
        if handle_once(log, event, handle).outcome is Outcome.IN_FLIGHT:  # a failing handle() raises: 500
            return "", 503, {"Retry-After": "30"}  # being handled elsewhere: Prolific comes again
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
from ._eventlog import (
    DEFAULT_HANDLING_TIMEOUT,
    Claim,
    EventLog,
    EventRecord,
    EventState,
    EventStore,
    Outcome,
    handle_once,
)
from ._eventlog_pg import PostgresEventLog, open_event_log
from ._events import EventType, WebhookEvent
from ._holder import Holder
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
    "DEFAULT_HANDLING_TIMEOUT",
    "DEFAULT_TOLERANCE",
    "EVENT_ID_HEADER",
    "ORDER_HEADER",
    "SIGNATURE_HEADER",
    "TIMESTAMP_HEADER",
    "ASGIApp",
    "Claim",
    "EventLog",
    "EventRecord",
    "EventState",
    "EventStore",
    "EventType",
    "Holder",
    "Outcome",
    "PostgresEventLog",
    "WSGIApp",
    "WebhookEvent",
    "asgi_app",
    "handle_once",
    "open_event_log",
    "sign",
    "signed_headers",
    "verify",
    "wsgi_app",
]
