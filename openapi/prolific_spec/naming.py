"""Readable model names: the explicit table in ``openapi/names.yaml`` first, deterministic rules second.

openapi-python-client names a class after a schema's ``title`` when it has one (Fern sets it to
the published name on every schema), else after its component key. This stage decides every
component's name and removes the titles, so the decision is ours:

1. the table (``schemas:`` published or rule-made name → readable name) wins;
2. else the rules of :func:`rule_name` turn a Fern name into what a person would write
   (``Filter Sets_CreateFilterSet_Response_201`` → ``CreateFilterSetResponse``,
   ``ApiV1StudiesGetParametersState`` → ``GetStudiesState``, ``…FiltersItems`` → ``…Filter``);
3. of the names a group of folded schemas has, the most readable (fewest problems, then
   shortest) survives.

:func:`problems` says why a name still reads badly; the build lists such names as notes (they need a
table entry), and only those.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .document import (
    HTTP_METHODS,
    Document,
    json_schema,
    operations,
    pascal,
    ref_name,
    ref_to,
    schema_nodes,
    schemas_of,
    walk,
    words,
)
from .errors import SpecError
from .hoist import Place, becomes_class, singular, tag_name
from .yamlfile import read_mapping

#: Longest generated module file name (``models/<snake name>.py``) that is still readable.
MAX_MODULE_NAME = 60


@dataclass(frozen=True)
class NameTable:
    """The parsed ``names.yaml``: schema names, and names for inline request and response bodies."""

    schemas: dict[str, str] = field(default_factory=dict)
    request_bodies: dict[str, str] = field(default_factory=dict)
    responses: dict[str, dict[str, str]] = field(default_factory=dict)

    @classmethod
    def load(cls, path: Path) -> NameTable:
        """Read and check the table; errors name the file and the bad entry."""
        raw = read_mapping(path, "a mapping with `schemas`, `request_bodies`, `responses`")
        unknown = set(raw) - {"schemas", "request_bodies", "responses"}
        if unknown:
            raise SpecError(f"{path}: unknown section(s) {sorted(unknown)}")
        responses = raw.get("responses") or {}
        if not isinstance(responses, dict):
            raise SpecError(f"{path}: `responses` must map operationIds to {{status: name}} mappings")
        table = cls(
            schemas=_str_map(raw.get("schemas"), path, "schemas"),
            request_bodies=_str_map(raw.get("request_bodies"), path, "request_bodies"),
            responses={op: _str_map(statuses, path, f"responses.{op}") for op, statuses in responses.items()},
        )
        for where, name in table.all_names():
            if not name.isidentifier() or not name[0].isupper():
                raise SpecError(f"{path}: {where}: {name!r} is not a CapWords Python class name")
        return table

    def all_names(self) -> list[tuple[str, str]]:
        """``(where in the table, readable name)`` for every entry."""
        out = [(f"schemas.{k}", v) for k, v in self.schemas.items()]
        out += [(f"request_bodies.{k}", v) for k, v in self.request_bodies.items()]
        out += [(f"responses.{op}.{s}", v) for op, m in self.responses.items() for s, v in m.items()]
        return out


def _str_map(value: Any, path: Path, section: str) -> dict[str, str]:
    if value is None:
        return {}
    if not isinstance(value, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in value.items()):
        raise SpecError(f"{path}: `{section}` must map names to names (strings)")
    return {str(k): str(v) for k, v in value.items()}


def name_bodies(doc: Document, table: NameTable) -> Document:
    """Lift the inline request/response bodies the table names into components under those names.

    (Bodies the table does not name are lifted by ``hoist.py`` under rule-made names.)
    """
    schemas = schemas_of(doc)
    for _path, _method, op in operations(doc):
        op_id = str(op.get("operationId", ""))
        holders: list[tuple[Any, str, str]] = []
        if op_id in table.request_bodies:
            holders.append((op.get("requestBody"), table.request_bodies[op_id], "request body"))
        for status, name in table.responses.get(op_id, {}).items():
            holders.append(((op.get("responses") or {}).get(status), name, f"{status} response"))
        for holder, name, what in holders:
            schema = json_schema(holder)
            if schema is None:
                raise SpecError(f"names.yaml names the {what} of {op_id} {name!r}, but it has no JSON body")
            if ref_name(schema) is not None:
                # Already a named component: name it under `schemas:` instead. (A request body's
                # entry may also name its own copy of a component it shares with the answers:
                # identity.py reads it later.)
                continue
            if name in schemas and schemas[name] != schema:
                raise SpecError(f"names.yaml gives the {what} of {op_id} the name {name!r}, which is taken")
            schemas[name] = schema
            holder["content"]["application/json"]["schema"] = ref_to(name)
    return doc


# --- the rules ----------------------------------------------------------------------------------

# `Credentials_CreateCredentialPool_Response_201`, `AI Task Builder_getDatasetUploadUrl_Response_201`,
# `Submissions_BulkApproveSubmissions_Request`: Fern's name for an operation's body.
_FERN_BODY = re.compile(r"[^_]+_(?P<op>[A-Za-z][A-Za-z0-9]*)_(?P<kind>Response|Request)(?:_\d{3})?")
# `ApiV1StudiesGetParametersState`, `ApiV1…PostRequestBodyContentApplicationJsonSchemaTaskDetails`.
_FERN_PLACE = re.compile(
    r"(?P<prefix>ApiV\d+.*?(?:Get|Put|Post|Delete|Patch|Head|Options))"
    r"(?P<part>Parameters|ResponsesContentApplicationJsonSchema|RequestBodyContentApplicationJsonSchema)"
    r"(?P<rest>[A-Z].*)"
)
_PART_SUFFIX = {
    "Parameters": "",
    "ResponsesContentApplicationJsonSchema": "Response",
    "RequestBodyContentApplicationJsonSchema": "Request",
}
# `BatchExportStatusOneOf0Status`: property `status` of option 0 of union `BatchExportStatus`.
_ONE_OF_PART = re.compile(r"(?P<union>[A-Za-z]+?)OneOf(?P<index>\d+)(?P<rest>[A-Z].*)")
_NUMBERED = re.compile(r"(?P<stem>.*[A-Za-z])(?P<index>\d+)")


def fern_prefix(path: str, method: str) -> str:
    """Fern's prefix for names made from an operation's place: ``ApiV1`` + the path words + the method.

    >>> fern_prefix("/api/v1/data-collection/batches/{batch_id}/instructions", "put")
    'ApiV1DataCollectionBatchesBatchIdInstructionsPut'
    """
    return "".join(pascal(part) for part in path.strip("/").split("/")) + method.capitalize()


def without_items(name: str) -> str:
    """Fern's ``<Plural>Items`` (the items of an array property) → ``<Singular>``.

    >>> without_items("CreateStudyCompletionCodesItemsActionsItems")
    'CreateStudyCompletionCodeAction'
    >>> without_items("BatchItemsItem")
    'BatchItemsItem'
    """
    out: list[str] = []
    for word in re.findall(r"[A-Z]+(?![a-z])|[A-Z][a-z0-9]*|[a-z0-9]+", name):
        if word == "Items" and out and singular(out[-1]) != out[-1]:
            out[-1] = singular(out[-1])
        else:  # after a singular word `Items` is a word of the name (`BatchItems`, the batch's items)
            out.append(word)
    return "".join(out)


class Rules:
    """The naming rules, with what they need to know about the document (operations and unions)."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.schemas = schemas_of(doc)
        self.ops_by_prefix = {
            fern_prefix(path, method): pascal(str(op.get("operationId", "")))
            for path, method, op in operations(doc)
            if method in HTTP_METHODS
        }
        self.union_parents: dict[str, list[tuple[str, int]]] = {}
        for name, schema in self.schemas.items():
            for key in ("oneOf", "anyOf"):
                for index, option in enumerate(schema.get(key) or [] if isinstance(schema, dict) else []):
                    target = ref_name(option)
                    if target is not None:
                        self.union_parents.setdefault(target, []).append((name, index))

    def rule_name(self, name: str, _depth: int = 0) -> str:
        """A published (Fern) name → the readable name the rules give it.

        Fern body names lose their tag and status, Fern place names start from the operation,
        ``Items`` becomes the singular, a numbered union option is named by the one-value enum
        that tells it apart (``type: image`` → ``…Image``), spaces and underscores go.
        """
        if _depth > 8:  # pragma: no cover - a cycle of unions naming each other
            return pascal(name)
        match = _FERN_BODY.fullmatch(name)
        if match:
            return pascal(match["op"]) + match["kind"]
        match = _FERN_PLACE.fullmatch(name)
        if match and match["prefix"] in self.ops_by_prefix:
            name = self.ops_by_prefix[match["prefix"]] + _PART_SUFFIX[match["part"]] + match["rest"]
        match = _ONE_OF_PART.fullmatch(name)
        if match:
            option = self._option_of(match["union"], int(match["index"]))
            if option is not None:
                return self.rule_name(option, _depth + 1) + without_items(match["rest"])
        name = without_items(pascal(name))
        match = _NUMBERED.fullmatch(name)
        parents = self.union_parents.get(name, [])
        if match and len(parents) == 1:
            union, index = parents[0]
            tag = self._tag(name)
            return self.rule_name(union, _depth + 1) + (tag_name(tag) if tag else f"Option{index + 1}")
        return name

    def _option_of(self, union: str, index: int) -> str | None:
        schema = self.schemas.get(union)
        options = (schema.get("oneOf") or schema.get("anyOf")) if isinstance(schema, dict) else None
        if isinstance(options, list) and index < len(options):
            return ref_name(options[index])
        return None

    def _tag(self, name: str) -> str | None:
        from .hoist import _option_tag

        return _option_tag(self.doc, ref_to(name))


