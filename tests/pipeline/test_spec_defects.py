"""One test per defect-class transform (defects.py), refusal (refusals.py) and table lookup, on small synthetic documents.

Each transform test checks the fix and, against a deep copy, that nothing else changed; each
also checks that a document without the defect is left exactly as it was.
"""

from __future__ import annotations

import copy
from typing import Any

import pytest

from prolific_spec import clean, defects, overrides, refusals, report
from prolific_spec.errors import SpecError
from prolific_spec.overrides import Overrides


def ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def body(schema: dict[str, Any]) -> dict[str, Any]:
    return {"description": "OK", "content": {"application/json": {"schema": schema}}}


def doc_with(schemas: dict[str, Any] | None = None, **op: Any) -> dict[str, Any]:
    operation = {"operationId": "get-thing", "responses": {"200": body(ref("Thing"))}, **op}
    return {
        "openapi": "3.1.0",
        "info": {"title": "t", "version": "1"},
        "paths": {"/things/{id}/": {"get": operation}},
        "components": {"schemas": schemas or {"Thing": {"type": "object", "properties": {}}}},
    }


def unchanged_without_the_defect(transform: Any) -> None:
    clean_doc = doc_with({"Thing": {"type": "object", "properties": {"a": {"type": "array", "items": {}}}}})
    before = copy.deepcopy(clean_doc)
    with defects.collect_notes() as notes:
        transform(clean_doc)
    assert clean_doc == before and notes == []


def test_array_items_any_in_a_property_a_union_branch_a_response_and_a_parameter():
    doc = doc_with(
        {
            "Thing": {
                "type": "object",
                "properties": {"a": {"type": "array"}, "u": {"anyOf": [{"type": ["array", "null"]}]}},
            }
        },
        parameters=[{"name": "ids", "in": "query", "schema": {"type": "array"}}],
    )
    doc["paths"]["/things/{id}/"]["get"]["responses"]["201"] = body({"type": "array", "description": "d"})
    expected = copy.deepcopy(doc)
    props = expected["components"]["schemas"]["Thing"]["properties"]
    props["a"]["items"] = {}
    props["u"]["anyOf"][0]["items"] = {}
    op = expected["paths"]["/things/{id}/"]["get"]
    op["parameters"][0]["schema"]["items"] = {}
    op["responses"]["201"]["content"]["application/json"]["schema"]["items"] = {}
    assert defects.array_items_any(doc) == expected
    unchanged_without_the_defect(defects.array_items_any)


def test_array_with_properties_becomes_an_object():
    thing = {"type": ["array", "null"], "properties": {"id": {"type": "string"}}, "required": ["id"]}
    doc = doc_with({"Thing": thing})
    defects.array_with_properties_to_object(doc)
    assert doc["components"]["schemas"]["Thing"] == {**thing, "type": ["object", "null"]}
    unchanged_without_the_defect(defects.array_with_properties_to_object)


def test_nullable_keyword_becomes_null_in_the_type():
    doc = doc_with(
        {
            "Thing": {
                "type": "object",
                "properties": {
                    "s": {"type": "string", "nullable": True},
                    "r": {**ref("Other"), "nullable": True, "description": "who"},
                    "e": {"type": "string", "enum": ["a"], "nullable": True},
                    "u": {"oneOf": [{"type": "string"}, {"type": "integer"}], "nullable": True},
                    "f": {"type": "string", "nullable": False},
                },
            },
            "Other": {"type": "object"},
        }
    )
    defects.nullable_keyword_to_type(doc)
    props = doc["components"]["schemas"]["Thing"]["properties"]
    assert props["s"] == {"type": ["string", "null"]}
    assert props["r"] == {"description": "who", "anyOf": [ref("Other"), {"type": "null"}]}
    assert props["e"] == {"type": ["string", "null"], "enum": ["a", None]}
    assert props["u"] == {"oneOf": [{"type": "string"}, {"type": "integer"}, {"type": "null"}]}
    assert props["f"] == {"type": "string"}
    unchanged_without_the_defect(defects.nullable_keyword_to_type)


def test_null_in_an_enum_makes_a_nullable_enum():
    doc = doc_with(
        {
            "Thing": {
                "type": "object",
                "properties": {"k": {"type": "string", "enum": ["a", None]}, "n": {"enum": [1, None]}},
            }
        }
    )
    defects.null_enum_nullable(doc)
    props = doc["components"]["schemas"]["Thing"]["properties"]
    assert props["k"] == {"type": ["string", "null"], "enum": ["a", None]}
    assert props["n"] == {"type": ["integer", "null"], "enum": [1, None]}
    unchanged_without_the_defect(defects.null_enum_nullable)


