"""``Prolific`` and ``AsyncProlific``: configuration, auth, connection lifecycle, and the operations.

Every operation of the API is a method, ``client.<tag>.<operation>(...)``, generated from the spec
(``prolific_api_client.operations``): the clients inherit one attribute per tag and supply the
runner those methods call. ``credentials``, ``participant_groups``, ``invitations``, ``submissions`` and
``messages`` add the friendly methods to their tag's generated ones.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from dataclasses import dataclass
from functools import cached_property
from types import TracebackType
from typing import TYPE_CHECKING, Any, Generic, ParamSpec, TypeVar, overload

import httpx
from attrs import define, field

from prolific_api_client.client import AuthenticatedClient
from prolific_api_client.operations import AsyncOperationGroups, Operation, OperationGroups

from ._call import send, send_async
from ._config import DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT, USER_AGENT, resolve_base_url, resolve_token
from ._errors import ConfigurationError
from ._pagination import HasResults, Pager, operation_of
from ._retry import AsyncRetryTransport, RetryPolicy, RetryTransport
from ._transport import TokenAuth, async_response_hook, last_response, response_hook

if TYPE_CHECKING:  # the resources (and the models they use) load on first use of their attribute
    from .resources import (
        AsyncCredentials,
        AsyncInvitations,
        AsyncMessages,
        AsyncParticipantGroups,
        AsyncSubmissions,
        AsyncWebhooks,
        Credentials,
        Invitations,
        Messages,
        ParticipantGroups,
        Submissions,
        Webhooks,
    )
    from .resources.bonuses import AsyncBonuses, Bonuses

T = TypeVar("T")
P = ParamSpec("P")
HTTP = TypeVar("HTTP", httpx.Client, httpx.AsyncClient)


@define
class ProlificAPIClient(AuthenticatedClient):
    """The generated ``AuthenticatedClient``, configured for Prolific, whose repr hides the token.

    (attrs' generated repr of the parent prints every field, the token included.) Pass it as
    ``client=`` to any function in ``prolific_api_client.api``. Its httpx client is the one the
    ``prolific`` client opens on first use (``connect``): auth, retries, the error hook included.
    """

    _connect: Callable[[], object] | None = field(default=None, kw_only=True, repr=False)

    def get_httpx_client(self) -> httpx.Client:
        if self._client is None and self._connect is not None:
            self._connect()
        return super().get_httpx_client()

    def get_async_httpx_client(self) -> httpx.AsyncClient:
        if self._async_client is None and self._connect is not None:
            self._connect()
        return super().get_async_httpx_client()

    def __repr__(self) -> str:
        return f"ProlificAPIClient(base_url={self._base_url!r}, token='***', prefix={self.prefix!r})"

    __str__ = __repr__


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


class _Capture:
    """Around one call: the last response the response hook saw meanwhile (this thread or task only)."""

    def __init__(self, method: object) -> None:
        self.method = method
        self._seen: httpx.Response | None = None

    def __enter__(self) -> _Capture:
        self._token = last_response.set(None)
        return self

    def __exit__(self, *exc: object) -> None:
        self._seen = last_response.get()
        last_response.reset(self._token)

    @property
    def response(self) -> httpx.Response:
        if self._seen is None:
            raise ConfigurationError(f"{self.method!r} sent no request through this client")
        return self._seen


def _limits() -> httpx.Limits:
    # 200 concurrent tasks on one AsyncProlific queue for a connection rather than open 200. Keep
    # every connection alive: with fewer kept alive than open, httpcore 1.0 closes each as it idles.
    return httpx.Limits(max_connections=50, max_keepalive_connections=50)


def _retrying(http: httpx.Client | httpx.AsyncClient, policy: RetryPolicy) -> None:
    """Wrap every transport of ``http`` (the default one and any mounts) in the retry transport.

    httpx has no public setter for a client's transports, so this reaches its ``_transport`` and
    ``_mounts``, stable since httpx 0.20 (tested); a wrapper already there is replaced, not nested.
    """
    wrapper: Any = AsyncRetryTransport if isinstance(http, httpx.AsyncClient) else RetryTransport

    def wrap(transport: Any) -> Any:
        if transport is None:
            return None
        if isinstance(transport, RetryTransport | AsyncRetryTransport):
            transport = transport.inner
        return wrapper(transport, policy)

    try:
        http._transport = wrap(http._transport)
        http._mounts = {pattern: wrap(transport) for pattern, transport in http._mounts.items()}
    except AttributeError:  # pragma: no cover - an httpx without these attributes
        raise ConfigurationError(
            "this httpx version hides its transports: retries cannot be installed; pass no http_client"
        ) from None


class _ClientBase:
    """Settings shared by both clients; the I/O is in the subclasses."""

    def __init__(
        self,
        token: str | None,
        *,
        base_url: str | None,
        timeout: float | httpx.Timeout | None,
        max_retries: int | None,
        retry_policy: RetryPolicy | None,
    ) -> None:
        token = resolve_token(token)
        self.base_url = resolve_base_url(base_url)
        if retry_policy is not None:
            if max_retries is not None:
                raise ConfigurationError("pass max_retries or retry_policy, not both (a policy has max_retries)")
            if not isinstance(retry_policy, RetryPolicy):
                kind = type(retry_policy).__name__
                raise ConfigurationError(f"retry_policy must be a prolific.RetryPolicy, got {kind}")
        else:
            if max_retries is None:
                max_retries = DEFAULT_MAX_RETRIES
            if isinstance(max_retries, bool) or not isinstance(max_retries, int) or max_retries < 0:
                raise ConfigurationError(f"max_retries must be an int >= 0, got {max_retries!r}")
            retry_policy = RetryPolicy(max_retries=max_retries)
        if isinstance(timeout, int | float) and timeout <= 0:
            raise ConfigurationError(f"timeout must be positive seconds, got {timeout!r}")
        self.timeout = timeout if isinstance(timeout, httpx.Timeout) else httpx.Timeout(timeout)
        self.retry_policy = retry_policy
        self._auth = TokenAuth(token, self.base_url)
        self._owns_http = True
        self._http: Any = None  # opened on first use (importing httpcore and building a pool costs)
        self._api = ProlificAPIClient(
            base_url=self.base_url,
            token=token,
            prefix="Token",
            timeout=self.timeout,
            raise_on_unexpected_status=True,
            follow_redirects=False,
            connect=self._open,
        )

    def _open(self) -> None:
        """Open the default httpx client (the subclass says which kind)."""
        raise NotImplementedError

    @property
    def max_retries(self) -> int:
        """How many times a request may be sent again (``retry_policy.max_retries``)."""
        return self.retry_policy.max_retries

    def _connect(self, http: Any, kind: type[HTTP], hook: Any, other: str) -> HTTP:
        """Our default ``kind`` client, or the caller's one configured for Prolific; with retries."""
        if http is None:
            http = kind(**self._http_kwargs(), event_hooks={"response": [hook]})
        elif not isinstance(http, kind):
            is_httpx = isinstance(http, httpx.Client | httpx.AsyncClient)
            hint = f" (use {other} for an httpx.{type(http).__name__})" if is_httpx else ""
            raise ConfigurationError(f"http_client must be an httpx.{kind.__name__}, got {type(http).__name__}{hint}")
        else:
            self._adopt(http, hook)
        _retrying(http, self.retry_policy)
        return http  # type: ignore[no-any-return]

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
        """The configured generated client (``Token`` auth, retries, typed errors), for direct calls.

        Every request it sends goes through the same transport as the client's methods, so the
        retry policy applies, and a non-2xx status raises the :class:`~prolific.APIStatusError`
        family before the generated parser runs.

        >>> from prolific_api_client.api.studies import get_study
        >>> study = get_study.sync("6540...", client=client.api)  # doctest: +SKIP
        """
        return self._api

    def __repr__(self) -> str:
        return f"{type(self).__name__}(base_url={self.base_url!r}, max_retries={self.max_retries})"


class Prolific(_ClientBase, OperationGroups):
    """The Prolific API client (blocking).

    Every operation is a method named after it, under its tag: ``client.studies.get_study(id)``,
    ``client.credentials.list_credential_pools(workspace_id=...)``. It returns the success model
    (errors raise the :class:`~prolific.APIError` family); path parameters are positional, the
    rest keyword-only, ``body=`` the request model.

    ``token``: argument, else ``$PROLIFIC_TOKEN``. ``base_url``: argument, else ``$PROLIFIC_URL``,
    else ``https://api.prolific.com``. ``max_retries`` or ``retry_policy``
    (:class:`~prolific.RetryPolicy`): how requests are retried. ``http_client``: an
    ``httpx.Client`` to use instead of the default one (yours to close; the retries are installed
    on its transports). Use as a context manager, or call :meth:`close`.

    >>> from prolific import Prolific
    >>> with Prolific(token="...") as client:  # doctest: +SKIP
    ...     study = client.studies.get_study("6540...")
    ...     pool_id = client.credentials.create_pool(workspace_id="ws1", credentials="alice,pw-1")
    """

    def __init__(
        self,
        token: str | None = None,
        *,
        base_url: str | None = None,
        timeout: float | httpx.Timeout | None = DEFAULT_TIMEOUT,
        max_retries: int | None = None,
        retry_policy: RetryPolicy | None = None,
        http_client: httpx.Client | None = None,
    ) -> None:
        super().__init__(token, base_url=base_url, timeout=timeout, max_retries=max_retries, retry_policy=retry_policy)
        if http_client is not None:
            self._http = self._connect(http_client, httpx.Client, response_hook, "AsyncProlific")
            self._api.set_httpx_client(self._http)
        self._runner = self._send

    def _open(self) -> None:
        self._http = self._connect(None, httpx.Client, response_hook, "AsyncProlific")
        self._api.set_httpx_client(self._http)

    def _send(self, operation: Operation[T], arguments: dict[str, Any]) -> T:
        return send(self._api, operation, arguments)

    @cached_property
    def credentials(self) -> Credentials:
        """Credential pools: the generated operations and ``create_pool``, ``add``, ``upload``, ``list_pools``,
        ``attach``, ``report``, ``capacity``, ``reconcile``."""
        from .resources import Credentials

        return Credentials(self._runner)

    @cached_property
    def participant_groups(self) -> ParticipantGroups:
        """Participant groups: the generated operations and ``create``, ``list``, ``get``, ``update``, ``delete``,
        ``participants``, ``add_participants``, ``remove_participants``."""
        from .resources import ParticipantGroups

        return ParticipantGroups(self._runner)

    @cached_property
    def invitations(self) -> Invitations:
        """Workspace invitations: the generated operation and ``create``."""
        from .resources import Invitations

        return Invitations(self._runner)

    @cached_property
    def submissions(self) -> Submissions:
        """Submissions: the generated operations and ``list``, ``awaiting_review``, ``approve``,
        ``approve_participants``, ``reject``, ``request_return``, ``complete``, ``screen_out``, ``apply``."""
        from .resources import Submissions

        return Submissions(self._runner)

    @cached_property
    def messages(self) -> Messages:
        """Messages: the generated operations and ``send``, ``send_bulk``, ``send_to_group``."""
        from .resources import Messages

        return Messages(self._runner)

    @cached_property
    def bonuses(self) -> Bonuses:
        """Bonus payments: the generated operations and ``preview``, ``pay`` (exactly once, journaled), ``status``."""
        from .resources.bonuses import Bonuses

        return Bonuses(self._runner)

    @cached_property
    def webhooks(self) -> Webhooks:
        """Webhooks: the generated operations and ``subscribe``, ``ensure_secret``, ``rotate_secret``,
        ``subscriptions``, ``events``."""
        from .resources import Webhooks

        return Webhooks(self._runner, self.with_raw_response)

    @overload
    def paginate(self, method: Callable[P, list[T]], /, *args: P.args, **kwargs: P.kwargs) -> Iterator[T]: ...
    @overload
    def paginate(self, method: Callable[P, HasResults[T]], /, *args: P.args, **kwargs: P.kwargs) -> Iterator[T]: ...
    def paginate(self, method: Callable[P, Any], /, *args: P.args, **kwargs: P.kwargs) -> Iterator[Any]:
        """Every item of a list operation, page after page (one page in memory at a time).

        ``method`` is the client method (``client.submissions.get_submissions``), then its
        arguments as you would pass them. The paging arguments (``page``/``page_size`` or
        ``offset``/``limit``) are set for you (100 per page unless you pass a size).

        >>> for submission in client.paginate(client.submissions.get_submissions, study="6540..."):  # doctest: +SKIP
        ...     print(submission.id)
        """
        pager = Pager(operation_of(method), kwargs)
        while True:
            page = method(*args, **pager.arguments())
            yield from pager.take(page)
            if pager.done:
                return

    def with_raw_response(self, method: Callable[P, T], /, *args: P.args, **kwargs: P.kwargs) -> RawResponse[T]:
        """Call ``method`` and return its result with the ``httpx.Response`` (status, headers) it came from.

        >>> raw = client.with_raw_response(client.studies.get_study, "6540...")  # doctest: +SKIP
        >>> raw.status_code, raw.headers["content-type"], raw.parsed.name  # doctest: +SKIP
        """
        with _Capture(method) as capture:
            parsed = method(*args, **kwargs)
        return RawResponse(parsed, capture.response)

    def close(self) -> None:
        """Close the connections (not those of an ``http_client`` you passed in)."""
        if self._owns_http and self._http is not None:
            self._http.close()

    def __enter__(self) -> Prolific:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()


class AsyncProlific(_ClientBase, AsyncOperationGroups):
    """The Prolific API client for asyncio: the same surface as :class:`Prolific`, with ``await``.

    >>> async with AsyncProlific() as client:  # doctest: +SKIP
    ...     study = await client.studies.get_study("6540...")
    ...     async for submission in client.paginate(client.submissions.get_submissions, study=study.id):
    ...         print(submission.id)
    """

    def __init__(
        self,
        token: str | None = None,
        *,
        base_url: str | None = None,
        timeout: float | httpx.Timeout | None = DEFAULT_TIMEOUT,
        max_retries: int | None = None,
        retry_policy: RetryPolicy | None = None,
        http_client: httpx.AsyncClient | None = None,
    ) -> None:
        super().__init__(token, base_url=base_url, timeout=timeout, max_retries=max_retries, retry_policy=retry_policy)
        if http_client is not None:
            self._http = self._connect(http_client, httpx.AsyncClient, async_response_hook, "Prolific")
            self._api.set_async_httpx_client(self._http)
        self._runner = self._send

    def _open(self) -> None:
        self._http = self._connect(None, httpx.AsyncClient, async_response_hook, "Prolific")
        self._api.set_async_httpx_client(self._http)

    def _send(self, operation: Operation[T], arguments: dict[str, Any]) -> Awaitable[T]:
        return send_async(self._api, operation, arguments)

    @cached_property
    def credentials(self) -> AsyncCredentials:
        """Credential pools: the generated operations and ``create_pool``, ``add``, ``upload``, ``list_pools``,
        ``attach``, ``report``, ``capacity``, ``reconcile``."""
        from .resources import AsyncCredentials

        return AsyncCredentials(self._runner)

    @cached_property
    def participant_groups(self) -> AsyncParticipantGroups:
        """Participant groups: the generated operations and ``create``, ``list``, ``get``, ``update``, ``delete``,
        ``participants``, ``add_participants``, ``remove_participants``."""
        from .resources import AsyncParticipantGroups

        return AsyncParticipantGroups(self._runner)

    @cached_property
    def invitations(self) -> AsyncInvitations:
        """Workspace invitations: the generated operation and ``create``."""
        from .resources import AsyncInvitations

        return AsyncInvitations(self._runner)

    @cached_property
    def submissions(self) -> AsyncSubmissions:
        """Submissions: the generated operations and ``list``, ``awaiting_review``, ``approve``,
        ``approve_participants``, ``reject``, ``request_return``, ``complete``, ``screen_out``, ``apply``."""
        from .resources import AsyncSubmissions

        return AsyncSubmissions(self._runner)

    @cached_property
    def messages(self) -> AsyncMessages:
        """Messages: the generated operations and ``send``, ``send_bulk``, ``send_to_group``."""
        from .resources import AsyncMessages

        return AsyncMessages(self._runner)

    @cached_property
    def bonuses(self) -> AsyncBonuses:
        """Bonus payments: the generated operations and ``preview``, ``pay`` (exactly once, journaled), ``status``."""
        from .resources.bonuses import AsyncBonuses

        return AsyncBonuses(self._runner)

    @cached_property
    def webhooks(self) -> AsyncWebhooks:
        """Webhooks: the generated operations and ``subscribe``, ``ensure_secret``, ``rotate_secret``,
        ``subscriptions``, ``events``."""
        from .resources import AsyncWebhooks

        return AsyncWebhooks(self._runner, self.with_raw_response)

    @overload
    def paginate(
        self, method: Callable[P, Awaitable[list[T]]], /, *args: P.args, **kwargs: P.kwargs
    ) -> AsyncIterator[T]: ...
    @overload
    def paginate(
        self, method: Callable[P, Awaitable[HasResults[T]]], /, *args: P.args, **kwargs: P.kwargs
    ) -> AsyncIterator[T]: ...
    async def paginate(self, method: Callable[P, Any], /, *args: P.args, **kwargs: P.kwargs) -> AsyncIterator[Any]:
        """Every item of a list operation, page after page; see :meth:`Prolific.paginate`."""
        pager = Pager(operation_of(method), kwargs)
        while True:
            page = await method(*args, **pager.arguments())
            for item in pager.take(page):
                yield item
            if pager.done:
                return

    async def with_raw_response(
        self, method: Callable[P, Awaitable[T]], /, *args: P.args, **kwargs: P.kwargs
    ) -> RawResponse[T]:
        """The result with its ``httpx.Response``; see :meth:`Prolific.with_raw_response`."""
        with _Capture(method) as capture:
            parsed = await method(*args, **kwargs)
        return RawResponse(parsed, capture.response)

    async def aclose(self) -> None:
        """Close the connections (not those of an ``http_client`` you passed in)."""
        if self._owns_http and self._http is not None:
            await self._http.aclose()

    async def __aenter__(self) -> AsyncProlific:
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.aclose()