_BAD = (
    (re.compile(r"ApiV\d"), "starts from the URL (ApiV1…)"),
    (re.compile(r"(Response|Request|Error)\d{3}|\d[xX]{2}"), "carries a status code"),
    (re.compile(r"Parameters"), "says 'Parameters'"),
    (re.compile(r"ContentApplicationJson|RequestBodyContent|ResponsesContent"), "spells out the media type"),
    (re.compile(r"ItemsItems|Items$"), "says 'Items'"),
    (re.compile(r"OneOf|AnyOf|AllOf|Option\d|Type\d|Part\d"), "numbers a union option"),
    (re.compile(r"\d$"), "ends with a number"),
)


def module_name(class_name: str) -> str:
    """The generator's module name for a class (its snake case).

    >>> module_name("AITaskBuilderBatch"), module_name("JWKSResponse")
    ('ai_task_builder_batch', 'jwks_response')
    """
    return "_".join(w.lower() for w in words(class_name))


def problems(name: str) -> list[str]:
    """Why ``name`` is not a class name a person would write (empty when it reads well).

    >>> problems("CreateFilterSetResponse")
    []
    >>> problems("AITaskBuilderGetTaskBuilderBatchesResponse200")
    ['carries a status code', 'ends with a number']
    """
    found = [reason for pattern, reason in _BAD if pattern.search(name)]
    if not name.isidentifier() or not name[:1].isupper() or "_" in name:
        found.append("is not a CapWords identifier")
    if len(module_name(name)) + len(".py") > MAX_MODULE_NAME:
        found.append(f"makes a module name over {MAX_MODULE_NAME} characters")
    return found