def test_a_required_name_not_among_the_properties_is_dropped_with_a_note():
    doc = doc_with({"Thing": {"type": "object", "properties": {"id": {}}, "required": ["id", "gone"]}})
    with defects.collect_notes() as notes:
        defects.drop_unknown_required(doc)
    assert doc["components"]["schemas"]["Thing"]["required"] == ["id"]
    assert notes == [
        "components/schemas/Thing: `required` names gone, which is not among its properties: dropped from `required`"
    ]
    composed = doc_with({"Thing": {"allOf": [ref("Other")], "required": ["x"]}, "Other": {"type": "object"}})
    before = copy.deepcopy(composed)
    assert defects.drop_unknown_required(composed) == before  # allOf members may hold the field
    unchanged_without_the_defect(defects.drop_unknown_required)


def test_an_empty_union_branch_makes_the_union_any_value():
    doc = doc_with(
        {"Thing": {"type": "object", "properties": {"v": {"description": "v", "oneOf": [{"type": "string"}, {}]}}}}
    )
    doc["components"]["schemas"]["Other"] = {"anyOf": [{"description": "Any type"}, ref("Thing")]}
    defects.empty_union_branch_any(doc)
    assert doc["components"]["schemas"]["Thing"]["properties"]["v"] == {"description": "v"}
    assert doc["components"]["schemas"]["Other"] == {}
    unchanged_without_the_defect(defects.empty_union_branch_any)


def test_a_one_of_whose_branches_overlap_becomes_any_of():
    bound = {"description": "b", "oneOf": [{"type": "integer"}, {"type": "string"}, {"type": "number"}]}
    doc = doc_with({"Range": {"type": "object", "properties": {"lower": bound}}})
    schemas = doc["components"]["schemas"]
    schemas["Either"] = {"oneOf": [{"type": "integer"}, {"type": "string"}]}
    schemas["Open1"] = {"type": "object", "properties": {"a": {"type": "string"}}}
    schemas["Open2"] = {"type": "object", "properties": {"b": {"type": "string"}}}
    schemas["Closed"] = {"type": "object", "properties": {"c": {"type": "string"}}, "required": ["c"]}
    schemas["Result"] = {"oneOf": [ref("Open1"), ref("Open2")]}
    schemas["Picked"] = {"oneOf": [ref("Open1"), ref("Closed")]}
    defects.overlapping_one_of(doc)
    lower = schemas["Range"]["properties"]["lower"]
    assert lower == {"description": "b", "anyOf": [{"type": "integer"}, {"type": "string"}, {"type": "number"}]}
    assert schemas["Result"] == {"anyOf": [ref("Open1"), ref("Open2")]}
    assert schemas["Either"] == {"oneOf": [{"type": "integer"}, {"type": "string"}]}  # they exclude each other
    assert schemas["Picked"] == {"oneOf": [ref("Open1"), ref("Closed")]}  # a branch requires a property
    unchanged_without_the_defect(defects.overlapping_one_of)


def test_an_operation_without_operation_id_gets_one_from_method_and_path_with_a_note():
    doc = doc_with()
    del doc["paths"]["/things/{id}/"]["get"]["operationId"]
    doc["paths"]["/api/v2/studyGroups/"] = {"post": {"responses": {"204": {"description": "done"}}}}
    with defects.collect_notes() as notes:
        defects.derive_operation_ids(doc)
    assert doc["paths"]["/things/{id}/"]["get"]["operationId"] == "get-things-by-id"
    assert doc["paths"]["/api/v2/studyGroups/"]["post"]["operationId"] == "post-study-groups"
    assert notes == [
        "GET /things/{id}/ has no operationId: it is called 'get-things-by-id' (method and path)",
        "POST /api/v2/studyGroups/ has no operationId: it is called 'post-study-groups' (method and path)",
    ]
    unchanged_without_the_defect(defects.derive_operation_ids)


def test_a_response_without_a_schema_has_no_body():
    doc = doc_with()
    responses = doc["paths"]["/things/{id}/"]["get"]["responses"]
    responses["202"] = {"description": "later", "content": {"application/json": {}}}
    responses["203"] = {"content": {"application/json": {"schema": ref("Thing")}, "text/plain": {}}}
    responses["409"] = {"description": "conflict", "content": {"application/json": {"example": {}}}}
    defects.responses_without_schema_no_body(doc)
    assert responses["202"] == {"description": "later"}
    assert responses["203"] == {
        "content": {"application/json": {"schema": ref("Thing")}},
        "description": "Non-Authoritative Information",
    }
    assert responses["409"] == {"description": "conflict"}  # document_error_bodies gives it Error next
    unchanged_without_the_defect(defects.responses_without_schema_no_body)


