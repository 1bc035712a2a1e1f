"""Webhooks you can trust: verify a delivery, handle each event once, receive them in WSGI or ASGI apps.

* :func:`verify` checks a request as received (signature over the raw body, timestamp window,
  JSON) and returns a :class:`WebhookEvent`; every failure is a :class:`~prolific.WebhookVerificationError`.
* :class:`EventLog` (SQLite) remembers which ``X-Event-ID`` were handled, across processes:
  Prolific delivers at least once.
* :func:`wsgi_app` and :func:`asgi_app` do both and call your handler, with no web framework needed.

Subscribing is ``client.webhooks.subscribe(...)``; a development receiver is
``prolific-client webhooks listen``.
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
