"""Readable model names from the explicit table in ``openapi/names.yaml``.

No guessing: a published schema keeps its published name unless the table names it, and an
inline request/response schema stays inline (the generator then names it ``<Operation>Body``)
unless the table names it. :func:`unnamed` lists what the table does not cover yet, so a new
endpoint builds at once and the build says which names are still Fern's.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .clean import Document, operations, walk
from .combine import combine
from .errors import SpecError
from .yamlfile import read_mapping

REF_PREFIX = "#/components/schemas/"


@dataclass(frozen=True)
class NameTable:
    """The parsed ``names.yaml``: published schema names, inline request and response bodies."""

    schemas: dict[str, str] = field(default_factory=dict)
    request_bodies: dict[str, str] = field(default_factory=dict)
    responses: dict[str, dict[str, str]] = field(default_factory=dict)

    @classmethod
    def load(cls, path: Path) -> NameTable:
        """Read and check the table; errors name the file and the bad entry."""
        raw = read_mapping(path, "a mapping with `schemas`, `request_bodies`, `responses`")
        unknown = set(raw) - {"schemas", "request_bodies", "responses"}
        if unknown:
            raise SpecError(f"{path}: unknown section(s) {sorted(unknown)}")
        responses = raw.get("responses") or {}
        if not isinstance(responses, dict):
            raise SpecError(f"{path}: `responses` must map operationIds to {{status: name}} mappings")
        table = cls(
            schemas=_str_map(raw.get("schemas"), path, "schemas"),
            request_bodies=_str_map(raw.get("request_bodies"), path, "request_bodies"),
            responses={
                op: _str_map(statuses, path, f"responses.{op}") for op, statuses in (raw.get("responses") or {}).items()
            },
        )
        for where, name in table.all_names():
            if not name.isidentifier() or not name[0].isupper():
                raise SpecError(f"{path}: {where}: {name!r} is not a CapWords Python class name")
        return table

    def all_names(self) -> list[tuple[str, str]]:
        out = [(f"schemas.{k}", v) for k, v in self.schemas.items()]
        out += [(f"request_bodies.{k}", v) for k, v in self.request_bodies.items()]
        out += [(f"responses.{op}.{s}", v) for op, m in self.responses.items() for s, v in m.items()]
        return out


def _str_map(value: Any, path: Path, section: str) -> dict[str, str]:
    if value is None:
        return {}
    if not isinstance(value, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in value.items()):
        raise SpecError(f"{path}: `{section}` must map names to names (strings)")
    return dict(value)


def _json_schema(holder: Any) -> dict[str, Any] | None:
    content = holder.get("content") if isinstance(holder, dict) else None
    media = (content or {}).get("application/json")
    schema = media.get("schema") if isinstance(media, dict) else None
    return schema if isinstance(schema, dict) else None


def apply_names(doc: Document, table: NameTable, *, origin: str) -> Document:
    """Rename component schemas and lift named inline bodies into components, in place."""
    schemas: dict[str, Any] = doc.setdefault("components", {}).setdefault("schemas", {})

    renamed: dict[str, Any] = {}
    for old, schema in schemas.items():
        new = table.schemas.get(old, old)
        where = f"{origin} #/components/schemas/{old}"
        renamed[new] = (
            combine(renamed[new], schema, name=new, where_a=origin, where_b=where) if new in renamed else schema
        )
    schemas.clear()
    schemas.update(renamed)
    for node in walk(doc):
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith(REF_PREFIX):
            node["$ref"] = REF_PREFIX + table.schemas.get(ref[len(REF_PREFIX) :], ref[len(REF_PREFIX) :])

    for _path, _method, op in operations(doc):
        op_id = str(op.get("operationId", ""))
        body_name = table.request_bodies.get(op_id)
        if body_name:
            _lift(op.get("requestBody"), body_name, schemas, origin=origin)
        for status, name in table.responses.get(op_id, {}).items():
            _lift((op.get("responses") or {}).get(status), name, schemas, origin=origin)
    return doc


def _lift(holder: Any, name: str, schemas: dict[str, Any], *, origin: str) -> None:
    schema = _json_schema(holder)
    if schema is None:
        raise SpecError(f"{origin}: names.yaml names a JSON body {name!r} that this source does not have")
    if "$ref" in schema:
        return  # already a named component
    schemas[name] = (
        combine(schemas[name], schema, name=name, where_a=origin, where_b=origin) if name in schemas else dict(schema)
    )
    holder["content"]["application/json"]["schema"] = {"$ref": REF_PREFIX + name}


def unnamed(doc: Document, table: NameTable) -> list[str]:
    """Published schema names and inline bodies that the table does not give a readable name."""
    readable = set(table.schemas.values()) | set(table.request_bodies.values())
    readable |= {n for m in table.responses.values() for n in m.values()}
    out = [
        f"schema {name}"
        for name in (doc.get("components") or {}).get("schemas", {})
        if name not in readable and name not in table.schemas
    ]
    for path, method, op in operations(doc):
        body = _json_schema(op.get("requestBody"))
        if body is not None and "$ref" not in body:
            out.append(f"request body of {method.upper()} {path} ({op.get('operationId')})")
        for status, response in (op.get("responses") or {}).items():
            schema = _json_schema(response)
            if schema is not None and "$ref" not in schema and schema.get("type") == "object":
                out.append(f"{status} response of {method.upper()} {path} ({op.get('operationId')})")
    return out
