"""``openapi/overrides.yaml``: corrections the published YAML needs because Prolific says otherwise elsewhere.

Each entry cites where the truth is published. Sections:

* ``nullable``: published schema name → fields the server may send as null;
* ``required``: published schema name → fields the server always sends (a user need not check for
  ``UNSET`` on every access);
* ``text_responses``: operationId → ``{status: media type}`` for bodies that are text (CSV), not JSON.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .document import Document, schemas_of
from .errors import SpecError
from .yamlfile import read_mapping

_SECTIONS = ("nullable", "required", "text_responses")


@dataclass(frozen=True)
class Overrides:
    """The parsed overrides file (an absent file is an empty one)."""

    nullable: dict[str, list[str]] = field(default_factory=dict)
    required: dict[str, list[str]] = field(default_factory=dict)
    text_responses: dict[str, dict[str, str]] = field(default_factory=dict)

    @classmethod
    def load(cls, path: Path) -> Overrides:
        """Read and check the file; errors name it and the bad section."""
        if not path.exists():
            return cls()
        raw = read_mapping(path, "a mapping with `nullable`, `required` and `text_responses` sections")
        unknown = sorted(set(raw) - set(_SECTIONS))
        if unknown:
            raise SpecError(f"{path}: unknown section(s) {unknown}; expected {', '.join(_SECTIONS)}")
        fields_of = {name: raw.get(name) or {} for name in ("nullable", "required")}
        for name, table in fields_of.items():
            if not isinstance(table, dict) or not all(
                isinstance(v, list) and all(isinstance(f, str) for f in v) for v in table.values()
            ):
                raise SpecError(f"{path}: `{name}` must map schema names to lists of field names")
        text = raw.get("text_responses") or {}
        if not isinstance(text, dict) or not all(
            isinstance(statuses, dict) and all(isinstance(m, str) and "/" in m for m in statuses.values())
            for statuses in text.values()
        ):
            raise SpecError(f"{path}: `text_responses` must map operationIds to {{status: media type}} mappings")
        return cls(
            nullable={str(k): list(v) for k, v in fields_of["nullable"].items()},
            required={str(k): list(v) for k, v in fields_of["required"].items()},
            text_responses={str(op): {str(s): m for s, m in statuses.items()} for op, statuses in text.items()},
        )


def apply_nullable(
    doc: Document, table: Mapping[str, list[str]], *, current: Mapping[str, str] | None = None, source: str = ""
) -> Document:
    """Mark the listed response fields as nullable (``type: [X, 'null']``), as the docs page says.

    ``table`` maps a published schema name to field names; ``current`` maps a published name to
    the name the schema has now (after folding and naming; default: unchanged). The
    participant-group page shows every response field as "... or null" while its YAML marks only
    some; a null the spec does not allow crashes the generated parser. A published name no source
    has is skipped (the table may outlive an endpoint); a field missing from a schema that is here
    is an error.
    """
    schemas = schemas_of(doc)
    current = current or {}
    done: set[tuple[str, str]] = set()
    for published, fields in table.items():
        name = current.get(published, published)
        schema = schemas.get(name)
        if schema is None:
            continue
        props = schema.get("properties") or {}
        for field_name in fields:
            if field_name not in props:
                raise SpecError(
                    f"{source}: nullable table names {published}.{field_name}, which the schema does not "
                    f"have (fields: {', '.join(props)}); fix openapi/overrides.yaml"
                )
            if (name, field_name) not in done:  # two published names folded into one schema
                done.add((name, field_name))
                _make_nullable(props[field_name])
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


def apply_required(
    doc: Document, table: Mapping[str, list[str]], *, current: Mapping[str, str] | None = None, source: str = ""
) -> Document:
    """Mark the listed fields as always sent (``required``), where Prolific's pages show them on every response.

    The document marks few response fields required, so the generated models type identities such
    as ``ParticipantGroup.id`` as ``str | Unset`` and every use needs a check. ``table`` and
    ``current`` as for :func:`apply_nullable`; a field the schema lacks is an error.
    """
    schemas = schemas_of(doc)
    current = current or {}
    for published, fields in table.items():
        schema = schemas.get(current.get(published, published))
        if schema is None:
            continue
        props = schema.get("properties") or {}
        missing = [f for f in fields if f not in props]
        if missing:
            raise SpecError(
                f"{source}: required table names {published}.{missing[0]}, which the schema does not have "
                f"(fields: {', '.join(props)}); fix openapi/overrides.yaml"
            )
        required = schema.setdefault("required", [])
        required.extend(f for f in fields if f not in required)
    return doc
