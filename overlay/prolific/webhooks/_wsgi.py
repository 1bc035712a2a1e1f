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

from ._eventlog import EventStore
from ._events import WebhookEvent
from ._receiver import BAD_REQUEST, DRAIN_LIMIT, MAX_BODY, TIMEOUT, TOO_LARGE, Answer, Receiver, Refused, receiver
from ._verify import DEFAULT_TOLERANCE

StartResponse = Callable[..., Any]


class WSGIApp:
    """The WSGI callable :func:`wsgi_app` returns (its repr shows no secret)."""

    def __init__(self, handler: Callable[[WebhookEvent], object], core: Receiver) -> None:
        self.handler = handler
        self._core = core

    @property
    def event_log(self) -> EventStore | None:
        """The event log deduplicating deliveries (``None``: every delivery is handled)."""
        return self._core.event_log

    def __call__(self, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        answer = self._core.run(self._answer(environ), self.handler)
        start_response(f"{answer.status} {answer.phrase}", answer.header_list())
        return [answer.body]

    def _answer(self, environ: dict[str, Any]) -> Answer:
        method = environ.get("REQUEST_METHOD", "GET")
        if method != "POST":
            return self._core.check(method, b"", ())
        body = read_body(environ, self._core.max_body)
        if isinstance(body, Answer):
            return body
        headers = [(name[5:].replace("_", "-"), value) for name, value in environ.items() if name.startswith("HTTP_")]
        return self._core.check(method, body, headers)

    def __repr__(self) -> str:
        return f"<prolific.webhooks WSGI app handler={getattr(self.handler, '__name__', self.handler)!r}>"


_CHUNK = 1 << 16


def read_body(environ: dict[str, Any], max_body: int) -> bytes | Answer:
    """The request body, or the answer refusing it: 413 over ``max_body`` (never more than that kept), 400, 408.

    A body whose end the server marks (``wsgi.input_terminated``, as gunicorn and werkzeug set for
    ``Transfer-Encoding: chunked``), or a chunked one, is read until EOF; any other has its
    ``CONTENT_LENGTH``. Over ``max_body``, the rest is read and dropped (up to
    :data:`~prolific.webhooks._receiver.DRAIN_LIMIT`) so that the sender gets the 413, not a reset.
    """
    stream = environ.get("wsgi.input")
    until_eof = (
        bool(environ.get("wsgi.input_terminated")) or "chunked" in environ.get("HTTP_TRANSFER_ENCODING", "").lower()
    )
    try:
        if until_eof and stream is not None:
            return _until_eof(stream, max_body)
        text = str(environ.get("CONTENT_LENGTH") or "0").strip()
        if not text.isdigit() or not text.isascii():
            return BAD_REQUEST
        length = int(text)
        if length > max_body:
            if length <= DRAIN_LIMIT and stream is not None:
                _drop(stream, length)
            return TOO_LARGE
        return _exactly(stream, length) if length else b""
    except TimeoutError:
        return TIMEOUT
    except OSError:  # the sender went away, or broke the chunked framing
        return BAD_REQUEST


def _exactly(stream: Any, length: int) -> bytes:
    chunks: list[bytes] = []
    left = length
    while left > 0:
        chunk = stream.read(left)
        if not chunk:  # the sender stopped short: the signature will not match
            break
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def _until_eof(stream: Any, max_body: int) -> bytes | Answer:
    chunks: list[bytes] = []
    size = 0
    while size <= max_body:
        chunk = stream.read(_CHUNK)
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        size += len(chunk)
    chunks.clear()
    while size <= DRAIN_LIMIT:
        chunk = stream.read(_CHUNK)
        if not chunk:
            break
        size += len(chunk)
    return TOO_LARGE


def _drop(stream: Any, length: int) -> None:
    left = length
    while left > 0:
        chunk = stream.read(min(left, _CHUNK))
        if not chunk:
            return
        left -= len(chunk)


def wsgi_app(
    handler: Callable[[WebhookEvent], object],
    *,
    secret: str | bytes,
    event_log: EventStore | str | os.PathLike[str] | None = None,
    tolerance: float | None = DEFAULT_TOLERANCE,
    on_refused: Refused | None = None,
    max_body: int = MAX_BODY,
) -> WSGIApp:
    r"""A WSGI app that verifies each POST, calls ``handler(event)`` once per event, and answers.

    With an ``event_log`` (an :class:`EventStore` such as :class:`EventLog`, or a path to open an
    :class:`EventLog` at), each event is claimed before the handler runs and recorded as handled
    only after it returned: 200 then, and 200 (``duplicate``) without calling it for an event
    already handled; 503 with ``Retry-After`` for an event another live process is handling (the
    handler is not called; Prolific comes again later); 500 if the handler raised (the claim is
    released, so that Prolific's redelivery is handled). Without one, every delivery is handled.

    Refusals: 401 for a bad signature or a timestamp outside ``tolerance``; 400 for a missing
    header or a body that is not JSON; 405 for anything but POST; 408 when the body does not
    arrive in the server's read timeout; 413 over ``max_body`` bytes, decided from
    ``Content-Length`` before reading (or as soon as a chunked body passes it). They carry no
    detail; ``on_refused(error)`` gets the :class:`~prolific.WebhookVerificationError` (without
    one, the ``prolific`` logger gets a warning). Chunked bodies are read when the server decodes
    them (gunicorn, werkzeug, ``prolific-client webhooks listen``; not ``wsgiref.simple_server``).

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
