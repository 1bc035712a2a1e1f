"""The in-process httpx transport: one object for ``httpx.Client`` and ``httpx.AsyncClient``."""

from __future__ import annotations

import asyncio
import time

import httpx

from ._answers import NO_BODY_STATUSES, Answer, reason
from ._dispatch import Dispatcher
from ._routes import Incoming


class FakeTransport(httpx.BaseTransport, httpx.AsyncBaseTransport):
    """Answers requests in-process through a fake's :class:`~._dispatch.Dispatcher`; only the stall's sleep differs.

    Closing a client does not close the fake: the transport can be reused by later clients.
    """

    def __init__(self, dispatcher: Dispatcher) -> None:
        self.dispatcher = dispatcher

    def __repr__(self) -> str:
        return "<FakeProlific transport>"

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        """Answer ``request`` in-process (sync clients)."""
        incoming = _incoming(request, request.read())
        ticket = self.dispatcher.arrive(incoming)
        if ticket.stall:
            time.sleep(ticket.stall)
        return _to_response(request, self.dispatcher.respond(incoming, ticket))

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        """Answer ``request`` in-process (async clients); a stall does not block the event loop."""
        incoming = _incoming(request, await request.aread())
        ticket = self.dispatcher.arrive(incoming)
        if ticket.stall:
            await asyncio.sleep(ticket.stall)
        return _to_response(request, self.dispatcher.respond(incoming, ticket))


def _incoming(request: httpx.Request, content: bytes) -> Incoming:
    path, _, query = request.url.raw_path.decode("ascii").partition("?")
    headers = {k.lower(): v for k, v in request.headers.items()}
    return Incoming(request.method, path, query, headers, content, str(request.url))


def _to_response(request: httpx.Request, answer: Answer) -> httpx.Response:
    if answer.drop:
        raise httpx.RemoteProtocolError("Server disconnected without sending a response.", request=request)
    body = b"" if request.method == "HEAD" or answer.status in NO_BODY_STATUSES else answer.body
    return httpx.Response(
        answer.status,
        headers=list(answer.headers),
        content=body,
        request=request,
        # "prolific_fake": the package's debug log says the answer came from here, not from Prolific.
        extensions={
            "http_version": b"HTTP/1.1",
            "reason_phrase": reason(answer.status).encode(),
            "prolific_fake": True,
        },
    )
