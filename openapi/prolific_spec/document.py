"""Walking an OpenAPI document: operations, nested mappings, local schema references.

The helpers every stage of the pipeline shares; none of them changes the document.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

Document = dict[str, Any]

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
REF_PREFIX = "#/components/schemas/"

# Keywords whose value maps *names* (of properties, definitions) to schemas: a property called
# "description" or "title" is a field, not prose.
NAME_MAPS = frozenset({"properties", "patternProperties", "$defs", "definitions", "dependentSchemas"})
# Keywords whose value is one schema or a list of schemas.
SCHEMA_KEYS = ("items", "additionalProperties", "not", "contains", "propertyNames")
SCHEMA_LISTS = ("oneOf", "anyOf", "allOf", "prefixItems")


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


def schemas_of(doc: Document) -> dict[str, Any]:
    """``components.schemas`` (created empty if missing)."""
    components = doc.setdefault("components", {})
    schemas = components.get("schemas")
    if not isinstance(schemas, dict):
        schemas = components["schemas"] = {}
    return schemas  # type: ignore[no-any-return]


def ref_name(node: Any) -> str | None:
    """``X`` for a mapping ``{"$ref": "#/components/schemas/X"}``, else None."""
    ref = node.get("$ref") if isinstance(node, dict) else None
    if isinstance(ref, str) and ref.startswith(REF_PREFIX):
        return ref[len(REF_PREFIX) :]
    return None


def ref_to(name: str) -> dict[str, str]:
    """The reference ``{"$ref": "#/components/schemas/<name>"}``."""
    return {"$ref": REF_PREFIX + name}


def resolve(doc: Document, schema: Any) -> Any:
    """Follow local schema references until a schema that is not one (cycles stop at the first repeat)."""
    seen: set[str] = set()
    schemas = (doc.get("components") or {}).get("schemas") or {}
    while (name := ref_name(schema)) is not None and name not in seen:
        seen.add(name)
        schema = schemas.get(name)
    return schema


def json_schema(holder: Any) -> dict[str, Any] | None:
    """The ``application/json`` schema of a request body or response mapping, or None."""
    content = holder.get("content") if isinstance(holder, dict) else None
    media = (content or {}).get("application/json") if isinstance(content, dict) else None
    schema = media.get("schema") if isinstance(media, dict) else None
    return schema if isinstance(schema, dict) else None


def subschemas(schema: Any) -> Iterator[dict[str, Any]]:
    """The schemas directly inside ``schema`` (properties, items, union options, ...), not following refs."""
    if not isinstance(schema, dict):
        return
    for key in NAME_MAPS:
        mapping = schema.get(key)
        if isinstance(mapping, dict):
            yield from (v for v in mapping.values() if isinstance(v, dict))
    for key in SCHEMA_KEYS:
        if isinstance(schema.get(key), dict):
            yield schema[key]
    for key in SCHEMA_LISTS:
        for option in schema.get(key) or []:
            if isinstance(option, dict):
                yield option


def schema_nodes(schema: Any) -> Iterator[dict[str, Any]]:
    """``schema`` and every schema nested in it (depth first), not following refs.

    Unlike :func:`walk`, property *names* are never mistaken for keywords.
    """
    stack = [schema]
    while stack:
        current = stack.pop()
        if isinstance(current, dict):
            yield current
            stack.extend(reversed(list(subschemas(current))))


def media_schemas(holder: Any) -> Iterator[dict[str, Any]]:
    """The schema of each media type of a request body or response (``content.<type>.schema``)."""
    content = holder.get("content") if isinstance(holder, dict) else None
    for media in (content or {}).values() if isinstance(content, dict) else ():
        if isinstance(media, dict) and isinstance(media.get("schema"), dict):
            yield media["schema"]


def operation_schemas(op: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """The top-level schemas an operation holds: parameters, request bodies, responses (every media type)."""
    for param in op.get("parameters") or []:
        if isinstance(param, dict) and isinstance(param.get("schema"), dict):
            yield param["schema"]
    for holder in [op.get("requestBody"), *((op.get("responses") or {}).values())]:
        yield from media_schemas(holder)


def referenced_schemas(doc: Document) -> set[str]:
    """Names of the component schemas reachable from the operations (through any depth of refs)."""
    roots = [node for _p, _m, op in operations(doc) for node in operation_schemas(op)]
    return reachable_schemas(doc, roots, walk)


def reachable_schemas(
    doc: Document, roots: list[Any], nodes: Callable[[Any], Iterator[dict[str, Any]]] = schema_nodes
) -> set[str]:
    """Names of the component schemas ``roots`` reach through any depth of refs (``nodes``: a schema's parts)."""
    schemas = (doc.get("components") or {}).get("schemas") or {}
    pending = list(roots)
    seen: set[str] = set()
    while pending:
        for node in nodes(pending.pop()):
            name = ref_name(node)
            if name is not None and name not in seen and name in schemas:
                seen.add(name)
                pending.append(schemas[name])
    return seen


def rewrite_refs(doc: Document, renames: dict[str, str]) -> None:
    """Point every reference to a renamed schema at its new name."""
    if not renames:
        return
    for node in walk(doc):
        name = ref_name(node)
        if name is not None and name in renames:
            node["$ref"] = REF_PREFIX + renames[name]


_WORD = re.compile(r"[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+|[A-Z]+|\d+")


def words(text: str) -> list[str]:
    """Split an identifier in any style into words.

    >>> words("AITaskBuilderBatch_v2 items-list")
    ['AI', 'Task', 'Builder', 'Batch', 'v', '2', 'items', 'list']
    """
    return _WORD.findall(text)


def pascal(text: str) -> str:
    """``create-credential-pool`` → ``CreateCredentialPool`` (acronyms kept: ``JWKSResponse``).

    >>> pascal("get-study-jwks"), pascal("AI Task Builder"), pascal("participant_ids")
    ('GetStudyJwks', 'AITaskBuilder', 'ParticipantIds')
    """
    return "".join(w if w.isupper() and len(w) > 1 else w[:1].upper() + w[1:] for w in words(text))
