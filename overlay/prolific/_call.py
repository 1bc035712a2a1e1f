"""Sending one operation through the generated layer, and checking what comes back.

Every call — a generated client method, a friendly method, pagination — ends in :func:`send` or
:func:`send_async` with an :class:`~prolific_api_client.operations.Operation` (method and path come
from it, never from handwritten strings) and the generated function's arguments. Retries happen
below, in the transport; non-2xx statuses became typed errors in the response hook. What is left
here: httpx failures become :class:`~prolific.APIConnectionError`, and a 2xx whose body is not what
the API documents becomes :class:`~prolific.APIResponseValidationError`.
"""

from __future__ import annotations

from collections.abc import Callable
from types import TracebackType
from typing import Any, Generic, TypeVar

import httpx

from prolific_api_client.client import AuthenticatedClient
from prolific_api_client.errors import UnexpectedStatus
from prolific_api_client.operations import Operation

from ._errors import APIResponseValidationError, NotFoundError, explain_not_found, unexpected_body
from ._http import is_idempotent
from ._transport import last_response, map_transport_error

T = TypeVar("T")

# What the generated parsing raises on a 2xx body of the wrong shape or a non-standard status.
_PARSE_ERRORS = (ValueError, TypeError, KeyError, AttributeError, UnexpectedStatus)


class _Mapping:
    """Around one generated call: httpx failures and unparseable 2xx bodies become our errors.

    A class rather than ``contextlib.contextmanager``: this runs on every call, and costs a third.
    """

    __slots__ = ("operation",)

    def __init__(self, operation: Operation[Any]) -> None:
        self.operation = operation

    def __enter__(self) -> None:
        return None

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        if isinstance(exc, httpx.HTTPError):
            raise map_transport_error(exc, self.operation.method, self.operation.path) from exc
        if isinstance(exc, NotFoundError):
            explain_not_found(exc, self.operation.path)
        if isinstance(exc, _PARSE_ERRORS):
            raise invalid(self.operation, exc) from exc


def checked(operation: Operation[T], parsed: Any) -> T:
    """``parsed`` if it is a successful result of ``operation``, else APIResponseValidationError."""
    if operation.accepts(parsed):
        return parsed  # type: ignore[no-any-return]
    names = " or ".join(operation.returns)
    raise invalid(operation, TypeError(f"expected {names}, got {type(parsed).__name__}"))


def send(api: AuthenticatedClient, operation: Operation[T], arguments: dict[str, Any]) -> T:
    """Send ``operation`` with ``arguments`` (the generated function's) and return its success value."""
    with _Mapping(operation):
        response = operation.endpoint.sync_detailed(client=api, **arguments)
    return checked(operation, response.parsed)


async def send_async(api: AuthenticatedClient, operation: Operation[T], arguments: dict[str, Any]) -> T:
    """Async twin of :func:`send`."""
    with _Mapping(operation):
        response = await operation.endpoint.asyncio_detailed(client=api, **arguments)
    return checked(operation, response.parsed)


def invalid(operation: Operation[Any], exc: BaseException) -> APIResponseValidationError:
    """The error for a successful status whose body is not what the API documents."""
    response = last_response.get()
    if response is None:  # pragma: no cover - the hook always runs first
        response = httpx.Response(0, request=httpx.Request(operation.method, operation.path))
    path = response.request.url.path
    write = not is_idempotent(operation.method)
    return APIResponseValidationError(
        f"{response.status_code} on {operation.method} {path}: {unexpected_body(response)} "
        f"({type(exc).__name__})" + ("; the request may have been applied" if write else ""),
        response=response,
        method=operation.method,
        url=str(response.request.url),
        may_have_been_applied=write,
    )


class Call(Generic[T]):
    """A friendly method's request: an operation, the generated function's arguments, and what to return.

    ``extract`` turns the operation's success value into the method's result (e.g. a pool id out of
    the ``CredentialPool``); what it raises on a body the API should not have sent becomes
    :class:`~prolific.APIResponseValidationError`. The resource sends ``call.operation`` with
    ``call.arguments`` through its runner and hands the value to :meth:`result`.
    """

    __slots__ = ("arguments", "extract", "operation")

    def __init__(self, operation: Operation[Any], arguments: dict[str, Any], extract: Callable[[Any], T]) -> None:
        self.operation = operation
        self.arguments = arguments
        self.extract = extract

    def result(self, value: Any) -> T:
        """The caller's value from the operation's success value, or APIResponseValidationError."""
        try:
            return self.extract(value)
        except _PARSE_ERRORS as exc:
            raise invalid(self.operation, exc) from exc

    def __repr__(self) -> str:
        return f"<Call {self.operation.operation_id}>"
