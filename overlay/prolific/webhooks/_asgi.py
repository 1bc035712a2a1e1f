"""``asgi_app``: an ASGI receiver (Starlette, FastAPI, any ASGI server) that verifies, deduplicates, hands over.

Mount it in FastAPI (no FastAPI is needed by prolific-client)::

    from fastapi import FastAPI
    from prolific.webhooks import EventLog, asgi_app

    async def handle(event):
        print(event.event_type, event.resource_id, event.status)

    app = FastAPI()
    app.mount("/prolific/webhook", asgi_app(handle, secret=os.environ["PROLIFIC_WEBHOOK_SECRET"],
                                            event_log=EventLog("events.sqlite3")))

Or, in a route, ``verify(await request.body(), request.headers, secret)``: the raw body, never
``await request.json()`` re-encoded.
"""

from __future__ import annotations

import asyncio
import inspect
import os
from collections.abc import Awaitable, Callable
from typing import Any

from ._eventlog import EventStore
from ._events import WebhookEvent
from ._receiver import BAD_REQUEST, DRAIN_LIMIT, MAX_BODY, TOO_LARGE, Answer, Receiver, Refused, receiver
from ._verify import DEFAULT_TOLERANCE

Scope = dict[str, Any]
Receive = Callable[[], Awaitable[dict[str, Any]]]
Send = Callable[[dict[str, Any]], Awaitable[None]]


class ASGIApp:
    """The ASGI callable :func:`asgi_app` returns (its repr shows no secret)."""

    def __init__(self, handler: Callable[[WebhookEvent], object], core: Receiver) -> None:
        self.handler = handler
        self._core = core

    @property
    def event_log(self) -> EventStore | None:
        """The event log deduplicating deliveries (``None``: every delivery is handled)."""
        return self._core.event_log

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            await _lifespan(receive, send)
            return
        if scope["type"] != "http":
            return
        answer = await self._answer(scope, receive)
        if answer.event is not None:
            try:
                result = self.handler(answer.event)
                if inspect.isawaitable(result):
                    await result
            except Exception:
                answer = await asyncio.to_thread(self._core.failed, answer)
            except BaseException:  # cancelled or interrupted: not handled, so released (at once, not awaited)
                self._core.abandon(answer)
                raise
            else:
                # The event log writes (and fsyncs) SQLite: not on the event loop.
                answer = await asyncio.to_thread(self._core.handled, answer)
        headers = [(name.lower().encode("latin-1"), value.encode("latin-1")) for name, value in answer.header_list()]
        if answer.status == TOO_LARGE.status:  # what was not read of the body must not be taken for a next request
            headers.append((b"connection", b"close"))
        await send({"type": "http.response.start", "status": answer.status, "headers": headers})
        await send({"type": "http.response.body", "body": answer.body})

    async def _answer(self, scope: Scope, receive: Receive) -> Answer:
        method = scope.get("method", "GET")
        if method != "POST":
            return self._core.check(method, b"", ())
        headers = scope.get("headers", [])
        limit = self._core.max_body
        declared = _content_length(headers)
        if declared is not None and declared > limit:
            if declared <= DRAIN_LIMIT:
                await _drop(receive)
            return TOO_LARGE
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return BAD_REQUEST
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > limit:  # a chunked body (no Content-Length) past the limit: keep nothing more
                chunks.clear()
                if message.get("more_body", False):
                    await _drop(receive, size)
                return TOO_LARGE
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        # The event log writes (and fsyncs) SQLite: not on the event loop.
        return await asyncio.to_thread(self._core.check, method, b"".join(chunks), headers)

    def __repr__(self) -> str:
        return f"<prolific.webhooks ASGI app handler={getattr(self.handler, '__name__', self.handler)!r}>"


def _content_length(headers: Any) -> int | None:
    for name, value in headers:
        if name.lower() == b"content-length":
            text = bytes(value).strip()
            return int(text) if text.isdigit() else None
    return None


async def _drop(receive: Receive, size: int = 0) -> None:
    """Read the rest of the body and throw it away (up to DRAIN_LIMIT), so that the sender reads the 413."""
    while size <= DRAIN_LIMIT:
        message = await receive()
        if message["type"] != "http.request":
            return
        size += len(message.get("body", b""))
        if not message.get("more_body", False):
            return


async def _lifespan(receive: Receive, send: Send) -> None:
    while True:
        message = await receive()
        if message["type"] == "lifespan.startup":
            await send({"type": "lifespan.startup.complete"})
        elif message["type"] == "lifespan.shutdown":
            await send({"type": "lifespan.shutdown.complete"})
            return


def asgi_app(
    handler: Callable[[WebhookEvent], object],
    *,
    secret: str | bytes,
    event_log: EventStore | str | os.PathLike[str] | None = None,
    tolerance: float | None = DEFAULT_TOLERANCE,
    on_refused: Refused | None = None,
    max_body: int = MAX_BODY,
) -> ASGIApp:
    """An ASGI app doing what :func:`~prolific.webhooks.wsgi_app` does; ``handler`` may be ``async``.

    >>> import asyncio, json
    >>> from prolific.webhooks import signed_headers
    >>> events, sent = [], []
    >>> app = asgi_app(events.append, secret="s3cret-example")
    >>> body = json.dumps({"event_type": "study.status.change", "resource_id": "s1", "status": "PAUSED"}).encode()
    >>> headers = [(k.lower().encode(), v.encode()) for k, v in signed_headers(body, "s3cret-example").items()]
    >>> async def receive():
    ...     return {"type": "http.request", "body": body, "more_body": False}
    >>> async def send(message):
    ...     sent.append(message)
    >>> asyncio.run(app({"type": "http", "method": "POST", "headers": headers}, receive, send))
    >>> sent[0]["status"], events[0].status
    (200, 'PAUSED')
    """
    return ASGIApp(handler, receiver(secret, event_log, tolerance, on_refused, max_body))
