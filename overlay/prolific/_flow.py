"""The one workflow driver: the steps a flow yields (:class:`Call`, :class:`RawCall`, :class:`Pause`,
:class:`Gather`, :class:`Emit`) and :func:`drive` / :func:`drive_async`, which run them (and
:func:`stream` / :func:`stream_async`, which also hand out what a long-running flow emits).

A method that needs several requests (check a study, then patch it; a batch after a batch; poll
until the API shows the change) is written once, as a *flow*: a generator that yields steps and
receives their results, and returns the method's result. An :class:`~prolific.APIError` of a
step is thrown into the flow instead, so that it can say how far it got. The driver runs a flow
on the client's runner (:class:`~prolific._call.Sender`): every request goes through the send
path and its one retry loop, every wait through the client's clock (``client.sleep``), so the
sync and async twins share every decision and differ only in ``await``.
"""

from __future__ import annotations

import threading
from collections.abc import AsyncIterator, Callable, Generator, Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, TypeAlias, TypeVar

from prolific_api_client.operations import Operation

from ._call import PARSE_ERRORS, RawResponse, Sent
from ._errors import APIError
from ._failures import invalid_body

if TYPE_CHECKING:
    from concurrent.futures import Future

    from ._call import AsyncSender, Sender
    from ._retry import RetryPolicy

T = TypeVar("T")


class Call(Generic[T]):
    """A step: one request (an operation, the generated function's arguments) and what to make of its value.

    ``extract`` turns the operation's success value into the result (e.g. a pool id out of the
    ``CredentialPool``); what it raises on a body the API should not have sent becomes
    :class:`~prolific.APIResponseValidationError`. ``idempotent=True``: the request changes
    nothing when repeated whatever its method (a bulk approve), so the retry policy retries it as
    a GET; ``retry_policy``: this request's own policy instead of the client's.
    """

    __slots__ = ("arguments", "extract", "idempotent", "operation", "retry_policy")

    def __init__(
        self,
        operation: Operation[Any],
        arguments: dict[str, Any],
        extract: Callable[[Any], T],
        *,
        idempotent: bool = False,
        retry_policy: RetryPolicy | None = None,
    ) -> None:
        self.operation = operation
        self.arguments = arguments
        self.extract = extract
        self.idempotent = idempotent
        self.retry_policy = retry_policy

    def result(self, sent: Sent[Any]) -> T:
        """The step's result from the operation's success value, or APIResponseValidationError."""
        try:
            return self.extract(sent.value)
        except PARSE_ERRORS as exc:
            raise invalid_body(self.operation, sent.response, exc) from exc

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.operation.operation_id}>"


class RawCall(Call[T]):
    """A :class:`Call` whose ``extract`` receives the :class:`~prolific.RawResponse` (value and ``httpx.Response``).

    For a flow that reads the answer's headers (``X-Hook-Secret``) or how many times it was sent.
    """

    __slots__ = ()

    def result(self, sent: Sent[Any]) -> T:
        return super().result(Sent(RawResponse(sent.value, sent.response), sent.response))


@dataclass(frozen=True)
class Pause:
    """A step: wait ``seconds`` (a back-off or a poll interval) with the client's clock; the flow receives None."""

    seconds: float


class Gather(Generic[T]):
    """A step: send ``calls`` at once, at most ``limit`` in flight; the flow receives their results, in order.

    Blocking clients send them from a small thread pool over the same httpx client, asyncio ones
    as tasks. When one fails no further call is started; once those in flight have finished, the
    :class:`~prolific.APIError` of the first failed call (in the order of ``calls``) is thrown into
    the flow.
    """

    __slots__ = ("calls", "limit")

    def __init__(self, calls: Iterable[Call[T]], limit: int) -> None:
        if isinstance(limit, bool) or not isinstance(limit, int) or limit < 1:
            raise ValueError(f"Gather limit must be an int >= 1, got {limit!r}")
        self.calls = tuple(calls)
        self.limit = limit

    def __repr__(self) -> str:
        return f"<Gather {len(self.calls)} calls, {self.limit} at a time>"


@dataclass(frozen=True)
class Emit(Generic[T]):
    """A step of a streaming flow (:func:`stream`): hand ``item`` to the caller; the flow receives None.

    A flow that runs for as long as its caller iterates (watching a study, exporting its rows) emits
    what it finds as it goes, instead of returning it all at the end.
    """

    item: T


#: A step a flow yields.
Step: TypeAlias = Call[Any] | Pause | Gather[Any] | Emit[Any]
#: A multi-request method: yields steps, receives their results, returns the method's result.
Flow: TypeAlias = Generator[Step, Any, T]


def run_call(runner: Sender, call: Call[T]) -> T:
    """Send ``call`` through ``runner`` and return its result."""
    return call.result(
        runner.sent(call.operation, call.arguments, policy=call.retry_policy, idempotent=call.idempotent)
    )


