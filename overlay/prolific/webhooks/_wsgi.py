r"""``wsgi_app``: a WSGI receiver (Flask, Django, any WSGI server) that verifies, deduplicates and hands over.

Mount it on its own path; Flask, for instance (no Flask is needed by prolific-client)::

    from flask import Flask
    from werkzeug.middleware.dispatcher import DispatcherMiddleware
    from prolific.webhooks import EventLog, wsgi_app

    def handle(event):
        print(event.event_type, event.resource_id, event.status)

    app = Flask(__name__)
    app.wsgi_app = DispatcherMiddleware(app.wsgi_app, {
        "/prolific/webhook": wsgi_app(handle, secret=os.environ["PROLIFIC_WEBHOOK_SECRET"],
                                      event_log=EventLog("events.sqlite3")),
    })

Or call :func:`prolific.webhooks.verify` from a Flask view with ``request.get_data()`` (the raw
bytes, not ``request.json``) and ``request.headers``.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from typing import Any

from ._eventlog import EventLog
from ._events import WebhookEvent
from ._receiver import BAD_REQUEST, MAX_BODY, TOO_LARGE, Answer, Receiver, Refused, receiver
from ._verify import DEFAULT_TOLERANCE

StartResponse = Callable[..., Any]


class WSGIApp:
    """The WSGI callable :func:`wsgi_app` returns (its repr shows no secret)."""

    def __init__(self, handler: Callable[[WebhookEvent], object], core: Receiver) -> None:
        self.handler = handler
        self._core = core

    @property
    def event_log(self) -> EventLog | None:
        """The event log deduplicating deliveries (``None``: every delivery is handled)."""
        return self._core.event_log

    def __call__(self, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        answer = self._answer(environ)
        if answer.event is not None:
            try:
                self.handler(answer.event)
            except Exception:
                answer = self._core.failed(answer.event)
        start_response(
            f"{answer.status} {answer.phrase}",
            [("Content-Type", "text/plain; charset=utf-8"), ("Content-Length", str(len(answer.body)))],
        )
        return [answer.body]

    def _answer(self, environ: dict[str, Any]) -> Answer:
        method = environ.get("REQUEST_METHOD", "GET")
        if method != "POST":
            return self._core.check(method, b"", ())
        try:
            length = int(environ.get("CONTENT_LENGTH") or 0)
        except ValueError:
            return BAD_REQUEST
        if length < 0:
            return BAD_REQUEST
        if length > self._core.max_body:
            return TOO_LARGE
        body = environ["wsgi.input"].read(length) if length else b""
        headers = [(name[5:].replace("_", "-"), value) for name, value in environ.items() if name.startswith("HTTP_")]
        return self._core.check(method, body, headers)

    def __repr__(self) -> str:
        return f"<prolific.webhooks WSGI app handler={getattr(self.handler, '__name__', self.handler)!r}>"


def wsgi_app(
    handler: Callable[[WebhookEvent], object],
    *,
    secret: str | bytes,
    event_log: EventLog | str | os.PathLike[str] | None = None,
    tolerance: float | None = DEFAULT_TOLERANCE,
    on_refused: Refused | None = None,
    max_body: int = MAX_BODY,
) -> WSGIApp:
    r"""A WSGI app that verifies each POST, skips events already in ``event_log``, and calls ``handler(event)``.

    Answers: 200 after the handler returned (or for a duplicate, without calling it); 401 for a
    bad signature or a timestamp outside ``tolerance``; 400 for a missing header or a body that is
    not JSON; 405 for anything but POST; 413 over ``max_body``; 500 if the handler raised (the
    event is then forgotten, so that Prolific's redelivery is handled). Refusals carry no detail;
    ``on_refused(error)`` gets the :class:`~prolific.WebhookVerificationError` (without one, the
    ``prolific`` logger gets a warning). ``event_log``: an :class:`EventLog` or a path to open one at.

    >>> import io, json
    >>> from prolific.webhooks import signed_headers
    >>> events = []
    >>> app = wsgi_app(events.append, secret="s3cret-example", tolerance=None)
    >>> body = json.dumps({"event_type": "study.status.change", "resource_id": "s1", "status": "PAUSED"}).encode()
    >>> environ = {"REQUEST_METHOD": "POST", "CONTENT_LENGTH": str(len(body)), "wsgi.input": io.BytesIO(body)}
    >>> for name, value in signed_headers(body, "s3cret-example", event_id="ev-1").items():
    ...     environ["HTTP_" + name.upper().replace("-", "_")] = value
    >>> app(environ, lambda status, headers: print(status))
    200 OK
    [b'ok\n']
    >>> events
    [WebhookEvent(event_type='study.status.change', resource_id='s1', status='PAUSED', event_id='ev-1')]
    """
    return WSGIApp(handler, receiver(secret, event_log, tolerance, on_refused, max_body))
