"""Request and response bodies: one error model, bodies that match the wire, required request bodies."""

from __future__ import annotations

import copy
from typing import Any

from .document import Document, json_schema, operations, ref_name, ref_to, resolve, schemas_of

# Prolific's error body, exactly as its whole-API document defines schema `Error` and the schemas
# under it (titles aside). Single-endpoint pages publish error statuses with no body at all; they
# get this one, so that a page and the document describe an error with one model.
ERROR_SCHEMA_NAME = "Error"
ERROR_DETAIL_NAME = "ErrorDetail"
ERROR_SCHEMAS: dict[str, Any] = {
    "Error": {
        "type": "object",
        "properties": {"error": ref_to("ErrorDetail")},
        "required": ["error"],
    },
    "ErrorDetail": {
        "type": "object",
        "properties": {
            "status": {"type": "integer", "description": "Status code as in the http standards"},
            "error_code": {"type": "integer", "description": "Internal error code"},
            "title": {"type": "string", "description": "Error title"},
            "detail": {**ref_to("ErrorDetailDetail"), "description": "Error detail"},
            "additional_information": {"type": "string", "description": "Optional extra information"},
            "traceback": {"type": "string", "description": "Optional debug information"},
            "interactive": {"type": "boolean"},
        },
        "required": ["status", "error_code", "title", "detail"],
    },
    "ErrorDetailDetail": {
        "oneOf": [
            {"type": "string"},
            {"type": "array", "items": {"type": "string"}},
            ref_to("ErrorDetailDetail2"),
        ],
        "description": "Error detail",
    },
    "ErrorDetailDetail2": {
        "type": "object",
        "properties": {
            "any_field": {
                "type": "array",
                "items": {"type": "string"},
                "description": (
                    "Name of the field with a validation error and as a value an array with the error descriptions"
                ),
            }
        },
        "description": "All fields with validation errors",
    },
}

# What every operation answers besides what it documents (see default_error_responses).
DEFAULT_ERRORS = {
    "4XX": "Any other client error, with Prolific's error body",
    "5XX": "Any server error, with Prolific's error body (a proxy in front of the API may send something else)",
}


def _is_error_status(status: Any) -> bool:
    return str(status)[:1] in {"4", "5"}


def _error_body() -> dict[str, Any]:
    return {"application/json": {"schema": ref_to(ERROR_SCHEMA_NAME)}}


def _add_error_schemas(doc: Document) -> None:
    schemas = schemas_of(doc)
    for name, schema in ERROR_SCHEMAS.items():
        schemas.setdefault(name, copy.deepcopy(schema))


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
            if not _is_error_status(status) or not isinstance(response, dict) or "$ref" in response:
                continue
            if not response.get("content"):
                response["content"] = _error_body()
                touched = True
    if touched:
        _add_error_schemas(doc)
    return doc


def _says_nothing(schema: Any) -> bool:
    """A schema with no constraint at all (Fern writes ``{description: "Any type"}``)."""
    return isinstance(schema, dict) and not (set(schema) - {"description", "title"})


def unify_error_bodies(doc: Document) -> Document:
    """Error bodies declared as ``ErrorDetail`` or as "Any type" → ``Error``, the body the server sends.

    22 operations of the whole-API document declare the *inner* object (``ErrorDetail``) as the
    body, while the server wraps it: ``{"error": {"status": 409, "detail": ...}}`` — parsing a 409
    then raised ``KeyError: 'status'``. Four declare no shape ("Any type"). Other specific error
    shapes (e.g. a 422's validation report) are kept.
    """
    touched = False
    for _path, _method, op in operations(doc):
        for status, response in (op.get("responses") or {}).items():
            if not _is_error_status(status):
                continue
            content = response.get("content") if isinstance(response, dict) else None
            media = content.get("application/json") if isinstance(content, dict) else None
            if not isinstance(media, dict):
                continue
            schema = media.get("schema")
            if ref_name(schema) == ERROR_DETAIL_NAME or _says_nothing(schema) or schema is None:
                media["schema"] = ref_to(ERROR_SCHEMA_NAME)
                touched = True
    if touched:
        _add_error_schemas(doc)
    return doc


def lenient_error_bodies(doc: Document) -> Document:
    """No field of ``Error`` or ``ErrorDetail`` is required, so any error body the server sends parses.

    The document requires ``error`` and, inside it, ``status``, ``error_code``, ``title`` and
    ``detail``. Prolific's own CLI tests show error bodies with only ``detail`` and ``title``
    (``{"error": {"detail": …, "title": …}}``) and, from some endpoints, ``{"detail": …}`` with no
    wrapper; with the published ``required`` lists such a body raised ``KeyError`` inside the
    generated parser, hiding the error behind a crash. The fields, types and descriptions stay;
    what the server leaves out reads as ``UNSET``, and unknown keys stay in ``additional_properties``.
    """
    schemas = schemas_of(doc)
    for name in (ERROR_SCHEMA_NAME, ERROR_DETAIL_NAME):
        if isinstance(schemas.get(name), dict):
            schemas[name].pop("required", None)
    return doc