def test_a_parameter_declared_twice_is_kept_once_with_a_note():
    param = {"name": "q", "in": "query", "schema": {"type": "string"}}
    doc = doc_with(parameters=[param, {**param, "description": "again"}, {**param, "in": "header"}])
    with defects.collect_notes() as notes:
        defects.duplicate_parameters_once(doc)
    assert doc["paths"]["/things/{id}/"]["get"]["parameters"] == [param, {**param, "in": "header"}]
    assert notes == ["GET /things/{id}/: query parameter 'q' is declared twice: the first is kept"]
    unchanged_without_the_defect(defects.duplicate_parameters_once)


def test_an_all_of_wrapper_of_objects_becomes_the_one_object():
    group = {"type": "object", "properties": {"id": {"type": "string"}}, "required": ["id"]}
    doc = doc_with(
        {
            "Group": group,
            "Thing": {
                "allOf": [ref("Group"), {"type": "object", "properties": {"n": {"type": "integer"}}}],
                "additionalProperties": True,
                "description": "A wrapper",
            },
            "Union": {"allOf": [{"oneOf": [{"type": "string"}, {"type": "integer"}]}]},
        }
    )
    defects.flatten_object_all_of(doc)
    schemas = doc["components"]["schemas"]
    assert schemas["Thing"] == {
        "type": "object",
        "properties": {"id": {"type": "string"}, "n": {"type": "integer"}},
        "required": ["id"],
        "description": "A wrapper",
    }
    assert schemas["Thing"]["properties"]["id"] is not group["properties"]["id"]  # a copy, not shared
    assert "allOf" in schemas["Union"]  # not plain objects: left as published
    unchanged_without_the_defect(defects.flatten_object_all_of)


def test_every_class_transform_is_in_the_ordered_list():
    listed = set(clean.TRANSFORMS)
    for name in dir(defects):
        value = getattr(defects, name)
        public = not name.startswith("_")
        if public and callable(value) and getattr(value, "__module__", "") == defects.__name__ and value.__doc__:
            if name in {
                "collect_notes",
                "schema_places",
                "schema_tree",
                "schemas_in",
                "readable",
                "defect_at",
                "derived_operation_id",
            }:
                continue
            assert value in listed, name
    order = list(clean.TRANSFORMS)
    assert order.index(defects.array_with_properties_to_object) < order.index(defects.array_items_any)
    assert order.index(defects.flatten_object_all_of) < order.index(defects.drop_unknown_required)


def test_clean_document_passes_the_notes_on():
    doc = doc_with({"Thing": {"type": "object", "properties": {}, "required": ["x"]}})
    notes: list[str] = []
    clean.clean_document(doc, notes=notes)
    assert any("`required` names x" in n for n in notes)


# --- refusals ------------------------------------------------------------------------------------


def test_refusals_name_the_operation_or_pointer_each_in_one_line():
    doc = doc_with(
        {"Thing": {"type": "object", "properties": {"o": ref("Nope")}}},
        parameters=[{"name": "other", "in": "path", "required": True, "schema": {"type": "string"}}],
    )
    doc["paths"]["/else/"] = {"post": {"operationId": "get-thing", "responses": {"200": {"description": "x"}}}}
    with pytest.raises(SpecError) as info:
        refusals.refuse([("sources/a.yaml", doc)])
    lines = str(info.value).splitlines()
    assert lines[0] == "the sources cannot be built (4 problems):"
    assert lines[1].startswith(
        "  duplicate operationId 'get-thing': GET /things/{id}/ (sources/a.yaml) and POST /else/"
    )
    assert "#/components/schemas/Thing/properties/o: `$ref: #/components/schemas/Nope`" in lines[2]
    assert "GET /things/{id}/ (get-thing): path parameter 'other' is not in the path" in lines[3]
    assert "the path has {id} but no parameter declares it" in lines[4]


