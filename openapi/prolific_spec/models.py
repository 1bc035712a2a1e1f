"""From the merged document's schemas to the models the generator makes, in order.

prune what no operation uses → name the bodies the table names → lift inline schemas (``hoist``)
→ fold identical shapes (``fold``) → decide every class name (``naming``) → open returned enums
and apply the nullable and required overrides, which all work on the models as finally folded
→ give a request body that shares a response resource its own copy, and make a response
resource's ``id`` and ``status`` present (``identity``).
"""

from __future__ import annotations

from .document import Document, referenced_schemas, schemas_of
from .enums import open_response_enums
from .fold import fold_identical
from .hoist import hoist_inline_schemas
from .identity import require_response_identity
from .naming import NameTable, Naming, Rules, choose_names, name_bodies
from .overrides import Overrides, apply_tables, stale_operation_entries


def prune_unreferenced(doc: Document) -> list[str]:
    """Drop component schemas no operation reaches (e.g. a boolean enum turned into ``boolean``); return them."""
    schemas = schemas_of(doc)
    used = referenced_schemas(doc)
    dropped = sorted(set(schemas) - used)
    for name in dropped:
        del schemas[name]
    return dropped


def shape_models(
    doc: Document,
    table: NameTable,
    overrides: Overrides,
    *,
    overrides_file: str = "",
    origins: dict[str, list[str]] | None = None,
    prune_tables: bool = False,
) -> Naming:
    """Run the model stages on the merged document in place; return the naming decisions.

    ``origins`` (published schema name → source files) makes naming errors name the files.
    ``prune_tables``: skip (with a notice) override entries whose field is gone, instead of
    stopping (see :func:`overrides.apply_tables`).
    """
    prune_unreferenced(doc)
    name_bodies(doc, table)
    rules = Rules(doc)
    lifted = hoist_inline_schemas(doc, parent_name=lambda name: table.schemas.get(name) or rules.rule_name(name))
    groups = fold_identical(doc)
    naming = choose_names(doc, table, groups, lifted, origins)
    open_response_enums(doc)
    stale = naming.stale + stale_operation_entries(doc, table, overrides, overrides_file=overrides_file)
    naming.notices = [n for n in naming.notices if n not in naming.stale]
    naming.notices += apply_tables(
        doc, overrides, current=naming.final, source=overrides_file, prune=prune_tables, stale=stale
    )
    require_response_identity(doc, table.request_bodies)
    return naming