@dataclass
class Naming:
    """What the naming stage decided: ``final`` maps every identity (published or lifted name) to its class name."""

    final: dict[str, str] = field(default_factory=dict)
    from_table: set[str] = field(default_factory=set)
    notices: list[str] = field(default_factory=list)
    #: Table entries that match nothing (also among ``notices``; models.py reports them with the overrides').
    stale: list[str] = field(default_factory=list)


def choose_names(
    doc: Document,
    table: NameTable,
    groups: dict[str, list[str]],
    lifted: dict[str, Place],
    origins: dict[str, list[str]] | None = None,
) -> Naming:
    """Decide the class name of every component and apply it: rename, rewrite refs, drop titles.

    ``groups`` maps a kept component to the names folded into it; ``lifted`` says where each lifted
    schema came from (its rule-made name is already its candidate); ``origins`` says which source
    files publish a schema name (for messages).
    """
    rules = Rules(doc)
    schemas = schemas_of(doc)
    naming = Naming()
    decided: dict[str, str] = {}
    published = {i for current in schemas for i in groups.get(current, [current]) if i not in lifted}

    def candidate(identity: str) -> str:
        return lifted[identity].name if identity in lifted else rules.rule_name(identity)

    def keys(identity: str) -> list[str]:
        """What the table may call a schema: its published name, or the name the rules give it."""
        made = candidate(identity)
        if identity in lifted:
            return [made] if made not in published else []
        return [identity, made]

    for current in sorted(schemas):
        identities = [k for i in groups.get(current, [current]) for k in keys(i)]
        tabled = sorted({table.schemas[i] for i in identities if i in table.schemas})
        if len(tabled) > 1:
            raise SpecError(
                f"openapi/names.yaml names identical schemas differently ({', '.join(tabled)}: "
                f"{', '.join(i for i in identities if i in table.schemas)}); identical shapes are one model, "
                "so give them one name"
            )
        if tabled:
            chosen = tabled[0]
            naming.from_table.add(current)
        else:
            candidates = {candidate(i) for i in groups.get(current, [current])}
            chosen = min(candidates, key=lambda c: (len(problems(c)), len(c), c))
        decided[current] = chosen
    _refuse_one_table_name_for_two_shapes(decided, naming.from_table, groups, origins or {})
    _make_unique(decided)
    for current, chosen in decided.items():
        for identity in groups.get(current, [current]):
            naming.final[identity] = chosen
        reasons = problems(chosen) if becomes_class(schemas[current]) else []  # a union makes no class
        if reasons:
            members = [_where(i, lifted) for i in groups.get(current, [current])]
            shown = ", ".join(members[:3]) + (f" and {len(members) - 3} more" if len(members) > 3 else "")
            naming.notices.append(
                f"no readable name yet for {chosen} (from {shown}): it {'; '.join(reasons)}; "
                "add one under `schemas:` in openapi/names.yaml"
            )
    known = {k for current in schemas for identity in groups.get(current, [current]) for k in keys(identity)}
    for stale in sorted(set(table.schemas) - known):
        line = f"openapi/names.yaml names schema {stale!r}, which no source has (remove the entry)"
        naming.notices.append(line)
        naming.stale.append(line)
    renamed = {name: schemas[name] for name in sorted(schemas, key=lambda n: decided[n])}
    schemas.clear()
    schemas.update({decided[name]: schema for name, schema in renamed.items()})
    for node in walk(doc):
        target = ref_name(node)
        if target is not None and target in decided:
            node["$ref"] = ref_to(decided[target])["$ref"]
    drop_titles(doc)
    return naming


