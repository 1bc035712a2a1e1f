"""A workflow engine whose flows may pause: the :class:`Pause` step and the drivers that run such flows.

Temporary home (moved unchanged out of ``resources/submissions.py`` so the reviews domain and the
resources can both import it): the next step folds it with ``resources._base._drive`` into one
driver. A flow yields calls and pauses; :func:`drive_sync` / :func:`drive_async` send each call and
sleep each pause with the sleep function the caller chose (so tests count sleeps instead of waiting).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Generator
from dataclasses import dataclass
from typing import Any, TypeAlias, TypeVar

from ._call import Call
from ._errors import APIError

T = TypeVar("T")


@dataclass(frozen=True)
class Pause:
    """A flow step: wait ``seconds`` (a back-off or a poll interval) before the next call."""

    seconds: float


#: A flow that may pause: yields calls and pauses, receives call results (``None`` after a pause).
PausingFlow: TypeAlias = Generator["Call[Any] | Pause", Any, T]


def drive_sync(send: Callable[[Call[Any]], Any], flow: PausingFlow[T], sleep: Callable[[float], object]) -> T:
    """Run a pausing flow: send each call with ``send``, sleep each pause with ``sleep``."""
    try:
        step = next(flow)
        while True:
            if isinstance(step, Pause):
                sleep(step.seconds)
                step = flow.send(None)
                continue
            try:
                value = send(step)
            except APIError as error:
                step = flow.throw(error)
            else:
                step = flow.send(value)
    except StopIteration as stop:
        return stop.value  # type: ignore[no-any-return]


async def drive_async(
    send: Callable[[Call[Any]], Awaitable[Any]], flow: PausingFlow[T], sleep: Callable[[float], Awaitable[object]]
) -> T:
    """Async twin of :func:`drive_sync`."""
    try:
        step = next(flow)
        while True:
            if isinstance(step, Pause):
                await sleep(step.seconds)
                step = flow.send(None)
                continue
            try:
                value = await send(step)
            except APIError as error:
                step = flow.throw(error)
            else:
                step = flow.send(value)
    except StopIteration as stop:
        return stop.value  # type: ignore[no-any-return]
