"""Deciding when two schemas are "the same model", and combining them.

Two schemas are the same model when they agree on everything but their prose (``description``,
``title``, ``example``/``examples``): those are documentation, not shape. Combining keeps every
distinct description, so nothing published is lost.
"""

from __future__ import annotations

from typing import Any

from .document import NAME_MAPS
from .errors import SpecError

PROSE_KEYS = frozenset({"description", "title", "example", "examples"})


def shape(node: Any, *, names: bool = False) -> Any:
    """``node`` without its prose, for comparing two schemas' structure."""
    if isinstance(node, dict):
        return {
            k: shape(v, names=k in NAME_MAPS and not names) for k, v in node.items() if names or k not in PROSE_KEYS
        }
    if isinstance(node, list):
        return [shape(v) for v in node]
    return node


def combine(a: Any, b: Any, *, name: str, where_a: str, where_b: str) -> Any:
    """Return one schema standing for both ``a`` and ``b``; raise if their shapes differ.

    >>> combine({"type": "string", "description": "created"}, {"type": "string", "description": "updated"},
    ...         name="Id", where_a="a.yaml", where_b="b.yaml")
    {'type': 'string', 'description': 'created / updated'}
    """
    if shape(a) != shape(b):
        raise SpecError(
            f"two different schemas are both called {name!r}: one in {where_a}, another in {where_b}. "
            f"Give one of them another readable name in openapi/names.yaml (or, if they should be "
            f"one model, make the sources agree)."
        )
    return merge_prose(a, b)


def merge_prose(a: Any, b: Any, *, names: bool = False) -> Any:
    """``a`` with the descriptions of ``b`` (same shape) joined in; other prose and every ``$ref`` from ``a``."""
    if isinstance(a, dict) and isinstance(b, dict):
        out: dict[str, Any] = {}
        for key in [*a, *(k for k in b if k not in a)]:
            if key in a and key in b:
                if names:
                    out[key] = merge_prose(a[key], b[key])
                elif key == "description" and isinstance(a[key], str) and isinstance(b[key], str):
                    out[key] = _join_text(a[key], b[key])
                elif key in PROSE_KEYS:
                    out[key] = a[key]
                else:
                    out[key] = merge_prose(a[key], b[key], names=key in NAME_MAPS)
            else:
                out[key] = a[key] if key in a else b[key]
        return out
    if isinstance(a, list) and isinstance(b, list):
        return [merge_prose(x, y) for x, y in zip(a, b, strict=True)]
    return a


def _join_text(a: str, b: str) -> str:
    parts = [p for p in a.split(" / ")]
    for piece in b.split(" / "):
        if piece not in parts:
            parts.append(piece)
    return " / ".join(parts)
