"""Transforms by defect class: what a next release can bring in a new place, fixed wherever it is.

``clean.py``'s transforms were fitted to the defects of one document (its tags, its auth header,
its error shapes). The ones here each fix a *class* of defect that openapi-python-client refuses
or misreads, wherever in a document it appears: a property, a union branch, a response, a
parameter, a component. Each is listed in :data:`clean.TRANSFORMS`; each leaves a document without
its defect unchanged (so today's sources build to the same bytes), and each changes only what its
docstring says. Where a fix drops or invents something the published document says (a ``required``
name, an ``operationId``), it leaves a note that the build prints.

:func:`defect_at` names the class of a defect at a schema node; the build's failure report
(``report.py``) uses it to say what the root cause of a generator warning is.
"""

from __future__ import annotations

import contextlib
import copy
import re
from collections.abc import Iterator
from contextvars import ContextVar
from http import HTTPStatus
from typing import Any

from .document import (
    NAME_MAPS,
    SCHEMA_KEYS,
    SCHEMA_LISTS,
    Document,
    operation_schemas,
    operations,
    resolve,
    schema_nodes,
)

# Keywords that say nothing about what a value may be.
PROSE = frozenset({"description", "title", "example", "examples", "default", "deprecated", "readOnly", "writeOnly"})

_NOTES: ContextVar[list[str] | None] = ContextVar("prolific_spec_defect_notes", default=None)


@contextlib.contextmanager
def collect_notes() -> Iterator[list[str]]:
    """Collect the notes the transforms leave while the block runs (``clean_document`` uses it).

    >>> with collect_notes() as notes:
    ...     _ = drop_unknown_required({"components": {"schemas": {"A": {
    ...         "type": "object", "properties": {}, "required": ["x"]}}}})
    >>> notes
    ['components/schemas/A: `required` names x, which is not among its properties: dropped from `required`']
    """
    notes: list[str] = []
    token = _NOTES.set(notes)
    try:
        yield notes
    finally:
        _NOTES.reset(token)


def _note(text: str) -> None:
    notes = _NOTES.get()
    if notes is not None:
        notes.append(text)


# --- where the schemas are -----------------------------------------------------------------------


def schema_tree(node: Any, pointer: str) -> Iterator[tuple[str, dict[str, Any]]]:
    """``(pointer, schema)`` for ``node`` and every schema nested in it (property names never read as keywords)."""
    stack = [(pointer, node)]
    while stack:
        where, current = stack.pop()
        if not isinstance(current, dict):
            continue
        yield where, current
        nested: list[tuple[str, Any]] = []
        for key in sorted(NAME_MAPS):
            mapping = current.get(key)
            if isinstance(mapping, dict):
                nested += [(f"{where}/{key}/{_escape(name)}", value) for name, value in mapping.items()]
        for key in SCHEMA_KEYS:
            nested.append((f"{where}/{key}", current.get(key)))
        for key in SCHEMA_LISTS:
            options = current.get(key)
            if isinstance(options, list):
                nested += [(f"{where}/{key}/{i}", option) for i, option in enumerate(options)]
        stack.extend(reversed(nested))


def _escape(name: str) -> str:
    return str(name).replace("~", "~0").replace("/", "~1")


def schema_places(doc: Document) -> Iterator[tuple[str, dict[str, Any]]]:
    """Every schema of the document with its JSON pointer (without ``#/``): components, parameters, bodies."""
    for name, schema in ((doc.get("components") or {}).get("schemas") or {}).items():
        yield from schema_tree(schema, f"components/schemas/{_escape(name)}")
    for path, method, op in operations(doc):
        base = f"paths/{_escape(path)}/{method}"
        for i, param in enumerate(op.get("parameters") or []):
            if isinstance(param, dict):
                yield from schema_tree(param.get("schema"), f"{base}/parameters/{i}/schema")
        holders = [("requestBody", op.get("requestBody"))]
        holders += [(f"responses/{s}", r) for s, r in (op.get("responses") or {}).items()]
        for where, holder in holders:
            content = holder.get("content") if isinstance(holder, dict) else None
            for media, entry in (content or {}).items() if isinstance(content, dict) else ():
                if isinstance(entry, dict):
                    yield from schema_tree(entry.get("schema"), f"{base}/{where}/content/{_escape(media)}/schema")


