"""When the generator warns: its warnings grouped by root cause, roots first, the full list in a file.

One defect spreads: a list branch without ``items`` in ``ErrorDetail.detail`` makes the generator
drop ``ErrorDetail``, then ``Error``, then the error responses of every operation — 197 warnings
for one cause. :func:`failure_message` finds the schemas the generator could not build whose own
nodes hold the defect (the roots, named by pointer and by the class of :func:`defects.defect_at`),
counts what follows from each (schemas that refer to it, operations whose bodies reach it), and
writes every warning, cleaned of the generator's object reprs, to a file whose path it prints.
"""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from .defects import defect_at, readable, schema_tree
from .document import Document, operation_schemas, operations, ref_name, walk

#: Lines of roots shown before the pointer to the full list (the message stays short).
MAX_ROOTS = 10

_SCHEMA_HEADER = re.compile(r"Unable to (?:parse|process) schema /components/schemas/(?P<name>[^\s:]+)")
_REMOVED = re.compile(r"^/components/schemas/(?P<name>\S+)$", re.MULTILINE)
_OPERATION_HEADER = re.compile(r"parsing (?P<method>[A-Z]+) (?P<path>\S+) within")
_OBJECT_REPR = re.compile(r"<[\w.]+ object at 0x[0-9a-f]+>")


class Problem(Protocol):
    """What openapi-python-client reports (``GeneratorError``/``ParseError``/``PropertyError``)."""

    header: str
    detail: str | None


@dataclass
class _Root:
    schema: str
    cause: str
    schemas: set[str] = field(default_factory=set)  # what the generator dropped because of it
    operations: set[str] = field(default_factory=set)
    error_only: bool = True  # reached only through error responses
    warnings: int = 0


def clean_text(text: str | None) -> str:
    """A generator message without the object reprs it leaks (``<... UntrustedString object at 0x...>``)."""
    return _OBJECT_REPR.sub("(value)", (text or "").strip())


def _references(doc: Document) -> dict[str, set[str]]:
    schemas = (doc.get("components") or {}).get("schemas") or {}
    return {
        name: {t for node in walk(schema) if (t := ref_name(node)) is not None and t in schemas}
        for name, schema in schemas.items()
    }


def _closure(start: Iterable[str], refs: dict[str, set[str]]) -> set[str]:
    seen: set[str] = set()
    pending = list(start)
    while pending:
        name = pending.pop()
        if name not in seen:
            seen.add(name)
            pending += refs.get(name, ())
    return seen


def _own_defect(doc: Document, name: str) -> str | None:
    schema = ((doc.get("components") or {}).get("schemas") or {}).get(name)
    for where, node in schema_tree(schema, f"components/schemas/{name}"):
        cause = defect_at(node)
        if cause is not None:
            return f"{readable(where)}: {cause}"
    return None


def _operation_reach(doc: Document, refs: dict[str, set[str]]) -> dict[str, tuple[set[str], set[str]]]:
    """``"METHOD path"`` → (schemas its success bodies and parameters reach, schemas its error bodies reach)."""
    out = {}
    for path, method, op in operations(doc):
        errors = [
            node
            for status, response in (op.get("responses") or {}).items()
            if str(status)[:1] in "45"
            for node in operation_schemas({"responses": {status: response}})
        ]
        error_ids = {id(node) for node in errors}
        others = [node for node in operation_schemas(op) if id(node) not in error_ids]

        def names(nodes: list[dict[str, Any]]) -> set[str]:
            return {t for root in nodes for node in walk(root) if (t := ref_name(node)) is not None}

        out[f"{method.upper()} {path}"] = (_closure(names(others), refs), _closure(names(errors), refs))
    return out


