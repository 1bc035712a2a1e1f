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

A resource that is also the request body of an operation (the document uses ``SubscriptionDetail``
both for what ``create-subscription`` sends and for what four operations answer) would keep its
``id`` optional: ``client.webhooks.subscribe(...).id`` was ``str | Unset``. So, first, such a
request body gets its own copy of the schema (:func:`split_sent_resources`), named by
``openapi/names.yaml`` ``request_bodies`` (``create-subscription: CreateSubscription``) or
``<OperationId>Request``; the request stays as published, and the answer gets the rule. Only a
schema that operations send *directly* as their body is split (one sent nested inside another
request is left as published), and only when the rule would change it.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from typing import Any

from .document import (
    Document,
    json_schema,
    media_schemas,
    operations,
    pascal,
    reachable_schemas,
    ref_name,
    ref_to,
    schemas_of,
)
from .errors import SpecError

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


def _missing_identity(schema: Any) -> list[str]:
    properties = schema.get("properties") if isinstance(schema, dict) else None
    if not isinstance(properties, dict):
        return []
    required = schema.get("required") or []
    return [prop for prop in IDENTITY if prop in properties and prop not in required]


def split_sent_resources(doc: Document, request_names: Mapping[str, str] | None = None) -> list[str]:
    """Give the request bodies that *are* a response resource their own copy of it; return what was made.

    For each response resource the rule would change (an ``id``/``status`` declared, not
    required) that operations send directly as their JSON body (``requestBody`` → ``$ref`` to
    it), and that no other request reaches: the schema is copied under the name
    ``request_names[<first such operationId>]`` (names.yaml ``request_bodies``), else
    ``<OperationId>Request``, and those request bodies point at the copy. A line per copy:
    ``"CreateSubscription: create-subscription's body (was SubscriptionDetail)"``. A name that is
    taken stops the build (:class:`SpecError`) naming the operation and the table to fix.
    """
    request_names = request_names or {}
    schemas = schemas_of(doc)
    made: list[str] = []
    for name in sorted(response_resources(doc)):
        if not _missing_identity(schemas[name]):
            continue
        direct: list[tuple[str, dict[str, Any]]] = []
        others: list[Any] = []
        for _path, _method, op in operations(doc):
            content = (op.get("requestBody") or {}).get("content") if isinstance(op.get("requestBody"), dict) else None
            for media in (content or {}).values() if isinstance(content, dict) else ():
                if not isinstance(media, dict) or not isinstance(media.get("schema"), dict):
                    continue
                if ref_name(media["schema"]) == name:
                    direct.append((str(op.get("operationId", "")), media))
                else:
                    others.append(media["schema"])
        if not direct or name in reachable_schemas(doc, others):
            continue
        senders = sorted({op_id for op_id, _media in direct})
        copy_name = request_names.get(senders[0]) or pascal(senders[0]) + "Request"
        if copy_name in schemas:
            raise SpecError(
                f"{senders[0]}: its request body needs its own schema (it shares {name} with the answers, which always "
                f"carry {', '.join(_missing_identity(schemas[name]))}), but the name {copy_name!r} is taken: give it "
                f"another under `request_bodies:` in openapi/names.yaml"
            )
        schemas[copy_name] = copy.deepcopy(schemas[name])
        for _op_id, media in direct:
            media["schema"] = ref_to(copy_name)
        made.append(f"{copy_name}: {', '.join(senders)}'s body (was {name})")
    return made


def require_response_identity(doc: Document, request_names: Mapping[str, str] | None = None) -> list[str]:
    """Apply the rule of this module in place; return ``"Schema.property"`` for each property made required.

    Request bodies that are a response resource get their own copy first (:func:`split_sent_resources`,
    with ``request_names``).
    """
    split_sent_resources(doc, request_names)
    schemas = schemas_of(doc)
    sent = request_schemas(doc)
    changed: list[str] = []
    for name in sorted(response_resources(doc) - sent):
        schema = schemas[name]
        missing = _missing_identity(schema)
        if missing:
            schema["required"] = [*(schema.get("required") or []), *missing]
            changed += [f"{name}.{prop}" for prop in missing]
    return changed
