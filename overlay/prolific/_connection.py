"""The one httpx client a Prolific client sends through: Token auth, our User-Agent, no redirects.

Opened on first use (importing httpcore and building a TLS context costs; a client built and never
used pays none of it), or the caller's own ``http_client``, configured through httpx's public
attributes. The send path (:mod:`prolific._call`) and ``client.api`` (:mod:`prolific._api_client`)
both send through :attr:`Connection.http`; nothing here retries or checks statuses.
"""

from __future__ import annotations

from collections.abc import AsyncGenerator, Generator
from typing import Any, ClassVar, Generic, TypeVar

import httpx

from ._config import USER_AGENT
from ._errors import ConfigurationError

HTTP = TypeVar("HTTP", httpx.Client, httpx.AsyncClient)


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


def _limits() -> httpx.Limits:
    # 200 concurrent tasks on one AsyncProlific queue for a connection rather than open 200. Keep
    # every connection alive: with fewer kept alive than open, httpcore 1.0 closes each as it idles.
    return httpx.Limits(max_connections=50, max_keepalive_connections=50)


class _Connection(Generic[HTTP]):
    kind: ClassVar[type[httpx.Client] | type[httpx.AsyncClient]]
    other: ClassVar[str]  # the client class to use for the other kind of httpx client

    def __init__(self, base_url: str, auth: TokenAuth, timeout: httpx.Timeout, http: HTTP | None = None) -> None:
        self.base_url = base_url
        self.auth = auth
        self.timeout = timeout
        self.owned = http is None
        self._http: HTTP | None = None if http is None else self._adopt(http)

    @property
    def http(self) -> HTTP:
        """The httpx client (opened now if this is its first use)."""
        http = self._http
        if http is None:
            http = self._http = self.kind(  # type: ignore[assignment]
                base_url=self.base_url,
                auth=self.auth,
                timeout=self.timeout,
                follow_redirects=False,
                headers={"User-Agent": USER_AGENT},
                limits=_limits(),
            )
        return http  # type: ignore[return-value]

    @property
    def opened(self) -> HTTP | None:
        """The httpx client if it is open (or was given), else None."""
        return self._http

    def _adopt(self, http: Any) -> HTTP:
        """Configure a caller's httpx client: our base URL, auth, no redirects, our User-Agent added."""
        if not isinstance(http, self.kind):
            is_httpx = isinstance(http, httpx.Client | httpx.AsyncClient)
            hint = f" (use {self.other} for an httpx.{type(http).__name__})" if is_httpx else ""
            raise ConfigurationError(
                f"http_client must be an httpx.{self.kind.__name__}, got {type(http).__name__}{hint}"
            )
        http.base_url = httpx.URL(self.base_url)
        http.auth = self.auth
        http.follow_redirects = False
        agent = http.headers.get("User-Agent", "")
        if not agent or agent.startswith("python-httpx/"):
            http.headers["User-Agent"] = USER_AGENT
        elif USER_AGENT not in agent:
            http.headers["User-Agent"] = f"{agent} {USER_AGENT}"
        return http  # type: ignore[return-value]


class Connection(_Connection[httpx.Client]):
    """The blocking client's connection."""

    kind = httpx.Client
    other = "AsyncProlific"

    def close(self) -> None:
        """Close the httpx client if it is ours and open."""
        if self.owned and self._http is not None:
            self._http.close()


class AsyncConnection(_Connection[httpx.AsyncClient]):
    """The asyncio client's connection."""

    kind = httpx.AsyncClient
    other = "Prolific"

    async def aclose(self) -> None:
        """Close the httpx client if it is ours and open."""
        if self.owned and self._http is not None:
            await self._http.aclose()
