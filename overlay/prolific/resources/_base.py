"""What the friendly resources add to the generated operation classes: sending a :class:`~prolific._call.Call`."""

from __future__ import annotations

from typing import TypeVar

from prolific_api_client.operations._base import AsyncOperations, Operations

from .._call import Call

T = TypeVar("T")


class SyncResource(Operations):
    """Base of the blocking friendly resources: ``self._send(call)`` runs a call and extracts its result."""

    def _send(self, call: Call[T]) -> T:
        return call.result(self._run(call.operation, call.arguments))


class AsyncResource(AsyncOperations):
    """Async twin of :class:`SyncResource`: ``await self._send(call)``."""

    async def _send(self, call: Call[T]) -> T:
        return call.result(await self._run(call.operation, call.arguments))
