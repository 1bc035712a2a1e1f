"""Everything between the client and httpx: auth, the response check, mapping httpx failures.

The check runs as an httpx response hook, i.e. before the generated code looks at the response:
the generated ``_build_response`` calls ``HTTPStatus(code)`` (a ``ValueError`` for 499 or 520) and
parses error bodies as JSON (a ``JSONDecodeError`` for a proxy's HTML page). Any non-2xx becomes
our :class:`~prolific.APIStatusError` first.
"""

from __future__ import annotations

import contextvars
import logging
from collections.abc import AsyncGenerator, Generator

import httpx

from ._errors import APIConnectionError, APIError, APITimeoutError, status_error
from ._http import is_idempotent
from ._retry import NOT_SENT, is_unknown_host

logger = logging.getLogger("prolific")

# The last response seen by the response hook in this thread / asyncio task, so that a 2xx body
# the generated parser chokes on can be reported together with its response.
last_response: contextvars.ContextVar[httpx.Response | None] = contextvars.ContextVar(
    "prolific_last_response", default=None
)


class TokenAuth(httpx.Auth):
    """Adds ``Authorization: Token <token>``, only to requests for the configured host.

    A redirect is never followed (``follow_redirects=False``), and even a request built by hand
    for another host does not get the token. ``repr`` does not show the token.
    """

    def __init__(self, token: str, base_url: str) -> None:
        self._header = f"Token {token}"
        self._origin = httpx.URL(base_url).copy_with(path="/", query=None, fragment=None)

    def _sign(self, request: httpx.Request) -> httpx.Request:
        url = request.url
        if (url.scheme, url.host, url.port) == (self._origin.scheme, self._origin.host, self._origin.port):
            request.headers["Authorization"] = self._header
        return request

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        yield self._sign(request)

    # One request, no challenge, no body needed: skip httpx's generic wrapper around auth_flow.
    def sync_auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        yield self._sign(request)

    async def async_auth_flow(self, request: httpx.Request) -> AsyncGenerator[httpx.Request, httpx.Response]:
        yield self._sign(request)

    def __repr__(self) -> str:
        return f"TokenAuth(token='***', host={self._origin.host!r})"


def _describe(request: httpx.Request) -> tuple[str, str]:
    return request.method, request.url.path


def check_response(response: httpx.Response) -> None:
    """Raise the matching APIStatusError for any non-2xx response (body already read)."""
    last_response.set(response)
    method, path = _describe(response.request)
    fake = " (answered in-process by FakeProlific)" if response.extensions.get("prolific_fake") else ""
    logger.debug("%s %s -> %s%s", method, path, response.status_code, fake)
    if not 200 <= response.status_code < 300:
        raise status_error(response, method=method, path=path)


def response_hook(response: httpx.Response) -> None:
    """Sync httpx response hook: read the body, then :func:`check_response`."""
    if not 200 <= response.status_code < 300:
        response.read()
    check_response(response)


async def async_response_hook(response: httpx.Response) -> None:
    """Async twin of :func:`response_hook`."""
    if not 200 <= response.status_code < 300:
        await response.aread()
    check_response(response)


def map_transport_error(exc: httpx.HTTPError, method: str, path: str) -> APIError:
    """Turn an httpx failure into our APIConnectionError family, saying whether a write may have happened.

    ``method``/``path`` are used when the exception does not carry its request.
    """
    request = getattr(exc, "_request", None)
    if isinstance(request, httpx.Request):
        method, path = request.method, request.url.path
    attempts = getattr(exc, "prolific_attempts", 1)
    after = f" [after {attempts} attempts]" if isinstance(attempts, int) and attempts > 1 else ""
    cls = APITimeoutError if isinstance(exc, httpx.TimeoutException) else APIConnectionError
    if is_unknown_host(exc):
        host = request.url.host if isinstance(request, httpx.Request) else "the API host"
        return cls(
            f"could not send {method} {path}: the host name {host!r} does not resolve (DNS); check the base URL "
            f"(--base-url, $PROLIFIC_URL or base_url=) and your network; nothing was sent",
            method=method, url=None, may_have_been_applied=False,
        )  # fmt: skip
    if isinstance(exc, NOT_SENT):
        return cls(
            f"could not send {method} {path}: {type(exc).__name__} ({_safe(exc)}); nothing was sent{after}",
            method=method, url=None, may_have_been_applied=False,
        )  # fmt: skip
    what = "timed out waiting for the response" if cls is APITimeoutError else f"connection failed ({_safe(exc)})"
    if is_idempotent(method):
        return cls(f"{method} {path} {what}{after}", method=method, url=None, may_have_been_applied=False)
    return cls(
        f"{method} {path} {what} after the request was sent: the write may or may not have been "
        f"applied; check before repeating it{after}",
        method=method, url=None, may_have_been_applied=True,
    )  # fmt: skip


def _safe(exc: BaseException) -> str:
    # httpx messages name hosts and reasons, never headers or bodies; keep them short anyway.
    text = str(exc) or type(exc).__name__
    return text if len(text) <= 200 else text[:199] + "…"
