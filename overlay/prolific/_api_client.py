"""``client.api``: the generated ``AuthenticatedClient``, for users who call generated functions themselves.

Why this module has a transport and a hook when the send path (:mod:`prolific._call`) has neither:
a generated function (``get_study.sync(id, client=client.api)``) sends with
``client.get_httpx_client().request(...)`` and parses in its own frames, so the only places to put
the retry policy and the typed errors are the httpx client it is given. That client is a thin
``httpx.Client`` whose transport (:class:`RetryTransport`) runs the one retry loop
(:func:`~prolific._retry.send_retrying`, the send path's too, waiting with the client's clock) and
forwards each request to the Prolific client's own connection (so auth, pool and any
``http_client`` you passed are shared), and whose response hook raises the
:class:`~prolific.APIStatusError` family before the generated parser runs (it would call
``HTTPStatus(499)`` or parse a proxy's HTML). Only this path uses the transport and the hook; the
client's methods do not.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING

import httpx
from attrs import define, field

from prolific_api_client.client import AuthenticatedClient

from ._connection import AsyncConnection, Connection
from ._failures import status_error
from ._retry import (
    Attempts,
    RetryPolicy,
    attempts_of,
    default_async_sleep,
    default_sleep,
    send_retrying,
    send_retrying_async,
)

if TYPE_CHECKING:
    from ._call import AsyncSender, Sender

logger = logging.getLogger("prolific")


@define
class ProlificAPIClient(AuthenticatedClient):
    """The generated ``AuthenticatedClient``, configured for Prolific, whose repr hides the token.

    (attrs' generated repr of the parent prints every field, the token included.) Pass it as
    ``client=`` to any function in ``prolific_api_client.api``: its requests go through the
    ``prolific`` client's connection with the same retry policy, and a non-2xx status raises the
    typed error.
    """

    _runner: Sender | AsyncSender | None = field(default=None, kw_only=True, repr=False)

    def get_httpx_client(self) -> httpx.Client:
        runner = self._runner
        if self._client is None and runner is not None and isinstance(runner.connection, Connection):
            connection = runner.connection
            self._client = httpx.Client(
                base_url=connection.base_url,
                headers=connection.http.headers,
                timeout=connection.timeout,
                follow_redirects=False,
                # The client's clock read at each wait: a test may set client.sleep after this.
                transport=RetryTransport(_Forward(connection), runner.policy, lambda seconds: runner.sleep(seconds)),
                event_hooks={"response": [response_hook]},
            )
        return super().get_httpx_client()

    def get_async_httpx_client(self) -> httpx.AsyncClient:
        runner = self._runner
        if self._async_client is None and runner is not None and isinstance(runner.connection, AsyncConnection):
            connection = runner.connection
            self._async_client = httpx.AsyncClient(
                base_url=connection.base_url,
                headers=connection.http.headers,
                timeout=connection.timeout,
                follow_redirects=False,
                transport=AsyncRetryTransport(
                    _AsyncForward(connection), runner.policy, lambda seconds: runner.sleep(seconds)
                ),
                event_hooks={"response": [async_response_hook]},
            )
        return super().get_async_httpx_client()

    def __repr__(self) -> str:
        return f"ProlificAPIClient(base_url={self._base_url!r}, token='***', prefix={self.prefix!r})"

    __str__ = __repr__


class _Forward(httpx.BaseTransport):
    """Sends each request through the Prolific client's own httpx client (its auth, transport, mounts)."""

    def __init__(self, connection: Connection) -> None:
        self.connection = connection

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        return self.connection.http.send(request, follow_redirects=False)


class _AsyncForward(httpx.AsyncBaseTransport):
    def __init__(self, connection: AsyncConnection) -> None:
        self.connection = connection

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        return await self.connection.http.send(request, follow_redirects=False)


class RetryTransport(httpx.BaseTransport):
    """Wraps a transport: sends each request again as :class:`~prolific.RetryPolicy` allows, waiting with ``sleep``.

    The loop is the send path's (:func:`~prolific._retry.send_retrying`). The answer it returns
    records in ``response.extensions["prolific_attempts"]`` how many times the request was sent;
    an httpx failure it gives up on is raised as it was.
    """

    def __init__(
        self, inner: httpx.BaseTransport, policy: RetryPolicy, sleep: Callable[[float], object] = default_sleep
    ) -> None:
        self.inner = inner
        self.policy = policy
        self.sleep = sleep

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        return send_retrying(self.inner.handle_request, request, Attempts(self.policy, request), self.sleep)

    def close(self) -> None:
        self.inner.close()

    def __repr__(self) -> str:
        return f"RetryTransport({self.inner!r}, {self.policy!r})"


class AsyncRetryTransport(httpx.AsyncBaseTransport):
    """Async twin of :class:`RetryTransport`; awaits its waits (``asyncio.sleep``) so the loop keeps running."""

    def __init__(
        self,
        inner: httpx.AsyncBaseTransport,
        policy: RetryPolicy,
        sleep: Callable[[float], Awaitable[object]] = default_async_sleep,
    ) -> None:
        self.inner = inner
        self.policy = policy
        self.sleep = sleep

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        return await send_retrying_async(
            self.inner.handle_async_request, request, Attempts(self.policy, request), self.sleep
        )

    async def aclose(self) -> None:
        await self.inner.aclose()

    def __repr__(self) -> str:
        return f"AsyncRetryTransport({self.inner!r}, {self.policy!r})"


def _check(response: httpx.Response) -> None:
    request = response.request
    logger.debug("%s %s -> %s (client.api)", request.method, request.url.path, response.status_code)
    if not 200 <= response.status_code < 300:
        raise status_error(response, method=request.method, path=request.url.path, attempts=attempts_of(response))


def response_hook(response: httpx.Response) -> None:
    """``client.api``'s httpx response hook: a non-2xx status raises its typed error (body read first)."""
    if not 200 <= response.status_code < 300:
        response.read()
    _check(response)


async def async_response_hook(response: httpx.Response) -> None:
    """Async twin of :func:`response_hook`."""
    if not 200 <= response.status_code < 300:
        await response.aread()
    _check(response)
