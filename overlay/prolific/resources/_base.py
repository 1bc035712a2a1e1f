"""What the friendly resources add to the generated operation classes: handing a call or a flow to the driver.

A friendly method builds a :class:`~prolific._flow.Call` (one request) or a flow (several, see
:mod:`prolific._flow`) from its domain package, and ``self._send(call)`` / ``self._drive(flow)``
runs it on the client's runner, blocking or awaited.
"""

from __future__ import annotations

from typing import TypeVar

from prolific_api_client.operations import AsyncOperations, Operations

from .._call import AsyncSender, Sender
from .._flow import Call, Flow, drive, drive_async, run_call, run_call_async

T = TypeVar("T")

__all__ = ["AsyncResource", "SyncResource"]


class SyncResource(Operations):
    """Base of the blocking friendly resources: ``self._send(call)``, ``self._drive(flow)``.

    Built with the client's :class:`~prolific._call.Sender`: a call's value comes back with its
    response, so that a value ``extract`` cannot use is reported with the response it came in.
    """

    _runner: Sender

    def _send(self, call: Call[T]) -> T:
        return run_call(self._runner, call)

    def _drive(self, flow: Flow[T]) -> T:
        """Run ``flow`` to its end (:func:`~prolific._flow.drive`); return what it returns."""
        return drive(self._runner, flow)


class AsyncResource(AsyncOperations):
    """Async twin of :class:`SyncResource`: ``await self._send(call)``, ``await self._drive(flow)``."""

    _runner: AsyncSender

    async def _send(self, call: Call[T]) -> T:
        return await run_call_async(self._runner, call)

    async def _drive(self, flow: Flow[T]) -> T:
        """Run ``flow`` to its end (:func:`~prolific._flow.drive_async`); return what it returns."""
        return await drive_async(self._runner, flow)
