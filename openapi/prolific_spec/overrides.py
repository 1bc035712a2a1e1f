"""``openapi/overrides.yaml``: corrections the published YAML needs because Prolific says otherwise elsewhere.

Each entry cites where the truth is published. Sections:

* ``nullable``: published schema name → fields the server may send as null;
* ``required``: published schema name → fields the server always sends (a user need not check for
  ``UNSET`` on every access);
* ``text_responses``: operationId → ``{status: media type}`` for bodies that are text (CSV), not JSON;
* ``integers``: published schema name → ``{field: evidence}`` for fields the document types ``number``
  that are whole numbers (:mod:`.integers`); every entry says where that is published.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .document import Document, operations, resolve, schemas_of
from .errors import SpecError
from .yamlfile import read_mapping

_SECTIONS = ("nullable", "required", "text_responses", "integers")


@dataclass(frozen=True)
class Overrides:
    """The parsed overrides file (an absent file is an empty one)."""

    nullable: dict[str, list[str]] = field(default_factory=dict)
    required: dict[str, list[str]] = field(default_factory=dict)
    text_responses: dict[str, dict[str, str]] = field(default_factory=dict)
    integers: dict[str, dict[str, str]] = field(default_factory=dict)

    @classmethod
    def load(cls, path: Path) -> Overrides:
        """Read and check the file; errors name it and the bad section."""
        if not path.exists():
            return cls()
        raw = read_mapping(path, "a mapping with `nullable`, `required`, `text_responses` and `integers` sections")
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
            integers=_evidence_table(path, raw.get("integers") or {}),
        )


def _evidence_table(path: Path, table: Any) -> dict[str, dict[str, str]]:
    """``integers``: schema → ``{field: evidence}``; an entry without its evidence is refused, by name."""
    if not isinstance(table, dict) or not all(isinstance(v, dict) for v in table.values()):
        raise SpecError(f"{path}: `integers` must map schema names to {{field: evidence}} mappings")
    for schema, fields in table.items():
        for name, evidence in fields.items():
            if not isinstance(evidence, str) or not evidence.strip():
                raise SpecError(
                    f"{path}: integers.{schema}.{name}: say where Prolific publishes that this is a whole number "
                    "(e.g. `prolific-oss/cli model/study.go Study.TotalAvailablePlaces int`)"
                )
    return {str(k): {str(f): str(e) for f, e in v.items()} for k, v in table.items()}


def apply_tables(
    doc: Document,
    overrides: Overrides,
    *,
    current: Mapping[str, str] | None = None,
    source: str = "",
    prune: bool = False,
    stale: list[str] | None = None,
) -> list[str]:
    """Apply the ``nullable``, ``required`` and ``integers`` tables to the merged document; return notices.

    Fields are found through ``$ref`` chains and ``allOf`` members (:func:`fields_of`). An entry
    whose schema is here but whose field is not, even so, is really gone: one line naming the
    entry, the file and what to do; every such line is reported at once and stops the build,
    unless ``prune`` (``--prune-tables``): then they are notices and the entries are skipped.
    An entry for a schema (or operation) no source has is a notice only: the tables serve every
    release, and another release may have it. ``stale``: such lines about other table entries
    (names.yaml, text responses), returned as notices with these.
    """
    current = current or {}
    schemas = schemas_of(doc)
    notices: list[str] = list(stale or [])
    from .integers import apply_integers  # integers.py uses this module's field lookup

    sections = (("nullable", overrides.nullable), ("required", overrides.required), ("integers", overrides.integers))
    for section, table in sections:
        for published in table:
            if current.get(published, published) not in schemas:
                notices.append(
                    f"{source}: {section}.{published}: no source has a schema {published!r}; the entry is unused "
                    "(remove it if no release needs it)"
                )
    problems: list[str] = []
    apply_nullable(doc, overrides.nullable, current=current, source=source, problems=problems)
    apply_required(doc, overrides.required, current=current, source=source, problems=problems)
    apply_integers(doc, overrides.integers, current=current, source=source, problems=problems)
    if problems and not prune:
        lines = "\n  ".join(problems)
        raise SpecError(
            f"{len(problems)} table entr{'y' if len(problems) == 1 else 'ies'} name a field that is gone:\n  {lines}\n"
            "Fix the table, or build without these entries with `--prune-tables` (make generate PRUNE_TABLES=1)"
        )
    return notices + [f"{line} (skipped: --prune-tables)" for line in problems]


def stale_operation_entries(doc: Document, names: Any, overrides: Overrides, *, overrides_file: str = "") -> list[str]:
    """A notice per names.yaml body entry or overrides.yaml text response whose operationId no source has.

    ``names`` is the :class:`naming.NameTable` (its ``request_bodies`` and ``responses``).
    """
    op_ids = {op.get("operationId") for _p, _m, op in operations(doc)}
    lines = []
    for section, keys in (("request_bodies", names.request_bodies), ("responses", names.responses)):
        lines += [
            f"openapi/names.yaml: {section}.{op_id}: no source has an operation {op_id!r}; the entry is unused "
            "(move it to the operation's new operationId, or remove it)"
            for op_id in keys
            if op_id not in op_ids
        ]
    lines += [
        f"{overrides_file or 'openapi/overrides.yaml'}: text_responses.{op_id}: no source has an operation "
        f"{op_id!r}; the entry is unused (move it to the operation's new operationId, or remove it)"
        for op_id in overrides.text_responses
        if op_id not in op_ids
    ]
    return lines


def fields_of(doc: Document, schema: Any) -> dict[str, dict[str, Any]]:
    """A schema's fields (name → property schema), through ``$ref`` chains and ``allOf`` members.

    A field defined in an ``allOf`` member (an inline one, or a referenced schema) is that
    member's property: an override changes it there, which is what the wrapper's model reads.
    """
    out: dict[str, dict[str, Any]] = {}
    seen: set[int] = set()
    pending = [schema]
    while pending:
        node = resolve(doc, pending.pop(0))
        if not isinstance(node, dict) or id(node) in seen:
            continue
        seen.add(id(node))
        for name, prop in (node.get("properties") or {}).items():
            if isinstance(prop, dict):
                out.setdefault(name, prop)
        pending += [m for m in node.get("allOf") or [] if isinstance(m, dict)]
    return out


def _owner_of(doc: Document, schema: Any) -> dict[str, Any] | None:
    """The schema a ``$ref`` chain ends at (where ``required`` goes)."""
    node = resolve(doc, schema)
    return node if isinstance(node, dict) else None


def missing_field(source: str, section: str, published: str, field_name: str, fields: Any) -> str:
    """The line that says a table entry names a field its schema does not have, and what to do."""
    return (
        f"{source}: {section} table names {published}.{field_name}, which the schema does not have, not even "
        f"through allOf or $ref (fields: {', '.join(fields)}); remove the entry from openapi/overrides.yaml, or "
        "move it to the schema that has the field"
    )


def apply_nullable(
    doc: Document,
    table: Mapping[str, list[str]],
    *,
    current: Mapping[str, str] | None = None,
    source: str = "",
    problems: list[str] | None = None,
) -> Document:
    """Mark the listed response fields as nullable (``type: [X, 'null']``), as the docs page says.

    ``table`` maps a published schema name to field names; ``current`` maps a published name to
    the name the schema has now (after folding and naming; default: unchanged). The
    participant-group page shows every response field as "... or null" while its YAML marks only
    some; a null the spec does not allow crashes the generated parser. A published name no source
    has is skipped (the table may outlive an endpoint: :func:`apply_tables` says so); a field
    missing from a schema that is here, even through ``allOf``/``$ref``, is an error (or a line
    in ``problems``, when given).
    """
    schemas = schemas_of(doc)
    current = current or {}
    done: set[tuple[int, str]] = set()
    for published, fields in table.items():
        name = current.get(published, published)
        schema = schemas.get(name)
        if schema is None:
            continue
        props = fields_of(doc, schema)
        for field_name in fields:
            if field_name not in props:
                line = missing_field(source, "nullable", published, field_name, props)
                if problems is None:
                    raise SpecError(line)
                problems.append(line)
                continue
            if (id(props[field_name]), field_name) not in done:  # two published names folded into one schema
                done.add((id(props[field_name]), field_name))
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
    doc: Document,
    table: Mapping[str, list[str]],
    *,
    current: Mapping[str, str] | None = None,
    source: str = "",
    problems: list[str] | None = None,
) -> Document:
    """Mark the listed fields as always sent (``required``), where Prolific's pages show them on every response.

    The document marks few response fields required, so the generated models type identities such
    as ``ParticipantGroup.id`` as ``str | Unset`` and every use needs a check. ``table``,
    ``current`` and ``problems`` as for :func:`apply_nullable`; fields are found the same way, and
    ``required`` is set on the schema the entry's ``$ref`` chain ends at (an ``allOf`` wrapper's
    own ``required`` covers its members' fields).
    """
    schemas = schemas_of(doc)
    current = current or {}
    for published, fields in table.items():
        schema = _owner_of(doc, schemas.get(current.get(published, published)))
        if schema is None:
            continue
        props = fields_of(doc, schema)
        missing = [f for f in fields if f not in props]
        for field_name in missing:
            line = missing_field(source, "required", published, field_name, props)
            if problems is None:
                raise SpecError(line)
            problems.append(line)
        required = schema.setdefault("required", [])
        required.extend(f for f in fields if f not in required and f in props)
    return doc