def schemas_in(doc: Document) -> list[dict[str, Any]]:
    """Every schema of the document (as :func:`schema_places`, without the pointers: the transforms' fast walk)."""
    roots = list(((doc.get("components") or {}).get("schemas") or {}).values())
    roots += [schema for _p, _m, op in operations(doc) for schema in operation_schemas(op)]
    return [node for root in roots for node in schema_nodes(root)]


def readable(pointer: str) -> str:
    """A schema pointer as a person reads it.

    >>> readable("components/schemas/ErrorDetail/properties/detail/anyOf/1")
    'ErrorDetail.detail anyOf branch 2'
    >>> readable("paths/~1api~1v1~1things~1/get/responses/200/content/application~1json/schema/items")
    'GET /api/v1/things/ response 200 items'
    """
    parts = [p.replace("~1", "/").replace("~0", "~") for p in pointer.split("/")]
    out = ""
    if parts[:2] == ["components", "schemas"] and len(parts) > 2:
        out, rest = parts[2], parts[3:]
    elif parts[:1] == ["paths"] and len(parts) > 2:
        out, rest = f"{parts[2].upper()} {parts[1]}", parts[3:]
        if rest[:1] == ["responses"] and len(rest) > 1:
            out, rest = f"{out} response {rest[1]}", rest[2:]
        elif rest[:1] == ["requestBody"]:
            out, rest = f"{out} request body", rest[1:]
        elif rest[:1] == ["parameters"] and len(rest) > 1:
            out, rest = f"{out} parameter {int(rest[1]) + 1}", rest[2:]
        if rest[:1] == ["content"]:
            rest = rest[2:]
        if rest[:1] == ["schema"]:
            rest = rest[1:]
    else:
        return pointer
    i = 0
    while i < len(rest):
        key = rest[i]
        if key in NAME_MAPS and i + 1 < len(rest):
            out += f".{rest[i + 1]}"
            i += 2
        elif key in SCHEMA_LISTS and i + 1 < len(rest) and rest[i + 1].isdigit():
            out += f" {key} branch {int(rest[i + 1]) + 1}"
            i += 2
        else:
            out += f" {key}"
            i += 1
    return out


# --- the classes ---------------------------------------------------------------------------------


def _types(schema: dict[str, Any]) -> list[Any]:
    kind = schema.get("type")
    return kind if isinstance(kind, list) else [kind] if kind is not None else []


def _is_array_with_properties(schema: dict[str, Any]) -> bool:
    return "array" in _types(schema) and isinstance(schema.get("properties"), dict) and "items" not in schema


def _is_array_without_items(schema: dict[str, Any]) -> bool:
    return "array" in _types(schema) and "items" not in schema and "prefixItems" not in schema


def _says_nothing(schema: Any) -> bool:
    return isinstance(schema, dict) and not (set(schema) - PROSE)


def defect_at(schema: Any) -> str | None:
    """The defect class of one schema node (not of what it nests), as the failure report words it; or None."""
    if not isinstance(schema, dict):
        return None
    if _is_array_with_properties(schema):
        return "`type: array` with `properties` (an object labelled as an array)"
    if _is_array_without_items(schema):
        return "array without `items`"
    if "nullable" in schema:
        return "OpenAPI 3.0 `nullable` in a 3.1 document"
    if isinstance(schema.get("enum"), list) and None in schema["enum"] and "null" not in _types(schema):
        return "`null` in an `enum` whose type does not allow null"
    for key in ("oneOf", "anyOf"):
        if any(_says_nothing(option) for option in schema.get(key) or []):
            return f"an empty schema `{{}}` as a {key} branch"
    props = schema.get("properties")
    if isinstance(props, dict) and any(n not in props for n in schema.get("required") or []):
        return "a `required` name that is not among the properties"
    return None


def array_with_properties_to_object(doc: Document) -> Document:
    """``type: array`` with ``properties`` and no ``items`` → ``type: object``: an object labelled as an array.

    An earlier release published ``StudyAccessDetailsProgress`` so; the generator refuses it ("type
    array must have items") and drops the schema and every operation that returns it. The
    properties say what the value is; ``null``, if the type allowed it, stays allowed.
    """
    for schema in schemas_in(doc):
        if _is_array_with_properties(schema):
            kinds = ["object" if k == "array" else k for k in _types(schema)]
            schema["type"] = kinds[0] if len(kinds) == 1 else kinds
    return doc


