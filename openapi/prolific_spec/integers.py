"""Whole numbers: fields the document types ``number`` that Prolific's own tools type as integers.

The ``integers`` table of ``openapi/overrides.yaml`` maps a published schema name to its fields,
each with the evidence that the field is a whole number (a file and field of Prolific's Go CLI, or
a docs page). Places, minutes and counts are published as ``type: number, format: double``, so
the generated models typed them ``float`` (``study.total_available_places: float``), while
Prolific's Go CLI decodes them into Go ``int`` fields (``model/study.go``: ``TotalAvailablePlaces
int``). Go's JSON decoder refuses ``10.0`` for an ``int`` field, so a CLI that works against the
API is evidence that the server sends these as JSON integers.

:func:`apply_integers` makes each listed field ``type: integer`` (a nullable one
``[integer, 'null']``) and drops the ``double`` format. The generated models then type it ``int``;
their ``from_dict`` reads an integral float (``10.0``) as the ``int`` it is
(``types.whole_number``, in ``openapi/templates/types.py.jinja``), so a server that did send
``10.0`` still parses.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .document import Document, schemas_of
from .errors import SpecError
from .overrides import fields_of, missing_field

#: The formats a ``number`` field may carry that mean nothing for an integer.
_NUMBER_FORMATS = ("double", "float")


def apply_integers(
    doc: Document,
    table: Mapping[str, Mapping[str, str]],
    *,
    current: Mapping[str, str] | None = None,
    source: str = "",
    problems: list[str] | None = None,
) -> list[str]:
    """Make the listed fields integers; return ``"Schema.field"`` for each field changed.

    ``table`` maps a published schema name to ``{field: evidence}``; ``current`` maps a published
    name to the name the schema has now (after folding and naming). Fields are found through
    ``$ref`` chains and ``allOf`` members, as for the other tables. A schema no source has is
    skipped (``overrides.apply_tables`` says so); a field the schema does not have is a line in
    ``problems`` (or a :class:`SpecError` when ``problems`` is None), and so is a field that is
    not a number (a table entry that no longer fits the document must be looked at, not applied).
    A field already ``integer`` is left alone (a newer release may have fixed it).
    """
    schemas = schemas_of(doc)
    current = current or {}
    changed: list[str] = []
    for published, fields in table.items():
        name = current.get(published, published)
        schema = schemas.get(name)
        if schema is None:
            continue
        props = fields_of(doc, schema)
        for field_name in fields:
            prop = props.get(field_name)
            line = None
            if prop is None:
                line = missing_field(source, "integers", published, field_name, props)
            else:
                outcome = _make_integer(prop)
                if outcome is None:
                    kind = prop.get("type", prop.get("$ref", "?"))
                    line = (
                        f"{source}: integers table names {published}.{field_name}, which is not a number (type "
                        f"{kind!r}); remove the entry from openapi/overrides.yaml, or check what the document says"
                    )
                elif outcome:
                    changed.append(f"{name}.{field_name}")
            if line is not None:
                if problems is None:
                    raise SpecError(line)
                problems.append(line)
    return changed


def _make_integer(prop: dict[str, Any]) -> bool | None:
    """``number`` → ``integer`` in place (a nullable one stays nullable).

    True: changed; False: already an integer (a later release may say so itself); None: neither a
    number nor an integer (the entry does not fit the document).
    """
    kind = prop.get("type")
    kinds = kind if isinstance(kind, list) else [kind]
    if "number" in kinds:
        prop["type"] = "integer" if kind == "number" else ["integer" if k == "number" else k for k in kinds]
        if prop.get("format") in _NUMBER_FORMATS:
            del prop["format"]
        return True
    return False if "integer" in kinds else None