async def run_call_async(runner: AsyncSender, call: Call[T]) -> T:
    """Async twin of :func:`run_call`."""
    return call.result(
        await runner.sent(call.operation, call.arguments, policy=call.retry_policy, idempotent=call.idempotent)
    )


def drive(runner: Sender, flow: Flow[T]) -> T:
    """Run ``flow`` to its end on ``runner``: each step sent, waited or gathered; return what the flow returns."""
    try:
        step = next(flow)
        while True:
            try:
                value = _take(runner, step)
            except APIError as error:
                step = flow.throw(error)
            else:
                step = flow.send(value)
    except StopIteration as stop:
        return stop.value  # type: ignore[no-any-return]


async def drive_async(runner: AsyncSender, flow: Flow[T]) -> T:
    """Async twin of :func:`drive`."""
    try:
        step = next(flow)
        while True:
            try:
                value = await _take_async(runner, step)
            except APIError as error:
                step = flow.throw(error)
            else:
                step = flow.send(value)
    except StopIteration as stop:
        return stop.value  # type: ignore[no-any-return]


def stream(runner: Sender, flow: Flow[Any]) -> Iterator[Any]:
    """Run ``flow`` on ``runner`` as its caller iterates: each :class:`Emit` step's item is yielded.

    The flow advances only while the iterator is consumed; closing the iterator closes the flow.
    """
    try:
        step = next(flow)
        while True:
            if isinstance(step, Emit):
                yield step.item
                step = flow.send(None)
                continue
            try:
                value = _take(runner, step)
            except APIError as error:
                step = flow.throw(error)
            else:
                step = flow.send(value)
    except StopIteration:
        return
    finally:
        flow.close()


async def stream_async(runner: AsyncSender, flow: Flow[Any]) -> AsyncIterator[Any]:
    """Async twin of :func:`stream`."""
    try:
        step = next(flow)
        while True:
            if isinstance(step, Emit):
                yield step.item
                step = flow.send(None)
                continue
            try:
                value = await _take_async(runner, step)
            except APIError as error:
                step = flow.throw(error)
            else:
                step = flow.send(value)
    except StopIteration:
        return
    finally:
        flow.close()


def _take(runner: Sender, step: Step) -> Any:
    if isinstance(step, Call):
        return run_call(runner, step)
    if isinstance(step, Pause):
        runner.sleep(step.seconds)
        return None
    if isinstance(step, Gather):
        return _gather(runner, step)
    raise TypeError(f"a flow yields Call, Pause or Gather steps (and Emit when streamed), not {step!r}")


async def _take_async(runner: AsyncSender, step: Step) -> Any:
    if isinstance(step, Call):
        return await run_call_async(runner, step)
    if isinstance(step, Pause):
        await runner.sleep(step.seconds)
        return None
    if isinstance(step, Gather):
        return await _gather_async(runner, step)
    raise TypeError(f"a flow yields Call, Pause or Gather steps (and Emit when streamed), not {step!r}")


#: What a call of a Gather ended with: (its exception, or None; its result).
_Outcome: TypeAlias = tuple[BaseException | None, Any]


def _gather(runner: Sender, gather: Gather[Any]) -> list[Any]:
    if not gather.calls:
        return []
    from concurrent.futures import ThreadPoolExecutor  # only a flow that gathers needs a thread pool

    failed = threading.Event()

    def one(call: Call[Any]) -> Any:
        if failed.is_set():
            return None  # not started: another call failed
        try:
            return run_call(runner, call)
        except BaseException:
            failed.set()
            raise

    workers = min(gather.limit, len(gather.calls))
    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="prolific-gather") as pool:
        futures = [pool.submit(one, call) for call in gather.calls]
    return _results([_ended(future) for future in futures])  # leaving the pool waited for every call in flight


def _ended(future: Future[Any]) -> _Outcome:
    error = future.exception()
    return (error, None) if error is not None else (None, future.result())


async def _gather_async(runner: AsyncSender, gather: Gather[Any]) -> list[Any]:
    if not gather.calls:
        return []
    import asyncio  # an async flow runs in a loop already: this costs nothing more

    slots = asyncio.Semaphore(gather.limit)
    failed = False

    async def one(call: Call[Any]) -> Any:
        nonlocal failed
        async with slots:
            if failed:
                return None  # not started: another call failed
            try:
                return await run_call_async(runner, call)
            except BaseException:
                failed = True
                raise

    ended = await asyncio.gather(*(one(call) for call in gather.calls), return_exceptions=True)
    return _results([(value, None) if isinstance(value, BaseException) else (None, value) for value in ended])


def _results(outcomes: list[_Outcome]) -> list[Any]:
    """The results in order; else what went wrong other than the API (a bug), else the first APIError."""
    errors = [error for error, _ in outcomes if error is not None]
    for error in errors:
        if not isinstance(error, APIError):
            raise error
    if errors:
        raise errors[0]
    return [value for _, value in outcomes]
