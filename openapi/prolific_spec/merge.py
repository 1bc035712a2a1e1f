"""Merging cleaned sources into the one document the generator reads."""

from __future__ import annotations

from typing import Any

from .clean import SECURITY_SCHEME, SECURITY_SCHEME_NAME
from .combine import combine
from .document import HTTP_METHODS, Document, operations
from .errors import SpecError

TITLE = "Prolific API"
SERVER = "https://api.prolific.com"
VERSION = "1.0.0"
DESCRIPTION = (
    "Prolific's public API, merged by prolific-client's spec pipeline from the sources in "
    "openapi/sources/ (Prolific's whole-API document and single-endpoint pages, as published) after "
    "cleaning. Do not edit: run `make generate`."
)


def merge(cleaned: list[tuple[str, Document]]) -> Document:
    """Merge ``(origin, cleaned document)`` pairs into one OpenAPI 3.1 document.

    Identical component schemas (prose aside) are kept once; a different schema under a name
    already taken, or a path+method defined twice, raises :class:`SpecError` naming both files.
    The result is ordered (paths, schemas, tags sorted), so the same sources give the same bytes
    whatever order they were read in.
    """
    paths: dict[str, dict[str, Any]] = {}
    path_origin: dict[tuple[str, str], str] = {}
    components: dict[str, dict[str, Any]] = {}
    component_origin: dict[tuple[str, str], str] = {}
    tags: set[str] = set()

    for origin, doc in sorted(cleaned, key=lambda item: item[0]):
        for path, item in (doc.get("paths") or {}).items():
            target = paths.setdefault(path, {})
            for key, value in item.items():
                if key in HTTP_METHODS:
                    if (path, key) in path_origin:
                        raise SpecError(
                            f"{key.upper()} {path} is defined twice: in {path_origin[(path, key)]} and in "
                            f"{origin}. Keep one source per endpoint (delete or fix the other)."
                        )
                    path_origin[(path, key)] = origin
                    target[key] = value
                elif key in target and target[key] != value:
                    raise SpecError(
                        f"{path}: `{key}` differs between {path_origin.get((path, key), 'another source')} and {origin}"
                    )
                else:
                    target[key] = value
                    path_origin.setdefault((path, key), origin)
        for _path, _method, op in operations(doc):
            tags.update(t for t in op.get("tags") or [] if isinstance(t, str))
        for section, entries in (doc.get("components") or {}).items():
            if section == "securitySchemes":
                continue
            merged = components.setdefault(section, {})
            for name, value in (entries or {}).items():
                if name in merged:
                    merged[name] = combine(
                        merged[name],
                        value,
                        name=f"{section}/{name}" if section != "schemas" else name,
                        where_a=component_origin[(section, name)],
                        where_b=origin,
                    )
                else:
                    merged[name] = value
                    component_origin[(section, name)] = origin

    out_components: dict[str, Any] = {"securitySchemes": {SECURITY_SCHEME_NAME: dict(SECURITY_SCHEME)}}
    for section in sorted(components):
        out_components[section] = {name: components[section][name] for name in sorted(components[section])}
    return {
        "openapi": "3.1.1",
        "info": {"title": TITLE, "version": VERSION, "description": DESCRIPTION},
        "servers": [{"url": SERVER}],
        "security": [{SECURITY_SCHEME_NAME: []}],
        "tags": [{"name": tag} for tag in sorted(tags)],
        "paths": {path: _ordered_item(paths[path]) for path in sorted(paths)},
        "components": out_components,
    }


def _ordered_item(item: dict[str, Any]) -> dict[str, Any]:
    others = {k: v for k, v in item.items() if k not in HTTP_METHODS}
    methods = {m: item[m] for m in HTTP_METHODS if m in item}
    return {**others, **methods}
