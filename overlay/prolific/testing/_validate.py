"""Checking each request the fake receives against the merged spec (``openapi/prolific.yaml``).

A test that passes against the fake must not fail against Prolific for a request the spec already
rules out (a ``state`` outside its enumeration, a body without a required field, a wrong type).
The schemas are checked by ``openapi-schema-validator`` (the JSON Schema 2020-12 / OpenAPI 3.1
validator that openapi-core is built on), never by rules written here; what is here only takes the
values out of the request: query and path parameters converted by their schema's type (``form``
style, as the API reads them), the JSON body as sent. A request that breaks the spec gets the API's
400 with ``{"error": {"detail": {"<field>": ["<message>"]}}}``, naming every field at once.

Optional: the validator and YAML reader come with ``pip install 'prolific-client[testing]'``
(``[dev]`` has them). Without them the fake says so once (a ``UserWarning``) and answers without
checking. The spec is the one built with the package: shipped in the wheel as
``prolific/testing/prolific.yaml``, read from ``openapi/prolific.yaml`` in a checkout.
"""

from __future__ import annotations

import functools
import threading
import warnings
from collections.abc import Mapping
from pathlib import Path
from typing import Any
from urllib.parse import quote

from ._answers import CODE_VALIDATION, Answer, error_answer
from ._routes import FakeRequest

_HERE = Path(__file__).resolve().parent
#: Where the merged spec is looked for: next to this module (the wheel), then the checkout's.
SPEC_PLACES = (_HERE / "prolific.yaml", _HERE.parents[2] / "openapi" / "prolific.yaml")
_ROOT = "urn:prolific-client:spec"


class SpecValidator:
    """The request checks of one merged spec; operations' validators are built on first use and kept."""

    def __init__(self, document: dict[str, Any]) -> None:
        from openapi_schema_validator import OAS31Validator
        from referencing import Registry, Resource
        from referencing.jsonschema import DRAFT202012

        self._document = document
        self._validator = OAS31Validator
        root = Resource.from_contents(document, default_specification=DRAFT202012)
        self._registry = Registry().with_resource(_ROOT, root)
        self._lock = threading.Lock()
        self._operations: dict[tuple[str, str], _Checks] = {}
        self._compiled: dict[str, Any] = {}  # a schema's $ref -> its validator (built once: most of the cost)

    def check(self, method: str, template: str, path_params: Mapping[str, str], query: Mapping[str, str], body: Any,
              has_json: bool) -> Answer | None:  # fmt: skip
        """The 400 answer for a request that breaks the spec, or None."""
        checks = self._checks(method.lower(), template)
        if checks is None:
            return None
        errors: dict[str, list[str]] = {}
        for name, (where, required, schema) in checks.parameters.items():
            given = path_params if where == "path" else query
            if name not in given:
                if required and where == "query":
                    errors[name] = ["This field is required."]
                continue
            value = _convert(given[name], schema, self._resolve)
            problem = self._first_problem(schema, value)
            if problem is not None:
                errors[name] = [problem]
        if checks.body is not None and has_json:
            for field, message in self._body_problems(checks.body, body):
                errors.setdefault(field, []).append(message)
        if not errors:
            return None
        return error_answer(400, errors, CODE_VALIDATION)

    def _checks(self, method: str, template: str) -> _Checks | None:
        key = (method, template)
        with self._lock:
            if key not in self._operations:
                operation = ((self._document.get("paths") or {}).get(template) or {}).get(method)
                where = _pointer("paths", template, method)
                found = _Checks.of(operation, where) if isinstance(operation, dict) else _Checks({}, None)
                self._operations[key] = found
            return self._operations[key]

    def _resolve(self, schema: Any) -> Any:
        seen = 0
        while isinstance(schema, dict) and "$ref" in schema and seen < 20:
            schema = self._registry.resolver(base_uri=_ROOT).lookup(schema["$ref"]).contents
            seen += 1
        return schema

    def _compiled_for(self, schema: dict[str, Any]) -> Any:
        key = schema["$ref"]
        validator = self._compiled.get(key)
        if validator is None:
            validator = self._compiled[key] = self._validator(schema, registry=self._registry)
        return validator

    def _first_problem(self, schema: dict[str, Any], value: Any) -> str | None:
        for error in self._compiled_for(schema).iter_errors(value):
            return _message(error)
        return None

    def _body_problems(self, schema: dict[str, Any], body: Any) -> list[tuple[str, str]]:
        problems = []
        for error in self._compiled_for(schema).iter_errors(body):
            path = [str(part) for part in error.absolute_path]
            if error.validator == "required":
                missing = _required_name(error)
                problems.append((".".join([*path, missing]) if missing else ".".join(path) or "body", _message(error)))
            elif len(path) > 1 and path[1].isdigit():  # an item of a list field: the field, and which item
                problems.append((path[0], f"Item {int(path[1]) + 1} of the list: {_message(error)}"))
            else:
                problems.append((".".join(path) or "non_field_errors", _message(error)))
        return problems


