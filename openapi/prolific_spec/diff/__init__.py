"""Comparing two OpenAPI documents: what changed for a client user, and whether it breaks them.

Operations are identified by method and path (``POST /api/v1/credentials/``), never by
``operationId``, which Prolific re-cases between releases. Two path templates that differ only in
the names of their path parameters (``/studies/{id}/`` and ``/studies/{study_id}/``) match the same
URLs, so they are the same operation; any other spelling difference (a trailing slash, case) is a
different URL and stays a different operation.

Inside an operation the comparison covers parameters, the request body and the success
responses' bodies, following ``$ref`` chains into nested objects, arrays, maps and
``allOf``/``oneOf``/``anyOf`` (each pair of referenced schemas is compared once, which also
stops reference cycles), plus enum values and status codes.

What breaks a client user (``Change.breaking``) depends on the direction of the data:

- anything removed: an operation, a parameter, a field, an enum value, a variant, a media type,
  a success status (a removed *error* status is not: the call still fails the same way);
- a new required parameter or request field, or a request field becoming required;
- a response field becoming optional (code that reads it must now handle its absence);
- a type change, except nullability in the safe direction (a request field that now also takes
  ``null``, a response field that is no longer ``null``); a ``format`` change only where the
  generated Python type changes with it (``date-time``, ``date``, ``uuid``, ``binary``);
- additions are not breaking.

The package: ``model`` (the result), ``reading`` (parse a document), ``schema`` (what of a schema
a client sees), ``compare`` (operations and schemas, change by change).
"""

from __future__ import annotations

from pathlib import Path

from ..document import HTTP_METHODS, Document
from .compare import _Comparer, _label, _match_operations, _operations, _ordered
from .model import Change, OperationChanges, SpecDiff
from .reading import load_document, parse_document

__all__ = [
    "HTTP_METHODS",
    "Change",
    "Document",
    "OperationChanges",
    "SpecDiff",
    "diff_documents",
    "diff_files",
    "load_document",
    "parse_document",
]


def diff_documents(old: Document, new: Document) -> SpecDiff:
    """Compare two parsed OpenAPI documents (as published, or cleaned and merged).

    >>> old = {"openapi": "3.1.0", "paths": {"/a/": {"get": {"responses": {"200": {}}}}}}
    >>> new = {"openapi": "3.1.0", "paths": {"/b/": {"get": {"responses": {"200": {}}}}}}
    >>> d = diff_documents(old, new)
    >>> d.added_operations, d.removed_operations, d.breaking
    (('GET /b/',), ('GET /a/',), True)
    """
    comparer = _Comparer(old, new)
    old_ops, new_ops = _operations(old), _operations(new)
    pairs, added, removed = _match_operations(old_ops, new_ops)
    changed = []
    for old_key, new_key in pairs:
        changes = comparer.operation(old_key, old_ops[old_key], new_key, new_ops[new_key])
        if changes:
            changed.append(OperationChanges(_label(new_key), tuple(_ordered(changes))))
    summaries = {_label(k): str(op.get("summary") or "") for k, (_item, op) in new_ops.items() if k in added}
    summaries |= {_label(k): str(op.get("summary") or "") for k, (_item, op) in old_ops.items() if k in removed}
    return SpecDiff(
        added_operations=tuple(sorted(_label(k) for k in added)),
        removed_operations=tuple(sorted(_label(k) for k in removed)),
        changed_operations=tuple(sorted(changed, key=lambda op: op.operation)),
        summaries=summaries,
    )


def diff_files(old: Path, new: Path) -> SpecDiff:
    """:func:`diff_documents` on two files."""
    return diff_documents(load_document(old), load_document(new))
