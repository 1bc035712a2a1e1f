"""``generated/prolific_api_client/operations/responses.json``: each operation's documented success answer.

For code that needs the shapes of the document at run time without reading YAML (the wheel has no
YAML reader: PyYAML is not a runtime dependency) and without importing the generated models:
:class:`prolific.testing.FakeProlific` builds its answers to the operations it does not model from it.

One JSON document, read with the standard library::

    {"operations": {"<operationId>": {"status": 200, "media_type": "application/json", "schema": {...},
                                      "path_formats": {"batch_id": "uuid"}}},
     "schemas": {"<component name>": {...}}}

``status`` is the operation's success status (the lowest 2xx it documents); ``media_type`` and
``schema`` are its content (``null`` both for an answer without a body, such as a 204);
``path_formats`` (only where there are some) the ``format`` of each path parameter that has one
(a value of another form names nothing: the fake answers 404). ``schemas``
holds the component schemas those reach through any depth of ``$ref`` (which keep their
``#/components/schemas/<name>`` form), and only those. Prose (``description``, ``title``, examples)
is left out: it changes often and no reader needs it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .document import NAME_MAPS, Document, operations, reachable_schemas

FILE = "responses.json"
# Documentation only: dropped so that a reworded description does not change the file.
_PROSE = frozenset({"description", "title", "summary", "example", "examples", "externalDocs", "$comment"})


def _without_prose(node: Any) -> Any:
    """``node`` without documentation keywords (a *property* called ``description`` is kept)."""
    if isinstance(node, list):
        return [_without_prose(item) for item in node]
    if not isinstance(node, dict):
        return node
    kept: dict[str, Any] = {}
    for key, value in node.items():
        if key in NAME_MAPS and isinstance(value, dict):
            kept[key] = {name: _without_prose(schema) for name, schema in value.items()}
        elif key not in _PROSE:
            kept[key] = _without_prose(value)
    return kept


def _success(op: dict[str, Any]) -> dict[str, Any] | None:
    """The lowest 2xx answer of ``op``: its status, media type and schema (None: no 2xx documented)."""
    responses = op.get("responses") or {}
    codes = sorted(code for code in responses if str(code).isdigit() and str(code).startswith("2"))
    if not codes:
        return None
    answer = responses[codes[0]] if isinstance(responses[codes[0]], dict) else {}
    content: dict[str, Any] = answer["content"] if isinstance(answer.get("content"), dict) else {}
    media_type, schema = None, None
    for media, holder in content.items():  # JSON first when there are several
        if media == "application/json" or media_type is None:
            media_type = media
            schema = holder.get("schema") if isinstance(holder, dict) else None
    found: dict[str, Any] = {"status": int(codes[0]), "media_type": media_type, "schema": _without_prose(schema)}
    formats = {
        param["name"]: param["schema"]["format"]
        for param in op.get("parameters") or []
        if isinstance(param, dict) and param.get("in") == "path" and isinstance(param.get("schema"), dict)
        and isinstance(param["schema"].get("format"), str)
    }  # fmt: skip
    if formats:
        found["path_formats"] = formats
    return found


def response_table(doc: Document) -> dict[str, Any]:
    """The content of ``responses.json`` for the merged spec ``doc`` (see the module docstring)."""
    table: dict[str, Any] = {}
    for _path, _method, op in operations(doc):
        answer = _success(op)
        if answer is not None and isinstance(op.get("operationId"), str):
            table[op["operationId"]] = answer
    roots = [answer["schema"] for answer in table.values() if isinstance(answer["schema"], dict)]
    components = (doc.get("components") or {}).get("schemas") or {}
    names = sorted(reachable_schemas(doc, roots))
    return {
        "operations": dict(sorted(table.items())),
        "schemas": {name: _without_prose(components[name]) for name in names},
    }


def write_responses(package: Path, doc: Document) -> None:
    """Write ``package/operations/responses.json`` (indented: its diff shows what a spec change changed)."""
    text = json.dumps(response_table(doc), indent=1, ensure_ascii=False) + "\n"
    (package / "operations" / FILE).write_text(text, encoding="utf-8")
