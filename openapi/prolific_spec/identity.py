"""A resource in a response always carries its identity: its ``id`` and ``status`` are required there.

The rule (:func:`require_response_identity`): for every component schema that is **the resource of
a successful response** — the schema of a 2xx JSON body, the items of its ``results`` list, or the
items of a bare array body — the properties ``id`` and ``status``, when it declares them, are added
to ``required``. Schemas a request body reaches (at any depth) are left as published, so what a
caller sends keeps its optional fields.

The evidence, in Prolific's whole-API document (``openapi/sources/prolific-openapi.yaml``, measured
on the merged spec when this rule was written): of the 32 response resources that declare ``id``
or ``status``, 23 already list them as required (``Submission``, ``SubmissionShort``, ``Project``,
``User``, ``Message``, ``BulkBonus``, ``AITaskBuilderBatch``, ...): a resource is never answered
without its identity, and the ones that do not say so (``Study``, ``FilterSet``,
``SubscriptionEvent``, ...) are the same kind of object, documented less carefully (the rule adds
13 properties, ``Study.id`` and ``Study.status`` among them). The API's own follow-up calls
(``publish-study``, ``get-study``, ``update-study``) take that id as a required path parameter, so
a resource answered without it could not be used at all. Without the
rule, ``client.studies.create_study(...).id`` is typed ``str | Unset``, and passing it on to
``publish_study`` fails ``mypy --strict`` for every user.

Nested objects are not touched (an ``id`` inside a filter or a label is not the response's own
identity), nor is nullability: a nullable ``id`` stays nullable, it only becomes present.
"""

from __future__ import annotations

from .document import Document, json_schema, media_schemas, operations, reachable_schemas, ref_name, schemas_of

#: The properties that name a resource and its state.
IDENTITY = ("id", "status")


def response_resources(doc: Document) -> set[str]:
    """Component schemas that are the resource of a 2xx JSON response (the body, its ``results`` items, array items)."""
    schemas = schemas_of(doc)
    found: set[str] = set()
    for _path, _method, op in operations(doc):
        for status, response in (op.get("responses") or {}).items():
            if not str(status).startswith("2"):
                continue
            body = json_schema(response)
            if body is None:
                continue
            name = ref_name(body)
            if name is not None:
                found.add(name)
                results = ((schemas.get(name) or {}).get("properties") or {}).get("results")
                item = ref_name((results or {}).get("items")) if isinstance(results, dict) else None
            else:
                item = ref_name(body.get("items")) if body.get("type") == "array" else None
            if item is not None:
                found.add(item)
    return {name for name in found if name in schemas}


def request_schemas(doc: Document) -> set[str]:
    """Component schemas a request body reaches, at any depth."""
    roots = [schema for _path, _method, op in operations(doc) for schema in media_schemas(op.get("requestBody"))]
    return reachable_schemas(doc, roots)


def require_response_identity(doc: Document) -> list[str]:
    """Apply the rule of this module in place; return ``"Schema.property"`` for each property made required."""
    schemas = schemas_of(doc)
    sent = request_schemas(doc)
    changed: list[str] = []
    for name in sorted(response_resources(doc) - sent):
        schema = schemas[name]
        properties = schema.get("properties")
        if not isinstance(properties, dict):
            continue
        required = schema.get("required") or []
        missing = [prop for prop in IDENTITY if prop in properties and prop not in required]
        if missing:
            schema["required"] = [*required, *missing]
            changed += [f"{name}.{prop}" for prop in missing]
    return changed
