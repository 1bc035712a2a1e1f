"""A study file against ``CreateStudy`` of the merged spec: types, enums, required fields, unknown and deprecated keys.

The schema is ``CreateStudy`` and every schema it refers to, read from ``openapi/prolific.yaml``
and kept beside this module as ``create_study.schema.json`` (descriptions dropped): reading the
whole spec would cost a second at every ``studies check``. :func:`extract_schema` derives it, and a
test fails when the committed copy differs from what the spec gives (``python -m
prolific.studies._schema openapi/prolific.yaml`` rewrites it).

What the published document does not say and Prolific's own tools show, this module adds:

* :data:`DEPRECATED`: keys Prolific's Go CLI templates still carry (``completion_code``,
  ``completion_option``, ``eligibility_requirements``), each named with its replacement.
* ``external_study_url`` is required unless ``access_details`` (taskflow) or
  ``data_collection_method`` (AI Task Builder) is given: the document's own field descriptions say
  so, and the Go CLI's taskflow template omits the URL.

An unknown key is an error (with a did-you-mean): it is never sent.

>>> from ._file import parse_text
>>> for problem in check_schema(parse_text('{"name": "x", "rewad": 5}', source="s.json"), "s.json")[:2]:
...     print(problem)  # doctest: +NORMALIZE_WHITESPACE
s.json:1:15: rewad: unknown key 'rewad' (did you mean 'reward'?): Prolific's CreateStudy has no such
field, and nothing unknown is sent
s.json:1:1: description is required (the participants read it before they start)
"""

from __future__ import annotations

import difflib
import json
import re
import sys
from collections.abc import Iterable, Mapping
from functools import cache
from pathlib import Path as FilePath
from typing import Any

from ._file import ERROR, WARNING, Node, Path, StudyProblem, format_path

__all__ = [
    "DEPRECATED",
    "ROOT",
    "check_schema",
    "create_study_schema",
    "extract_schema",
    "field_names",
    "problem_at",
]

#: The request body schema a study file is checked against.
ROOT = "CreateStudy"
SCHEMA_FILE = FilePath(__file__).with_name("create_study.schema.json")
# Keys of a schema that say nothing a study file's check uses (text for people, examples).
_DROPPED = frozenset({"description", "example", "examples", "title"})

#: Keys Prolific's Go CLI templates carry that the published document does not (or no longer) has:
#: key → (its replacement, what to do).
DEPRECATED: dict[str, tuple[str, str]] = {
    "completion_code": (
        "completion_codes",
        "write completion_codes: [{code: ..., code_type: COMPLETED, actions: [{action: MANUALLY_REVIEW}]}]",
    ),
    "completion_option": ("completion_codes", "completion_codes says what each code does; remove completion_option"),
    "eligibility_requirements": (
        "filters",
        "write filters: [{filter_id: ..., selected_values: [...]}] (see `prolific-client api get-filters`)",
    ),
}

#: Keys Prolific's tools send that the published document has no field for: key → what to do instead.
NOT_IN_DOCUMENT: dict[str, str] = {
    "study_type": "Prolific's Go CLI templates send it (QUOTA) with weighted filters, but the published "
    "CreateStudy has no such field: the filters' weightings carry the quotas; remove study_type",
}

#: Why a required field matters, said with the error.
_WHY_REQUIRED = {
    "name": "the title participants see",
    "description": "the participants read it before they start",
    "external_study_url": "where participants take part; or give access_details (taskflow)",
    "prolific_id_option": "question, url_parameters or not_required",
    "total_available_places": "how many participants to recruit",
    "estimated_completion_time": "in minutes",
    "reward": "per participant, in cents (pence), e.g. 400; or '£4.00'",
}
# A field the document marks required that Prolific does not need when one of these is given.
_REQUIRED_UNLESS = {"external_study_url": ("access_details", "data_collection_method")}
_AITB = ("AI_TASK_BUILDER_BATCH",)
# Fields the document says are optional for an AI Task Builder batch (computed from the batch).
_REQUIRED_UNLESS_AITB = frozenset({"total_available_places"})