def array_items_any(doc: Document) -> Document:
    """An array without ``items`` (a property, a union branch, a response, a parameter) → items of any type.

    JSON Schema reads a missing ``items`` as "anything"; openapi-python-client refuses it ("type
    array must have items"), and the refusal spreads: ``ErrorDetail.detail``'s list branch without
    items dropped ``ErrorDetail``, then ``Error``, then every operation's error responses (197
    warnings). ``items: {}`` says what the document meant.
    """
    for schema in schemas_in(doc):
        if _is_array_without_items(schema):
            schema["items"] = {}
    return doc


def nullable_keyword_to_type(doc: Document) -> Document:
    """OpenAPI 3.0's ``nullable: true`` → ``null`` in the type (3.1's spelling); ``nullable: false`` goes.

    The merged document is 3.1, where ``nullable`` means nothing: the generator ignores it, so a
    null from the server crashes the parser. A ``$ref`` or union with ``nullable: true`` becomes a
    union with ``{type: 'null'}``; an enum gains ``None`` among its values.
    """
    for schema in schemas_in(doc):
        if "nullable" not in schema:
            continue
        if schema.pop("nullable") is not True:
            continue
        _allow_null(schema)
    return doc


def _allow_null(schema: dict[str, Any]) -> None:
    kinds = _types(schema)
    if isinstance(schema.get("enum"), list) and None not in schema["enum"]:
        schema["enum"].append(None)
    if kinds:
        if "null" not in kinds:
            schema["type"] = [*kinds, "null"]
        return
    for key in ("oneOf", "anyOf"):
        if isinstance(schema.get(key), list):
            if {"type": "null"} not in schema[key]:
                schema[key].append({"type": "null"})
            return
    shape = {k: schema.pop(k) for k in list(schema) if k not in PROSE}
    if shape:  # a $ref, an allOf, an enum without a type: the value or null
        schema["anyOf"] = [shape, {"type": "null"}]


def null_enum_nullable(doc: Document) -> Document:
    """``null`` among an enum's values → a nullable enum (``null`` added to its ``type``).

    A published ``enum: [A, B, null]`` with ``type: string`` contradicts itself: the generator
    makes ``None`` a member it cannot write, or refuses the mixed values. Typed as ``[string,
    'null']`` it is what the document meant: one of the values, or null. Without a type, the type
    of the other values is taken.
    """
    for schema in schemas_in(doc):
        values = schema.get("enum")
        if not isinstance(values, list) or None not in values:
            continue
        kinds = _types(schema)
        if not kinds:
            seen = {_json_type(v) for v in values if v is not None}
            kinds = sorted(seen) if seen else []
        if "null" not in kinds:
            kinds = [*kinds, "null"]
        schema["type"] = kinds[0] if len(kinds) == 1 else kinds
    return doc


def _json_type(value: Any) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    return "string" if isinstance(value, str) else "object"


def drop_unknown_required(doc: Document) -> Document:
    """A ``required`` name that is not among an object's properties → dropped from ``required``, with a note.

    The generator cannot make a required field of a property nobody declared (a renamed or removed
    field the ``required`` list still names). Objects composed with ``allOf`` are left alone: their
    ``required`` may name the members' properties. The note names the schema and the field.
    """
    if not any(_unknown_required(schema) for schema in schemas_in(doc)):
        return doc  # the usual case: no pointers to build
    for where, schema in list(schema_places(doc)):
        unknown = _unknown_required(schema)
        if not unknown:
            continue
        props = schema.get("properties") or {}
        kept = [n for n in schema["required"] if n in props]
        if kept:
            schema["required"] = kept
        else:
            del schema["required"]
        _note(
            f"{where}: `required` names {', '.join(map(str, unknown))}, which is not among its properties: "
            "dropped from `required`"
        )
    return doc


