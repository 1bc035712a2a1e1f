"""Deprecated method names: an old name that warns and calls the method that replaced it.

A renamed public method keeps working under its old name for a while (CONTRIBUTING.md, "Naming
rule for client methods"); the old names are listed in CHANGELOG.md under ``### Deprecated``.
"""

from __future__ import annotations

import functools
import inspect
import warnings
from collections.abc import Callable
from typing import Any, TypeVar, cast

F = TypeVar("F", bound=Callable[..., Any])


def deprecated_alias(method: F, old_name: str) -> F:
    """``method`` under its old name: calling it warns (``DeprecationWarning``), then calls the method.

    Written in the class body, after the method: ``list = deprecated_alias(list_groups, "list")``.
    The method is looked up on the instance at each call (a subclass's override is the one
    called). A coroutine function gives a coroutine function (the warning comes when it is
    awaited), so the async twin keeps its kind. The alias carries PEP 702's ``__deprecated__``
    (the message), which tests/unit/test_naming.py reads to tell an old name from a method.
    """
    new_name = method.__name__
    message = f"{old_name}() is deprecated, use {new_name}() (it takes the same arguments)"
    alias: Callable[..., Any]
    if inspect.iscoroutinefunction(method):

        async def alias(self: Any, /, *args: Any, **kwargs: Any) -> Any:
            warnings.warn(message, DeprecationWarning, stacklevel=2)
            return await getattr(self, new_name)(*args, **kwargs)

    else:

        def alias(self: Any, /, *args: Any, **kwargs: Any) -> Any:
            warnings.warn(message, DeprecationWarning, stacklevel=2)
            return getattr(self, new_name)(*args, **kwargs)

    functools.update_wrapper(alias, method)  # the signature help() and inspect show is the method's
    alias.__name__ = old_name
    alias.__qualname__ = f"{method.__qualname__.rpartition('.')[0]}.{old_name}".lstrip(".")
    alias.__doc__ = f"Deprecated old name of :meth:`{new_name}` (calls it, with a ``DeprecationWarning``)."
    alias.__deprecated__ = message  # type: ignore[union-attr]
    return cast(F, alias)
