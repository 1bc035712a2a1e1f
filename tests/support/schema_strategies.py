"""Hypothesis strategies for JSON values valid against the component schemas of ``openapi/prolific.yaml``.

Only what the document uses: ``$ref``, ``oneOf``/``anyOf``, ``enum``/``const``, ``type`` (one or a list
with ``"null"``), ``properties``/``required``, ``items``, and the string formats it names. Optional
properties are drawn or left out; lists hold at most two items, so recursive schemas stay small.
"""

from __future__ import annotations

import datetime
import functools
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml
from hypothesis import strategies as st

SPEC_PATH = Path(__file__).resolve().parents[2] / "openapi" / "prolific.yaml"
_REF = "#/components/schemas/"


@functools.cache
def document() -> dict[str, Any]:
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    with SPEC_PATH.open(encoding="utf-8") as handle:
        loaded: dict[str, Any] = yaml.load(handle, Loader=loader)
    return loaded


def schemas() -> dict[str, Any]:
    found: dict[str, Any] = document()["components"]["schemas"]
    return found


_TEXT = st.text(alphabet="abcXYZ_09 -", max_size=6)
_STRINGS = {
    "date-time": st.datetimes(timezones=st.just(datetime.UTC)).map(lambda d: d.isoformat()),
    "date": st.dates().map(lambda d: d.isoformat()),
    "uuid": st.uuids().map(str),
}
_JSON_LEAF = st.none() | st.booleans() | st.integers(-5, 5) | _TEXT


@functools.cache
def for_ref(name: str) -> st.SearchStrategy[Any]:
    """Values for the component schema ``name`` (deferred: schemas may refer to themselves)."""
    return st.deferred(lambda: for_schema(schemas()[name]))


def for_schema(schema: Any) -> st.SearchStrategy[Any]:
    if not isinstance(schema, dict) or not schema:
        return _JSON_LEAF
    if "$ref" in schema:
        return for_ref(schema["$ref"].removeprefix(_REF))
    if "const" in schema:
        return st.just(schema["const"])
    if "enum" in schema:
        return st.sampled_from(schema["enum"])
    for key in ("oneOf", "anyOf"):
        if key in schema:
            return st.one_of([for_schema(branch) for branch in schema[key]])
    kind = schema.get("type")
    if isinstance(kind, list):
        return st.one_of([for_schema({**schema, "type": k}) for k in kind])
    if kind == "null":
        return st.none()
    if kind == "boolean":
        return st.booleans()
    if kind == "integer":
        return st.integers(-1000, 10**6)
    if kind == "number":
        return st.integers(-100, 100) | st.floats(-1e6, 1e6, allow_nan=False, allow_infinity=False)
    if kind == "string":
        return _STRINGS.get(schema.get("format", ""), _TEXT)
    if kind == "array":
        return st.lists(for_schema(schema.get("items", {})), max_size=2)
    if kind == "object" or "properties" in schema:
        properties = schema.get("properties") or {}
        required = set(schema.get("required") or [])
        return st.fixed_dictionaries(
            {k: for_schema(v) for k, v in properties.items() if k in required},
            optional={k: for_schema(v) for k, v in properties.items() if k not in required},
        )
    return _JSON_LEAF


def _refs(schema: Any) -> Iterator[str]:
    if isinstance(schema, dict):
        if "$ref" in schema:
            yield schema["$ref"].removeprefix(_REF)
        for value in schema.values():
            yield from _refs(value)
    elif isinstance(schema, list):
        for value in schema:
            yield from _refs(value)


@functools.cache
def _closure(name: str) -> frozenset[str]:
    """The component schemas ``name`` refers to, directly or not (``name`` included)."""
    seen = {name}
    todo = [name]
    while todo:
        for ref in _refs(schemas()[todo.pop()]):
            if ref not in seen:
                seen.add(ref)
                todo.append(ref)
    return frozenset(seen)


def reaches(schema: Any, target: str) -> bool:
    """Whether a value of ``schema`` may hold a value of the component schema ``target``."""
    return any(target in _closure(ref) for ref in _refs(schema))


def containing(schema: Any, target: str, inject: st.SearchStrategy[Any], depth: int = 20) -> st.SearchStrategy[Any]:
    """Values of ``schema`` that hold at least one ``target`` value, each drawn from ``inject``.

    On the way to ``target`` every optional property that leads there is present, every list has an
    item, and only the branches of a union that lead there are taken; elsewhere values are drawn as
    usual.
    """
    if depth == 0 or (not reaches(schema, target) and schema.get("$ref") != f"{_REF}{target}"):
        return for_schema(schema)
    if "$ref" in schema:
        name = schema["$ref"].removeprefix(_REF)
        return inject if name == target else containing(schemas()[name], target, inject, depth - 1)
    for key in ("oneOf", "anyOf"):
        if key in schema:
            leading = [b for b in schema[key] if reaches(b, target) or b.get("$ref") == f"{_REF}{target}"]
            return st.one_of([containing(b, target, inject, depth - 1) for b in leading])
    kind = schema.get("type")
    if isinstance(kind, list):
        return containing({**schema, "type": next(k for k in kind if k != "null")}, target, inject, depth)
    if kind == "array":
        return st.lists(containing(schema["items"], target, inject, depth - 1), min_size=1, max_size=2)
    properties = schema.get("properties") or {}
    required = set(schema.get("required") or [])
    return st.fixed_dictionaries(
        {
            k: containing(v, target, inject, depth - 1) if reaches(v, target) or "$ref" in v else for_schema(v)
            for k, v in properties.items()
            if k in required or reaches(v, target) or v.get("$ref") == f"{_REF}{target}"
        },
        optional={k: for_schema(v) for k, v in properties.items() if k not in required and not reaches(v, target)},
    )


def tag_of(union: str) -> tuple[str, dict[str, str]] | None:
    """A tagged union's tag: the property every variant requires as a one-value enum, and variant -> value.

    ``None`` when ``union`` is not such a union (a ``oneOf``/``anyOf`` of two or more objects).
    """
    branches = [
        b.get("$ref", "").removeprefix(_REF)
        for b in schemas()[union].get("oneOf") or schemas()[union].get("anyOf") or []
    ]
    if len(branches) < 2 or not all(branches):
        return None

    def tags(name: str) -> dict[str, str]:
        schema = schemas()[name]
        found = {}
        for key, prop in (schema.get("properties") or {}).items():
            while "$ref" in prop:
                prop = schemas()[prop["$ref"].removeprefix(_REF)]
            if key in (schema.get("required") or []) and len(prop.get("enum") or []) == 1:
                found[key] = prop["enum"][0]
        return found

    per_branch = [tags(b) for b in branches]
    for key in per_branch[0]:
        values = [t.get(key) for t in per_branch]
        if None not in values and len(set(values)) == len(values):
            return key, dict(zip(branches, values, strict=True))
    return None