def _unknown_required(schema: dict[str, Any]) -> list[Any]:
    """The ``required`` names of an object that are not among its properties (none for ``allOf`` objects)."""
    props = schema.get("properties")
    required = schema.get("required")
    if not isinstance(required, list) or "allOf" in schema:
        return []
    if not isinstance(props, dict):
        if "object" not in _types(schema) or "additionalProperties" in schema:
            return []
        props = {}
    return [n for n in required if n not in props]


def empty_union_branch_any(doc: Document) -> Document:
    """An empty schema (``{}``, or prose only) as a ``oneOf``/``anyOf`` branch → the union is any value.

    A branch that accepts anything makes the whole union accept anything; the generator refuses the
    empty branch ("Invalid property in union") and drops the schema with everything that uses it.
    The union's own prose (description, title) stays.
    """
    for schema in schemas_in(doc):
        for key in ("oneOf", "anyOf"):
            options = schema.get(key)
            if isinstance(options, list) and any(_says_nothing(option) for option in options):
                del schema[key]
                schema.pop("discriminator", None)
    return doc


def overlapping_one_of(doc: Document) -> Document:
    """A ``oneOf`` whose branches cannot exclude each other → ``anyOf``: what the document means.

    Two shapes, each seen in Prolific's document: a ``type: integer`` and a ``type: number``
    branch (JSON Schema counts every integer as a number, so ``oneOf: [integer, number]`` refuses
    each integer: the bounds of a range filter, ``"lower": 18``), and branches that are all
    objects requiring no property and closing none (``FilterListResult``: a select filter matches
    the range filter's schema too, so every answer of ``get-filters`` breaks it). A ``oneOf`` with a
    ``discriminator`` is left alone. The generator reads ``oneOf`` and ``anyOf`` as the same union.
    """
    for schema in schemas_in(doc):
        options = schema.get("oneOf")
        if not isinstance(options, list) or "discriminator" in schema:
            continue
        branches = [resolve(doc, option) for option in options]
        types = {branch.get("type") for branch in branches if isinstance(branch, dict)}
        if {"integer", "number"} <= types or (len(branches) > 1 and all(_open_object(b) for b in branches)):
            items = list(schema.items())  # renamed in place: the keys keep their order
            schema.clear()
            schema.update(("anyOf" if key == "oneOf" else key, value) for key, value in items)
    return doc


def _open_object(schema: Any) -> bool:
    """An object schema that any object with none of its properties satisfies (no ``required``, not closed)."""
    return (
        isinstance(schema, dict)
        and schema.get("type") == "object"
        and not schema.get("required")
        and schema.get("additionalProperties", True) is not False
        and not any(key in schema for key in ("oneOf", "anyOf", "allOf", "not", "minProperties"))
    )


_PATH_WORD = re.compile(r"[A-Za-z0-9]+")


def derived_operation_id(method: str, path: str) -> str:
    """The rule for an operation published without ``operationId``: the method, then the path's words.

    The ``/api/vN`` prefix is left out and a path parameter ``{id}`` reads ``by-id``; words are
    kebab case, as the document's own ids are.

    >>> derived_operation_id("get", "/api/v1/studies/{study_id}/submissions/")
    'get-studies-by-study-id-submissions'
    """
    segments = [s for s in path.strip("/").split("/") if s]
    if len(segments) >= 2 and segments[0] == "api" and re.fullmatch(r"v\d+", segments[1]):
        segments = segments[2:]
    out = [method.lower()]
    for segment in segments:
        found = [w.lower() for w in _PATH_WORD.findall(re.sub(r"([a-z0-9])([A-Z])", r"\1-\2", segment))]
        out += ["by", *found] if segment.startswith("{") else found
    return "-".join(out)


def derive_operation_ids(doc: Document) -> Document:
    """An operation without ``operationId`` → one derived from its method and path (:func:`derived_operation_id`).

    The generator names the function after the id and needs one; the overrides and names tables
    key on it too. The note says which id was made, so a table entry can use it.
    """
    for path, method, op in operations(doc):
        if isinstance(op.get("operationId"), str) and op["operationId"].strip():
            continue
        op["operationId"] = derived_operation_id(method, path)
        _note(f"{method.upper()} {path} has no operationId: it is called {op['operationId']!r} (method and path)")
    return doc


