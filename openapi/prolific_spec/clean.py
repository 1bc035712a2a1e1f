"""Cleaning: one named, unit-tested function per defect in Prolific's published endpoint pages.

Each transform takes an OpenAPI document (a dict loaded from one source) and changes it in place,
returning it for chaining; :func:`clean_document` copies the source first, so sources on disk and
in memory stay as published. Every published field, enum value, required flag, nullable type,
description and status code survives: transforms only fix the *form*.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable, Iterator
from typing import Any

from .errors import SpecError

Document = dict[str, Any]

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")

SECURITY_SCHEME_NAME = "token"
SECURITY_SCHEME = {
    "type": "apiKey",
    "in": "header",
    "name": "Authorization",
    "description": (
        "Prolific API token, sent as the header `Authorization: Token <your token>`. "
        "Create one in the Prolific app's settings; it does not expire and carries full "
        "permission, so keep it secret."
    ),
}

# Prolific's error body, as its full public OpenAPI document defines schema `Error`.
ERROR_SCHEMA_NAME = "Error"
ERROR_SCHEMAS: dict[str, Any] = {
    "Error": {
        "type": "object",
        "description": "Prolific's error response body.",
        "properties": {"error": {"$ref": "#/components/schemas/ErrorDetail"}},
    },
    "ErrorDetail": {
        "type": "object",
        "description": "What went wrong.",
        "properties": {
            "status": {"type": "integer", "description": "The HTTP status code."},
            "error_code": {"type": "integer", "description": "Prolific's numeric error code."},
            "title": {"type": "string", "description": "A short summary, e.g. `Conflict`."},
            "detail": {
                "description": (
                    "The explanation: a message, a list of messages, or a mapping of field name "
                    "to the messages about that field."
                ),
                "anyOf": [
                    {"type": "string"},
                    {"type": "array", "items": {"type": "string"}},
                    {
                        "type": "object",
                        "additionalProperties": {"type": "array", "items": {"type": "string"}},
                    },
                ],
            },
            "additional_information": {"type": "string", "description": "More context, if any."},
            "traceback": {"type": "string", "description": "Server debug text; not for end users."},
            "interactive": {"type": "boolean"},
        },
    },
}

# Text that Fern's renderer leaves where it had nothing to say.
_PLACEHOLDER = re.compile(r"`undefined\s*`")
# What is left of a sentence whose subject was the placeholder.
_DANGLING = re.compile(r"\b(of the form|such as|e\.g\.|like)\s*[.:]?$", re.IGNORECASE)


def operations(doc: Document) -> Iterator[tuple[str, str, dict[str, Any]]]:
    """Yield ``(path, method, operation)`` for every operation, in document order."""
    for path, item in (doc.get("paths") or {}).items():
        if not isinstance(item, dict):
            continue
        for method in HTTP_METHODS:
            op = item.get(method)
            if isinstance(op, dict):
                yield path, method, op


def walk(node: Any) -> Iterator[dict[str, Any]]:
    """Yield every mapping in ``node``, depth first (the node itself included)."""
    stack = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, dict):
            yield current
            stack.extend(reversed(list(current.values())))
        elif isinstance(current, list):
            stack.extend(reversed(current))


def _kebab(name: str) -> str:
    name = re.sub(r"([a-z0-9])([A-Z])", r"\1-\2", name)
    return re.sub(r"[_\s]+", "-", name).lower()


def tag_name(raw: str) -> str:
    """Fern's ``subpackage_participantGroups`` → ``participant-groups``.

    >>> tag_name("subpackage_participantGroups")
    'participant-groups'
    >>> tag_name("credentials")
    'credentials'
    """
    return _kebab(raw.removeprefix("subpackage_"))


def flatten_tags(doc: Document) -> Document:
    """Tags written as a nested list (``- - subpackage_credentials``) → a flat list of kebab names.

    The generator refuses the nested form outright ("tags.0 Input should be a valid string").
    """

    def flat(items: Any) -> Iterator[str]:
        for item in items if isinstance(items, list) else [items]:
            if isinstance(item, list):
                yield from flat(item)
            elif isinstance(item, str):
                yield item

    for _path, _method, op in operations(doc):
        if "tags" in op:
            seen: list[str] = []
            for tag in flat(op["tags"]):
                name = tag_name(tag)
                if name not in seen:
                    seen.append(name)
            op["tags"] = seen
    for tag in doc.get("tags") or []:
        if isinstance(tag, dict) and isinstance(tag.get("name"), str):
            tag["name"] = tag_name(tag["name"])
    return doc


def replace_auth_header(doc: Document) -> Document:
    """The per-operation ``Authorization`` header parameter (often declared twice) → one security scheme.

    The generator drops an endpoint whose parameters repeat ("Parameters MUST NOT contain
    duplicates"), and a header parameter would make every caller pass the token by hand. The
    scheme is applied globally and on each operation, because openapi-python-client only reads
    operation-level ``security`` when deciding that a function needs an ``AuthenticatedClient``.
    """
    for _path, _method, op in operations(doc):
        params = op.get("parameters")
        if isinstance(params, list):
            kept = [
                p
                for p in params
                if not (
                    isinstance(p, dict)
                    and p.get("in") == "header"
                    and str(p.get("name", "")).lower() == "authorization"
                )
            ]
            if len(kept) != len(params):
                if kept:
                    op["parameters"] = kept
                else:
                    del op["parameters"]
        # Every Prolific operation takes the token; an explicit `security: []` (public) is kept.
        op.setdefault("security", [{SECURITY_SCHEME_NAME: []}])
    components = doc.setdefault("components", {})
    schemes = components.setdefault("securitySchemes", {})
    # A full document may already name its scheme `token`; any other apiKey on Authorization is
    # the same thing under another name.
    for name in [n for n, s in schemes.items() if n != SECURITY_SCHEME_NAME and _is_auth_scheme(s)]:
        del schemes[name]
        _rename_security_requirement(doc, name)
    schemes[SECURITY_SCHEME_NAME] = dict(SECURITY_SCHEME)
    doc["security"] = [{SECURITY_SCHEME_NAME: []}]
    return doc


def _is_auth_scheme(scheme: Any) -> bool:
    return (
        isinstance(scheme, dict)
        and scheme.get("type") == "apiKey"
        and str(scheme.get("name", "")).lower() == "authorization"
    )


def _rename_security_requirement(doc: Document, old: str) -> None:
    for _path, _method, op in operations(doc):
        for requirement in op.get("security") or []:
            if isinstance(requirement, dict) and old in requirement:
                requirement[SECURITY_SCHEME_NAME] = requirement.pop(old)


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


def remove_placeholder_text(doc: Document) -> Document:
    """Drop Fern's "`undefined `" placeholder, and a description that says nothing without it.

    "Header authentication of the form `undefined `" is what the docs render where the auth
    prefix should be; with the placeholder gone the sentence is empty, so it goes whole.
    """
    for node in walk(doc):
        text = node.get("description")
        if not isinstance(text, str):
            continue
        if _PLACEHOLDER.search(text):
            cleaned = re.sub(r"\s+", " ", _PLACEHOLDER.sub("", text)).strip()
            if _DANGLING.search(cleaned):
                cleaned = ""
            text = cleaned
        if text.strip():
            node["description"] = text
        else:
            del node["description"]
    return doc


def _is_error_status(status: str) -> bool:
    return status[:1] in {"4", "5"}


def document_error_bodies(doc: Document) -> Document:
    """Error statuses published with empty content (``content: {}``) → Prolific's ``Error`` body.

    Decision: with no content, a generated ``sync()`` returns ``None`` for a documented 409, the
    same value it returns for "no body" — a caller could take a failure for a success. With the
    documented ``Error`` schema, ``sync()`` returns an ``Error`` model for every error status (typed
    ``Model | Error | None``, so mypy forces the check) and ``sync_detailed()`` keeps the status.
    Status codes and their descriptions stay exactly as published.
    """
    touched = False
    for _path, _method, op in operations(doc):
        for status, response in (op.get("responses") or {}).items():
            if not _is_error_status(str(status)) or not isinstance(response, dict):
                continue
            if "$ref" in response:
                continue
            if not response.get("content"):
                response["content"] = {
                    "application/json": {"schema": {"$ref": f"#/components/schemas/{ERROR_SCHEMA_NAME}"}}
                }
                touched = True
    if touched:
        schemas = doc.setdefault("components", {}).setdefault("schemas", {})
        for name, schema in ERROR_SCHEMAS.items():
            schemas.setdefault(name, copy.deepcopy(schema))
    return doc


def _response_schema_nodes(doc: Document) -> Iterator[dict[str, Any]]:
    """Every schema mapping reachable from a response: inline ones and referenced components."""
    schemas = (doc.get("components") or {}).get("schemas") or {}
    pending: list[Any] = []
    for _path, _method, op in operations(doc):
        for response in (op.get("responses") or {}).values():
            for media in ((response or {}).get("content") or {}).values() if isinstance(response, dict) else ():
                if isinstance(media, dict) and "schema" in media:
                    pending.append(media["schema"])
    seen: set[str] = set()
    while pending:
        for node in walk(pending.pop()):
            yield node
            ref = node.get("$ref")
            if isinstance(ref, str) and ref.startswith("#/components/schemas/"):
                name = ref.rsplit("/", 1)[1]
                if name not in seen and name in schemas:
                    seen.add(name)
                    pending.append(schemas[name])


def _is_string_enum(schema: Any) -> bool:
    return isinstance(schema, dict) and isinstance(schema.get("enum"), list) and schema.get("type") == "string"


def open_response_enums(doc: Document) -> Document:
    """A response property typed by a string enum → ``anyOf: [the enum, string]``.

    Prolific adds enum values over time (a new study status broke a client whose strict enums
    raised). Values the server *returns* must not crash parsing, so a returned value the enum does
    not know yet is kept as a plain string; every published value stays listed in the enum. Both
    a ``$ref`` to an enum component and an inline ``type: string, enum: [...]`` are opened.
    Request-only enums stay strict (we only send values we know).
    """
    schemas = (doc.get("components") or {}).get("schemas") or {}
    enum_refs = {f"#/components/schemas/{name}" for name, schema in schemas.items() if _is_string_enum(schema)}
    targets: list[dict[str, Any]] = []
    for node in _response_schema_nodes(doc):
        for prop in (node.get("properties") or {}).values() if isinstance(node.get("properties"), dict) else ():
            targets.append(prop)
            if isinstance(prop, dict) and isinstance(prop.get("items"), dict):
                targets.append(prop["items"])
    for prop in targets:
        if not isinstance(prop, dict):
            continue
        if prop.get("$ref") in enum_refs:
            prop["anyOf"] = [{"$ref": prop.pop("$ref")}, {"type": "string"}]
        elif _is_string_enum(prop):
            enum_schema = {k: prop.pop(k) for k in ("type", "enum")}
            prop["anyOf"] = [enum_schema, {"type": "string"}]
    return doc


def apply_nullable(doc: Document, table: dict[str, list[str]], *, source: str = "") -> Document:
    """Mark the listed response fields as nullable (``type: [X, 'null']``), as the docs page says.

    ``table`` maps a published schema name to field names. The participant-group page shows every
    response field as "... or null" while its YAML marks only some; a null the spec does not allow
    crashes the generated parser. Schemas not in this document are skipped (the table is shared by
    all sources); a field missing from a schema that *is* here is an error.
    """
    schemas = (doc.get("components") or {}).get("schemas") or {}
    for schema_name, fields in table.items():
        schema = schemas.get(schema_name)
        if schema is None:
            continue
        props = schema.get("properties") or {}
        for field in fields:
            if field not in props:
                raise SpecError(
                    f"{source}: nullable table names {schema_name}.{field}, which the schema does not "
                    f"have (fields: {', '.join(props)}); fix openapi/overrides.yaml"
                )
            _make_nullable(props[field])
    return doc


def _make_nullable(prop: dict[str, Any]) -> None:
    kind = prop.get("type")
    if isinstance(prop.get("enum"), list) and None not in prop["enum"]:
        prop["enum"].append(None)
    if isinstance(kind, str):
        prop["type"] = [kind, "null"]
    elif isinstance(kind, list):
        if "null" not in kind:
            kind.append("null")
    elif "$ref" in prop or "anyOf" in prop or "oneOf" in prop:
        key = "oneOf" if "oneOf" in prop else "anyOf"
        options = prop.pop(key, None) or [{"$ref": prop.pop("$ref")}]
        if {"type": "null"} not in options:
            options.append({"type": "null"})
        prop[key] = options


def copy_parameter_descriptions(doc: Document) -> Document:
    """Copy a parameter's description into its schema, where the generator's docstrings read it."""
    for _path, _method, op in operations(doc):
        for param in op.get("parameters") or []:
            if not isinstance(param, dict):
                continue
            schema = param.get("schema")
            if isinstance(param.get("description"), str) and isinstance(schema, dict):
                schema.setdefault("description", param["description"])
    return doc


def _resolve(doc: Document, schema: Any) -> Any:
    """Follow a local ``#/components/schemas/X`` reference (once is enough for bodies)."""
    ref = schema.get("$ref") if isinstance(schema, dict) else None
    if isinstance(ref, str) and ref.startswith("#/components/schemas/"):
        return ((doc.get("components") or {}).get("schemas") or {}).get(ref.rsplit("/", 1)[1])
    return schema


def require_request_bodies(doc: Document) -> Document:
    """A request body whose JSON schema has required properties is itself required.

    Fern never writes ``requestBody.required``; without it the generator types every body as
    optional (``body: X | Unset = UNSET``), so forgetting the body type-checks and fails at run time.
    A body with required fields cannot be absent, so this states what the schema already implies.
    """
    for _path, _method, op in operations(doc):
        body = op.get("requestBody")
        if not isinstance(body, dict) or "required" in body:
            continue
        for media in (body.get("content") or {}).values():
            schema = _resolve(doc, media.get("schema") if isinstance(media, dict) else None)
            if isinstance(schema, dict) and schema.get("required"):
                body["required"] = True
    return doc


Transform = Callable[[Document], Document]

# Order matters only where noted: enums must be plain before `open_response_enums` looks at them.
TRANSFORMS: tuple[Transform, ...] = (
    flatten_tags,
    replace_auth_header,
    remove_placeholder_text,
    fix_object_enums,
    document_error_bodies,
    copy_parameter_descriptions,
    require_request_bodies,
)


def clean_document(source: Document, *, nullable: dict[str, list[str]] | None = None, origin: str = "") -> Document:
    """Apply every cleaning transform to a deep copy of ``source`` and return the copy."""
    doc = copy.deepcopy(source)
    for transform in TRANSFORMS:
        transform(doc)
    # After enums are plain strings; before nullable, which may wrap the same properties.
    open_response_enums(doc)
    apply_nullable(doc, nullable or {}, source=origin)
    return doc
