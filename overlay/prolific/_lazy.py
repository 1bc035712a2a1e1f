"""Names a package exports but loads on first use (PEP 562), so that importing it stays cheap.

One implementation for ``prolific`` and every domain package: each keeps a table of name → the
module (relative to the package) that defines it, and sets ``__getattr__ = lazy_loader(...)``.

>>> import types
>>> package = types.ModuleType("demo")
>>> loader = lazy_loader("json", {"dumps": ".decoder"}, vars(package))
>>> loader("nothing")
Traceback (most recent call last):
...
AttributeError: module 'json' has no attribute 'nothing'
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping, MutableMapping
from typing import Any


def lazy_loader(package: str, table: Mapping[str, str], namespace: MutableMapping[str, Any]) -> Callable[[str], Any]:
    """A module ``__getattr__`` for ``package``: imports the module ``table`` names for a name on first use.

    The value is stored in ``namespace`` (the package's globals), so the next lookup is a plain
    attribute read and this function is not called again for that name.
    """

    def load(name: str) -> Any:
        module = table.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(module, package), name)
        namespace[name] = value
        return value

    return load