def responses_without_schema_no_body(doc: Document) -> Document:
    """A response media type without a schema → no body; a response without ``description`` gets the status phrase.

    ``content: {application/json: {}}`` says nothing about the body; the generator then builds a
    function that parses nothing (``None``), as for a 204 — which is what no body means. Error
    statuses left without content get Prolific's error body from the next transform. OpenAPI
    requires a response's ``description``; the HTTP reason phrase is what it would say.
    """
    for _path, _method, op in operations(doc):
        for status, response in (op.get("responses") or {}).items():
            if not isinstance(response, dict) or "$ref" in response:
                continue
            content = response.get("content")
            if isinstance(content, dict):
                for media in [m for m, entry in content.items() if not _has_schema(entry)]:
                    del content[media]
                if not content:
                    del response["content"]
            elif "content" in response:
                del response["content"]
            if not isinstance(response.get("description"), str):
                response["description"] = _reason(str(status))
    return doc


def _has_schema(entry: Any) -> bool:
    return isinstance(entry, dict) and isinstance(entry.get("schema"), dict)


def _reason(status: str) -> str:
    try:
        return HTTPStatus(int(status)).phrase
    except ValueError:
        return f"Status {status}"


def duplicate_parameters_once(doc: Document) -> Document:
    """A parameter an operation declares twice (same name and place) → the first declaration, with a note.

    The generator drops an operation whose parameters repeat ("Parameters MUST NOT contain
    duplicates"); the copies say the same thing, and the first is the one a reader sees.
    """
    for path, method, op in operations(doc):
        params = op.get("parameters")
        if not isinstance(params, list):
            continue
        seen: set[tuple[str, str]] = set()
        kept = []
        for param in params:
            key = (str(param.get("name")), str(param.get("in"))) if isinstance(param, dict) else None
            if key is not None and key in seen:
                _note(f"{method.upper()} {path}: {key[1]} parameter {key[0]!r} is declared twice: the first is kept")
                continue
            if key is not None:
                seen.add(key)
            kept.append(param)
        op["parameters"] = kept
    return doc


def flatten_object_all_of(doc: Document) -> Document:
    """``allOf`` of objects (e.g. a response that is ``allOf: [$ref: ParticipantGroup]``) → the one object.

    An earlier release wrapped ``ParticipantGroupResponse`` so, with ``additionalProperties:
    true`` (JSON Schema's default, dropped). The generator makes one class with every member's
    fields either way; written out, the fields are where the names and overrides tables look for
    them, and a wrapper identical to its member folds into it. Members that are not plain objects
    (unions, scalars), or two members that disagree on a field, leave the ``allOf`` as published.
    """
    for schema in schemas_in(doc):
        members = schema.get("allOf")
        if not isinstance(members, list) or not members:
            continue
        merged = _merge_objects(doc, members)
        if merged is None:
            continue
        del schema["allOf"]
        if schema.get("additionalProperties") is True:
            del schema["additionalProperties"]
        own_props = schema.pop("properties", None) or {}
        own_required = schema.pop("required", None) or []
        props, required = merged
        for name, value in own_props.items():
            if name in props and props[name] != value:
                props[name] = value  # the wrapper's own word on a field wins
            props.setdefault(name, value)
        required += [n for n in own_required if n not in required]
        body: dict[str, Any] = {"type": "object", "properties": props}
        if required:
            body["required"] = required
        rest = {k: v for k, v in schema.items() if k not in ("type",)}
        schema.clear()
        schema.update({**body, **rest})
    return doc


def _merge_objects(doc: Document, members: list[Any]) -> tuple[dict[str, Any], list[str]] | None:
    props: dict[str, Any] = {}
    required: list[str] = []
    for member in members:
        target = resolve(doc, member)
        if not isinstance(target, dict) or not isinstance(target.get("properties"), dict):
            return None
        if set(target) - PROSE - {"type", "properties", "required", "additionalProperties"}:
            return None
        if target.get("type", "object") != "object" or target.get("additionalProperties") not in (None, True):
            return None
        for name, value in target["properties"].items():
            if name in props and props[name] != value:
                return None
            props[name] = copy.deepcopy(value)
        required += [n for n in target.get("required") or [] if n not in required]
    return props, required
