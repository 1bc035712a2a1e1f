"""What no transform can decide, and so stops the build: one line per problem, naming the operation or pointer.

* two operations with one ``operationId`` (which one would a table entry, or a caller, mean?);
* a ``$ref`` to a schema (or anything) that does not exist (what was it meant to be?);
* a path parameter that is not in the path, or a ``{name}`` in the path that no parameter declares
  (which value goes where in the URL?).

Every problem of every source is reported at once, after cleaning (so a derived ``operationId``
counts) and after a page has replaced the document's operation (a replaced one is no conflict).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from .document import HTTP_METHODS, Document, operations
from .errors import SpecError

_TEMPLATE = re.compile(r"\{([^}/]+)\}")


def _pointer_walk(node: Any, pointer: str) -> Iterator[tuple[str, dict[str, Any]]]:
    stack = [(pointer, node)]
    while stack:
        where, current = stack.pop()
        if isinstance(current, dict):
            yield where, current
            stack.extend(
                (f"{where}/{str(k).replace('~', '~0').replace('/', '~1')}", v)
                for k, v in reversed(list(current.items()))
                if k not in ("example", "examples")  # values, not schemas: a `$ref` key there is data
            )
        elif isinstance(current, list):
            stack.extend((f"{where}/{i}", v) for i, v in reversed(list(enumerate(current))))


def _target(doc: Document, ref: str) -> Any:
    node: Any = doc
    for part in ref[2:].split("/") if ref != "#" else []:
        part = part.replace("~1", "/").replace("~0", "~")
        if isinstance(node, dict) and part in node:
            node = node[part]
        elif isinstance(node, list) and part.isdigit() and int(part) < len(node):
            node = node[int(part)]
        else:
            return _MISSING
    return node


_MISSING = object()


def missing_references(origin: str, doc: Document) -> list[str]:
    """One line per ``$ref`` that points at nothing in ``doc`` (references are local: ``#/...``)."""
    problems = []
    for where, node in _pointer_walk(doc, "#"):
        ref = node.get("$ref")
        if not isinstance(ref, str):
            continue
        if not ref.startswith("#"):
            problems.append(
                f"{origin}: {where}: `$ref: {ref}` points outside the document; copy the schema into "
                "components/schemas and refer to it there"
            )
        elif _target(doc, ref) is _MISSING:
            problems.append(
                f"{origin}: {where}: `$ref: {ref}` points at a schema that does not exist; add it to the "
                "source or fix the reference"
            )
    return problems


def path_parameter_problems(origin: str, doc: Document) -> list[str]:
    """One line per path parameter that is not in its path, and per ``{name}`` no parameter declares."""
    problems = []
    for path, item in (doc.get("paths") or {}).items():
        if not isinstance(item, dict):
            continue
        in_path = _TEMPLATE.findall(path)
        shared = [p for p in item.get("parameters") or [] if isinstance(p, dict)]
        for method in HTTP_METHODS:
            op = item.get(method)
            if not isinstance(op, dict):
                continue
            label = f"{method.upper()} {path} ({op.get('operationId', 'no operationId')})"
            params = shared + [p for p in op.get("parameters") or [] if isinstance(p, dict)]
            declared = {str(p.get("name")) for p in params if p.get("in") == "path"}
            for name in sorted(declared - set(in_path)):
                problems.append(
                    f"{origin}: {label}: path parameter {name!r} is not in the path; rename it to one of "
                    f"{', '.join('{' + n + '}' for n in in_path) or 'the path’s placeholders (there are none)'} "
                    "or declare it `in: query`"
                )
            for name in [n for n in in_path if n not in declared]:
                problems.append(
                    f"{origin}: {label}: the path has {{{name}}} but no parameter declares it; add "
                    f"`{{name: {name}, in: path, required: true, schema: {{type: string}}}}`"
                )
    return problems


def duplicate_operation_ids(sources: list[tuple[str, Document]]) -> list[str]:
    """One line per ``operationId`` that two operations share, naming both (and their files).

    The same method and path in two sources is not counted here: the merge refuses it, naming both files.
    """
    first: dict[str, tuple[str, str]] = {}
    problems = []
    for origin, doc in sources:
        for path, method, op in operations(doc):
            op_id = op.get("operationId")
            if not isinstance(op_id, str):
                continue
            here = f"{method.upper()} {path}"
            if op_id not in first:
                first[op_id] = (here, origin)
            elif first[op_id][0] != here:  # one operation in two sources: the merge names both files
                problems.append(
                    f"duplicate operationId {op_id!r}: {first[op_id][0]} ({first[op_id][1]}) and {here} "
                    f"({origin}); give one of them another operationId in its source"
                )
    return problems


def refuse(sources: list[tuple[str, Document]]) -> None:
    """Raise one :class:`SpecError` listing every refused problem of ``sources``, if there is any."""
    problems = duplicate_operation_ids(sources)
    for origin, doc in sources:
        problems += missing_references(origin, doc)
        problems += path_parameter_problems(origin, doc)
    if problems:
        count = f"{len(problems)} problems" if len(problems) > 1 else "1 problem"
        raise SpecError(f"the sources cannot be built ({count}):\n  " + "\n  ".join(problems))
