"""The per-operation layer: ``generated/prolific_api_client/operations/``, written after the generator runs.

For every operation the generator made (``api/<tag>/<operation>.py``) this reads what the files need
from the same parsed endpoints the generator's templates use (signatures, success types, pagination,
docstrings) and renders the files from ``openapi/templates/operations/`` (one template per file,
the generator's whitespace rules, ``pyrepr`` and ``class_name`` filters):

* ``operations/registry.py``: one :class:`Operation` record per operation (id, method, path
  template, tag, module, parameters, pagination style, summary), importing nothing heavy;
* ``operations/<tag>.py``: ``<Tag>Operations`` and ``Async<Tag>Operations``, one method per
  operation whose signature is the generated function's (path parameters positional, the rest
  keyword-only, ``body=``) and whose return type is the success model only;
* ``operations/__init__.py``: ``OperationGroups`` / ``AsyncOperationGroups``, one lazily built
  attribute per tag, for a client to inherit.

A method hands its :class:`Operation` and arguments to a *runner* the client supplies (the
generated package never imports the overlay), and carries that operation (``@operation(...)``:
``client.studies.get_study.operation``) for the tools that take a method. ``_base.py``, what
those are made of, is runtime code kept as a plain module, ``openapi/runtime/operations_base.py``,
and copied as it is.
"""

from __future__ import annotations

import shutil
import subprocess
import textwrap
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from .document import Document, operations
from .errors import SpecError
from .union_tags import UnionTags

TEMPLATES = Path(__file__).resolve().parents[1] / "templates" / "operations"
# Runtime code of the generated package (its operations/_base.py), not a template: copied unchanged.
RUNTIME_BASE = Path(__file__).resolve().parents[1] / "runtime" / "operations_base.py"


@dataclass(frozen=True)
class _Op:
    """What the writers need of one endpoint (read from the generator's parsed endpoint)."""

    operation_id: str
    name: str
    tag: str
    method: str
    path: str
    summary: str
    description: str
    arguments: list[str]  # "id: str", "*", "body: X", "state: Y | Unset = UNSET"
    forwards: list[str]  # python names passed on: path, body, query
    path_parameters: tuple[str, ...]
    query_parameters: tuple[str, ...]
    has_body: bool
    returns: str  # the success type, e.g. "Study", "str", "None", "A | B"
    checks: list[str]  # the classes a success is an instance of, by name: ["Study"], ["str"], ["None"]
    imports: set[str]  # for annotations (under TYPE_CHECKING)
    pagination: str | None
    docs: list[str]  # "id (str): Study id"

    @property
    def docstring(self) -> str:
        """The method's docstring (see :func:`_docstring`)."""
        return _docstring(self)


def _text(value: Any) -> str:
    """Plain text of the generator's wrapped strings (``UntrustedString``, ``PythonCode``)."""
    for method in ("get_untrusted_value", "as_unembedded_code"):
        getter = getattr(value, method, None)
        if callable(getter):
            return str(getter())
    return str(value or "")


def _imports(prop: Any) -> set[str]:
    """What a type annotation of ``prop`` needs imported, from ``operations/<tag>.py``."""
    return set(prop.get_imports(prefix="..")) | set(prop.get_lazy_imports(prefix=".."))


def _class_import(prop: Any) -> str:
    info = prop.class_info
    return f"from ..models.{info.module_name} import {info.name}"


def _union_type_string(project: Any) -> Callable[[Any], str]:
    """``union_tags.type_string`` (``union_tags.py``) of the analysis the project's templates used.

    It is the one home of the decision whether a union falls back to ``UnknownVariant`` on a tag it
    does not know: the endpoint modules annotate with it, and so do the methods written here.
    """
    tags = project.env.globals.get("union_tags")
    if not isinstance(tags, UnionTags):  # a project built without build.run_generator
        tags = UnionTags(project.env, project.openapi.models)
    return tags.type_string


def _success_type(endpoint: Any, union_type: Callable[[Any], str]) -> tuple[str, list[str], set[str]]:
    """The success type's annotation, the class names a success is checked against, what typing it imports."""
    types: list[str] = []
    checks: list[str] = []
    imports: set[str] = set()
    for response in endpoint.responses:
        pattern = str(response.status_code.pattern)
        if not pattern.startswith("2"):
            continue
        if response.source["attribute"] == "None":
            kind, check = "None", "None"
        else:
            kind = _text(response.prop.get_type_string())
            cls = type(response.prop).__name__
            if cls == "ModelProperty":
                check = kind
                imports.add(_class_import(response.prop))
            elif kind == "str":
                check = "str"
            elif cls == "ListProperty":
                check = "list"
                imports |= _imports(response.prop)
            else:  # unions, Any, enums: the generated parser already checked them
                check = "object"
                imports |= _imports(response.prop)
                if cls == "UnionProperty":
                    kind = union_type(response.prop)
                    if "UnknownVariant" in kind.split(" | "):
                        imports.add("from ..types import UnknownVariant")
        if kind not in types:
            types.append(kind)
        if check not in checks:
            checks.append(check)
    if not types:
        return "None", ["None"], set()
    return " | ".join(types), checks, imports


def _pagination(endpoint: Any) -> str | None:
    """``page`` / ``offset`` (by the query parameters), ``results`` (a list under ``results``), ``array``, or None."""
    if endpoint.method.lower() != "get":
        return None
    query = {p.python_name for p in endpoint.query_parameters}
    for response in endpoint.responses:
        if not str(response.status_code.pattern).startswith("2"):
            continue
        prop = response.prop
        if type(prop).__name__ == "ListProperty":
            return "array"
        fields = [
            *(getattr(prop, "required_properties", None) or []),
            *(getattr(prop, "optional_properties", None) or []),
        ]
        if any(f.python_name == "results" and type(f).__name__ == "ListProperty" for f in fields):
            if {"page", "page_size"} <= query:
                return "page"
            if {"offset", "limit"} <= query:
                return "offset"
            return "results"
    return None


