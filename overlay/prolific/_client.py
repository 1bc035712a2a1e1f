"""``Prolific`` and ``AsyncProlific``: configuration, auth, connection lifecycle."""

from __future__ import annotations

from types import TracebackType
from typing import Any, TypeVar

import httpx
from attrs import define

from prolific_api_client.client import AuthenticatedClient

from ._call import Call, run_async, run_sync
from ._config import DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT, USER_AGENT, resolve_base_url, resolve_token
from ._errors import ConfigurationError
from ._retry import RetryPolicy
from ._transport import TokenAuth, async_response_hook, response_hook
from .resources import (
    AsyncCredentials,
    AsyncInvitations,
    AsyncParticipantGroups,
    Credentials,
    Invitations,
    ParticipantGroups,
)

T = TypeVar("T")
HTTP = TypeVar("HTTP", httpx.Client, httpx.AsyncClient)
Self = TypeVar("Self", bound="_ClientBase")


@define
class ProlificAPIClient(AuthenticatedClient):
    """The generated ``AuthenticatedClient``, configured for Prolific, whose repr hides the token.

    (attrs' generated repr of the parent prints every field, the token included.) Pass it as
    ``client=`` to any function in ``prolific_api_client.api``.
    """

    def __repr__(self) -> str:
        return f"ProlificAPIClient(base_url={self._base_url!r}, token='***', prefix={self.prefix!r})"

    __str__ = __repr__


def _limits() -> httpx.Limits:
    # 200 concurrent tasks on one AsyncProlific queue for a connection rather than open 200.
    return httpx.Limits(max_connections=50, max_keepalive_connections=20)


class _ClientBase:
    """Settings shared by both clients; the I/O is in the subclasses."""

    _http: httpx.Client | httpx.AsyncClient

    def __init__(
        self,
        token: str | None,
        *,
        base_url: str | None,
        timeout: float | httpx.Timeout | None,
        max_retries: int,
    ) -> None:
        token = resolve_token(token)
        self.base_url = resolve_base_url(base_url)
        if isinstance(max_retries, bool) or not isinstance(max_retries, int) or max_retries < 0:
            raise ConfigurationError(f"max_retries must be an int >= 0, got {max_retries!r}")
        if isinstance(timeout, int | float) and timeout <= 0:
            raise ConfigurationError(f"timeout must be positive seconds, got {timeout!r}")
        self.timeout = timeout if isinstance(timeout, httpx.Timeout) else httpx.Timeout(timeout)
        self.max_retries = max_retries
        self._policy = RetryPolicy(max_retries=max_retries)
        self._auth = TokenAuth(token, self.base_url)
        self._owns_http = True
        self._api = ProlificAPIClient(
            base_url=self.base_url,
            token=token,
            prefix="Token",
            timeout=self.timeout,
            raise_on_unexpected_status=True,
            follow_redirects=False,
        )

    def _connect(self, http: Any, kind: type[HTTP], hook: Any, other: str) -> HTTP:
        """Our default ``kind`` client, or the caller's one configured for Prolific."""
        if http is None:
            return kind(**self._http_kwargs(), event_hooks={"response": [hook]})
        if not isinstance(http, kind):
            is_httpx = isinstance(http, httpx.Client | httpx.AsyncClient)
            hint = f" (use {other} for an httpx.{type(http).__name__})" if is_httpx else ""
            raise ConfigurationError(f"http_client must be an httpx.{kind.__name__}, got {type(http).__name__}{hint}")
        self._adopt(http, hook)
        return http

    def _adopt(self, http: httpx.Client | httpx.AsyncClient, hook: Any) -> None:
        """Configure a caller's httpx client: our base URL, auth, hook, no redirects."""
        http.base_url = httpx.URL(self.base_url)
        http.auth = self._auth
        http.follow_redirects = False
        hooks = http.event_hooks
        hooks["response"] = [h for h in hooks.get("response", []) if h is not hook] + [hook]
        http.event_hooks = hooks
        agent = http.headers.get("User-Agent", "")
        if not agent or agent.startswith("python-httpx/"):
            http.headers["User-Agent"] = USER_AGENT
        elif USER_AGENT not in agent:
            http.headers["User-Agent"] = f"{agent} {USER_AGENT}"
        self._owns_http = False

    def _http_kwargs(self) -> dict[str, Any]:
        return {
            "base_url": self.base_url,
            "auth": self._auth,
            "timeout": self.timeout,
            "follow_redirects": False,
            "headers": {"User-Agent": USER_AGENT},
            "limits": _limits(),
        }

    @property
    def api(self) -> ProlificAPIClient:
        """The configured generated client (``Token`` auth, retries not included), for direct calls.

        >>> from prolific_api_client.api.credentials import create_credential_pool
        >>> create_credential_pool.sync_detailed(client=client.api, body=...)  # doctest: +SKIP
        """
        return self._api

    def __repr__(self) -> str:
        return f"{type(self).__name__}(base_url={self.base_url!r}, max_retries={self.max_retries})"


