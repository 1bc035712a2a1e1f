"""The model stages on small inline documents: precedence, pruning, hoisting, folding, naming.

(Each stage's module: precedence.py, models.py, hoist.py, fold.py, naming.py.)
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest

from prolific_spec import fold, hoist, models, naming, precedence
from prolific_spec.errors import SpecError
from prolific_spec.naming import NameTable
from prolific_spec.overrides import Overrides


def ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def body(schema: dict[str, Any]) -> dict[str, Any]:
    return {"content": {"application/json": {"schema": schema}}}


def doc_with(paths: dict[str, Any], schemas: dict[str, Any] | None = None) -> dict[str, Any]:
    return {
        "openapi": "3.1.1",
        "info": {"title": "t", "version": "1"},
        "paths": paths,
        "components": {"schemas": schemas or {}},
    }


def op(op_id: str, response: Any = None, request: Any = None, **extra: Any) -> dict[str, Any]:
    out: dict[str, Any] = {"operationId": op_id, "responses": {"200": {"description": "OK", **body(response)}}}
    if response is None:
        out["responses"] = {"200": {"description": "OK"}}
    if request is not None:
        out["requestBody"] = body(request)
    out.update(extra)
    return out


def table(tmp_path: Path, text: str) -> NameTable:
    path = tmp_path / "names.yaml"
    path.write_text(text, encoding="utf-8")
    return NameTable.load(path)


# --- precedence --------------------------------------------------------------------------------


def _document() -> dict[str, Any]:
    return doc_with(
        {
            "/pools/": {"get": op("list-pools"), "post": op("create-pool")},
            "/pools/{id}/": {"patch": op("update-pool")},
        }
    )


def test_a_page_replaces_the_documents_operation_and_says_so():
    page = doc_with({"/pools/": {"post": op("create-pool", {"type": "string"})}})
    document = _document()
    sources, notices = precedence.apply_precedence([("sources/doc.yaml", document), ("sources/create.yaml", page)])
    assert set(document["paths"]["/pools/"]) == {"get"}
    assert notices == ["sources/create.yaml replaces POST /pools/ (create-pool) of sources/doc.yaml"]
    assert [origin for origin, _ in sources] == ["sources/doc.yaml", "sources/create.yaml"]


def test_a_page_may_add_a_method_the_document_lacks_under_one_of_its_paths():
    page = doc_with({"/pools/{id}/": {"delete": op("delete-pool")}})
    document = _document()
    _sources, notices = precedence.apply_precedence([("sources/doc.yaml", document), ("sources/delete.yaml", page)])
    assert notices == []
    assert set(document["paths"]["/pools/{id}/"]) == {"patch"}


def test_a_path_left_without_methods_is_removed():
    page = doc_with({"/pools/{id}/": {"patch": op("update-pool")}})
    document = _document()
    precedence.apply_precedence([("sources/doc.yaml", document), ("sources/u.yaml", page)])
    assert "/pools/{id}/" not in document["paths"]


def test_two_pages_for_one_operation_name_both():
    one = doc_with({"/pools/": {"post": op("create-pool")}})
    with pytest.raises(SpecError, match=r"POST /pools/ is defined by two pages: sources/a\.yaml and sources/b\.yaml"):
        precedence.apply_precedence([("sources/b.yaml", copy.deepcopy(one)), ("sources/a.yaml", one)])


# --- pruning -----------------------------------------------------------------------------------


def test_prune_unreferenced_keeps_what_operations_reach_through_refs():
    doc = doc_with(
        {"/x/": {"get": op("x", ref("A"))}},
        {"A": {"type": "object", "properties": {"b": ref("B")}}, "B": {"type": "string"}, "Orphan": {"type": "string"}},
    )
    assert models.prune_unreferenced(doc) == ["Orphan"]
    assert set(doc["components"]["schemas"]) == {"A", "B"}


# --- hoisting ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("plural", "one"),
    [("Categories", "Category"), ("Codes", "Code"), ("Status", "Status"), ("Addresses", "Address"), ("Boxes", "Box")],
)
def test_singular(plural, one):
    assert hoist.singular(plural) == one


def test_hoist_names_inline_schemas_after_their_place():
    item = {"type": "object", "properties": {"kind": {"type": "string", "enum": ["a", "b"]}}}
    doc = doc_with(
        {
            "/things/": {
                "post": op(
                    "create-thing",
                    {"type": "object", "properties": {"feeder_studies": {"type": "array", "items": item}}},
                    {"type": "object", "properties": {"name": {"type": "string"}}},
                    parameters=[{"name": "sort_order", "in": "query", "schema": {"type": "string", "enum": ["asc"]}}],
                )
            }
        },
        {"Published": {"type": "object", "properties": {"meta": {"type": "object", "properties": {}}}}},
    )
    lifted = hoist.hoist_inline_schemas(doc, parent_name=lambda name: "Readable" + name)
    assert {name: place.name for name, place in lifted.items()} == {
        "CreateThingRequest": "CreateThingRequest",
        "CreateThingResponse": "CreateThingResponse",
        "CreateThingSortOrder": "CreateThingSortOrder",
        "CreateThingResponseFeederStudy": "CreateThingResponseFeederStudy",
        "CreateThingResponseFeederStudyKind": "CreateThingResponseFeederStudyKind",
        "ReadablePublishedMeta": "ReadablePublishedMeta",  # after the published parent's readable name
    }
    schemas = doc["components"]["schemas"]
    assert schemas["CreateThingResponseFeederStudy"]["properties"]["kind"] == ref("CreateThingResponseFeederStudyKind")
    assert doc["paths"]["/things/"]["post"]["parameters"][0]["schema"] == ref("CreateThingSortOrder")


def test_hoist_names_union_options_by_their_tag_or_number():
    doc = doc_with(
        {"/blocks/": {"get": op("get-blocks", ref("Block"))}},
        {
            "Block": {
                "oneOf": [
                    {"type": "object", "properties": {"type": {"type": "string", "enum": ["rich_text"]}}},
                    {"type": "object", "properties": {"url": {"type": "string"}}},
                ]
            }
        },
    )
    lifted = hoist.hoist_inline_schemas(doc)
    assert sorted(place.name for place in lifted.values()) == ["BlockOption2", "BlockRichText", "BlockRichTextType"]
    assert naming.problems("BlockOption2") == ["numbers a union option", "ends with a number"]


def test_hoist_keeps_a_lifted_name_apart_from_a_published_one():
    doc = doc_with(
        {"/f/": {"get": op("f", ref("RangeFilter"))}},
        {
            "RangeFilter": {
                "type": "object",
                "properties": {"weightings": {"type": "object", "additionalProperties": ref("RangeFilterWeightings")}},
            },
            "RangeFilterWeightings": {"type": "object", "properties": {"weighting": {"type": "number"}}},
        },
    )
    lifted = hoist.hoist_inline_schemas(doc)
    [(key, place)] = lifted.items()
    assert key != "RangeFilterWeightings" and place.name == "RangeFilterWeightings"
    assert doc["components"]["schemas"]["RangeFilterWeightings"]["properties"]["weighting"] == {"type": "number"}


# --- folding -----------------------------------------------------------------------------------


def test_fold_identical_shapes_across_copies_of_nested_schemas_and_cycles():
    doc = doc_with(
        {"/a/": {"get": op("a", ref("StudyA"))}, "/b/": {"get": op("b", ref("StudyB"))}},
        {
            "StudyA": {
                "type": "object",
                "description": "one",
                "properties": {"filters": {"type": "array", "items": ref("FilterA")}},
            },
            "StudyB": {"type": "object", "properties": {"filters": {"type": "array", "items": ref("FilterB")}}},
            "FilterA": {"type": "object", "properties": {"next": ref("FilterA")}},
            "FilterB": {"type": "object", "properties": {"next": ref("FilterB")}, "description": "the filter"},
            "Other": {"type": "object", "properties": {"next": {"type": "string"}}},
        },
    )
    folded = fold.fold_identical(doc)
    assert folded == {"FilterA": ["FilterA", "FilterB"], "StudyA": ["StudyA", "StudyB"]}
    schemas = doc["components"]["schemas"]
    assert set(schemas) == {"StudyA", "FilterA", "Other"}
    assert schemas["FilterA"]["properties"]["next"] == ref("FilterA")
    assert schemas["FilterA"]["description"] == "the filter"  # filled in from a member
    assert schemas["StudyA"]["description"] == "one"
    assert doc["paths"]["/b/"]["get"]["responses"]["200"]["content"]["application/json"]["schema"] == ref("StudyA")


def test_fold_keeps_schemas_that_differ_only_deep_inside():
    doc = doc_with(
        {},
        {
            "A": {"type": "object", "properties": {"x": ref("X")}},
            "B": {"type": "object", "properties": {"x": ref("Y")}},
            "X": {"type": "string", "enum": ["1"]},
            "Y": {"type": "string", "enum": ["2"]},
        },
    )
    assert fold.identical_groups(doc["components"]["schemas"]) == []


# --- naming rules ------------------------------------------------------------------------------


def _rules_doc() -> dict[str, Any]:
    return doc_with(
        {
            "/api/v1/studies/": {"get": op("get-studies")},
            "/api/v1/data-collection/batches/{batch_id}/instructions": {"put": op("update-task-builder-instructions")},
        },
        {
            "Export": {"oneOf": [ref("Export0"), ref("Export1")]},
            "Export0": {"type": "object", "properties": {"status": ref("ExportOneOf0Status")}},
            "Export1": {"type": "object", "properties": {"n": {"type": "integer"}}},
            "ExportOneOf0Status": {"type": "string", "enum": ["GENERATING"]},
        },
    )


@pytest.mark.parametrize(
    ("published", "readable"),
    [
        ("Filter Sets_CreateFilterSet_Response_201", "CreateFilterSetResponse"),
        ("AI Task Builder_getDatasetUploadUrl_Response_201", "GetDatasetUploadUrlResponse"),
        ("Submissions_BulkApproveSubmissions_Request", "BulkApproveSubmissionsRequest"),
        ("ApiV1StudiesGetParametersState", "GetStudiesState"),
        (
            "ApiV1DataCollectionBatchesBatchIdInstructionsPutRequestBodyContentApplicationJsonSchemaInstructionsItemsOptionsItems",
            "UpdateTaskBuilderInstructionsRequestInstructionOption",
        ),
        ("CreateStudyCompletionCodesItemsActionsItems", "CreateStudyCompletionCodeAction"),
        ("BatchItemsItem", "BatchItemsItem"),  # `Items` after a singular word is part of the name
        ("Export0", "ExportGenerating"),  # a union option, by the one-value enum that tells it apart
        ("Export1", "ExportOption2"),
        ("ExportOneOf0Status", "ExportGeneratingStatus"),
        ("ParticipantIDList", "ParticipantIDList"),
    ],
)
def test_rule_name(published, readable):
    assert naming.Rules(_rules_doc()).rule_name(published) == readable


@pytest.mark.parametrize(
    ("name", "reasons"),
    [
        ("Study", []),
        ("ApiV1StudiesGetParametersState", ["starts from the URL (ApiV1…)", "says 'Parameters'"]),
        ("DeleteStudyResponse200", ["carries a status code", "ends with a number"]),
        ("ThingContentApplicationJsonSchema", ["spells out the media type"]),
        ("TagsItemsItems", ["says 'Items'"]),
        ("Filter0", ["ends with a number"]),
        ("Filter_Sets", ["is not a CapWords identifier"]),
        ("Study" * 8 + "VeryLongName", ["makes a module name over 60 characters"]),
    ],
)
def test_problems(name, reasons):
    assert naming.problems(name) == reasons


def _named(
    tmp_path: Path, names: str, schemas: dict[str, Any], groups: Any = None
) -> tuple[dict[str, Any], naming.Naming]:
    doc = doc_with({"/api/v1/x/": {"get": op("get-x", ref(next(iter(schemas))))}}, copy.deepcopy(schemas))
    result = naming.choose_names(doc, table(tmp_path, names), groups or {}, {})
    return doc, result


def test_choose_names_table_first_then_rules_and_titles_go(tmp_path):
    schemas = {
        "Things_GetX_Response_200": {
            "type": "object",
            "title": "Things_GetX_Response_200",
            "properties": {"title": {"type": "string", "title": "T"}, "kind": ref("ApiV1XGetParametersKind")},
        },
        "ApiV1XGetParametersKind": {"type": "string", "enum": ["a"], "title": "ApiV1XGetParametersKind"},
    }
    doc, result = _named(tmp_path, "schemas:\n  Things_GetX_Response_200: ThingPage\n", schemas)
    out = doc["components"]["schemas"]
    assert list(out) == ["GetXKind", "ThingPage"]
    assert out["ThingPage"]["properties"]["kind"] == ref("GetXKind")
    assert "title" not in out["ThingPage"] and "title" not in out["ThingPage"]["properties"]["title"]
    assert "title" in out["ThingPage"]["properties"]  # a property called title is a field
    assert result.final == {"Things_GetX_Response_200": "ThingPage", "ApiV1XGetParametersKind": "GetXKind"}
    assert result.notices == []


def test_choose_names_picks_the_most_readable_name_of_a_fold_group(tmp_path):
    thing = {"type": "object", "properties": {"id": {"type": "string"}}}
    groups = {
        "ApiV1XGetResponsesContentApplicationJsonSchemaThing": [
            "ApiV1XGetResponsesContentApplicationJsonSchemaThing",
            "BaseThing",
            "Thing",
        ]
    }
    doc, result = _named(tmp_path, "", {"ApiV1XGetResponsesContentApplicationJsonSchemaThing": thing}, groups)
    assert list(doc["components"]["schemas"]) == ["Thing"]
    assert result.final["BaseThing"] == "Thing"


def test_choose_names_refuses_two_table_names_for_one_shape(tmp_path):
    groups = {"A": ["A", "B"]}
    with pytest.raises(SpecError, match=r"names identical schemas differently \(One, Two"):
        _named(tmp_path, "schemas:\n  A: One\n  B: Two\n", {"A": {"type": "object"}}, groups)


def test_choose_names_numbers_a_clash_and_asks_for_a_name(tmp_path):
    schemas = {
        "Pool_Create_Response_201": {"type": "object", "properties": {}},
        "CreateResponse": {"type": "object", "properties": {"a": {}}},
    }
    doc, result = _named(tmp_path, "schemas:\n  Unknown: Gone\n", schemas)
    assert sorted(doc["components"]["schemas"]) == ["CreateResponse", "CreateResponse2"]
    assert any("CreateResponse2" in n and "ends with a number" in n for n in result.notices)
    assert any("'Unknown', which no source has" in n for n in result.notices)


def test_a_union_needs_no_readable_name(tmp_path):
    _doc, result = _named(tmp_path, "", {"Thing0": {"oneOf": [{"type": "string"}, {"type": "integer"}]}})
    assert result.notices == []


# --- the stages together: overrides apply to the folded models ----------------------------------


def test_nullable_overrides_apply_after_identical_shapes_fold(tmp_path):
    """The participant-group case: two published copies, one nullable entry, one model."""
    group = {"type": "object", "properties": {"id": {"type": "string"}, "name": {"type": "string"}}}
    doc = doc_with(
        {
            "/g/": {"get": op("get-group", ref("ParticipantGroup"))},
            "/h/": {"post": op("create-group", ref("ParticipantGroupResponse"))},
        },
        {"ParticipantGroup": copy.deepcopy(group), "ParticipantGroupResponse": copy.deepcopy(group)},
    )
    names = table(tmp_path, "schemas:\n  ParticipantGroupResponse: ParticipantGroup\n")
    result = models.shape_models(doc, names, Overrides(nullable={"ParticipantGroupResponse": ["name"]}))
    assert list(doc["components"]["schemas"]) == ["ParticipantGroup"]
    assert doc["components"]["schemas"]["ParticipantGroup"]["properties"]["name"]["type"] == ["string", "null"]
    assert doc["components"]["schemas"]["ParticipantGroup"]["properties"]["id"]["type"] == "string"
    assert result.final["ParticipantGroupResponse"] == "ParticipantGroup"
