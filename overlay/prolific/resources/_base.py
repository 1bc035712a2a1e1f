"""What every resource service holds: a way to run a :class:`~prolific._call.Call`."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

from .._call import Call

T = TypeVar("T")

SyncRunner = Callable[[Call[Any]], Any]
AsyncRunner = Callable[[Call[Any]], Awaitable[Any]]


class SyncResource:
    """Base of the blocking services; ``self._run(call)`` sends it with retries."""

    def __init__(self, run: SyncRunner) -> None:
        self._run = run


class AsyncResource:
    """Base of the async services; ``await self._run(call)`` sends it with retries."""

    def __init__(self, run: AsyncRunner) -> None:
        self._run = run