class Prolific(_ClientBase):
    """The Prolific API client (blocking).

    ``token``: argument, else ``$PROLIFIC_TOKEN``. ``base_url``: argument, else ``$PROLIFIC_URL``,
    else ``https://api.prolific.com``. ``http_client``: an ``httpx.Client`` to use instead of the
    default one (yours to close). Use as a context manager, or call :meth:`close`.

    >>> from prolific import Prolific
    >>> with Prolific(token="...") as client:  # doctest: +SKIP
    ...     pool_id = client.credentials.create_pool(workspace_id="ws1", credentials="alice,pw-1")
    """

    def __init__(
        self,
        token: str | None = None,
        *,
        base_url: str | None = None,
        timeout: float | httpx.Timeout | None = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        http_client: httpx.Client | None = None,
    ) -> None:
        super().__init__(token, base_url=base_url, timeout=timeout, max_retries=max_retries)
        http_client = self._connect(http_client, httpx.Client, response_hook, "AsyncProlific")
        self._http = http_client
        self._api.set_httpx_client(http_client)
        self.credentials = Credentials(self._run)
        self.participant_groups = ParticipantGroups(self._run)
        self.invitations = Invitations(self._run)

    def _run(self, call: Call[T]) -> T:
        return run_sync(self._api, self._policy, call)

    def close(self) -> None:
        """Close the connections (not those of an ``http_client`` you passed in)."""
        if self._owns_http:
            self._http.close()  # type: ignore[union-attr]

    def __enter__(self) -> Prolific:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()


class AsyncProlific(_ClientBase):
    """The Prolific API client for asyncio: the same surface as :class:`Prolific`, with ``await``.

    >>> async with AsyncProlific() as client:  # doctest: +SKIP
    ...     group = await client.participant_groups.create(name="Pilot", workspace_id="ws1")
    """

    def __init__(
        self,
        token: str | None = None,
        *,
        base_url: str | None = None,
        timeout: float | httpx.Timeout | None = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        http_client: httpx.AsyncClient | None = None,
    ) -> None:
        super().__init__(token, base_url=base_url, timeout=timeout, max_retries=max_retries)
        http_client = self._connect(http_client, httpx.AsyncClient, async_response_hook, "Prolific")
        self._http = http_client
        self._api.set_async_httpx_client(http_client)
        self.credentials = AsyncCredentials(self._run)
        self.participant_groups = AsyncParticipantGroups(self._run)
        self.invitations = AsyncInvitations(self._run)

    async def _run(self, call: Call[T]) -> T:
        return await run_async(self._api, self._policy, call)

    async def aclose(self) -> None:
        """Close the connections (not those of an ``http_client`` you passed in)."""
        if self._owns_http:
            await self._http.aclose()  # type: ignore[union-attr]

    async def __aenter__(self) -> AsyncProlific:
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.aclose()
