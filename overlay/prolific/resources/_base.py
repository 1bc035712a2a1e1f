"""What the friendly resources add to the generated operation classes: sending a :class:`~prolific._call.Call`.

A method that needs several requests (check a study, then patch it; a batch after a batch) is
written once, as a *flow*: a generator that yields each :class:`~prolific._call.Call` and
receives its result (an :class:`~prolific.APIError` is thrown into it instead, so that it can say
how far it got), and returns the method's result. ``self._drive(flow)`` runs it, blocking or
awaited: the sync and async twins share every decision and differ only in how they send.
"""

from __future__ import annotations

from collections.abc import Generator
from typing import Any, TypeAlias, TypeVar

from prolific_api_client.operations import AsyncOperations, Operations

from .._call import AsyncSender, Call, Sender
from .._errors import APIError

T = TypeVar("T")

#: A multi-request method: yields calls, receives their results, returns the method's result.
Flow: TypeAlias = Generator[Call[Any], Any, T]


class SyncResource(Operations):
    """Base of the blocking friendly resources: ``self._send(call)`` runs a call and extracts its result.

    Built with the client's :class:`~prolific._call.Sender`: a call's value comes back with its
    response, so that a value ``extract`` cannot use is reported with the response it came in.
    """

    _runner: Sender

    def _send(self, call: Call[T]) -> T:
        return call.result(self._runner.sent(call.operation, call.arguments))

    def _drive(self, flow: Flow[T]) -> T:
        """Run ``flow`` to its end, sending each call it yields; return what it returns."""
        try:
            call = next(flow)
            while True:
                try:
                    value = self._send(call)
                except APIError as error:
                    call = flow.throw(error)
                else:
                    call = flow.send(value)
        except StopIteration as stop:
            return stop.value  # type: ignore[no-any-return]


class AsyncResource(AsyncOperations):
    """Async twin of :class:`SyncResource`: ``await self._send(call)``, ``await self._drive(flow)``."""

    _runner: AsyncSender

    async def _send(self, call: Call[T]) -> T:
        return call.result(await self._runner.sent(call.operation, call.arguments))

    async def _drive(self, flow: Flow[T]) -> T:
        """Run ``flow`` to its end, awaiting each call it yields; return what it returns."""
        try:
            call = next(flow)
            while True:
                try:
                    value = await self._send(call)
                except APIError as error:
                    call = flow.throw(error)
                else:
                    call = flow.send(value)
        except StopIteration as stop:
            return stop.value  # type: ignore[no-any-return]