def extract_schema(spec: Mapping[str, Any], root: str = ROOT) -> dict[str, Any]:
    """``{"root": root, "schemas": {...}}``: ``root`` and every schema it refers to, without descriptions.

    >>> spec = {"components": {"schemas": {"A": {"type": "object", "description": "x",
    ...         "properties": {"b": {"$ref": "#/components/schemas/B"}}}, "B": {"type": "string"}, "C": {}}}}
    >>> extract_schema(spec, "A")["schemas"]  # doctest: +NORMALIZE_WHITESPACE
    {'A': {'type': 'object', 'properties': {'b': {'$ref': '#/components/schemas/B'}}},
     'B': {'type': 'string'}}
    """
    schemas = spec["components"]["schemas"]
    kept: dict[str, Any] = {}
    todo = [root]
    while todo:
        name = todo.pop()
        if name in kept:
            continue
        kept[name] = _strip(schemas[name])
        todo += re.findall(r"#/components/schemas/([^\"/]+)", json.dumps(schemas[name]))
    return {"root": root, "schemas": dict(sorted(kept.items(), key=lambda item: (item[0] != root, item[0])))}


def _strip(schema: Any, *, properties: bool = False) -> Any:
    if isinstance(schema, dict):
        return {
            key: _strip(value, properties=key == "properties" and not properties)
            for key, value in schema.items()
            if properties or key not in _DROPPED
        }
    if isinstance(schema, list):
        return [_strip(item) for item in schema]
    return schema


@cache
def create_study_schema() -> dict[str, Any]:
    """The committed ``CreateStudy`` excerpt (see the module docstring)."""
    with open(SCHEMA_FILE, encoding="utf-8") as handle:
        loaded: dict[str, Any] = json.load(handle)
    return loaded


def field_names() -> list[str]:
    """The top-level fields of ``CreateStudy``."""
    schema = create_study_schema()
    return list(schema["schemas"][schema["root"]]["properties"])


def problem_at(
    node: Node | None, root: Node, path: Path, message: str, source: str, *, key: bool = False, severity: str = ERROR
) -> StudyProblem:
    """A problem at ``path``: the value's position, or the key's (``key=True``); the nearest parent's when absent."""
    line, column = root.line, root.column
    if node is not None and not key:
        line, column = node.line, node.column
    else:
        parent = root.find(path[:-1]) if path else None
        if parent is not None and path and isinstance(path[-1], str) and path[-1] in parent.keys:
            line, column = parent.key_position(path[-1])
        elif parent is not None:
            line, column = parent.line, parent.column
        elif node is not None:
            line, column = node.line, node.column
    return StudyProblem(message, file=source, line=line, column=column, path=path, severity=severity)


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """`` (did you mean 'reward'?)``, or nothing when no choice is close."""
    lowered = {choice.lower(): choice for choice in choices}
    close = difflib.get_close_matches(word.lower(), list(lowered), n=1, cutoff=0.6)
    return f" (did you mean {lowered[close[0]]!r}?)" if close else ""


