"""Nothing Prolific publishes is lost between openapi/sources/ and openapi/prolific.yaml.

Both documents are walked per operation (request body, parameters, each response), following
``$ref``s and ``anyOf``/``oneOf`` options, into located facts: field names, required lists, types
(nullable included), formats, enum values, descriptions, status codes. Every fact of a raw source
must be in the merged spec at the same place (names differ; places do not). Descriptions may have
been joined with another source's (" / "), so a raw description must be contained in one there.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
import yaml
from openapi_spec_validator import validate
from source_document import published_operation_count

from prolific_spec.clean import HTTP_METHODS, absolute_docs_links, operations
from prolific_spec.overrides import Overrides
from prolific_spec.precedence import is_page
from prolific_spec.sources import load_sources

REPO_ROOT = Path(__file__).resolve().parents[2]
SOURCES = REPO_ROOT / "openapi" / "sources"
SPEC = REPO_ROOT / "openapi" / "prolific.yaml"
SOURCE_FILES = sorted(p.name for p in SOURCES.glob("*.y*ml"))

Fact = tuple[Any, ...]


def _resolve(doc: dict[str, Any], pointer: str) -> Any:
    node: Any = doc
    for part in pointer.removeprefix("#/").split("/"):
        node = node[part.replace("~1", "/").replace("~0", "~")]
    return node


def _is_placeholder(text: str) -> bool:
    return "`undefined" in text


def schema_facts(doc: dict[str, Any], schema: Any, loc: tuple[str, ...], out: set[Fact], depth: int = 0) -> None:
    # Recursive schemas (a composite filter holds filters) are cut at the same *place* depth in
    # both documents, whatever number of `$ref` hops leads there.
    if not isinstance(schema, dict) or len(loc) > 14 or depth > 80:
        return
    if isinstance(schema.get("$ref"), str):
        schema_facts(doc, _resolve(doc, schema["$ref"]), loc, out, depth + 1)
    for key in ("anyOf", "oneOf", "allOf"):
        for option in schema.get(key) or []:
            schema_facts(doc, option, loc, out, depth + 1)
    text = schema.get("description")
    if isinstance(text, str) and not _is_placeholder(text):
        out.add(("description", loc, text))
    kind = schema.get("type")
    for name in kind if isinstance(kind, list) else [kind] if kind else []:
        out.add(("type", loc, name))
    if "format" in schema:
        out.add(("format", loc, schema["format"]))
    for value in schema.get("enum") or []:
        # The published form `- value: X` publishes the value X.
        out.add(("enum", loc, value["value"] if isinstance(value, dict) else value))
    for name in schema.get("required") or []:
        out.add(("required", loc, name))
    for name, prop in (schema.get("properties") or {}).items():
        out.add(("field", loc, name))
        schema_facts(doc, prop, (*loc, name), out, depth + 1)
    if isinstance(schema.get("items"), dict):
        schema_facts(doc, schema["items"], (*loc, "[]"), out, depth + 1)
    if isinstance(schema.get("additionalProperties"), dict):
        schema_facts(doc, schema["additionalProperties"], (*loc, "{}"), out, depth + 1)


def _json_schema(holder: Any) -> Any:
    return ((holder or {}).get("content") or {}).get("application/json", {}).get("schema")


def document_facts(doc: dict[str, Any]) -> set[Fact]:
    out: set[Fact] = set()
    for path, method, op in operations(doc):
        where = (path, method)
        for key in ("operationId", "summary", "description"):
            if key in op:
                out.add(("operation", where, key, op[key]))
        for param in op.get("parameters") or []:
            if param.get("in") == "header" and str(param.get("name")).lower() == "authorization":
                continue  # replaced by the security scheme (tested separately)
            loc = (*where, "parameter", param["in"], param["name"])
            out.add(("parameter", loc, bool(param.get("required"))))
            if isinstance(param.get("description"), str):
                out.add(("description", loc, param["description"]))
            schema_facts(doc, param.get("schema"), (*loc, "schema"), out)
        schema_facts(doc, _json_schema(op.get("requestBody")), (*where, "request"), out)
        for status, response in (op.get("responses") or {}).items():
            loc = (*where, "response", str(status))
            out.add(("status", loc))
            if isinstance(response.get("description"), str):
                out.add(("description", loc, response["description"]))
            schema_facts(doc, _json_schema(response), loc, out)
    return out


@pytest.fixture(scope="module")
def merged() -> dict[str, Any]:
    return yaml.safe_load(SPEC.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def merged_facts(merged) -> set[Fact]:
    return document_facts(merged)


@pytest.fixture(scope="module")
def raw_sources() -> dict[str, dict[str, Any]]:
    return {origin.split("/", 1)[1]: doc for origin, doc in load_sources(SOURCES)}


def test_there_are_sources_to_check():
    assert {
        "prolific-openapi.yaml",
        "create-credential-pool.yaml",
        "create-participant-group.yaml",
        "update-credential-pool.yaml",
    } <= set(SOURCE_FILES)


# --- what the cleaning changes on purpose, one allowance per transform --------------------------
# Each returns the raw fact as it should read in the merged spec, or None when the transform
# removes it on purpose (and says why in its docstring).


def _page_operations(raw_sources) -> set[tuple[str, str]]:
    return {(p, m) for doc in raw_sources.values() if is_page(doc) for p, m, _op in operations(doc)}


def _replaced_by_a_page(fact, source, raw_sources) -> bool:
    """precedence.apply_precedence: a page's operation wins over the document's."""
    loc = fact[1]
    return not is_page(raw_sources[source]) and (loc[0], loc[1]) in _page_operations(raw_sources)


# The field names the `integers` table makes whole numbers (any other number must stay a number).
_INTEGER_FIELDS = {name for fields in Overrides.load(REPO_ROOT / "openapi" / "overrides.yaml").integers.values()
                   for name in fields}  # fmt: skip


def _expected(fact: Fact, merged_facts: set[Fact], merged: dict[str, Any]) -> Fact | None:
    kind, loc = fact[0], fact[1]
    if kind == "operation":
        return fact
    if "any_field" in loc or (kind == "field" and fact[2] == "any_field"):
        # bodies.fix_field_error_maps: `any_field` is the map's values.
        if kind == "field":
            return None
        loc = tuple("{}" if part == "any_field" else part for part in loc)
    whole = ("type", loc, "integer") in merged_facts and loc[-1] in _INTEGER_FIELDS
    if kind in ("type", "format") and fact[2] in ("number", "double") and whole:
        # overrides.yaml `integers` (integers.apply_integers): a whole number published as a double now
        # reads `type: integer` (with no format): both published facts become that one.
        return ("type", loc, "integer")
    path, method, where = loc[0], loc[1], loc[2]
    op = merged["paths"][path][method]
    if where == "parameter" and loc[4] not in {p["name"] for p in op.get("parameters") or []}:
        # parameters.explode_object_query_parameters: an object query becomes its properties.
        return None
    if where == "parameter" and kind in ("enum", "type") and ("type", loc, "boolean") in merged_facts:
        # parameters.boolean_query_enums: 'true'/'false' string enums are booleans.
        return None
    if where == "response":
        status = loc[3]
        if status == "204" and kind != "status" and not (kind == "description" and len(loc) == 4):
            return None  # bodies.drop_bodies_of_no_content: a 204 has no body
        text = "application/json" not in (op["responses"][status].get("content") or {})
        if text and kind != "status" and not (kind == "description" and len(loc) == 4):
            return None  # bodies.declare_text_responses: a CSV body is text
        wrapped = (kind, (*loc[:4], "error", *loc[4:]), *fact[2:])
        if status[0] in "45" and (kind, loc, *fact[2:]) not in merged_facts and wrapped in merged_facts:
            # bodies.unify_error_bodies: the inner ErrorDetail is the body's `error`.
            loc = wrapped[1]
        if status[0] in "45" and kind == "description" and fact[2] == "Any type":
            return None  # bodies.unify_error_bodies: "Any type" became Error
        if status[0] in "45" and kind == "required" and len(loc) <= 5:
            return None  # bodies.lenient_error_bodies: an error body parses whatever it holds
    return (kind, loc, *fact[2:])


@pytest.mark.parametrize("source", SOURCE_FILES)
def test_every_published_fact_survives_in_the_merged_spec(source, raw_sources, merged, merged_facts):
    # The pipeline points site-relative links at docs.prolific.com (clean.absolute_docs_links): the
    # published text, so transformed, is what must survive.
    published = absolute_docs_links(copy.deepcopy(raw_sources[source]))
    raw = {f for f in document_facts(published) if not _replaced_by_a_page(f, source, raw_sources)}
    assert any(f[0] == "field" for f in raw)  # the walk found something to compare
    expected = {e for f in raw if (e := _expected(f, merged_facts, merged)) is not None}

    missing = {f for f in expected if f[0] != "description"} - merged_facts
    assert not missing, f"{source}: lost in openapi/prolific.yaml: {sorted(missing, key=repr)[:20]}"

    merged_texts: dict[Any, list[str]] = {}
    for fact in merged_facts:
        if fact[0] == "description":
            merged_texts.setdefault(fact[1], []).append(fact[2])
    lost = [
        (loc, text)
        for kind, loc, text in (f for f in expected if f[0] == "description")
        if not any(text in merged_text for merged_text in merged_texts.get(loc, []))
    ]
    assert not lost, f"{source}: descriptions lost: {lost[:20]}"


def test_the_allowances_are_used_and_narrow(raw_sources, merged, merged_facts):
    """Each allowance above applies somewhere, and together they drop few facts."""
    raw = document_facts(raw_sources["prolific-openapi.yaml"])
    dropped = [f for f in raw if _expected(f, merged_facts, merged) is None]
    kinds = {(f[1][2], f[0]) for f in dropped}
    assert ("parameter", "enum") in kinds and ("response", "field") in kinds
    assert len(dropped) < len(raw) / 20


@pytest.mark.parametrize("source", SOURCE_FILES)
def test_status_codes_and_their_descriptions_are_exactly_as_published(source, raw_sources, merged):
    """Plus `4XX`/`5XX` where none was published (bodies.default_error_responses)."""
    for path, method, op in operations(raw_sources[source]):
        if _replaced_by_a_page(("operation", (path, method)), source, raw_sources):
            continue
        published = {str(k): v.get("description") for k, v in op["responses"].items()}
        merged_op = merged["paths"][path][method]
        statuses = {str(k): v.get("description") for k, v in merged_op["responses"].items()}
        assert {k: v for k, v in statuses.items() if k in published} == published
        assert set(statuses) - set(published) <= {"4XX", "5XX"}
        assert {"4XX", "5XX"} <= set(statuses) or set(published) & {"4XX", "5XX"}


def test_the_survival_walk_notices_a_lost_fact(raw_sources, merged):
    """The comparison above is not vacuous: dropping a field, an enum value or a null is caught."""
    import copy

    damaged = copy.deepcopy(merged)
    schemas = damaged["components"]["schemas"]
    del schemas["FeederStudy"]["properties"]["internal_name"]
    schemas["InvitationRole"]["enum"].remove("WORKSPACE_COLLABORATOR")
    schemas["ParticipantGroup"]["properties"]["description"]["type"] = "string"
    facts = document_facts(damaged)
    lost = {f for source in raw_sources.values() for f in document_facts(source)} - facts
    lost_kinds = {(f[0], f[-1]) for f in lost}
    assert ("field", "internal_name") in lost_kinds
    assert ("enum", "WORKSPACE_COLLABORATOR") in lost_kinds
    assert ("type", "null") in lost_kinds


# --- the defects are in the sources, and not in the merged spec -----------------------------------


def _error_statuses(doc):
    for _path, _method, op in operations(doc):
        for status, response in op["responses"].items():
            if str(status)[0] in "45":
                yield response


def _auth_params(op):
    return [
        p
        for p in op.get("parameters") or []
        if p.get("in") == "header" and str(p.get("name")).lower() == "authorization"
    ]


def _enums(node):
    if isinstance(node, dict):
        if isinstance(node.get("enum"), list):
            yield node["enum"]
        for value in node.values():
            yield from _enums(value)
    elif isinstance(node, list):
        for value in node:
            yield from _enums(value)


def test_raw_sources_still_carry_the_published_defects(raw_sources):
    """The sources stay as published: cleaning happens in memory, never in openapi/sources/."""
    upstream = Path("/work/shared/upstream/prolific-openapi.yaml")
    document = SOURCES / "prolific-openapi.yaml"
    import hashlib

    assert hashlib.sha256(document.read_bytes()).hexdigest() == (
        "352f8dcec2ed7c4ff59ac5244110989ea76f056b5c2a3a67972eec5efdb73ee3"
    )  # byte-identical to the copy Prolific published (openapi/sources/PROVENANCE.md)
    del upstream
    pool = raw_sources["create-credential-pool.yaml"]
    [(_path, _method, op)] = operations(pool)
    assert op["tags"] == [["subpackage_credentials"]]  # `- - subpackage_credentials`
    assert len(_auth_params(op)) == 2  # the Authorization header, twice
    assert _auth_params(op)[0]["description"] == "Header authentication of the form `undefined `"
    assert op["responses"]["409"]["content"] == {}

    group = raw_sources["create-participant-group.yaml"]
    action = group["components"]["schemas"]["ParticipantGroupFeederStudiesItemsFeederCompletionCodesItemsAction"]
    assert action["enum"] == [{"value": "ADD_TO_PARTICIPANT_GROUP"}, {"value": "REMOVE_FROM_PARTICIPANT_GROUP"}]

    texts = [(SOURCES / name).read_text(encoding="utf-8") for name in SOURCE_FILES]
    assert any("- - subpackage_" in text for text in texts)
    assert any("`undefined `" in text for text in texts)
    assert any("- value:" in text for text in texts)
    assert any("content: {}" in text for text in texts)


def test_merged_spec_has_none_of_the_defects(merged, raw_sources):
    text = SPEC.read_text(encoding="utf-8")
    assert "undefined" not in text
    assert "- value:" not in text
    assert "subpackage" not in text
    assert "any_field" not in text
    assert "\ntitle:" not in text and " title: " not in text.replace("title: Prolific API", "")
    ops = list(operations(merged))
    published = {(p, m) for doc in raw_sources.values() for p, m, _op in operations(doc)}
    assert {(p, m) for p, m, _o in ops} == published
    assert len(ops) == published_operation_count()
    for path, _method, op in ops:
        assert all(isinstance(tag, str) for tag in op["tags"])
        assert _auth_params(op) == []
        assert op["security"] == ([] if path == "/.well-known/study/jwks.json" else [{"token": []}])
        for param in op.get("parameters") or []:
            assert param["schema"].get("type") != "object", (path, param["name"])
    assert all(isinstance(v, str) or v is None for enum in _enums(merged) for v in enum)
    for response in _error_statuses(merged):
        schema = response["content"]["application/json"]["schema"]
        assert schema in (
            {"$ref": "#/components/schemas/Error"},
            {"$ref": "#/components/schemas/BatchItemsValidationError"},
        )
    assert merged["components"]["securitySchemes"]["token"]["name"] == "Authorization"
    assert set(merged["paths"]) == {p for p, _m, _o in ops}
    assert all(set(item) <= set(HTTP_METHODS) for item in merged["paths"].values())


def test_merged_spec_validates(merged):
    validate(merged)


def test_committed_spec_is_what_the_sources_build(real_build):
    from prolific_spec.build import render

    doc, notices = real_build
    assert render(doc) == SPEC.read_text(encoding="utf-8")
    assert all(" replaces " in n for n in notices)  # nothing unnamed
