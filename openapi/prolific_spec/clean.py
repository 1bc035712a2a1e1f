"""Cleaning: one named, unit-tested function per defect in what Prolific publishes.

Each transform takes an OpenAPI document (a dict loaded from one source) and changes it in place,
returning it for chaining; :func:`clean_document` copies the source first, so sources on disk and
in memory stay as published. The transforms live by concern: form defects here, parameters in
``parameters.py``, bodies in ``bodies.py``, enums in ``enums.py``; :data:`TRANSFORMS` lists them
in the order they run. Every published field, enum value, required flag, description and status
code survives, except where a transform's docstring says what it changes and why.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable, Iterator
from typing import Any

from . import bodies, defects, enums, parameters
from .document import HTTP_METHODS, Document, operations, walk

__all__ = [
    "HTTP_METHODS",
    "SECURITY_SCHEME",
    "SECURITY_SCHEME_NAME",
    "TRANSFORMS",
    "Document",
    "clean_document",
    "flatten_tags",
    "remove_placeholder_text",
    "replace_auth_header",
    "tag_name",
]

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

# Text that Fern's renderer leaves where it had nothing to say.
_PLACEHOLDER = re.compile(r"`undefined\s*`")
# What is left of a sentence whose subject was the placeholder.
_DANGLING = re.compile(r"\b(of the form|such as|e\.g\.|like)\s*[.:]?$", re.IGNORECASE)


def _kebab(name: str) -> str:
    name = re.sub(r"([a-z0-9])([A-Z])", r"\1-\2", name)
    return re.sub(r"[_\s]+", "-", name).lower()


def tag_name(raw: str) -> str:
    """Fern's ``subpackage_participantGroups`` → ``participant-groups``.

    >>> tag_name("subpackage_participantGroups")
    'participant-groups'
    >>> tag_name("wellKnownEndpoints")
    'well-known-endpoints'
    """
    return _kebab(raw.removeprefix("subpackage_"))


def flatten_tags(doc: Document) -> Document:
    """Tags written as a nested list (``- - subpackage_credentials``) → a flat list of kebab names.

    The generator refuses the nested form outright ("tags.0 Input should be a valid string"); the
    kebab form makes the generated subpackage the tag in snake case (``participant_groups``).
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
    duplicates"), and a header parameter would make every caller pass the token by hand
    (``authorization: str`` on 120 of 121 functions of the whole-API document). An operation that
    published the header requires the scheme, set on the operation because openapi-python-client
    only reads operation-level ``security``. One that published neither the header nor a
    ``security`` of its own is public (``security: []``, e.g. the study JWKS endpoint): its
    function then works with a plain ``Client`` and sends no token.
    """
    components = doc.setdefault("components", {})
    schemes = components.setdefault("securitySchemes", {})
    # A full document may already name its scheme `token`; any other apiKey on Authorization is
    # the same thing under another name.
    for name in [n for n, s in schemes.items() if n != SECURITY_SCHEME_NAME and _is_auth_scheme(s)]:
        del schemes[name]
        _rename_security_requirement(doc, name)
    inherited = doc.get("security")
    for _path, _method, op in operations(doc):
        params = op.get("parameters")
        published_header = False
        if isinstance(params, list):
            kept = [p for p in params if not parameters.is_auth_header(p)]
            published_header = len(kept) != len(params)
            if kept:
                op["parameters"] = kept
            elif published_header:
                del op["parameters"]
        if published_header:
            op["security"] = [{SECURITY_SCHEME_NAME: []}]
        elif "security" not in op:
            op["security"] = copy.deepcopy(inherited) if inherited else []
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
    for requirements in [doc.get("security"), *(op.get("security") for _p, _m, op in operations(doc))]:
        for requirement in requirements or []:
            if isinstance(requirement, dict) and old in requirement:
                requirement[SECURITY_SCHEME_NAME] = requirement.pop(old)


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


#: Where Prolific's descriptions' site-relative links (``/api-reference/...``) live.
DOCS_SITE = "https://docs.prolific.com"
_SITE_LINK = re.compile(r"\]\((/[^)\s]*)\)")


def absolute_docs_links(doc: Document) -> Document:
    """Make the descriptions' site-relative markdown links (``[x](/api-reference/...)``) point to Prolific's docs.

    They are relative to docs.prolific.com, where the document is published; in a docstring, an
    editor or the reference site they lead nowhere.

    >>> absolute_docs_links({"description": "see [Filter Sets](/api-reference/filter-sets)."})["description"]
    'see [Filter Sets](https://docs.prolific.com/api-reference/filter-sets).'
    """
    for node in walk(doc):
        text = node.get("description")
        if isinstance(text, str) and "](/" in text:
            node["description"] = _SITE_LINK.sub(lambda m: f"]({DOCS_SITE}{m.group(1)})", text)
    return doc


Transform = Callable[[Document], Document]

# Order matters only where noted.
TRANSFORMS: tuple[Transform, ...] = (
    flatten_tags,
    # Before anything keyed on an operationId (the tables, the text responses).
    defects.derive_operation_ids,
    replace_auth_header,
    # After the auth header is gone: its copies are replace_auth_header's to remove.
    defects.duplicate_parameters_once,
    remove_placeholder_text,
    absolute_docs_links,
    enums.fix_object_enums,
    # Defect classes (defects.py): a next release may bring any of them anywhere.
    defects.nullable_keyword_to_type,
    defects.null_enum_nullable,
    defects.array_with_properties_to_object,  # before array_items_any: an object is no array
    defects.array_items_any,
    defects.empty_union_branch_any,
    defects.overlapping_one_of,
    defects.flatten_object_all_of,  # before drop_unknown_required: it may bring the named fields
    defects.drop_unknown_required,
    defects.responses_without_schema_no_body,  # before document_error_bodies gives errors their body
    # Error bodies first: the schemas they add are cleaned by what follows, like the document's own.
    bodies.document_error_bodies,
    bodies.unify_error_bodies,
    bodies.default_error_responses,
    bodies.lenient_error_bodies,
    bodies.fix_field_error_maps,
    bodies.drop_bodies_of_no_content,
    parameters.boolean_query_enums,
    parameters.explode_object_query_parameters,
    parameters.copy_parameter_descriptions,
    bodies.require_request_bodies,
)


def clean_document(
    source: Document, *, text_responses: dict[str, dict[str, str]] | None = None, notes: list[str] | None = None
) -> Document:
    """Apply every cleaning transform to a deep copy of ``source`` and return the copy.

    ``text_responses`` is the table of responses that are text, not JSON (see
    :func:`bodies.declare_text_responses`). What needs the merged document (folding identical
    shapes, names, nullable fields, open response enums) happens after merging. ``notes``, when
    given, receives what the transforms want the user to know (a dropped ``required`` name, a
    derived ``operationId``), each line starting with the JSON pointer or operation.
    """
    doc = copy.deepcopy(source)
    with defects.collect_notes() as collected:
        for transform in TRANSFORMS:
            transform(doc)
    if notes is not None:
        notes.extend(collected)
    bodies.declare_text_responses(doc, text_responses or {})
    return doc
