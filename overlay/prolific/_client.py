"""``Prolific`` and ``AsyncProlific``: configuration, auth, connection lifecycle, and the operations.

Every operation of the API is a method, ``client.<tag>.<operation>(...)``, generated from the spec
(``prolific_api_client.operations``): the clients inherit one attribute per tag and supply the
runner those methods call. ``credentials``, ``participant_groups``, ``invitations``, ``submissions``,
``messages``, ``bonuses`` and ``webhooks`` add friendly methods to their tag's generated ones, named
by the naming rule in CONTRIBUTING.md (never a generated method's name; ``list_<things>`` and
``iter_<things>`` for listings; the same names and kinds on both clients).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from functools import cached_property
from types import TracebackType
from typing import TYPE_CHECKING, Any, Generic, ParamSpec, TypeVar, overload

import httpx

from prolific_api_client.operations import AsyncOperationGroups, AsyncOperations, Operation, OperationGroups, Operations

from ._api_client import ProlificAPIClient
from ._call import AsyncSender, RawResponse, Sender, Sent
from ._config import DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT
from ._connection import AsyncConnection, Connection, TokenAuth
from ._errors import ConfigurationError, InvalidArgumentError
from ._pagination import HasResults, Pager, operation_of
from ._retry import RetryPolicy
from ._settings import Settings, missing_token, resolve

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
    from .resources.studies import AsyncStudies, Studies

T = TypeVar("T")
P = ParamSpec("P")
CONNECTION = TypeVar("CONNECTION", Connection, AsyncConnection)
RUNNER = TypeVar("RUNNER", Sender, AsyncSender)


class _ClientBase(Generic[CONNECTION, RUNNER]):
    """Settings shared by both clients, their connection, runner and ``client.api``."""

    _connection: CONNECTION
    _runner: RUNNER

    def __init__(
        self,
        token: str | None,
        *,
        base_url: str | None,
        profile: str | None,
        timeout: float | httpx.Timeout | None,
        max_retries: int | None,
        retry_policy: RetryPolicy | None,
        http_client: Any,
        connection: type[CONNECTION],
        runner: Callable[[CONNECTION, RetryPolicy], RUNNER],
    ) -> None:
        explicit = {"token": (token, "the token argument"), "base_url": (base_url, "base_url")}
        settings = resolve(profile, "argument profile", explicit)
        if settings.token is None:
            raise ConfigurationError(missing_token(settings))
        token = settings.token
        #: The settings this client was made with (:class:`~prolific.Settings`): the defaults other calls
        #: read (``workspace_id``, ``project_id``, ``max_total``, ``max_spend``, ``state_url``).
        self.settings: Settings = settings
        self.base_url = settings.base_url
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
        self._connection = connection(self.base_url, self._auth, self.timeout, http_client)
        self._runner = runner(self._connection, self.retry_policy)
        self._api = ProlificAPIClient(
            base_url=self.base_url,
            token=token,
            prefix="Token",
            timeout=self.timeout,
            raise_on_unexpected_status=True,
            follow_redirects=False,
            runner=self._runner,
        )

    @property
    def max_retries(self) -> int:
        """How many times a request may be sent again (``retry_policy.max_retries``)."""
        return self.retry_policy.max_retries

    @property
    def api(self) -> ProlificAPIClient:
        """The configured generated client (``Token`` auth, retries, typed errors), for direct calls.

        Every request it sends goes through the client's connection with the same retry policy
        and retry loop (waiting with ``sleep``), and a non-2xx status raises the
        :class:`~prolific.APIStatusError` family before the generated parser runs (see
        :mod:`prolific._api_client` for how).

        >>> from prolific_api_client.api.studies import get_study
        >>> study = get_study.sync("6540...", client=client.api)  # doctest: +SKIP
        """
        return self._api

    @property
    def sleep(self) -> Callable[[float], Any]:
        """The client's clock: the function every wait goes through.

        ``time.sleep`` unless set (``AsyncProlific``: a coroutine function, ``asyncio.sleep``).
        Retries' back-offs, ``Retry-After`` waits, a workflow's pauses and polls
        (``submissions.approve(wait=True)``) all wait with it. Set it to record the waits, or skip
        them, in tests:

        >>> waits = []
        >>> client.sleep = waits.append  # doctest: +SKIP
        """
        return self._runner.sleep

    @sleep.setter
    def sleep(self, sleep: Callable[[float], Any]) -> None:
        self._runner.sleep = sleep

    def __repr__(self) -> str:
        # The token is always there (a client cannot be made without one) and never shown.
        return f"{type(self).__name__}(base_url={self.base_url!r}, token='***', max_retries={self.max_retries})"


class Prolific(_ClientBase[Connection, Sender], OperationGroups):
    """The Prolific API client (blocking).

    Every operation is a method named after it, under its tag: ``client.studies.get_study(id)``,
    ``client.credentials.list_credential_pools(workspace_id=...)``. It returns the success model
    (errors raise the :class:`~prolific.APIError` family); path parameters are positional, the
    rest keyword-only, ``body=`` the request model.

    ``token``: argument, else ``$PROLIFIC_TOKEN``, else the profile's ``token_command``.
    ``base_url``: argument, else ``$PROLIFIC_URL``, else the profile's, else ``https://api.prolific.com``.
    ``profile``: a profile of the config file (:func:`~prolific.load_settings`; else
    ``$PROLIFIC_PROFILE``, else the file's ``default_profile``); the settings the client was made
    with are :attr:`settings`. ``max_retries`` or ``retry_policy``
    (:class:`~prolific.RetryPolicy`): how requests are retried. ``http_client``: an
    ``httpx.Client`` to use instead of the default one (yours to close; the client sets its base
    URL, auth and User-Agent and sends through it as it is: retrying is the client's own send path,
    nothing is installed on its transport). Use as a context manager, or call :meth:`close`.

    Every wait (a retry's back-off, a workflow's pause or poll) goes through :attr:`sleep`.

    >>> from prolific import Prolific
    >>> lab = Prolific(profile="lab")  # doctest: +SKIP
    >>> with Prolific(token="...") as client:  # doctest: +SKIP
    ...     study = client.studies.get_study("6540...")
    ...     pool_id = client.credentials.create_pool(workspace_id="ws1", credentials="alice,pw-1")
    """

    _runner: Sender

    def __init__(
        self,
        token: str | None = None,
        *,
        base_url: str | None = None,
        profile: str | None = None,
        timeout: float | httpx.Timeout | None = DEFAULT_TIMEOUT,
        max_retries: int | None = None,
        retry_policy: RetryPolicy | None = None,
        http_client: httpx.Client | None = None,
    ) -> None:
        super().__init__(
            token,
            base_url=base_url,
            profile=profile,
            timeout=timeout,
            max_retries=max_retries,
            retry_policy=retry_policy,
            http_client=http_client,
            connection=Connection,
            runner=Sender,
        )

    @cached_property
    def credentials(self) -> Credentials:
        """Credential pools: the generated operations and ``create_pool``, ``add``, ``upload``, ``list_pools``,
        ``attach``, ``report``, ``capacity``, ``reconcile``."""
        from .resources import Credentials

        return Credentials(self._runner)

    @cached_property
    def participant_groups(self) -> ParticipantGroups:
        """Participant groups: the generated operations and ``create``, ``list_groups``, ``get``, ``update``,
        ``delete``, ``iter_participants``, ``add_participants``, ``remove_participants``."""
        from .resources import ParticipantGroups

        return ParticipantGroups(self._runner)

    @cached_property
    def invitations(self) -> Invitations:
        """Workspace invitations: the generated operation and ``create``."""
        from .resources import Invitations

        return Invitations(self._runner)

    @cached_property
    def submissions(self) -> Submissions:
        """Submissions: the generated operations and ``iter_submissions``, ``iter_awaiting_review``, ``approve``,
        ``approve_participants``, ``reject``, ``request_return``, ``complete``, ``screen_out``, ``apply``."""
        from .resources import Submissions

        return Submissions(self._runner)

    @cached_property
    def messages(self) -> Messages:
        """Messages: the generated operations and ``send``, ``send_bulk``, ``send_to_group``."""
        from .resources import Messages

        return Messages(self._runner)

    @cached_property
    def studies(self) -> Studies:
        """Studies: the generated operations and the study-file workflows (:mod:`prolific.studies`)."""
        from .resources.studies import Studies

        studies = Studies(self._runner)
        studies._settings = self.settings  # the configured cap (studies.max_spend) of publish and plan
        return studies

    @cached_property
    def bonuses(self) -> Bonuses:
        """Bonus payments: the generated operations and ``preview``, ``pay`` (exactly once, journaled), ``status``."""
        from .resources.bonuses import Bonuses

        return Bonuses(self._runner)

    @cached_property
    def webhooks(self) -> Webhooks:
        """Webhooks: the generated operations and ``subscribe``, ``ensure_secret``, ``rotate_secret``,
        ``list_subscriptions``, ``iter_events``."""
        from .resources import Webhooks

        return Webhooks(self._runner)

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
        operation = getattr(method, "operation", None)
        if operation is not None:  # a generated method: its operation, sent here
            value, response = self._runner.sent(operation, _arguments(method, args, kwargs))
            return RawResponse(value, response)
        recorder = _Recorder(self._runner)  # a friendly method: run on a recording runner
        value = _on_runner(method, recorder)(*args, **kwargs)
        return RawResponse(value, recorder.last(method))

    def close(self) -> None:
        """Close the connections (not those of an ``http_client`` you passed in)."""
        self._connection.close()

    def __enter__(self) -> Prolific:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()


class AsyncProlific(_ClientBase[AsyncConnection, AsyncSender], AsyncOperationGroups):
    """The Prolific API client for asyncio: the same surface as :class:`Prolific`, with ``await``.

    >>> async with AsyncProlific() as client:  # doctest: +SKIP
    ...     study = await client.studies.get_study("6540...")
    ...     async for submission in client.paginate(client.submissions.get_submissions, study=study.id):
    ...         print(submission.id)
    """

    _runner: AsyncSender

    def __init__(
        self,
        token: str | None = None,
        *,
        base_url: str | None = None,
        profile: str | None = None,
        timeout: float | httpx.Timeout | None = DEFAULT_TIMEOUT,
        max_retries: int | None = None,
        retry_policy: RetryPolicy | None = None,
        http_client: httpx.AsyncClient | None = None,
    ) -> None:
        super().__init__(
            token,
            base_url=base_url,
            profile=profile,
            timeout=timeout,
            max_retries=max_retries,
            retry_policy=retry_policy,
            http_client=http_client,
            connection=AsyncConnection,
            runner=AsyncSender,
        )

    @cached_property
    def credentials(self) -> AsyncCredentials:
        """Credential pools: the generated operations and ``create_pool``, ``add``, ``upload``, ``list_pools``,
        ``attach``, ``report``, ``capacity``, ``reconcile``."""
        from .resources import AsyncCredentials

        return AsyncCredentials(self._runner)

    @cached_property
    def participant_groups(self) -> AsyncParticipantGroups:
        """Participant groups: the generated operations and ``create``, ``list_groups``, ``get``, ``update``,
        ``delete``, ``iter_participants``, ``add_participants``, ``remove_participants``."""
        from .resources import AsyncParticipantGroups

        return AsyncParticipantGroups(self._runner)

    @cached_property
    def invitations(self) -> AsyncInvitations:
        """Workspace invitations: the generated operation and ``create``."""
        from .resources import AsyncInvitations

        return AsyncInvitations(self._runner)

    @cached_property
    def submissions(self) -> AsyncSubmissions:
        """Submissions: the generated operations and ``iter_submissions``, ``iter_awaiting_review``, ``approve``,
        ``approve_participants``, ``reject``, ``request_return``, ``complete``, ``screen_out``, ``apply``."""
        from .resources import AsyncSubmissions

        return AsyncSubmissions(self._runner)

    @cached_property
    def messages(self) -> AsyncMessages:
        """Messages: the generated operations and ``send``, ``send_bulk``, ``send_to_group``."""
        from .resources import AsyncMessages

        return AsyncMessages(self._runner)

    @cached_property
    def studies(self) -> AsyncStudies:
        """Studies: the generated operations and the study-file workflows (:mod:`prolific.studies`)."""
        from .resources.studies import AsyncStudies

        studies = AsyncStudies(self._runner)
        studies._settings = self.settings  # the configured cap (studies.max_spend) of publish and plan
        return studies

    @cached_property
    def bonuses(self) -> AsyncBonuses:
        """Bonus payments: the generated operations and ``preview``, ``pay`` (exactly once, journaled), ``status``."""
        from .resources.bonuses import AsyncBonuses

        return AsyncBonuses(self._runner)

    @cached_property
    def webhooks(self) -> AsyncWebhooks:
        """Webhooks: the generated operations and ``subscribe``, ``ensure_secret``, ``rotate_secret``,
        ``list_subscriptions``, ``iter_events``."""
        from .resources import AsyncWebhooks

        return AsyncWebhooks(self._runner)

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
        operation = getattr(method, "operation", None)
        if operation is not None:
            value, response = await self._runner.sent(operation, _arguments(method, args, kwargs))
            return RawResponse(value, response)
        recorder = _AsyncRecorder(self._runner)
        value = await _on_runner(method, recorder)(*args, **kwargs)
        return RawResponse(value, recorder.last(method))

    async def aclose(self) -> None:
        """Close the connections (not those of an ``http_client`` you passed in)."""
        await self._connection.aclose()

    async def __aenter__(self) -> AsyncProlific:
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.aclose()


def _arguments(method: Callable[..., Any], args: tuple[Any, ...], kwargs: dict[str, Any]) -> dict[str, Any]:
    """The generated method's arguments by name, as it hands them to its runner (defaults included)."""
    import inspect

    bound = inspect.signature(method).bind(*args, **kwargs)
    bound.apply_defaults()
    return dict(bound.arguments)


def _on_runner(method: Callable[P, T], runner: Sender | AsyncSender) -> Callable[P, T]:
    """``method`` of a copy of its resource that sends through ``runner``."""
    owner = getattr(method, "__self__", None)
    name = getattr(method, "__name__", None)
    if not isinstance(owner, Operations | AsyncOperations) or not isinstance(name, str):
        raise InvalidArgumentError(
            f"with_raw_response() takes a client method, e.g. client.studies.get_study; got {method!r}"
        )
    return getattr(type(owner)(runner), name)  # type: ignore[arg-type, no-any-return]


class _Recorder(Sender):
    """A runner that keeps the response of the last request it sent (for one ``with_raw_response``)."""

    __slots__ = ("responses",)

    def __init__(self, runner: Sender) -> None:
        super().__init__(runner.connection, runner.policy, runner.sleep)
        self.responses: list[httpx.Response] = []  # shared by a copy of this runner

    def __call__(self, operation: Operation[T], arguments: dict[str, Any], /) -> T:
        return self.sent(operation, arguments).value

    def sent(self, operation: Operation[T], arguments: dict[str, Any], **options: Any) -> Sent[T]:
        sent = super().sent(operation, arguments, **options)
        self.responses.append(sent.response)
        return sent

    def last(self, method: object) -> httpx.Response:
        return _last(self.responses, method)


class _AsyncRecorder(AsyncSender):
    """Async twin of :class:`_Recorder`."""

    __slots__ = ("responses",)

    def __init__(self, runner: AsyncSender) -> None:
        super().__init__(runner.connection, runner.policy, runner.sleep)
        self.responses: list[httpx.Response] = []

    async def __call__(self, operation: Operation[T], arguments: dict[str, Any], /) -> T:
        return (await self.sent(operation, arguments)).value

    async def sent(self, operation: Operation[T], arguments: dict[str, Any], **options: Any) -> Sent[T]:
        sent = await super().sent(operation, arguments, **options)
        self.responses.append(sent.response)
        return sent

    def last(self, method: object) -> httpx.Response:
        return _last(self.responses, method)


def _last(responses: list[httpx.Response], method: object) -> httpx.Response:
    if not responses:
        raise ConfigurationError(f"{method!r} sent no request through this client")
    return responses[-1]