def _collect(project: Any) -> dict[str, list[_Op]]:
    by_tag: dict[str, list[_Op]] = {}
    union_type = _union_type_string(project)
    for tag, collection in sorted(project.openapi.endpoint_collections_by_tag.items()):
        ops = by_tag.setdefault(str(tag), [])
        for endpoint in collection.endpoints:
            arguments = [_text(p.to_string()) for p in endpoint.path_parameters]
            keyword: list[str] = []
            imports: set[str] = set()
            forwards = [p.python_name for p in endpoint.path_parameters]
            if len(endpoint.bodies) > 1:
                raise SpecError(f"{endpoint.name}: more than one request body media type is not supported")
            for body in endpoint.bodies:
                default = "" if body.prop.required else " = UNSET"
                keyword.append(f"body: {_text(body.prop.get_type_string())}{default}")
                imports |= _imports(body.prop)
                forwards.append("body")
            for param in [*endpoint.query_parameters, *endpoint.header_parameters, *endpoint.cookie_parameters]:
                keyword.append(_text(param.to_string()))
                forwards.append(param.python_name)
            for param in [*endpoint.path_parameters, *endpoint.query_parameters]:
                imports |= _imports(param)
            if keyword:
                arguments += ["*", *keyword]
            returns, checks, typing_imports = _success_type(endpoint, union_type)
            docs = [
                p.to_docstring()
                for p in [*endpoint.path_parameters, *(b.prop for b in endpoint.bodies), *endpoint.query_parameters]
            ]
            ops.append(
                _Op(
                    operation_id="",  # filled from the spec below
                    name=str(endpoint.name),
                    tag=str(tag),
                    method=endpoint.method.upper(),
                    path=_text(endpoint.path),
                    summary=_text(endpoint.summary),
                    description=_text(endpoint.description),
                    arguments=arguments,
                    forwards=forwards,
                    path_parameters=tuple(p.python_name for p in endpoint.path_parameters),
                    query_parameters=tuple(p.python_name for p in endpoint.query_parameters),
                    has_body=bool(endpoint.bodies),
                    returns=returns,
                    checks=checks,
                    imports=imports | typing_imports,
                    pagination=_pagination(endpoint),
                    docs=docs,
                )
            )
    return by_tag


def _class_name(tag: str) -> str:
    """``participant_groups`` → ``ParticipantGroups`` (the ``class_name`` filter of the templates)."""
    return "".join(word.capitalize() for word in tag.split("_"))


def _docstring(op: _Op) -> str:
    """A method's docstring text, escaped, without the quotes and the first line's indent."""
    lines: list[str] = []
    if op.summary:
        lines.append(op.summary.strip())
    if op.description and op.description.strip() != op.summary.strip():
        lines.append("")
        for line in op.description.strip().splitlines():  # wrapped line by line: markdown lists stay lists
            lead = line[: len(line) - len(line.lstrip())]
            lines += textwrap.wrap(line, width=100, subsequent_indent=lead) or [""]
    lines += ["", f"``{op.method} {op.path}`` (operation ``{op.operation_id}``)."]
    if op.docs:
        lines += ["", "Args:", *(f"    {doc}" for doc in op.docs)]
    lines += ["", "Returns:", f"    {op.returns}"]
    lines += [
        "",
        "Raises:",
        "    APIStatusError: a non-2xx status (with ``prolific``: e.g. ``NotFoundError`` for a 404).",
        "    APIConnectionError: no usable response (refused, reset, timed out), after the retries allowed.",
    ]
    text = "\n".join(lines).replace("\\", "\\\\").replace('"""', '\\"\\"\\"')
    return "\n".join(text.splitlines()).lstrip()


def _environment() -> Environment:
    """The Jinja environment of ``openapi/templates/operations/`` (the generator's whitespace rules)."""
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=StrictUndefined,
        autoescape=False,
    )
    env.filters["pyrepr"] = repr
    env.filters["class_name"] = _class_name
    return env


def write_operations(project: Any, package: Path, doc: Document, post_hooks: list[str]) -> None:
    """Write ``package/operations/`` for the generator's ``project`` (built from ``doc``) and format it."""
    by_tag = _collect(project)
    ids = {(method.upper(), path): str(op.get("operationId")) for path, method, op in operations(doc)}
    for tag, ops in by_tag.items():
        by_tag[tag] = [replace(op, operation_id=ids[(op.method, op.path)]) for op in ops]
    target = package / "operations"
    target.mkdir()
    shutil.copyfile(RUNTIME_BASE, target / "_base.py")
    env = _environment()
    every = sorted((op for ops in by_tag.values() for op in ops), key=lambda op: op.operation_id)
    files = {"registry.py": env.get_template("registry.py.jinja").render(ops=every)}
    tag_template = env.get_template("tag.py.jinja")
    for tag, ops in by_tag.items():
        typing_only = sorted(set().union(*(op.imports for op in ops)))
        files[f"{tag}.py"] = tag_template.render(tag=tag, ops=ops, typing_only=typing_only)
    files["__init__.py"] = env.get_template("__init__.py.jinja").render(tags=tuple(sorted(by_tag)), count=len(every))
    for name, text in files.items():
        (target / name).write_text(text, encoding="utf-8")
    for command in post_hooks:
        done = subprocess.run(command, cwd=target, shell=True, capture_output=True, text=True, check=False)
        if done.returncode:
            raise SpecError(f"formatting the operations layer failed ({command}): {done.stderr or done.stdout}")
