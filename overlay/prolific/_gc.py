"""One pause of the cyclic garbage collector, for code that builds many objects that cannot form cycles."""

from __future__ import annotations

import gc
from types import TracebackType


class GCPaused:
    """``with GCPaused():`` the cyclic GC is off for the block, then back to how it was.

    Lists and tuples of strings (a million credentials, a report's rows) cannot form cycles, but
    each allocation batch would trigger a collection walking every live object: most of the time
    of a million-row parse. A class, not ``contextlib.contextmanager``: it also wraps the check of a
    two-line input, where a generator-based context manager would cost more than the check.
    Nested pauses leave the GC as the outermost found it.
    """

    __slots__ = ("_enabled",)

    def __enter__(self) -> None:
        self._enabled = gc.isenabled()
        gc.disable()

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        if self._enabled:
            gc.enable()
