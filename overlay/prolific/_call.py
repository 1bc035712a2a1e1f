"""One API call, described once and run by either client.

A resource method validates its arguments and builds a :class:`Call`; ``Prolific`` runs it with
the generated ``sync_detailed`` and ``AsyncProlific`` with ``asyncio_detailed``. Everything but
the I/O and the sleeping — validation, retry decisions, error mapping, result checking — lives
here or in the modules it uses, once.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from types import ModuleType
from typing import Any, Generic, TypeVar

import httpx

from prolific_api_client.client import AuthenticatedClient
from prolific_api_client.errors import UnexpectedStatus
from prolific_api_client.types import Response

from ._errors import APIError, APIResponseValidationError, unexpected_body
from ._retry import Attempts, RetryPolicy
from ._transport import last_response, map_transport_error

T = TypeVar("T")

# What the generated parsing raises on a 2xx body of the wrong shape or a non-standard status.
_PARSE_ERRORS = (ValueError, TypeError, KeyError, AttributeError, UnexpectedStatus)


@dataclass(frozen=True)
class Call(Generic[T]):
    """A request to make through a generated endpoint module, and how to read its result."""

    endpoint: ModuleType
    method: str
    path: str
    kwargs: dict[str, Any] = field(repr=False)
    extract: Callable[[Any], T]

    @contextlib.contextmanager
    def sending(self) -> Iterator[None]:
        """Around the generated call: httpx failures and unparseable 2xx bodies become our errors."""
        try:
            yield
        except httpx.HTTPError as exc:
            raise map_transport_error(exc, self.method, self.path) from exc
        except _PARSE_ERRORS as exc:
            raise self.invalid(exc) from exc

    def result(self, response: Response[Any]) -> T:
        """The caller's value from a 2xx response, or APIResponseValidationError."""
        try:
            return self.extract(response.parsed)
        except _PARSE_ERRORS as exc:
            raise self.invalid(exc) from exc

    def invalid(self, exc: BaseException) -> APIResponseValidationError:
        """The error for a successful status whose body is not what the API documents."""
        response = last_response.get()
        if response is None:  # pragma: no cover - the hook always runs first
            response = httpx.Response(0, request=httpx.Request(self.method, self.path))
        return APIResponseValidationError(
            f"{response.status_code} on {self.method} {self.path}: {unexpected_body(response)} "
            f"({type(exc).__name__}); the request may have been applied",
            response=response,
            method=self.method,
            url=str(response.request.url),
            may_have_been_applied=True,
        )


def expect(model: type[T]) -> Callable[[Any], T]:
    """An ``extract`` that accepts only an instance of ``model`` (e.g. not the ``Error`` model)."""

    def check(parsed: Any) -> T:
        if not isinstance(parsed, model):
            raise TypeError(f"expected {model.__name__}, got {type(parsed).__name__}")
        return parsed

    return check


def run_sync(api: AuthenticatedClient, policy: RetryPolicy, call: Call[T]) -> T:
    """Run ``call`` with retries, blocking."""
    attempts = Attempts(policy, call.method, call.path)
    while True:
        try:
            with call.sending():
                response = call.endpoint.sync_detailed(client=api, **call.kwargs)
            return call.result(response)
        except APIError as error:
            time.sleep(attempts.next_delay(error))


async def run_async(api: AuthenticatedClient, policy: RetryPolicy, call: Call[T]) -> T:
    """Async twin of :func:`run_sync`; sleeps with ``asyncio.sleep`` so the loop keeps running."""
    attempts = Attempts(policy, call.method, call.path)
    while True:
        try:
            with call.sending():
                response = await call.endpoint.asyncio_detailed(client=api, **call.kwargs)
            return call.result(response)
        except APIError as error:
            await asyncio.sleep(attempts.next_delay(error))
