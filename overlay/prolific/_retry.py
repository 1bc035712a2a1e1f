"""The one retry policy and the one loop that applies it: which requests are sent again, after how long.

By HTTP method:

* **GET, HEAD, PUT, DELETE, OPTIONS** are idempotent: repeating them changes nothing, so they are
  retried on connection errors, timeouts, 429, 500, 502, 503 and 504;
* **POST and PATCH** are retried only when the request certainly was not applied: the connection
  failed before it was sent, or the API said 429 (rate limited) or 503 (unavailable) — statuses
  Prolific returns without acting. A 500, 502, 504, a read timeout or a connection dropped after
  sending may have been applied: the error is raised at once, saying so.

A request known to be idempotent whatever its method (a bulk approve: Prolific ignores a repeated
one) is retried as a GET is (``idempotent=True``).

Waits: exponential backoff with jitter, or the ``Retry-After`` the API sent (seconds or an HTTP
date) up to ``max_retry_after``. :class:`Attempts` keeps the count for one request and answers
"wait how long, or stop?"; :func:`send_retrying` / :func:`send_retrying_async` are the one loop
that sends, asks and waits, used by the send path (:mod:`prolific._call`) and by ``client.api``'s
transport (:mod:`prolific._api_client`) alike. They wait with the sleep function they are given:
the client's clock (``client.sleep``), by default :func:`default_sleep` / :func:`default_async_sleep`.
"""

from __future__ import annotations

import logging
import random
import socket
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

import httpx

from ._http import is_idempotent, parse_retry_after

logger = logging.getLogger("prolific")

#: Statuses retried for idempotent methods.
RETRY_STATUSES_IDEMPOTENT = frozenset({429, 500, 502, 503, 504})
#: Statuses retried for POST and PATCH: the API did not act on the request.
RETRY_STATUSES_NOT_APPLIED = frozenset({429, 503})
#: Exceptions raised before any byte of the request left this machine.
NOT_SENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)
#: Where the final response of a request says how many times it was sent.
ATTEMPTS = "prolific_attempts"


