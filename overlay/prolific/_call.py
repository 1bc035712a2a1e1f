"""The send path: every call of a client's methods, from the operation to the socket and back.

``client.studies.get_study(id)`` (a generated method) hands its
:class:`~prolific_api_client.operations.Operation` and arguments to the client's :class:`Sender`,
which runs :func:`send`, one visible sequence:

1. **build** (:func:`build`): ``operation.build(**arguments)`` is the generated endpoint's own
   request (method, path, query, body), given to ``httpx.Client.build_request``;
2. **send, as the retry policy allows**: the one retry loop (:func:`~prolific._retry.send_retrying`)
   sends the request; after each answer or httpx failure :class:`~prolific._retry.Attempts` says
   whether to wait (with the client's clock) and send it again;
3. **a failure becomes its typed error**: a non-2xx status, an httpx failure, a body not as
   documented, each built by :mod:`prolific._failures` with the attempt count;
4. **parse**: ``operation.parse(response)``, the generated parser, checked against the documented
   success type.

The ``httpx.Response`` is a local value from 2 to 4 and comes back with the value (:class:`Sent`),
which is how ``with_raw_response`` gets it. The sync and async twins differ only in ``await``.
A friendly method's request (:class:`~prolific._flow.Call`) and its multi-request workflows go
through the same :class:`Sender`, driven by :mod:`prolific._flow`.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Any, Generic, NamedTuple, TypeVar

import httpx

from prolific_api_client.errors import UnexpectedStatus
from prolific_api_client.operations import Operation

from ._failures import connection_error, invalid_body, status_error
from ._retry import (
    Attempts,
    RetryPolicy,
    default_async_sleep,
    default_sleep,
    send_retrying,
    send_retrying_async,
)

if TYPE_CHECKING:
    from ._connection import AsyncConnection, Connection

T = TypeVar("T")
logger = logging.getLogger("prolific")

#: What the generated parsing (or a call's ``extract``) raises on a 2xx body of the wrong shape or a
#: non-standard status.
PARSE_ERRORS = (ValueError, TypeError, KeyError, AttributeError, UnexpectedStatus)


class Sent(NamedTuple, Generic[T]):
    """What one sent operation gave: its success value and the response it was parsed from."""

    value: T
    response: httpx.Response


@dataclass(frozen=True)
class RawResponse(Generic[T]):
    """A call's result together with the HTTP response it came from (see ``with_raw_response``).

    ``parsed`` is what the method returns; ``http_response`` the ``httpx.Response`` of the (last)
    request it made, with ``status_code`` and ``headers`` at hand.
    """

    parsed: T
    http_response: httpx.Response

    @property
    def status_code(self) -> int:
        """The HTTP status code."""
        return self.http_response.status_code

    @property
    def headers(self) -> httpx.Headers:
        """The response headers."""
        return self.http_response.headers


def build(
    http: httpx.Client | httpx.AsyncClient, operation: Operation[Any], arguments: dict[str, Any]
) -> httpx.Request:
    """The request of ``operation`` with ``arguments``, on ``http`` (its base URL, headers, timeout)."""
    kwargs = operation.build(**arguments)
    # The absolute URL joined here as httpx joins a relative one onto base_url (which always ends
    # in "/"), minus httpx parsing the relative path once more first: a tenth of a GET's cost.
    base = http.base_url
    kwargs["url"] = base.copy_with(raw_path=base.raw_path + kwargs["url"].lstrip("/").encode("ascii"))
    return http.build_request(**kwargs)


def send(
    http: httpx.Client,
    policy: RetryPolicy,
    operation: Operation[T],
    arguments: dict[str, Any],
    *,
    sleep: Callable[[float], object] = default_sleep,
    idempotent: bool = False,
) -> Sent[T]:
    """Send ``operation`` with ``arguments`` (the generated function's); its value, or the typed error.

    Retried by the one loop (:func:`~prolific._retry.send_retrying`) as ``policy`` allows, waiting
    with ``sleep``; ``idempotent``: retried as a GET is, whatever the method.
    """
    request = build(http, operation, arguments)
    attempts = Attempts(policy, request, idempotent=idempotent)
    try:
        response = send_retrying(partial(http.send, follow_redirects=False), request, attempts, sleep)
    except httpx.HTTPError as error:
        raise connection_error(error, request.method, request.url.path, attempts.number) from error
    return outcome(operation, response, attempts.number)


async def send_async(
    http: httpx.AsyncClient,
    policy: RetryPolicy,
    operation: Operation[T],
    arguments: dict[str, Any],
    *,
    sleep: Callable[[float], Awaitable[object]] = default_async_sleep,
    idempotent: bool = False,
) -> Sent[T]:
    """Async twin of :func:`send`."""
    request = build(http, operation, arguments)
    attempts = Attempts(policy, request, idempotent=idempotent)
    try:
        response = await send_retrying_async(partial(http.send, follow_redirects=False), request, attempts, sleep)
    except httpx.HTTPError as error:
        raise connection_error(error, request.method, request.url.path, attempts.number) from error
    return outcome(operation, response, attempts.number)


def outcome(operation: Operation[T], response: httpx.Response, attempts: int) -> Sent[T]:
    """The final (read) response of ``operation`` as its value, or the error it means."""
    request = response.request
    status = response.status_code
    if logger.isEnabledFor(logging.DEBUG):
        fake = " (answered in-process by FakeProlific)" if response.extensions.get("prolific_fake") else ""
        logger.debug("%s %s -> %s%s", request.method, request.url.path, status, fake)
    if not 200 <= status < 300:
        raise status_error(
            response, method=request.method, path=request.url.path, attempts=attempts, template=operation.path
        )
    try:
        parsed = operation.parse(response)
    except PARSE_ERRORS as exc:
        raise invalid_body(operation, response, exc) from exc
    if not operation.accepts(parsed):
        names = " or ".join(operation.returns)
        raise invalid_body(operation, response, TypeError(f"expected {names}, got {type(parsed).__name__}"))
    return Sent(parsed, response)


class Sender:
    """A blocking client's runner: the generated methods' calls go through :func:`send` on its connection.

    Called as the generated layer's runner it returns the value; :meth:`sent` also returns the
    response. ``sleep`` is the client's clock (``client.sleep``): every wait of its retries and
    workflows goes through it, read at each wait.
    """

    __slots__ = ("connection", "policy", "sleep")

    def __init__(
        self, connection: Connection, policy: RetryPolicy, sleep: Callable[[float], object] = default_sleep
    ) -> None:
        self.connection = connection
        self.policy = policy
        self.sleep = sleep

    def __call__(self, operation: Operation[T], arguments: dict[str, Any], /) -> T:
        return send(self.connection.http, self.policy, operation, arguments, sleep=self.sleep).value

    def sent(
        self,
        operation: Operation[T],
        arguments: dict[str, Any],
        *,
        policy: RetryPolicy | None = None,
        idempotent: bool = False,
    ) -> Sent[T]:
        """The value and the response of ``operation`` sent with ``arguments``.

        ``policy``: this request's retry policy instead of the client's; ``idempotent``: retry it
        as a GET whatever its method.
        """
        http = self.connection.http
        return send(http, policy or self.policy, operation, arguments, sleep=self.sleep, idempotent=idempotent)


class AsyncSender:
    """Async twin of :class:`Sender` (its ``sleep`` a coroutine function, ``asyncio.sleep`` by default)."""

    __slots__ = ("connection", "policy", "sleep")

    def __init__(
        self,
        connection: AsyncConnection,
        policy: RetryPolicy,
        sleep: Callable[[float], Awaitable[object]] = default_async_sleep,
    ) -> None:
        self.connection = connection
        self.policy = policy
        self.sleep = sleep

    async def __call__(self, operation: Operation[T], arguments: dict[str, Any], /) -> T:
        return (await send_async(self.connection.http, self.policy, operation, arguments, sleep=self.sleep)).value

    async def sent(
        self,
        operation: Operation[T],
        arguments: dict[str, Any],
        *,
        policy: RetryPolicy | None = None,
        idempotent: bool = False,
    ) -> Sent[T]:
        """The value and the response of ``operation`` sent with ``arguments``; see :meth:`Sender.sent`."""
        http = self.connection.http
        return await send_async(
            http, policy or self.policy, operation, arguments, sleep=self.sleep, idempotent=idempotent
        )