def _refuse_one_table_name_for_two_shapes(
    decided: dict[str, str], tabled: set[str], groups: dict[str, list[str]], origins: dict[str, list[str]]
) -> None:
    by_name: dict[str, list[str]] = {}
    for current in sorted(tabled):
        by_name.setdefault(decided[current], []).append(current)
    for name, currents in by_name.items():
        if len(currents) < 2:
            continue
        shown = []
        for current in currents:
            for identity in groups.get(current, [current]):
                files = ", ".join(origins.get(identity, [])) or "a lifted schema"
                shown.append(f"{identity} ({files})")
        raise SpecError(
            f"openapi/names.yaml gives two different schemas the name {name!r}: {'; '.join(shown)}. "
            "Their shapes differ, so they cannot be one model: give one of them another name (or, if they "
            "should be one, make the sources agree)"
        )


def _where(identity: str, lifted: dict[str, Place]) -> str:
    """A schema's identity for a message: its published name, or where a lifted one was."""
    if identity in lifted:
        place = lifted[identity]
        return f"{place.suffix} of {place.parent}"
    return identity


def _make_unique(decided: dict[str, str]) -> None:
    """Two schemas the rules give one class (or module) name: the first keeps it, the others get a number.

    A number reads badly on purpose: the notes then ask for a name in the table.
    """
    taken: set[str] = set()
    for current in sorted(decided):
        chosen, number = decided[current], 2
        while module_name(chosen) in taken:
            chosen, number = f"{decided[current]}{number}", number + 1
        taken.add(module_name(chosen))
        decided[current] = chosen


def drop_titles(doc: Document) -> Document:
    """Remove ``title`` from every schema (never a *property* called ``title``).

    The generator names a class after ``title`` before anything else; Fern sets it to the
    published name, so without this the table and the rules would have no effect.
    """
    holders: list[Any] = list(schemas_of(doc).values())
    for _path, _method, op in operations(doc):
        for param in op.get("parameters") or []:
            if isinstance(param, dict):
                holders.append(param.get("schema"))
        for holder in [op.get("requestBody"), *(op.get("responses") or {}).values()]:
            content = holder.get("content") if isinstance(holder, dict) else None
            for media in (content or {}).values() if isinstance(content, dict) else ():
                if isinstance(media, dict):
                    holders.append(media.get("schema"))
    for holder in holders:
        for node in schema_nodes(holder):
            node.pop("title", None)
    return doc


def readable_counts(naming: Naming, names: Iterable[str]) -> tuple[int, int]:
    """How many of ``names`` (final class names) come from the table and how many from the rules."""
    tabled = {naming.final[c] for c in naming.from_table if c in naming.final}
    names = list(names)
    from_table = sum(1 for n in names if n in tabled)
    return from_table, len(names) - from_table
