"""Identical shapes → one model.

Fern publishes one copy of a schema per place it is used: the whole-API document has 49 groups of
identical schemas (183 schemas), e.g. 17 copies of the study filters union. Two schemas are the
same model when they agree on everything but prose (``description``, ``title``, examples) *and*
the schemas they refer to are the same models in turn, so copies that differ only in which copy
of a nested schema they point at fold too (cycles included).
"""

from __future__ import annotations

import json
from typing import Any

from .combine import merge_prose, shape
from .document import REF_PREFIX, Document, ref_name, rewrite_refs, schemas_of, walk


def _key(schema: Any, group: dict[str, int]) -> str:
    """The schema's shape with every local reference replaced by the group of its target."""
    stripped = shape(schema)
    for node in walk(stripped):
        name = ref_name(node)
        if name is not None and name in group:
            node["$ref"] = f"group:{group[name]}"
    return json.dumps(stripped, sort_keys=True)


def _free_form(schema: Any) -> bool:
    """``{type: object}`` with no properties: "any object", which says nothing about what it is.

    Two of them are not the same model: the 204 body of one operation and a map of retention
    figures elsewhere would share a name that fits one of them.
    """
    if not isinstance(schema, dict) or schema.get("type") != "object":
        return False
    stripped = shape(schema)
    structural = set(stripped) - {"type", "properties", "additionalProperties"}
    values = stripped.get("additionalProperties")
    return not structural and not stripped.get("properties") and values in (None, True, {})


def identical_groups(schemas: dict[str, Any]) -> list[list[str]]:
    """Names of the component schemas that are the same model, in groups of two or more (sorted).

    Partition refinement: start with one group, split by shape (references by the group of their
    target) until no group splits; what stays together is the largest set of schemas that cannot be
    told apart. Free-form objects never fold (see :func:`_free_form`).

    >>> schemas = {
    ...     "A": {"type": "object", "properties": {"x": {"$ref": "#/components/schemas/B"}}},
    ...     "C": {"type": "object", "properties": {"x": {"$ref": "#/components/schemas/D"}}},
    ...     "B": {"type": "string", "description": "one"},
    ...     "D": {"type": "string", "description": "two"},
    ... }
    >>> identical_groups(schemas)
    [['A', 'C'], ['B', 'D']]
    """
    names = sorted(name for name in schemas if not _free_form(schemas[name]))
    group = dict.fromkeys(names, 0)
    count = 1
    while True:
        ids: dict[tuple[int, str], int] = {}
        fresh = {name: ids.setdefault((group[name], _key(schemas[name], group)), len(ids)) for name in names}
        group = fresh
        if len(ids) == count:
            break
        count = len(ids)
    members: dict[int, list[str]] = {}
    for name in names:
        members.setdefault(group[name], []).append(name)
    return sorted(m for m in members.values() if len(m) > 1)


def fold_identical(doc: Document) -> dict[str, list[str]]:
    """Keep one schema per group of identical ones; return ``{kept name: every member's name}``.

    The kept schema is the group's first name (in sort order; the naming stage decides what it is
    finally called). Prose is combined as when two sources publish one schema: every distinct
    description is kept (joined with " / "), so nothing published is lost. Every reference to a
    member points at the kept one afterwards.
    """
    schemas = schemas_of(doc)
    folded: dict[str, list[str]] = {}
    renames: dict[str, str] = {}
    for members in identical_groups(schemas):
        kept = members[0]
        for other in members[1:]:
            schemas[kept] = merge_prose(schemas[kept], schemas[other])
        for other in members[1:]:
            renames[other] = kept
            del schemas[other]
        folded[kept] = members
    rewrite_refs(doc, renames)
    return folded


__all__ = ["REF_PREFIX", "fold_identical", "identical_groups"]
