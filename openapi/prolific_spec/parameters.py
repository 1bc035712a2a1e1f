"""Parameters: the published header for the token, object-valued queries, booleans spelled as enums."""

from __future__ import annotations

import copy
from typing import Any

from .document import Document, operations, ref_name, resolve
from .errors import SpecError

# How Django-style filters spell a boolean in a query string; an enum of only these is a boolean.
_BOOLEAN_SPELLINGS = frozenset({"true", "false", "True", "False", "0", "1", "yes", "no", "t", "f"})


def is_auth_header(param: Any) -> bool:
    """A header parameter named ``Authorization`` (any case): the token, which a security scheme carries."""
    return (
        isinstance(param, dict)
        and param.get("in") == "header"
        and str(param.get("name", "")).lower() == "authorization"
    )


def _is_boolean_enum(schema: Any) -> bool:
    if not isinstance(schema, dict) or schema.get("type") not in ("string", None):
        return False
    values = schema.get("enum")
    return (
        isinstance(values, list)
        and bool(values)
        and all(isinstance(v, str) for v in values)
        and {"true", "false"} <= set(values) <= _BOOLEAN_SPELLINGS
    )


def boolean_query_enums(doc: Document) -> Document:
    """A query/path parameter typed as a string enum of boolean spellings → ``type: boolean``.

    Fern writes Django's boolean filters as ``enum: ['true', 'false']`` (or with ``0/1/yes/no/t/f``
    as well), so the generated function takes the *strings* ``"true"``/``"false"``. The server
    reads a boolean; httpx writes Python's ``True`` as ``true``. The parameter's description is
    kept, and the enum component it referred to, if no longer used, is left for pruning.
    """
    for _path, _method, op in operations(doc):
        for param in op.get("parameters") or []:
            if not isinstance(param, dict) or param.get("in") not in ("query", "path"):
                continue
            schema = param.get("schema")
            target = resolve(doc, schema)
            if _is_boolean_enum(target):
                replacement: dict[str, Any] = {"type": "boolean"}
                for holder in (target, schema):
                    if isinstance(holder, dict) and isinstance(holder.get("description"), str):
                        replacement["description"] = holder["description"]
                param["schema"] = replacement
    return doc


def _object_options(doc: Document, schema: Any) -> list[dict[str, Any]] | None:
    """The object schemas a query parameter's value may be (one, or the options of a union), or None."""
    target = resolve(doc, schema)
    if not isinstance(target, dict):
        return None
    options = target.get("oneOf") or target.get("anyOf")
    candidates = [resolve(doc, o) for o in options] if isinstance(options, list) else [target]
    if all(
        isinstance(c, dict) and c.get("type") == "object" and isinstance(c.get("properties"), dict) for c in candidates
    ):
        return candidates
    return None


def explode_object_query_parameters(doc: Document) -> Document:
    """An object-valued query parameter (or a union of objects) → one query parameter per property.

    With OpenAPI's default query style (``form``, exploded) an object ``{workspace_id: "ws1"}`` is
    sent as ``?workspace_id=ws1``: the parameter's own name never reaches the wire. That is what
    Prolific's server reads (``get-participant-groups`` publishes ``filter`` as a union of
    ``{workspace_id}`` and ``{project_id}``), while the generator would send the dict's repr under
    ``filter=``. Each property becomes a scalar parameter; it is required only if the parameter
    is required and every option requires it (for a union of alternatives none is, so "one of
    them" becomes a rule the caller's code or the API enforces). A property defined differently
    by two options, or already a parameter, stops the build.
    """
    for path, method, op in operations(doc):
        params = op.get("parameters")
        if not isinstance(params, list):
            continue
        out: list[Any] = []
        for param in params:
            if not isinstance(param, dict) or param.get("in") != "query":
                out.append(param)
                continue
            style, explode = param.get("style", "form"), param.get("explode", True)
            options = _object_options(doc, param.get("schema"))
            if options is None or style != "form" or explode is not True:
                out.append(param)
                continue
            exploded: dict[str, dict[str, Any]] = {}
            for option in options:
                for name, prop in option["properties"].items():
                    if name in exploded and exploded[name]["schema"] != prop:
                        raise SpecError(
                            f"{method.upper()} {path}: query parameter {param.get('name')!r} defines property "
                            f"{name!r} twice, differently; it cannot be sent as one ?{name}= value"
                        )
                    required = bool(param.get("required")) and all(name in (o.get("required") or []) for o in options)
                    entry: dict[str, Any] = {"name": name, "in": "query", "required": required}
                    entry["schema"] = copy.deepcopy(prop)
                    if isinstance(prop, dict) and isinstance(prop.get("description"), str):
                        entry["description"] = prop["description"]
                    exploded[name] = entry
            out.extend(exploded.values())
        names = [str(p.get("name")) for p in out if isinstance(p, dict) and p.get("in") == "query"]
        clash = sorted({n for n in names if names.count(n) > 1})
        if clash:
            raise SpecError(f"{method.upper()} {path}: query parameter(s) {clash} given twice after expanding objects")
        op["parameters"] = out
    return doc


def copy_parameter_descriptions(doc: Document) -> Document:
    """Copy a parameter's description into its schema, where the generator's docstrings read it.

    A schema that is a ``$ref`` is left alone (a sibling description would apply to every use).
    """
    for _path, _method, op in operations(doc):
        for param in op.get("parameters") or []:
            if not isinstance(param, dict):
                continue
            schema = param.get("schema")
            if isinstance(param.get("description"), str) and isinstance(schema, dict) and ref_name(schema) is None:
                schema.setdefault("description", param["description"])
    return doc