def group(problems: Sequence[Problem], doc: Document) -> tuple[list[_Root], list[Problem]]:
    """The root causes (most warnings first) and the warnings that follow from none of them.

    A warning may follow from two roots (an operation whose success and error bodies each
    reach one): each root counts it.
    """
    failed: dict[str, Problem] = {}
    dropped: set[str] = set()
    for problem in problems:
        match = _SCHEMA_HEADER.search(problem.header or "")
        if match:
            failed.setdefault(match["name"], problem)
            dropped.add(match["name"])
            dropped.update(m["name"] for m in _REMOVED.finditer(problem.detail or ""))
    refs = _references(doc)
    roots: dict[str, _Root] = {}
    for name, problem in failed.items():
        own = _own_defect(doc, name)
        follows = (refs.get(name, set()) & dropped) - {name}
        if own is None and follows:
            continue  # it fell because a schema it refers to did
        roots[name] = _Root(name, own or f"{name}: {clean_text(problem.detail) or clean_text(problem.header)}")
    for root in roots.values():
        root.schemas = {n for n in dropped if root.schema in _closure([n], refs)}
    reach = _operation_reach(doc, refs)
    unexplained: list[Problem] = []
    for problem in problems:
        schema = _SCHEMA_HEADER.search(problem.header or "")
        operation = _OPERATION_HEADER.search(problem.header or "")
        owners: list[_Root] = []
        if schema:
            owners = [r for r in roots.values() if schema["name"] in r.schemas]
        elif operation:
            key = f"{operation['method']} {operation['path']}"
            ok, errors = reach.get(key, (set(), set()))
            owners = [r for r in roots.values() if r.schema in ok or r.schema in errors]
            for root in owners:
                root.operations.add(key)
                root.error_only = root.error_only and root.schema not in ok
        if owners:
            for root in owners:
                root.warnings += 1
        else:
            unexplained.append(problem)
    ranked = sorted(roots.values(), key=lambda r: (-r.warnings, r.schema))
    return ranked, unexplained


def _reach_text(root: _Root, total_operations: int) -> str:
    count = len(root.operations)
    if not count:
        return "no operation depends on it"
    if root.error_only and count == total_operations:
        return "every operation's error responses depend on it"
    if root.error_only:
        return f"the error responses of {count} of {total_operations} operations depend on it"
    shown = ", ".join(sorted(root.operations)[:2]) + (" …" if count > 2 else "")
    return f"{count} operation{'s depend' if count > 1 else ' depends'} on it ({shown})"


def failure_message(problems: Sequence[Problem], doc: Document, spec: Path, *, full_list: Path | None = None) -> str:
    """The message for a build the generator refused: roots first (≤ about 15 lines), then where the full list is."""
    roots, unexplained = group(problems, doc)
    if full_list is None:
        handle, name = tempfile.mkstemp(prefix="prolific-generator-warnings-", suffix=".txt")
        full_list = Path(name)
        os.close(handle)
    full_list.write_text(
        "".join(f"{p.header.strip() if p.header else ''}\n    {clean_text(p.detail)}\n" for p in problems),
        encoding="utf-8",
    )
    total = sum(1 for _ in operations(doc))
    follow = len(problems) - len(unexplained) - len(roots)
    causes = len(roots) + len(unexplained)
    lines = [
        f"openapi-python-client refused {spec} with {len(problems)} warning{'s' if len(problems) != 1 else ''} "
        f"(warnings count as failures; nothing was written): {causes} root cause{'s' if causes != 1 else ''}"
        + (f" ({follow} warnings follow from them)" if follow > 0 else "")
        + ":"
    ]
    for root in roots[:MAX_ROOTS]:
        lines.append(f"  - {root.cause} — {_reach_text(root, total)} ({root.warnings} warnings)")
    room = max(0, MAX_ROOTS - len(roots))
    for problem in unexplained[:room]:
        lines.append(f"  - {clean_text(problem.header)}: {clean_text(problem.detail)}"[:300])
    hidden = max(0, len(roots) - MAX_ROOTS) + max(0, len(unexplained) - room)
    if hidden:
        lines.append(f"  … and {hidden} more")
    lines.append(
        f"Fix each root in its source (or teach openapi/prolific_spec/defects.py the class); every warning: {full_list}"
    )
    return "\n".join(lines)