class _Checker:
    """One walk of a node tree against the schema, collecting every problem."""

    def __init__(self, root: Node, source: str, extra_names: Iterable[str]) -> None:
        schema = create_study_schema()
        self.schemas: dict[str, Any] = schema["schemas"]
        self.root_name: str = schema["root"]
        self.root = root
        self.source = source
        self.extra_names = list(extra_names)
        self.problems: list[StudyProblem] = []

    def resolve(self, schema: Mapping[str, Any]) -> Mapping[str, Any]:
        while "$ref" in schema:
            schema = self.schemas[schema["$ref"].rsplit("/", 1)[-1]]
        return schema

    def problem(self, node: Node | None, path: Path, message: str, *, key: bool = False) -> StudyProblem:
        return problem_at(node, self.root, path, message, self.source, key=key)

    def check(self, node: Node, schema: Mapping[str, Any], path: Path) -> list[StudyProblem]:
        schema = self.resolve(schema)
        if "oneOf" in schema or "anyOf" in schema:
            return self.union(node, list(schema.get("oneOf") or schema.get("anyOf") or []), path)
        problems = self.type_problems(node, schema, path)
        if problems:
            return problems
        if "enum" in schema and node.value not in schema["enum"]:
            choices = [str(choice) for choice in schema["enum"] if choice is not None]
            hint = did_you_mean(str(node.value), choices)
            return [self.problem(node, path, f"{node.value!r} is not one of {', '.join(choices)}{hint}")]
        if node.is_mapping:
            return self.mapping(node, schema, path)
        if node.is_sequence and "items" in schema:
            found = []
            for index, child in node.children():
                found += self.check(child, schema["items"], (*path, index))
            return found
        return []

    def type_problems(self, node: Node, schema: Mapping[str, Any], path: Path) -> list[StudyProblem]:
        wanted = schema.get("type")
        if wanted is None:
            return []
        types = [wanted] if isinstance(wanted, str) else list(wanted)
        if any(_is(node, kind) for kind in types):
            return []
        return [self.problem(node, path, _type_message(node, [t for t in types if t != "null"] or types))]

    def mapping(self, node: Node, schema: Mapping[str, Any], path: Path) -> list[StudyProblem]:
        found: list[StudyProblem] = []
        properties: Mapping[str, Any] = schema.get("properties", {})
        extra = schema.get("additionalProperties")
        for key, child in node.children():
            assert isinstance(key, str)
            if key in properties:
                found += self.check(child, properties[key], (*path, key))
            elif isinstance(extra, Mapping):
                found += self.check(child, extra, (*path, key))
            elif extra is not True:
                names = list(properties) + (self.extra_names if not path else [])
                found.append(self.problem(child, (*path, key), _unknown(key, names), key=True))
        for name in schema.get("required", []):
            if name in node.items or (not path and self.optional_here(name)):  # type: ignore[operator]
                continue
            why = _WHY_REQUIRED.get(name, "") if not path else ""
            found.append(
                self.problem(node, path, f"{format_path((*path, name))} is required" + (f" ({why})" if why else ""))
            )
        return found

    def optional_here(self, name: str) -> bool:
        """A top-level field the document marks required that this study does not need (see the module docstring)."""
        value = self.root.value
        if any(value.get(other) is not None for other in _REQUIRED_UNLESS.get(name, ())):
            return True
        return name in _REQUIRED_UNLESS_AITB and value.get("data_collection_method") in _AITB

    def union(self, node: Node, options: list[Mapping[str, Any]], path: Path) -> list[StudyProblem]:
        resolved = [self.resolve(option) for option in options]
        chosen = self.discriminated(node, resolved, path)
        if chosen is not None:
            return chosen
        best: list[StudyProblem] | None = None
        for option in resolved:
            found = self.check(node, option, path)
            if not found:
                return []
            if best is None or len(found) < len(best):
                best = found
        return best or []

    def discriminated(self, node: Node, options: list[Mapping[str, Any]], path: Path) -> list[StudyProblem] | None:
        """Objects told apart by a property with one allowed value (``action``): check the one it names."""
        if not node.is_mapping or not options or not all("properties" in o for o in options):
            return None
        for name in options[0]["properties"]:
            consts = []
            for option in options:
                prop = option["properties"].get(name)
                enum = self.resolve(prop).get("enum") if prop is not None else None
                if not enum or len(enum) != 1:
                    break
                consts.append(enum[0])
            else:
                child = node.get(name)
                if child is None:
                    return [
                        self.problem(
                            node, path, f"{format_path((*path, name))} is required (one of {', '.join(consts)})"
                        )
                    ]
                if child.value in consts:
                    return self.check(node, options[consts.index(child.value)], path)
                hint = did_you_mean(str(child.value), consts)
                return [self.problem(child, (*path, name), f"{child.value!r} is not one of {', '.join(consts)}{hint}")]
        return None


def _is(node: Node, kind: str) -> bool:
    value = node.value
    if kind == "null":
        return value is None
    if kind == "boolean":
        return isinstance(value, bool)
    if kind == "integer":
        return isinstance(value, int) and not isinstance(value, bool)
    if kind == "number":
        return isinstance(value, int | float) and not isinstance(value, bool)
    if kind == "string":
        return isinstance(value, str)
    if kind == "array":
        return node.is_sequence
    if kind == "object":
        return node.is_mapping
    return True