@dataclass(frozen=True)
class RetryPolicy:
    """How often and how long to retry. ``max_retries=0`` disables retrying.

    Backoff: ``initial_delay * 2**n`` with jitter (between half and all of it), at most
    ``max_delay``. A ``Retry-After`` up to ``max_retry_after`` seconds is honoured as given; a
    longer one is not waited out (the error is raised, carrying ``retry_after``), so a call never
    blocks for minutes. ``jitter`` is the random source (seed it for repeatable waits).

    >>> policy = RetryPolicy(max_retries=3, initial_delay=0.0)  # retries at once: what tests want
    >>> policy.retries("GET", status=502), policy.retries("POST", status=502)
    (True, False)
    """

    max_retries: int = 2
    initial_delay: float = 0.5
    max_delay: float = 8.0
    max_retry_after: float = 60.0
    jitter: random.Random = field(default_factory=random.Random, compare=False, repr=False)

    def __post_init__(self) -> None:
        for name in ("initial_delay", "max_delay", "max_retry_after"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
                raise ValueError(f"RetryPolicy.{name} must be a number >= 0, got {value!r}")
        if isinstance(self.max_retries, bool) or not isinstance(self.max_retries, int) or self.max_retries < 0:
            raise ValueError(f"RetryPolicy.max_retries must be an int >= 0, got {self.max_retries!r}")

    def retries(
        self,
        method: str,
        *,
        status: int | None = None,
        error: BaseException | None = None,
        idempotent: bool = False,
    ) -> bool:
        """Whether a request with ``method`` that got ``status`` (or raised ``error``) may be sent again.

        ``idempotent=True``: the request is known to change nothing when repeated, whatever its
        method (it is then retried as a GET is).
        """
        idempotent = idempotent or is_idempotent(method)
        if status is not None:
            return status in (RETRY_STATUSES_IDEMPOTENT if idempotent else RETRY_STATUSES_NOT_APPLIED)
        if is_unknown_host(error):
            return False  # the name will not resolve a second later either
        if isinstance(error, NOT_SENT):
            return True
        return idempotent and isinstance(error, httpx.TransportError)

    def backoff(self, retry_number: int) -> float:
        """Delay before retry number ``retry_number`` (1-based) when the server gave no hint."""
        ceiling = min(self.max_delay, self.initial_delay * (2.0 ** (retry_number - 1)))
        return ceiling * (0.5 + self.jitter.random() / 2)


#: The policy of a request that is never sent twice, whatever the answer (``Call(..., retry_policy=NEVER_RESEND)``):
#: a payment, which a gateway's 429 or 503 may answer after the API applied it. Its caller reads
#: Prolific's record of what was done instead.
NEVER_RESEND = RetryPolicy(max_retries=0)


def is_unknown_host(error: BaseException | None) -> bool:
    """Whether ``error`` is a DNS failure: the host name does not resolve (a typo in the base URL, no network).

    httpx raises ``ConnectError`` caused (through httpcore) by ``socket.gaierror``; the chain is
    walked rather than the message read, which differs between platforms.

    >>> import socket
    >>> cause = socket.gaierror(-2, "Name or service not known")
    >>> error = httpx.ConnectError("[Errno -2] Name or service not known")
    >>> error.__cause__ = cause
    >>> is_unknown_host(error), is_unknown_host(httpx.ConnectError("[Errno 111] Connection refused"))
    (True, False)
    """
    seen = 0
    while error is not None and seen < 8:  # a cause chain is short; the bound guards against a cycle
        if isinstance(error, socket.gaierror):
            return True
        error = error.__cause__ or error.__context__
        seen += 1
    return False


class Attempts:
    """Retry bookkeeping for one request: the decisions of the loop (:func:`send_retrying` and its twin).

    ``after_status(response)`` / ``after_error(error)`` return the seconds to wait before sending
    again, or None when the request is not to be sent again. ``idempotent=True``: retry it as a
    GET whatever its method.
    """

    def __init__(self, policy: RetryPolicy, request: httpx.Request, *, idempotent: bool = False) -> None:
        self.policy = policy
        self.method = request.method
        self.path = request.url.path
        self.idempotent = idempotent
        self.number = 1

    def after_status(self, response: httpx.Response) -> float | None:
        status = response.status_code
        if status < 400 or self.number > self.policy.max_retries:
            return None
        if not self.policy.retries(self.method, status=status, idempotent=self.idempotent):
            return None
        hinted = parse_retry_after(response.headers.get("retry-after")) if status in (429, 503) else None
        if hinted is not None and hinted > self.policy.max_retry_after:
            return None  # not waited out: the error says how long the API asked for
        return self._next(hinted if hinted is not None else self.policy.backoff(self.number), f"status {status}")

    def after_error(self, error: BaseException) -> float | None:
        if self.number > self.policy.max_retries:
            return None
        if not self.policy.retries(self.method, error=error, idempotent=self.idempotent):
            return None
        return self._next(self.policy.backoff(self.number), type(error).__name__)

    def _next(self, delay: float, why: str) -> float:
        logger.info(
            "retrying %s %s in %.2fs (attempt %d of %d): %s",
            self.method, self.path, delay, self.number + 1, self.policy.max_retries + 1, why,
        )  # fmt: skip
        self.number += 1
        return delay


def default_sleep(seconds: float) -> None:
    """A blocking client's clock unless told otherwise: ``time.sleep``, looked up at each wait."""
    time.sleep(seconds)


async def default_async_sleep(seconds: float) -> None:
    """An asyncio client's clock unless told otherwise: ``asyncio.sleep``, looked up at each wait."""
    # asyncio is imported here, by the first async wait: `import prolific` and a sync client need none of it.
    import asyncio

    await asyncio.sleep(seconds)


def send_retrying(
    send: Callable[[httpx.Request], httpx.Response],
    request: httpx.Request,
    attempts: Attempts,
    sleep: Callable[[float], object],
) -> httpx.Response:
    """The retry loop: ``send(request)`` again, after ``sleep(delay)``, for as long as ``attempts`` says so.

    Returns the last response, whatever its status (the caller turns a non-2xx into its error),
    with ``response.extensions["prolific_attempts"]`` (:func:`attempts_of`) saying how many times
    the request was sent. An httpx transport failure that is not retried is raised as it is (other
    httpx errors at once): ``attempts.number`` says how many times it was sent.
    """
    while True:
        try:
            response = send(request)
        except httpx.TransportError as error:
            delay = attempts.after_error(error)
            if delay is None:
                raise
            sleep(delay)
            continue
        delay = attempts.after_status(response)
        if delay is None:
            response.extensions[ATTEMPTS] = attempts.number
            return response
        response.close()
        sleep(delay)


async def send_retrying_async(
    send: Callable[[httpx.Request], Awaitable[httpx.Response]],
    request: httpx.Request,
    attempts: Attempts,
    sleep: Callable[[float], Awaitable[object]],
) -> httpx.Response:
    """Async twin of :func:`send_retrying`: the same decisions, awaited sends and waits."""
    while True:
        try:
            response = await send(request)
        except httpx.TransportError as error:
            delay = attempts.after_error(error)
            if delay is None:
                raise
            await sleep(delay)
            continue
        delay = attempts.after_status(response)
        if delay is None:
            response.extensions[ATTEMPTS] = attempts.number
            return response
        await response.aclose()
        await sleep(delay)


def attempts_of(response: httpx.Response) -> int:
    """How many times the request of ``response`` was sent (1 unless the retry loop said otherwise)."""
    attempts = response.extensions.get(ATTEMPTS, 1)
    return attempts if isinstance(attempts, int) else 1