def test_refusals_pass_a_sound_document_and_ignore_examples():
    doc = doc_with(parameters=[{"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}])
    doc["components"]["schemas"]["Thing"]["example"] = {"$ref": "not a reference, data"}
    refusals.refuse([("sources/a.yaml", doc)])


# --- tables through allOf and $ref ---------------------------------------------------------------


def test_tables_see_through_ref_chains_and_all_of_members():
    doc = doc_with(
        {
            "Group": {"type": "object", "properties": {"id": {"type": "string"}, "name": {"type": "string"}}},
            "Wrapper": {"allOf": [ref("Group")], "additionalProperties": True},
            "Alias": ref("Group"),
        }
    )
    table = Overrides(nullable={"Wrapper": ["id"]}, required={"Alias": ["name"]})
    assert overrides.apply_tables(doc, table, source="openapi/overrides.yaml") == []
    group = doc["components"]["schemas"]["Group"]
    assert group["properties"]["id"]["type"] == ["string", "null"]
    assert group["required"] == ["name"]


def test_a_table_entry_whose_field_is_gone_is_one_line_each_and_stops_unless_pruned():
    doc = doc_with({"Group": {"type": "object", "properties": {"id": {"type": "string"}}}})
    table = Overrides(nullable={"Group": ["naem"], "Gone": ["x"]}, required={"Group": ["id", "nmae"]})
    with pytest.raises(SpecError) as info:
        overrides.apply_tables(copy.deepcopy(doc), table, source="openapi/overrides.yaml")
    lines = str(info.value).splitlines()
    assert lines[0] == "2 table entries name a field that is gone:"
    assert lines[1].startswith("  openapi/overrides.yaml: nullable table names Group.naem, which the schema does not")
    assert "not even through allOf or $ref (fields: id); remove the entry from openapi/overrides.yaml" in lines[1]
    assert "required table names Group.nmae" in lines[2]
    assert "--prune-tables" in lines[3]
    notices = overrides.apply_tables(doc, table, source="openapi/overrides.yaml", prune=True)
    assert notices[0].startswith("openapi/overrides.yaml: nullable.Gone: no source has a schema 'Gone'")
    assert len(notices) == 3 and all(n.endswith("(skipped: --prune-tables)") for n in notices[1:])
    assert doc["components"]["schemas"]["Group"]["required"] == ["id"]  # the sound entry still applies


def test_a_table_entry_for_a_schema_no_source_has_is_a_notice_not_a_stop():
    doc = doc_with()
    notices = overrides.apply_tables(doc, Overrides(required={"Gone": ["x"]}), source="openapi/overrides.yaml")
    assert notices == [
        "openapi/overrides.yaml: required.Gone: no source has a schema 'Gone'; the entry is unused "
        "(remove it if no release needs it)"
    ]


# --- the failure report --------------------------------------------------------------------------


class _Warning:
    def __init__(self, header: str, detail: str = "") -> None:
        self.header, self.detail = header, detail


def test_the_failure_report_puts_the_roots_first_and_the_full_list_in_a_file(tmp_path):
    doc = doc_with(
        {
            "Thing": {"type": "object", "properties": {"e": ref("Error")}},
            "Error": {"type": "object", "properties": {"error": ref("ErrorDetail")}},
            "ErrorDetail": {
                "type": "object",
                "properties": {"detail": {"anyOf": [{"type": "string"}, {"type": "array"}]}},
            },
        }
    )
    doc["paths"]["/things/{id}/"]["get"]["responses"] = {"200": body(ref("Thing")), "4XX": body(ref("Error"))}
    problems = [
        _Warning(
            "\nUnable to process schema /components/schemas/ErrorDetail:",
            "Invalid property in union <x.UntrustedString object at 0x7f00>\n\nFailure to process schema has resulted "
            "in the removal of:\n/components/schemas/ErrorDetail\n/components/schemas/Error",
        ),
        _Warning("Unable to parse schema /components/schemas/Thing", "Could not find reference"),
        _Warning(
            "WARNING parsing GET /things/{id}/ within things.", "Cannot parse response (Could not find reference)"
        ),
        _Warning("Skipping Integration", "something unrelated"),
    ]
    listing = tmp_path / "warnings.txt"
    message = report.failure_message(problems, doc, tmp_path / "spec.yaml", full_list=listing)
    lines = message.splitlines()
    assert "4 warnings" in lines[0] and "2 root causes (2 warnings follow from them)" in lines[0]
    assert lines[1] == (
        "  - ErrorDetail.detail anyOf branch 2: array without `items` — 1 operation depends on it "
        "(GET /things/{id}/) (3 warnings)"
    )
    assert lines[2] == "  - Skipping Integration: something unrelated"
    assert lines[-1].endswith(str(listing))
    assert "UntrustedString" not in listing.read_text() and "(value)" in listing.read_text()
