"""Enums: Fern's object-valued enums, and enums the server may extend (kept open in responses)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from .document import Document, operations, ref_name, resolve, schema_nodes, walk
from .errors import SpecError


def fix_object_enums(doc: Document) -> Document:
    """Enums written as objects (``- value: ADD_TO_PARTICIPANT_GROUP``) → plain string enums.

    A per-value ``description`` that Fern puts next to ``value`` is kept, appended to the schema's
    description. openapi-spec-validator accepts the object form; the generator silently drops
    the schema and everything that refers to it.
    """
    for node in walk(doc):
        values = node.get("enum")
        if not isinstance(values, list) or not any(isinstance(v, dict) for v in values):
            continue
        plain: list[Any] = []
        notes: list[str] = []
        for index, value in enumerate(values):
            if isinstance(value, dict):
                if "value" not in value:
                    raise SpecError(f"enum item {index} is an object without `value`: {value!r}")
                plain.append(value["value"])
                if isinstance(value.get("description"), str) and value["description"].strip():
                    notes.append(f"`{value['value']}`: {value['description'].strip()}")
            else:
                plain.append(value)
        node["enum"] = plain
        if notes:
            text = "; ".join(notes)
            node["description"] = f"{node['description']} {text}" if node.get("description") else text
    return doc


def is_string_enum(schema: Any) -> bool:
    """A ``type: string`` schema with an ``enum`` list (nullable string enums included)."""
    if not isinstance(schema, dict) or not isinstance(schema.get("enum"), list):
        return False
    kind = schema.get("type")
    return kind == "string" or (isinstance(kind, list) and "string" in kind and set(kind) <= {"string", "null"})


def _response_schema_nodes(doc: Document) -> Iterator[dict[str, Any]]:
    """Every schema mapping reachable from a response: inline ones and referenced components."""
    schemas = (doc.get("components") or {}).get("schemas") or {}
    pending: list[Any] = []
    for _path, _method, op in operations(doc):
        for response in (op.get("responses") or {}).values():
            content = response.get("content") if isinstance(response, dict) else None
            for media in (content or {}).values() if isinstance(content, dict) else ():
                if isinstance(media, dict) and "schema" in media:
                    pending.append(media["schema"])
    seen: set[str] = set()
    while pending:
        for node in schema_nodes(pending.pop()):
            yield node
            name = ref_name(node)
            if name is not None and name not in seen and name in schemas:
                seen.add(name)
                pending.append(schemas[name])


_OPEN = {"type": "string"}


def _open(slot: dict[str, Any], enum_names: set[str]) -> None:
    """Make the enum in ``slot`` (a property or items schema) accept any string too."""
    name = ref_name(slot)
    if name in enum_names:
        slot["anyOf"] = [{"$ref": slot.pop("$ref")}, dict(_OPEN)]
        return
    if is_string_enum(slot) and "anyOf" not in slot and "oneOf" not in slot:
        kind = slot.pop("type")
        enum_schema = {"type": "string", "enum": slot.pop("enum")}
        nullable = isinstance(kind, list) and "null" in kind
        if None in enum_schema["enum"]:
            enum_schema["enum"] = [v for v in enum_schema["enum"] if v is not None]
            nullable = True
        slot["anyOf"] = [enum_schema, dict(_OPEN), *([{"type": "null"}] if nullable else [])]
        return
    for key in ("anyOf", "oneOf"):
        options = slot.get(key)
        if not isinstance(options, list):
            continue
        enums = [o for o in options if ref_name(o) in enum_names or is_string_enum(o)]
        if not enums or any(o == _OPEN for o in options):
            continue  # nothing to open, or already open
        for option in enums:
            if is_string_enum(option) and isinstance(option.get("type"), list):
                option["type"] = "string"  # the union's own null option says nullable
                if None in option["enum"]:
                    option["enum"] = [v for v in option["enum"] if v is not None]
                    if {"type": "null"} not in options:
                        options.append({"type": "null"})
        # Before a null option, so the generated union reads `Enum | str | None`.
        at = next((i for i, o in enumerate(options) if o == {"type": "null"}), len(options))
        options.insert(at, dict(_OPEN))


def _union_options(doc: Document) -> set[int]:
    """``id()`` of every schema that is an option of a ``oneOf``/``anyOf`` (followed through one ref)."""
    found: set[int] = set()
    for node in walk(doc):
        for key in ("oneOf", "anyOf"):
            for option in node.get(key) or [] if isinstance(node.get(key), list) else []:
                target = resolve(doc, option)
                if isinstance(target, dict):
                    found.add(id(target))
    return found


def _is_tag(doc: Document, prop: Any) -> bool:
    """A one-value enum property: in a union option, it is what tells the options apart."""
    target = resolve(doc, prop)
    values = target.get("enum") if isinstance(target, dict) else None
    return isinstance(values, list) and len(values) == 1


def open_response_enums(doc: Document) -> Document:
    """A returned string enum → ``anyOf: [the enum, string]``, also inside unions and when nullable.

    Prolific adds enum values over time (``StudyStatus`` gained ``PUBLISHING``, and a client whose
    strict enums raised broke). Values the server *returns* must not crash parsing, so a returned
    value the enum does not know yet is kept as a plain string; every published value stays
    listed in the enum. A ``$ref`` to an enum component, an inline ``type: string, enum: [...]``,
    a nullable one, and enum options of a ``oneOf``/``anyOf`` (``[Enum, null]``, ``[EnumA, EnumB]``)
    are all opened, in properties and in array items. Request-only enums stay strict (we only send
    values we know), and so does a one-value enum in a union option (``type: image``): the generated
    parser tries each option in turn, and an open tag would let the first option take every value.
    """
    schemas = (doc.get("components") or {}).get("schemas") or {}
    enum_names = {name for name, schema in schemas.items() if is_string_enum(schema)}
    options = _union_options(doc)
    slots: list[dict[str, Any]] = []
    for node in _response_schema_nodes(doc):
        props = node.get("properties")
        for prop in props.values() if isinstance(props, dict) else ():
            if isinstance(prop, dict) and not (id(node) in options and _is_tag(doc, prop)):
                slots.append(prop)
        items = node.get("items")
        if isinstance(items, dict):
            slots.append(items)
    seen: set[int] = set()
    for slot in slots:
        if id(slot) not in seen:
            seen.add(id(slot))
            _open(slot, enum_names)
    return doc