class _Checks:
    """What to check for one operation: its parameters (name → where, required, schema) and JSON body schema."""

    def __init__(self, parameters: dict[str, tuple[str, bool, dict[str, Any]]], body: dict[str, Any] | None) -> None:
        self.parameters = parameters
        self.body = body

    @classmethod
    def of(cls, operation: dict[str, Any], where: str) -> _Checks:
        """``where``: the operation's JSON pointer; each schema is kept as a reference into the document,
        so that the ``$ref``s inside it resolve against the whole spec."""
        parameters = {}
        for index, param in enumerate(operation.get("parameters") or []):
            if (
                isinstance(param, dict)
                and param.get("in") in ("path", "query")
                and isinstance(param.get("schema"), dict)
            ):
                schema = {"$ref": _ref(f"{where}/parameters/{index}/schema")}
                parameters[param["name"]] = (param["in"], bool(param.get("required")), schema)
        content = (operation.get("requestBody") or {}).get("content") or {}
        media = content.get("application/json") if isinstance(content, dict) else None
        body = media.get("schema") if isinstance(media, dict) else None
        body_ref = {"$ref": _ref(f"{where}/requestBody/content/application~1json/schema")}
        return cls(parameters, body_ref if isinstance(body, dict) else None)


def _pointer(*parts: str) -> str:
    return "".join("/" + part.replace("~", "~0").replace("/", "~1") for part in parts)


def _ref(pointer: str) -> str:
    return f"{_ROOT}#{quote(pointer, safe='/~')}"


def _convert(text: str, schema: Any, resolve: Any) -> Any:
    """A query or path value as its schema's type reads it; text that is not of that type stays text (and fails)."""
    schema = resolve(schema)
    kinds = schema.get("type") if isinstance(schema, dict) else None
    kinds = [kinds] if isinstance(kinds, str) else list(kinds or [])
    if not kinds and isinstance(schema, dict):
        for option in schema.get("anyOf") or schema.get("oneOf") or []:
            option = resolve(option)
            if isinstance(option, dict) and isinstance(option.get("type"), str):
                kinds.append(option["type"])
    if "array" in kinds and isinstance(schema, dict):
        return [_convert(part, schema.get("items") or {}, resolve) for part in text.split(",")] if text else []
    if "integer" in kinds:
        try:
            return int(text)
        except ValueError:
            pass
    if "number" in kinds:
        try:
            return float(text)
        except ValueError:
            pass
    if "boolean" in kinds and text in ("true", "false"):
        return text == "true"
    return text


def _required_name(error: Any) -> str | None:
    message = str(error.message)
    if message.startswith("'") and "' is a required property" in message:
        return message[1 : message.index("' is a required property")]
    return None


# The API's (Django REST framework's) words for a value of the wrong type.
_TYPE_MESSAGES = {
    "string": "Not a valid string.",
    "integer": "A valid integer is required.",
    "number": "A valid number is required.",
    "boolean": "Must be a valid boolean.",
    "array": "Expected a list of items.",
    "object": "Invalid data. Expected a dictionary.",
}


def _message(error: Any) -> str:
    """The validator's message, in the API's words where it has them."""
    if error.validator == "required":
        return "This field is required."
    if error.validator == "enum":
        allowed = ", ".join(f'"{value}"' for value in error.validator_value)
        return f'"{error.instance}" is not a valid choice (allowed: {allowed}).'
    if error.validator == "type":
        kinds = error.validator_value if isinstance(error.validator_value, list) else [error.validator_value]
        for kind in kinds:
            if kind in _TYPE_MESSAGES:
                return _TYPE_MESSAGES[kind]
    text = str(error.message)
    return text if len(text) <= 300 else text[:299] + "…"


@functools.cache
def default_validator() -> SpecValidator | None:
    """The validator of the package's own spec, or None (warned once) when its requirements are missing."""
    try:
        import openapi_schema_validator  # noqa: F401
        import yaml
    except ImportError as exc:
        warnings.warn(
            f"FakeProlific does not check requests against the spec: {exc.name} is not installed "
            "(pip install 'prolific-client[testing]')",
            stacklevel=2,
        )
        return None
    for place in SPEC_PLACES:
        if place.is_file():
            with place.open(encoding="utf-8") as handle:
                return SpecValidator(yaml.load(handle, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)))
    warnings.warn(
        "FakeProlific does not check requests against the spec: prolific.yaml is not found "
        f"({', '.join(map(str, SPEC_PLACES))})",
        stacklevel=2,
    )
    return None


def check_request(request: FakeRequest, has_json: bool) -> Answer | None:
    """The 400 for a routed request that breaks the spec (see the module docs), else None; the fake's one call."""
    validator = default_validator()
    if validator is None:
        return None
    operation = request.operation
    return validator.check(operation.method, operation.path, request.path_params, request.query, request.body, has_json)
