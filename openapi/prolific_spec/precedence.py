"""Which source defines an operation: a single-endpoint page wins over the whole-API document.

A page (a source with one operation, as Prolific's docs publish one endpoint per page) is the
user's explicit, usually newer, word on that endpoint, so the document's definition of the same
method and path is dropped, and the build says so. A page may also add a method the document
lacks under a path it has. Two pages for one operation are a mistake the build stops at.
"""

from __future__ import annotations

import copy
from typing import Any

from .combine import shape
from .document import HTTP_METHODS, Document, operations, pascal, referenced_schemas, rewrite_refs, schemas_of
from .errors import SpecError


def is_page(doc: Document) -> bool:
    """A source that defines exactly one operation (a docs page's YAML block)."""
    return sum(1 for _ in operations(doc)) == 1


def apply_precedence(sources: list[tuple[str, Document]]) -> tuple[list[tuple[str, Document]], list[str]]:
    """Drop from each whole-API document the operations a page defines; return the sources and one line per drop.

    The documents are changed in place (they are the pipeline's cleaned copies). Two pages for
    one method and path raise :class:`SpecError` naming both files; two documents for one are
    reported by the merge, naming both.
    """
    page_ops: dict[tuple[str, str], str] = {}
    for origin, doc in sorted(sources, key=lambda item: item[0]):
        if not is_page(doc):
            continue
        for path, method, _op in operations(doc):
            if (path, method) in page_ops:
                raise SpecError(
                    f"{method.upper()} {path} is defined by two pages: {page_ops[(path, method)]} and {origin}. "
                    "Keep one source per endpoint (delete the older page)."
                )
            page_ops[(path, method)] = origin
    notices: list[str] = []
    documents = [(origin, doc) for origin, doc in sorted(sources, key=lambda item: item[0]) if not is_page(doc)]
    for origin, doc in documents:
        paths = doc.get("paths") or {}
        replaced = False
        for path, method, op in list(operations(doc)):
            winner = page_ops.get((path, method))
            if winner is None:
                continue
            notices.append(
                f"{winner} replaces {method.upper()} {path} ({op.get('operationId', 'no operationId')}) of {origin}"
            )
            item = paths[path]
            del item[method]
            if not any(m in item for m in HTTP_METHODS):
                del paths[path]
            replaced = True
        if replaced:  # what only the replaced operations used goes with them
            schemas = schemas_of(doc)
            for name in set(schemas) - referenced_schemas(doc):
                del schemas[name]
    for page_origin, page in sorted(sources, key=lambda item: item[0]):
        if is_page(page):
            notices += _keep_apart(page_origin, page, documents)
    return sources, notices


def _keep_apart(origin: str, page: Document, documents: list[tuple[str, Document]]) -> list[str]:
    """A page schema named like one the documents still use, but shaped differently, is renamed in the page.

    The page's operation then uses the page's shape, and the document's operations keep theirs.
    """
    [(_path, _method, op)] = list(operations(page))
    suffix = pascal(str(op.get("operationId") or "page"))
    schemas = schemas_of(page)
    renames: dict[str, str] = {}
    notices: list[str] = []
    # Until nothing more differs: a schema that refers to a renamed one differs from the document's
    # copy too (its reference now points elsewhere), so it is renamed in turn.
    changed = True
    while changed:
        changed = False
        for name in sorted(set(schemas) - set(renames)):
            mine = shape(_with_renames(schemas[name], renames))
            for doc_origin, doc in documents:
                theirs = schemas_of(doc).get(name)
                if theirs is not None and shape(theirs) != mine:
                    new = name + suffix
                    while new in schemas or new in renames.values():
                        new += "Page"
                    renames[name] = new
                    changed = True
                    notices.append(
                        f"{origin}: schema {name!r} differs from the one {doc_origin} uses for its other operations; "
                        f"the page's operation uses it as {new!r} (name it under `schemas:` in openapi/names.yaml)"
                    )
                    break
    for old, new in renames.items():
        schemas[new] = schemas.pop(old)
    rewrite_refs(page, renames)
    return notices


def _with_renames(schema: Any, renames: dict[str, str]) -> Any:
    """A copy of ``schema`` whose references to renamed schemas point at the new names."""
    if not renames:
        return schema
    copied = copy.deepcopy(schema)
    rewrite_refs({"x": copied}, renames)
    return copied
