"""What of a schema matters to a client: references followed, ``allOf`` folded, null variants read as nullable."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..document import Document
from ..document import ref_name as _ref_name


def _deref(doc: Document, node: Any, limit: int = 32) -> Any:
    """Follow a local ``$ref`` chain; keys next to a ``$ref`` win over the target's (OpenAPI 3.1)."""
    seen = 0
    while isinstance(node, dict) and isinstance(node.get("$ref"), str) and node["$ref"].startswith("#/"):
        target = _pointer(doc, node["$ref"])
        seen += 1
        if target is None or seen > limit:
            return node
        siblings = {k: v for k, v in node.items() if k not in ("$ref", "description", "summary")}
        node = {**target, **siblings} if siblings else target
    return node


def _pointer(doc: Document, ref: str) -> Any:
    node: Any = doc
    for part in ref[2:].split("/"):
        part = part.replace("~1", "/").replace("~0", "~")
        if not isinstance(node, dict) or part not in node:
            return None
        node = node[part]
    return node


@dataclass
class _View:
    """What of a schema matters to a client, with references, ``allOf`` and null variants folded in."""

    types: frozenset[str] = frozenset()  # JSON types without "null"; empty: any
    nullable: bool = False
    format: str | None = None
    properties: dict[str, Any] = field(default_factory=dict)
    required: frozenset[str] = frozenset()
    items: Any = None
    additional: Any = None  # a schema mapping for additionalProperties, else None
    enum: list[Any] | None = None
    variants: list[Any] | None = None
    variant_kind: str | None = None  # "oneOf" / "anyOf"
    discriminator: str | None = None
    ref: str | None = None
    title: str | None = None

    def type_label(self) -> str:
        if self.variants is not None:
            base = self.variant_kind or "oneOf"
        elif self.types:
            base = " | ".join(sorted(self.types))
        else:
            base = "any"
        return base

    def shape(self) -> tuple[Any, ...]:
        return (self.types, self.variants is not None)


def _is_null_schema(node: Any) -> bool:
    if not isinstance(node, dict):
        return False
    kind = node.get("type")
    return kind == "null" or kind == ["null"] or node.get("enum") == [None]


def _view(doc: Document, node: Any, depth: int = 0) -> _View:
    ref = _ref_name(node)
    node = _deref(doc, node)
    if not isinstance(node, dict):
        return _View(ref=ref)
    view = _View(ref=ref, title=node.get("title") if isinstance(node.get("title"), str) else None)
    if depth < 16 and isinstance(node.get("allOf"), list):
        for part in node["allOf"]:
            _fold(view, _view(doc, part, depth + 1))
    variants_key = next((k for k in ("oneOf", "anyOf") if isinstance(node.get(k), list)), None)
    if variants_key:
        options = node[variants_key]
        real = [v for v in options if not _is_null_schema(v)]
        view.nullable |= len(real) != len(options)
        if len(real) == 2 and depth < 16 and not node.get("properties"):
            real = _open_enum(doc, real, depth) or real
        if len(real) == 1 and depth < 16 and not node.get("properties"):
            inner = _view(doc, real[0], depth + 1)
            inner.nullable |= view.nullable
            inner.ref = inner.ref or ref
            _fold(view, inner)
        else:
            view.variants, view.variant_kind = real, variants_key
            disc = node.get("discriminator")
            if isinstance(disc, dict) and isinstance(disc.get("propertyName"), str):
                view.discriminator = disc["propertyName"]
    kind = node.get("type")
    types = (
        {kind}
        if isinstance(kind, str)
        else {t for t in kind if isinstance(t, str)}
        if isinstance(kind, list)
        else set()
    )
    if node.get("nullable") is True or "null" in types:
        view.nullable = True
    types.discard("null")
    if isinstance(node.get("format"), str):
        view.format = node["format"]
    if isinstance(node.get("properties"), dict):
        view.properties = {**view.properties, **node["properties"]}
    if isinstance(node.get("required"), list):
        view.required = view.required | {r for r in node["required"] if isinstance(r, str)}
    if "items" in node:
        view.items = node["items"]
    if isinstance(node.get("additionalProperties"), dict):
        view.additional = node["additionalProperties"]
    values = node["enum"] if isinstance(node.get("enum"), list) else [node["const"]] if "const" in node else None
    if values is not None:
        view.nullable |= None in values
        view.enum = [v for v in values if v is not None]
    if not types and view.variants is None:
        if view.properties or view.additional is not None:
            types = {"object"}
        elif view.items is not None:
            types = {"array"}
        elif view.enum:
            inferred = {_json_type(v) for v in view.enum}
            types = inferred if len(inferred) == 1 else set()
    if types:
        view.types = frozenset(types)
    return view


def _open_enum(doc: Document, options: list[Any], depth: int) -> list[Any] | None:
    """``anyOf: [<string enum>, {type: string}]`` (an enum open to new values) → just the enum.

    It reads the same as the enum for a client (known values listed, others kept), and it is how
    the pipeline opens response enums (``clean.open_response_enums``): a published document and
    its cleaned form then compare equal there.
    """
    views = [_view(doc, option, depth + 1) for option in options]
    plain = [i for i, v in enumerate(views) if v.types == {"string"} and v.enum is None and not v.format]
    enums = [i for i, v in enumerate(views) if v.enum is not None and v.types <= {"string"} and v.variants is None]
    if len(plain) == 1 and len(enums) == 1:
        return [options[enums[0]]]
    return None


def _json_type(value: Any) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, (list, tuple)):
        return "array"
    if isinstance(value, dict):
        return "object"
    return "string"


def _fold(into: _View, part: _View) -> None:
    """``allOf``: properties and required names add up; the first part that names a type gives it."""
    into.properties = {**into.properties, **part.properties}
    into.required = into.required | part.required
    into.types = into.types or part.types
    into.format = into.format or part.format
    into.nullable = into.nullable or part.nullable
    into.items = into.items if into.items is not None else part.items
    into.additional = into.additional if into.additional is not None else part.additional
    into.enum = into.enum if into.enum is not None else part.enum
    if into.variants is None and part.variants is not None:
        into.variants, into.variant_kind, into.discriminator = part.variants, part.variant_kind, part.discriminator
    into.ref = into.ref or part.ref
    into.title = into.title or part.title


def _pure_ref(node: Any) -> str | None:
    """The ``$ref`` of a node that is only a reference (a description beside it changes nothing)."""
    if isinstance(node, dict) and isinstance(node.get("$ref"), str) and set(node) <= {"$ref", "description", "title"}:
        return str(node["$ref"])
    return None