_KINDS = {
    "integer": "a whole number",
    "number": "a number",
    "string": "text",
    "boolean": "true or false",
    "array": "a list",
    "object": "a mapping of keys",
    "null": "null",
}


def _kind_of(node: Node) -> str:
    value = node.value
    if node.is_mapping:
        return "a mapping"
    if node.is_sequence:
        return "a list"
    if isinstance(value, bool):
        return "true/false"
    if value is None:
        return "nothing (null)"
    if isinstance(value, int):
        return "a whole number"
    if isinstance(value, float):
        return "a number with decimals"
    return "text"


def _type_message(node: Node, types: list[str]) -> str:
    wanted = " or ".join(_KINDS.get(kind, kind) for kind in types)
    message = f"{wanted} goes here, not {_kind_of(node)}"
    value = node.value
    if isinstance(value, str) and {"integer", "number"} & set(types):
        stripped = value.strip()
        if re.fullmatch(r"-?\d+(\.\d+)?", stripped):
            return f"{message}: write {stripped} without quotes"
    if isinstance(value, float) and "integer" in types and value.is_integer():
        return f"{message}: write {int(value)}"
    if "array" in types and not node.is_sequence and not node.is_mapping:
        return f"{message}: write [{node.text or value}]"
    return message


def _unknown(key: str, names: list[str]) -> str:
    if key in NOT_IN_DOCUMENT:
        return f"unknown key {key!r}: {NOT_IN_DOCUMENT[key]}; nothing unknown is sent"
    return (
        f"unknown key {key!r}{did_you_mean(key, names)}: Prolific's CreateStudy has no such field, "
        "and nothing unknown is sent"
    )


def deprecated_problems(root: Node, source: str) -> list[StudyProblem]:
    """A problem for each deprecated key (an error for ``eligibility_requirements``: it cannot be translated).

    ``completion_code`` and ``completion_option`` are warnings: :mod:`._friendly` drops them (and
    writes a lone ``completion_code`` as the ``completion_codes`` entry Prolific makes by default).
    """
    found = []
    for key, (replacement, todo) in DEPRECATED.items():
        node = root.get(key)
        if node is None:
            continue
        severity = ERROR if key == "eligibility_requirements" else WARNING
        found.append(
            problem_at(
                node,
                root,
                (key,),
                f"{key} is deprecated (not in Prolific's document; {replacement} replaces it): {todo}",
                source,
                key=True,
                severity=severity,
            )
        )
    return found


def check_schema(root: Node, source: str, *, extra_names: Iterable[str] = ()) -> list[StudyProblem]:
    """Every problem of ``root`` (the wire form of the study) against ``CreateStudy``.

    ``extra_names``: top-level keys that are not Prolific's but are known (the friendly keys), for
    the did-you-mean of an unknown key. Deprecated keys are left to :func:`deprecated_problems`.
    """
    checker = _Checker(root, source, [*extra_names, *DEPRECATED])
    if not root.is_mapping:
        return [
            checker.problem(root, (), f"a study is a mapping of keys (name: ..., reward: ...), not {_kind_of(root)}")
        ]
    schema = dict(checker.schemas[checker.root_name])
    # Deprecated keys get their own message (deprecated_problems), not "unknown key".
    properties = dict(schema["properties"])
    properties.update({key: {} for key in DEPRECATED})
    schema["properties"] = properties
    return checker.check(root, schema, ())


def _write(spec_path: str) -> None:
    """Rewrite ``create_study.schema.json`` from ``spec_path`` (the merged spec)."""
    import yaml

    with open(spec_path, encoding="utf-8") as handle:
        spec = yaml.load(handle, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    SCHEMA_FILE.write_text(json.dumps(extract_schema(spec), indent=1, sort_keys=False) + "\n", encoding="utf-8")
    print(f"wrote {SCHEMA_FILE}")


if __name__ == "__main__":  # pragma: no cover - a maintainer's command (see the module docstring)
    _write(sys.argv[1] if len(sys.argv) > 1 else "openapi/prolific.yaml")
