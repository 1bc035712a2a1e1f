"""Nothing Prolific publishes is lost between openapi/sources/ and openapi/prolific.yaml.

Both documents are walked per operation (request body, parameters, each response), following
``$ref``s and ``anyOf``/``oneOf`` options, into located facts: field names, required lists, types
(nullable included), formats, enum values, descriptions, status codes. Every fact of a raw source
must be in the merged spec at the same place (names differ; places do not). Descriptions may have
been joined with another source's (" / "), so a raw description must be contained in one there.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from openapi_spec_validator import validate

from prolific_spec.clean import HTTP_METHODS, operations
from prolific_spec.naming import NameTable
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
    if not isinstance(schema, dict) or depth > 30:
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
        "create-credential-pool.yaml",
        "create-invitation.yaml",
        "create-participant-group.yaml",
        "update-credential-pool.yaml",
    } <= set(SOURCE_FILES)


@pytest.mark.parametrize("source", SOURCE_FILES)
def test_every_published_fact_survives_in_the_merged_spec(source, raw_sources, merged_facts):
    raw = document_facts(raw_sources[source])
    assert any(f[0] == "field" for f in raw)  # the walk found something to compare

    missing = {f for f in raw if f[0] != "description"} - merged_facts
    assert not missing, f"{source}: lost in openapi/prolific.yaml: {sorted(missing, key=repr)}"

    merged_texts: dict[Any, list[str]] = {}
    for fact in merged_facts:
        if fact[0] == "description":
            merged_texts.setdefault(fact[1], []).append(fact[2])
    lost = [
        (loc, text)
        for kind, loc, text in (f for f in raw if f[0] == "description")
        if not any(text in merged_text for merged_text in merged_texts.get(loc, []))
    ]
    assert not lost, f"{source}: descriptions lost: {lost}"


@pytest.mark.parametrize("source", SOURCE_FILES)
def test_every_published_schema_is_in_the_merged_spec_under_its_table_name(source, raw_sources, merged):
    table = NameTable.load(REPO_ROOT / "openapi" / "names.yaml")
    schemas = merged["components"]["schemas"]
    for name in (raw_sources[source].get("components") or {}).get("schemas") or {}:
        assert table.schemas.get(name, name) in schemas, name


@pytest.mark.parametrize("source", SOURCE_FILES)
def test_status_codes_and_their_descriptions_are_exactly_as_published(source, raw_sources, merged):
    for path, method, op in operations(raw_sources[source]):
        published = {str(k): v.get("description") for k, v in op["responses"].items()}
        merged_op = merged["paths"][path][method]
        assert {str(k): v.get("description") for k, v in merged_op["responses"].items()} == published


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


def test_merged_spec_has_none_of_the_defects(merged):
    text = SPEC.read_text(encoding="utf-8")
    assert "undefined" not in text
    assert "- value:" not in text
    assert "subpackage" not in text
    ops = list(operations(merged))
    assert len(ops) == len(SOURCE_FILES)  # one operation per source
    for _path, _method, op in ops:
        assert all(isinstance(tag, str) for tag in op["tags"])
        assert _auth_params(op) == []
        assert op["security"] == [{"token": []}]
    assert all(isinstance(v, str) for enum in _enums(merged) for v in enum)
    for response in _error_statuses(merged):
        assert response["content"]["application/json"]["schema"] == {"$ref": "#/components/schemas/Error"}
    assert merged["components"]["securitySchemes"]["token"]["name"] == "Authorization"
    assert set(merged["paths"]) == {p for p, _m, _o in ops}
    assert all(set(item) <= set(HTTP_METHODS) for item in merged["paths"].values())


def test_merged_spec_validates(merged):
    validate(merged)


def test_committed_spec_is_what_the_sources_build(real_build):
    from prolific_spec.build import render

    doc, notices = real_build
    assert render(doc) == SPEC.read_text(encoding="utf-8")
    assert notices == []