def fix_field_error_maps(doc: Document) -> Document:
    """An object whose only property is Fern's ``any_field`` → a map of field name to messages.

    Fern renders ``additionalProperties: {type: array, items: string}`` ("field name → list of
    messages", the shape of a validation error's ``detail``) as a property literally named
    ``any_field``, so a parsed error had ``any_field`` unset and the real fields dropped.
    """
    for schema in schemas_of(doc).values():
        props = schema.get("properties") if isinstance(schema, dict) else None
        if isinstance(props, dict) and list(props) == ["any_field"] and "additionalProperties" not in schema:
            del schema["properties"]
            schema.pop("required", None)
            schema["additionalProperties"] = props["any_field"]
    return doc


def default_error_responses(doc: Document) -> Document:
    """Every operation also answers ``4XX`` and ``5XX`` with ``Error``, unless it says so itself.

    Most operations document only 400; for a 403 or 404 the generated ``sync()`` returned
    ``None``, which looks like success. With the ranges declared, every error status parses to
    ``Error`` (the specific statuses a page documents come first and keep their descriptions).
    """
    for _path, _method, op in operations(doc):
        responses = op.setdefault("responses", {})
        for status, description in DEFAULT_ERRORS.items():
            if status not in responses and status.lower() not in responses:
                responses[status] = {"description": description, "content": _error_body()}
    _add_error_schemas(doc)
    return doc


def drop_bodies_of_no_content(doc: Document) -> Document:
    """A ``204 No Content`` response declared with a JSON body → no body.

    A 204 has no body by definition (RFC 9110); parsing the empty response as JSON raised
    ``JSONDecodeError`` in the generated ``sync()`` of seven operations (e.g. deleting a
    participant group) even though the call succeeded.
    """
    for _path, _method, op in operations(doc):
        response = (op.get("responses") or {}).get("204")
        if isinstance(response, dict):
            response.pop("content", None)
    return doc


def declare_text_responses(doc: Document, table: dict[str, dict[str, str]]) -> Document:
    """Responses the server sends as text (e.g. CSV) but the document declares as JSON → that media type.

    ``table`` maps an operationId to ``{status: media type}`` (``openapi/overrides.yaml``, which
    cites where the truth is published). The generated ``sync()`` then returns the body as
    ``str`` instead of failing to parse CSV as JSON. Operations not in this document are skipped;
    a listed status the operation does not have stops the build.
    """
    from .errors import SpecError

    for path, method, op in operations(doc):
        statuses = table.get(str(op.get("operationId")))
        if not statuses:
            continue
        for status, media_type in statuses.items():
            response = (op.get("responses") or {}).get(status)
            if not isinstance(response, dict):
                raise SpecError(
                    f"overrides.yaml: text_responses names status {status} of {op.get('operationId')} "
                    f"({method.upper()} {path}), which it does not document"
                )
            schema: dict[str, Any] = {"type": "string"}
            published = json_schema(response)
            if published is not None and isinstance(published.get("description"), str):
                schema["description"] = published["description"]
            response["content"] = {media_type: {"schema": schema}}
    return doc


def _requires_something(doc: Document, schema: Any) -> bool:
    """True if every value the schema allows has at least one required property."""
    target = resolve(doc, schema)
    if not isinstance(target, dict):
        return False
    if target.get("required"):
        return True
    options = target.get("oneOf") or target.get("anyOf")
    return isinstance(options, list) and bool(options) and all(_requires_something(doc, o) for o in options)


def require_request_bodies(doc: Document) -> Document:
    """A request body whose JSON schema has required properties (in every union option) is required.

    Fern never writes ``requestBody.required``; without it the generator types every body as
    optional (``body: X | Unset = UNSET``), so forgetting the body type-checks and fails at run
    time (mypy even flags the generated ``body.to_dict()`` on a union). A body with required
    fields cannot be absent, so this states what the schema already implies.
    """
    for _path, _method, op in operations(doc):
        body = op.get("requestBody")
        if not isinstance(body, dict) or "required" in body:
            continue
        for media in (body.get("content") or {}).values():
            if isinstance(media, dict) and _requires_something(doc, media.get("schema")):
                body["required"] = True
    return doc
