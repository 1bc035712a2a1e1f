"""One test per cleaning transform (clean.py, parameters.py, bodies.py, enums.py, overrides.py), each on a small inline document.

Each test checks the fix and, by comparing with a hand-made expected document or a deep copy, that
nothing else in the document changed.
"""

from __future__ import annotations

import copy
from typing import Any

import pytest

from prolific_spec import bodies, clean, enums, overrides, parameters
from prolific_spec.errors import SpecError


def ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def body(schema: dict[str, Any]) -> dict[str, Any]:
    return {"content": {"application/json": {"schema": schema}}}


def op_of(doc: dict[str, Any], path: str = "/things/", method: str = "post") -> dict[str, Any]:
    return doc["paths"][path][method]


# --- flatten_tags ------------------------------------------------------------------------------


def test_flatten_tags_nested_fern_tags_become_flat_kebab_names(doc_factory):
    doc = doc_factory(tags=[["subpackage_participantGroups"]])
    doc["paths"]["/other/"] = {
        "get": {"operationId": "b", "tags": [["subpackage_credentials"], "credentials"], "responses": {}}
    }
    doc["tags"] = [{"name": "subpackage_participantGroups", "description": "Groups"}]
    expected = copy.deepcopy(doc)
    expected["paths"]["/things/"]["post"]["tags"] = ["participant-groups"]
    expected["paths"]["/other/"]["get"]["tags"] = ["credentials"]  # flattened and de-duplicated
    expected["tags"] = [{"name": "participant-groups", "description": "Groups"}]

    assert clean.flatten_tags(doc) is doc
    assert doc == expected


@pytest.mark.parametrize(
    ("raw", "kebab"),
    [
        ("subpackage_participantGroups", "participant-groups"),
        ("subpackage_credentials", "credentials"),
        ("subpackage_studyCollections", "study-collections"),
        ("invitations", "invitations"),
    ],
)
def test_tag_name(raw, kebab):
    assert clean.tag_name(raw) == kebab


def test_flatten_tags_leaves_untagged_operations_alone(doc_factory):
    doc = doc_factory()
    expected = copy.deepcopy(doc)
    assert clean.flatten_tags(doc) == expected


# --- replace_auth_header -----------------------------------------------------------------------


def _auth(name: str = "Authorization", description: str | None = None) -> dict[str, Any]:
    param: dict[str, Any] = {"name": name, "in": "header", "required": True, "schema": {"type": "string"}}
    if description is not None:
        param["description"] = description
    return param


def test_replace_auth_header_removes_every_copy_and_adds_the_security_scheme(doc_factory):
    path_param = {"name": "pool_id", "in": "path", "required": True, "schema": {"type": "string"}}
    query_param = {"name": "authorization", "in": "query", "schema": {"type": "string"}}  # not a header: kept
    doc = doc_factory(path="/things/{pool_id}/", method="patch")
    op = op_of(doc, "/things/{pool_id}/", "patch")
    op["parameters"] = [
        path_param,
        _auth(description="Header authentication of the form `undefined `"),
        _auth(),
        _auth("AUTHORIZATION"),
        query_param,
    ]
    expected = copy.deepcopy(doc)
    expected_op = op_of(expected, "/things/{pool_id}/", "patch")
    expected_op["parameters"] = [path_param, query_param]
    expected_op["security"] = [{"token": []}]
    expected["security"] = [{"token": []}]
    expected["components"] = {"securitySchemes": {"token": clean.SECURITY_SCHEME}}

    assert clean.replace_auth_header(doc) is doc
    assert doc == expected
    scheme = doc["components"]["securitySchemes"]["token"]
    assert (scheme["type"], scheme["in"], scheme["name"]) == ("apiKey", "header", "Authorization")
    assert "Token <your token>" in scheme["description"]


def test_replace_auth_header_drops_the_parameters_key_when_only_auth_was_there(doc_factory):
    doc = doc_factory()
    op_of(doc)["parameters"] = [_auth(), _auth()]
    clean.replace_auth_header(doc)
    assert "parameters" not in op_of(doc)
    assert op_of(doc)["security"] == [{"token": []}]


def test_replace_auth_header_renames_another_authorization_api_key_scheme(doc_factory):
    doc = doc_factory()
    op_of(doc)["security"] = [{"ApiKeyAuth": []}]
    doc["components"] = {"securitySchemes": {"ApiKeyAuth": {"type": "apiKey", "in": "header", "name": "Authorization"}}}
    clean.replace_auth_header(doc)
    assert doc["components"]["securitySchemes"] == {"token": clean.SECURITY_SCHEME}
    assert op_of(doc)["security"] == [{"token": []}]


def test_replace_auth_header_leaves_an_operation_published_without_the_header_public(doc_factory):
    """The whole-API document's JWKS endpoint publishes no Authorization header: it is public."""
    doc = doc_factory()
    doc["paths"]["/other/"] = {"get": {"operationId": "b", "parameters": [_auth()], "responses": {}}}
    clean.replace_auth_header(doc)
    assert op_of(doc)["security"] == []
    assert doc["paths"]["/other/"]["get"]["security"] == [{"token": []}]
    assert doc["security"] == [{"token": []}]


def test_replace_auth_header_keeps_an_operations_own_security_and_a_published_default(doc_factory):
    doc = doc_factory()
    doc["security"] = [{"ApiKey": []}]
    doc["components"] = {"securitySchemes": {"ApiKey": {"type": "apiKey", "in": "header", "name": "authorization"}}}
    doc["paths"]["/mine/"] = {"get": {"operationId": "m", "security": [], "responses": {}}}
    clean.replace_auth_header(doc)
    assert op_of(doc)["security"] == [{"token": []}]  # the document's default, renamed
    assert doc["paths"]["/mine/"]["get"]["security"] == []


# --- remove_placeholder_text -------------------------------------------------------------------


def test_remove_placeholder_text(doc_factory):
    doc = doc_factory(
        schemas={
            "Thing": {
                "type": "object",
                "description": "A thing. Its prefix is `undefined ` here.",
                "properties": {
                    "a": {"type": "string", "description": "Header authentication of the form `undefined `"},
                    "b": {"type": "string", "description": "`undefined`"},
                    "c": {"type": "string", "description": "Reading it is undefined behaviour."},
                    "d": {"type": "string", "description": "The id of the thing"},
                    # A property *named* description is a schema, not text: untouched.
                    "description": {"type": "string", "description": "The thing's description"},
                },
            }
        }
    )
    op_of(doc)["parameters"] = [
        {"name": "q", "in": "query", "description": "Search such as `undefined `", "schema": {"type": "string"}}
    ]
    expected = copy.deepcopy(doc)
    thing = expected["components"]["schemas"]["Thing"]
    thing["description"] = "A thing. Its prefix is here."
    del thing["properties"]["a"]["description"]  # nothing left to say: removed whole
    del thing["properties"]["b"]["description"]
    del op_of(expected)["parameters"][0]["description"]

    assert clean.remove_placeholder_text(doc) is doc
    assert doc == expected
    assert doc["components"]["schemas"]["Thing"]["properties"]["c"]["description"] == (
        "Reading it is undefined behaviour."
    )


# --- fix_object_enums --------------------------------------------------------------------------


def test_fix_object_enums_turns_value_objects_into_strings_and_keeps_their_descriptions(doc_factory):
    doc = doc_factory(
        schemas={
            "Action": {
                "type": "string",
                "description": "What happens.",
                "enum": [
                    {"value": "ADD_TO_PARTICIPANT_GROUP", "description": "Adds the participant."},
                    {"value": "REMOVE_FROM_PARTICIPANT_GROUP"},
                ],
            },
            "Role": {"type": "string", "enum": [{"value": "WORKSPACE_ADMIN", "description": "Admin."}]},
            "Plain": {"type": "string", "description": "Already fine.", "enum": ["A", "B"]},
            "Holder": {
                "type": "object",
                "properties": {"inline": {"type": "string", "enum": [{"value": "X"}, {"value": "Y"}]}},
            },
        }
    )
    expected = copy.deepcopy(doc)
    schemas = expected["components"]["schemas"]
    schemas["Action"]["enum"] = ["ADD_TO_PARTICIPANT_GROUP", "REMOVE_FROM_PARTICIPANT_GROUP"]
    schemas["Role"]["enum"] = ["WORKSPACE_ADMIN"]
    schemas["Holder"]["properties"]["inline"]["enum"] = ["X", "Y"]
    del schemas["Action"]["description"]  # checked separately below

    assert enums.fix_object_enums(doc) is doc
    action = doc["components"]["schemas"]["Action"]
    role = doc["components"]["schemas"]["Role"]
    # The per-value descriptions survive in the schema description, after the schema's own text.
    assert action["description"].startswith("What happens.")
    assert "ADD_TO_PARTICIPANT_GROUP" in action["description"]
    assert "Adds the participant." in action["description"]
    assert "WORKSPACE_ADMIN" in role["description"] and "Admin." in role["description"]
    del action["description"], role["description"]
    assert doc == expected  # everything else, including the plain enum, unchanged


def test_fix_object_enums_rejects_an_enum_object_without_value(doc_factory):
    doc = doc_factory(schemas={"E": {"type": "string", "enum": [{"name": "A"}]}})
    with pytest.raises(SpecError, match="without `value`"):
        enums.fix_object_enums(doc)


# --- document_error_bodies ---------------------------------------------------------------------


def test_document_error_bodies(doc_factory):
    doc = doc_factory(
        responses={
            "201": {"description": "Created", "content": {}},
            "204": {"description": "Gone"},
            "400": {"description": "Error", "content": {}},
            "409": {"description": "Conflict - duplicate", "content": {}},
            "4XX": {"description": "Client Request Error", "content": {}},
            "502": {"description": "Bad Gateway", "content": {}},
            "404": {"description": "Not found", **body({"type": "string"})},
        }
    )
    expected = copy.deepcopy(doc)
    error_body = body(ref("Error"))
    for status in ("400", "409", "4XX", "502"):
        op_of(expected)["responses"][status].update(copy.deepcopy(error_body))
    expected["components"] = {"schemas": copy.deepcopy(bodies.ERROR_SCHEMAS)}

    assert bodies.document_error_bodies(doc) is doc
    assert doc == expected
    # Status codes, their order and descriptions exactly as published.
    assert list(op_of(doc)["responses"]) == ["201", "204", "400", "409", "4XX", "502", "404"]
    assert set(doc["components"]["schemas"]) == {"Error", "ErrorDetail", "ErrorDetailDetail", "ErrorDetailDetail2"}
    assert doc["components"]["schemas"]["Error"]["properties"]["error"] == ref("ErrorDetail")


def test_document_error_bodies_without_error_statuses_adds_no_schemas(doc_factory):
    doc = doc_factory(responses={"200": {"description": "OK", "content": {}}})
    expected = copy.deepcopy(doc)
    assert bodies.document_error_bodies(doc) == expected


def test_document_error_bodies_keeps_an_existing_error_schema(doc_factory):
    mine = {"type": "object", "properties": {"message": {"type": "string"}}}
    doc = doc_factory(responses={"400": {"description": "Bad", "content": {}}}, schemas={"Error": mine})
    bodies.document_error_bodies(doc)
    assert doc["components"]["schemas"]["Error"] == mine
    assert "ErrorDetail" in doc["components"]["schemas"]


# --- open_response_enums -----------------------------------------------------------------------


def test_open_response_enums_opens_returned_enums_and_keeps_request_enums_strict(doc_factory):
    doc = doc_factory(
        request={
            "type": "object",
            "properties": {"role": {**ref("RequestRole"), "description": "The role to give."}},
        },
        responses={"201": {"description": "Created", **body(ref("Result"))}},
        schemas={
            "RequestRole": {"type": "string", "enum": ["ADMIN", "COLLABORATOR"]},
            "Status": {"type": "string", "enum": ["ACTIVE", "PAUSED"]},
            "Action": {"type": "string", "enum": ["ADD", "REMOVE"]},
            "Item": {"type": "object", "properties": {"action": {**ref("Action"), "description": "What."}}},
            "Result": {
                "type": "object",
                "properties": {
                    "status": ref("Status"),
                    "statuses": {"type": "array", "items": ref("Status")},
                    "items": {"type": "array", "items": ref("Item")},
                    "name": {"type": "string"},
                },
            },
        },
    )
    expected = copy.deepcopy(doc)
    schemas = expected["components"]["schemas"]
    schemas["Result"]["properties"]["status"] = {"anyOf": [ref("Status"), {"type": "string"}]}
    schemas["Result"]["properties"]["statuses"]["items"] = {"anyOf": [ref("Status"), {"type": "string"}]}
    schemas["Item"]["properties"]["action"] = {
        "description": "What.",
        "anyOf": [ref("Action"), {"type": "string"}],
    }

    assert enums.open_response_enums(doc) is doc
    assert doc == expected
    # Every published value stays listed; the request-side enum stays a strict $ref.
    assert doc["components"]["schemas"]["Status"]["enum"] == ["ACTIVE", "PAUSED"]
    assert op_of(doc)["requestBody"]["content"]["application/json"]["schema"]["properties"]["role"] == {
        **ref("RequestRole"),
        "description": "The role to give.",
    }


def test_open_response_enums_opens_an_enum_in_an_inline_response_body(doc_factory):
    inline = {"type": "object", "properties": {"status": ref("Status")}}
    doc = doc_factory(
        responses={"200": {"description": "OK", **body(inline)}},
        schemas={"Status": {"type": "string", "enum": ["ACTIVE"]}},
    )
    enums.open_response_enums(doc)
    assert inline["properties"]["status"] == {"anyOf": [ref("Status"), {"type": "string"}]}


def test_open_response_enums_opens_an_inline_enum_property(doc_factory):
    doc = doc_factory(
        responses={"200": {"description": "OK", **body(ref("Result"))}},
        schemas={"Result": {"type": "object", "properties": {"status": {"type": "string", "enum": ["ACTIVE"]}}}},
    )
    enums.open_response_enums(doc)
    status = doc["components"]["schemas"]["Result"]["properties"]["status"]
    assert {"type": "string"} in status.get("anyOf", []), status


# --- apply_nullable ----------------------------------------------------------------------------


def test_apply_nullable(doc_factory):
    doc = doc_factory(
        schemas={
            "Group": {
                "type": "object",
                "properties": {
                    "id": {"type": "string", "description": "The id"},
                    "project_id": {"type": ["string", "null"]},
                    "count": {"type": "integer"},
                    "studies": {"type": "array", "items": ref("Study")},
                    "owner": {**ref("Owner"), "description": "Who owns it"},
                    "action": {"anyOf": [ref("Action"), {"type": "string"}]},
                    "untouched": {"type": "string"},
                },
            },
            "Study": {"type": "object", "properties": {"id": {"type": "string"}}},
        }
    )
    expected = copy.deepcopy(doc)
    props = expected["components"]["schemas"]["Group"]["properties"]
    props["id"]["type"] = ["string", "null"]
    props["count"]["type"] = ["integer", "null"]
    props["studies"]["type"] = ["array", "null"]
    props["owner"] = {"description": "Who owns it", "anyOf": [ref("Owner"), {"type": "null"}]}
    props["action"] = {"anyOf": [ref("Action"), {"type": "string"}, {"type": "null"}]}
    table = {
        "Group": ["id", "project_id", "count", "studies", "owner", "action"],
        "NotInThisSource": ["whatever"],  # the table is shared by all sources: skipped
    }

    assert overrides.apply_nullable(doc, table, source="sources/g.yaml") is doc
    assert doc == expected


def test_apply_nullable_unknown_field_is_an_error_naming_the_field_and_source(doc_factory):
    doc = doc_factory(schemas={"Group": {"type": "object", "properties": {"id": {"type": "string"}}}})
    with pytest.raises(SpecError) as info:
        overrides.apply_nullable(doc, {"Group": ["id", "naem"]}, source="sources/g.yaml")
    message = str(info.value)
    assert "Group.naem" in message
    assert "sources/g.yaml" in message
    assert "overrides.yaml" in message


# --- require_request_bodies --------------------------------------------------------------------


def test_require_request_bodies(doc_factory):
    doc = doc_factory(request={"type": "object", "properties": {"name": {"type": "string"}}, "required": ["name"]})
    doc["paths"]["/optional/"] = {
        "post": {"operationId": "o", "responses": {}, "requestBody": body({"type": "object", "properties": {}})}
    }
    doc["paths"]["/explicit/"] = {
        "post": {
            "operationId": "e",
            "responses": {},
            "requestBody": {"required": False, **body({"type": "object", "required": ["x"]})},
        }
    }
    expected = copy.deepcopy(doc)
    op_of(expected)["requestBody"]["required"] = True

    assert bodies.require_request_bodies(doc) is doc
    assert doc == expected  # no required fields → still optional; an explicit `required` is kept


def test_require_request_bodies_leaves_a_ref_body_without_required_fields_optional(doc_factory):
    doc = doc_factory(
        request=ref("Filters"),
        schemas={"Filters": {"type": "object", "properties": {"q": {"type": "string"}}}},
    )
    bodies.require_request_bodies(doc)
    assert "required" not in op_of(doc)["requestBody"]


# --- copy_parameter_descriptions ---------------------------------------------------------------


def test_copy_parameter_descriptions(doc_factory):
    doc = doc_factory()
    op_of(doc)["parameters"] = [
        {"name": "id", "in": "path", "required": True, "description": "Pool ID", "schema": {"type": "string"}},
        {"name": "q", "in": "query", "description": "Query", "schema": {"type": "string", "description": "Own"}},
        {"name": "n", "in": "query", "schema": {"type": "integer"}},
        {"name": "s", "in": "query", "description": "State", "schema": ref("State")},  # shared: untouched
    ]
    expected = copy.deepcopy(doc)
    op_of(expected)["parameters"][0]["schema"]["description"] = "Pool ID"

    assert parameters.copy_parameter_descriptions(doc) is doc
    assert doc == expected


# --- clean_document ----------------------------------------------------------------------------


def _fern_style_source() -> dict[str, Any]:
    return {
        "openapi": "3.1.1",
        "info": {"title": "Create thing", "version": "endpoint_things.Create"},
        "paths": {
            "/things/{id}/": {
                "post": {
                    "operationId": "create-thing",
                    "tags": [["subpackage_thingGroups"]],
                    "parameters": [
                        {
                            "name": "id",
                            "in": "path",
                            "required": True,
                            "description": "ID",
                            "schema": {"type": "string"},
                        },
                        _auth(description="Header authentication of the form `undefined `"),
                        _auth(),
                    ],
                    "requestBody": body({"type": "object", "properties": {"a": {"type": "string"}}, "required": ["a"]}),
                    "responses": {
                        "201": {"description": "Created", **body(ref("Thing"))},
                        "409": {"description": "Conflict", "content": {}},
                    },
                }
            }
        },
        "components": {
            "schemas": {
                "Kind": {"type": "string", "enum": [{"value": "A"}, {"value": "B"}]},
                "Thing": {
                    "type": "object",
                    "properties": {"kind": ref("Kind"), "name": {"type": "string"}},
                },
            }
        },
    }


def test_clean_document_applies_every_transform_to_a_copy():
    source = _fern_style_source()
    source["paths"]["/things/{id}/"]["post"]["responses"]["200"] = {
        "description": "CSV",
        **body({"type": "object", "properties": {}}),
    }
    pristine = copy.deepcopy(source)

    cleaned = clean.clean_document(source, text_responses={"create-thing": {"200": "text/csv"}})

    assert source == pristine  # the input is not mutated
    assert cleaned is not source
    op = cleaned["paths"]["/things/{id}/"]["post"]
    assert op["tags"] == ["thing-groups"]
    assert [p["name"] for p in op["parameters"]] == ["id"]
    assert op["parameters"][0]["schema"]["description"] == "ID"
    assert op["security"] == [{"token": []}]
    assert op["requestBody"]["required"] is True
    assert op["responses"]["409"]["content"]["application/json"]["schema"] == ref("Error")
    assert op["responses"]["4XX"]["content"]["application/json"]["schema"] == ref("Error")
    assert op["responses"]["5XX"]["content"]["application/json"]["schema"] == ref("Error")
    assert op["responses"]["200"]["content"] == {"text/csv": {"schema": {"type": "string"}}}
    schemas = cleaned["components"]["schemas"]
    assert schemas["Kind"]["enum"] == ["A", "B"]
    assert schemas["ErrorDetailDetail2"]["additionalProperties"]["items"] == {"type": "string"}
    assert "undefined" not in repr(cleaned)
    # Cleaning a cleaned document changes nothing more.
    assert clean.clean_document(cleaned, text_responses={"create-thing": {"200": "text/csv"}}) == cleaned


def test_transforms_are_listed_once_and_each_is_documented():
    assert len(set(clean.TRANSFORMS)) == len(clean.TRANSFORMS)
    for transform in clean.TRANSFORMS:
        assert transform.__doc__ and len(transform.__doc__.split()) > 15, transform.__name__


# --- unify_error_bodies, fix_field_error_maps, default_error_responses -------------------------


def test_unify_error_bodies_turns_error_detail_and_any_type_into_error(doc_factory):
    specific = body(ref("ValidationReport"))
    doc = doc_factory(
        responses={
            "200": {"description": "OK", **body({"description": "Any type"})},  # a success: untouched
            "400": {"description": "Error", **body(ref("ErrorDetail"))},
            "403": {"description": "Forbidden", **body({"description": "Any type"})},
            "404": {"description": "Missing", "content": {"application/json": {}}},
            "422": {"description": "Invalid", **copy.deepcopy(specific)},
        },
        schemas={"ValidationReport": {"type": "object", "properties": {"issues": {"type": "array"}}}},
    )
    expected = copy.deepcopy(doc)
    for status in ("400", "403", "404"):
        op_of(expected)["responses"][status].update(body(ref("Error")))
    expected["components"]["schemas"].update(copy.deepcopy(bodies.ERROR_SCHEMAS))

    assert bodies.unify_error_bodies(doc) is doc
    assert doc == expected
    assert op_of(doc)["responses"]["422"] == {"description": "Invalid", **specific}


def test_fix_field_error_maps_turns_fern_any_field_into_a_map(doc_factory):
    messages = {"type": "array", "items": {"type": "string"}, "description": "Field name -> its errors"}
    doc = doc_factory(
        schemas={
            "FieldErrors": {"type": "object", "properties": {"any_field": messages}, "description": "All fields"},
            "Real": {"type": "object", "properties": {"any_field": messages, "other": {"type": "string"}}},
        }
    )
    expected = copy.deepcopy(doc)
    expected["components"]["schemas"]["FieldErrors"] = {
        "type": "object",
        "description": "All fields",
        "additionalProperties": {
            "type": "array",
            "items": {"type": "string"},
            "description": "Field name -> its errors",
        },
    }
    assert bodies.fix_field_error_maps(doc) is doc
    assert doc == expected  # a schema with any_field *and* other fields is a real model: kept


def test_default_error_responses_adds_4xx_and_5xx_after_what_is_published(doc_factory):
    doc = doc_factory(
        responses={"201": {"description": "Created"}, "400": {"description": "Bad", **body(ref("Error"))}}
    )
    doc["paths"]["/mine/"] = {"get": {"operationId": "m", "responses": {"4XX": {"description": "Mine"}}}}
    bodies.default_error_responses(doc)
    responses = op_of(doc)["responses"]
    assert list(responses) == ["201", "400", "4XX", "5XX"]
    assert responses["4XX"]["content"] == body(ref("Error"))["content"]
    assert responses["5XX"]["description"].startswith("Any server error")
    assert doc["paths"]["/mine/"]["get"]["responses"]["4XX"] == {"description": "Mine"}  # published: kept
    assert set(bodies.ERROR_SCHEMAS) <= set(doc["components"]["schemas"])


# --- drop_bodies_of_no_content, declare_text_responses -----------------------------------------


def test_drop_bodies_of_no_content(doc_factory):
    doc = doc_factory(
        responses={
            "204": {"description": "Deleted", **body({"type": "object", "properties": {}})},
            "200": {"description": "OK", **body({"type": "object", "properties": {}})},
        }
    )
    expected = copy.deepcopy(doc)
    del op_of(expected)["responses"]["204"]["content"]
    assert bodies.drop_bodies_of_no_content(doc) is doc
    assert doc == expected


def test_declare_text_responses(doc_factory):
    doc = doc_factory(
        method="get",
        op_id="download-report",
        responses={
            "200": {"description": "CSV file", **body({"type": "object", "properties": {}, "description": "Report"})},
            "400": {"description": "Error", **body(ref("Error"))},
        },
    )
    expected = copy.deepcopy(doc)
    expected["paths"]["/things/"]["get"]["responses"]["200"]["content"] = {
        "text/csv": {"schema": {"type": "string", "description": "Report"}}
    }
    table = {"download-report": {"200": "text/csv"}, "elsewhere": {"200": "text/csv"}}
    assert bodies.declare_text_responses(doc, table) is doc
    assert doc == expected
    with pytest.raises(SpecError, match=r"status 201 of download-report"):
        bodies.declare_text_responses(doc, {"download-report": {"201": "text/csv"}})


# --- require_request_bodies: unions ------------------------------------------------------------


def test_require_request_bodies_when_every_union_option_requires_a_field(doc_factory):
    doc = doc_factory(
        request=ref("Either"),
        schemas={
            "Either": {"oneOf": [ref("ByStudy"), {"type": "object", "required": ["ids"]}]},
            "ByStudy": {"type": "object", "required": ["study_id"]},
            "Loose": {"oneOf": [ref("ByStudy"), {"type": "object", "properties": {}}]},
        },
    )
    doc["paths"]["/loose/"] = {"post": {"operationId": "l", "responses": {}, "requestBody": body(ref("Loose"))}}
    bodies.require_request_bodies(doc)
    assert op_of(doc)["requestBody"]["required"] is True
    assert "required" not in doc["paths"]["/loose/"]["post"]["requestBody"]  # one option may be empty


# --- boolean_query_enums, explode_object_query_parameters --------------------------------------


def test_boolean_query_enums(doc_factory):
    doc = doc_factory(
        method="get",
        schemas={
            "Active": {"type": "string", "enum": ["true", "false"], "description": "Only active ones"},
            "Django": {"type": "string", "enum": ["0", "1", "true", "false", "yes", "no", "t", "f"]},
            "Order": {"type": "string", "enum": ["true", "name"]},
        },
    )
    op = doc["paths"]["/things/"]["get"]
    op["parameters"] = [
        {"name": "active", "in": "query", "description": "Filter", "schema": ref("Active")},
        {"name": "completed", "in": "query", "schema": ref("Django")},
        {"name": "inline", "in": "query", "schema": {"type": "string", "enum": ["false", "true"]}},
        {"name": "ordering", "in": "query", "schema": ref("Order")},  # not only booleans: kept
    ]
    parameters.boolean_query_enums(doc)
    assert [p["schema"] for p in op["parameters"]] == [
        {"type": "boolean", "description": "Only active ones"},
        {"type": "boolean"},
        {"type": "boolean"},
        ref("Order"),
    ]


def test_explode_object_query_parameters_sends_each_property_by_name(doc_factory):
    doc = doc_factory(
        method="get",
        schemas={
            "Filter": {"oneOf": [ref("ByWorkspace"), ref("ByProject")]},
            "ByWorkspace": {
                "type": "object",
                "properties": {"workspace_id": {"type": "string", "description": "The workspace"}},
                "required": ["workspace_id"],
            },
            "ByProject": {
                "type": "object",
                "properties": {"project_id": {"type": "string"}},
                "required": ["project_id"],
            },
        },
    )
    op = doc["paths"]["/things/"]["get"]
    page = {"name": "page", "in": "query", "schema": {"type": "integer"}}
    op["parameters"] = [
        {"name": "filter", "in": "query", "required": True, "schema": ref("Filter")},
        page,
        {"name": "deep", "in": "query", "style": "deepObject", "schema": ref("ByProject")},  # not form: kept
    ]
    parameters.explode_object_query_parameters(doc)
    assert op["parameters"] == [
        {
            "name": "workspace_id",
            "in": "query",
            "required": False,  # one of the two: neither is required on its own
            "schema": {"type": "string", "description": "The workspace"},
            "description": "The workspace",
        },
        {"name": "project_id", "in": "query", "required": False, "schema": {"type": "string"}},
        page,
        {"name": "deep", "in": "query", "style": "deepObject", "schema": ref("ByProject")},
    ]


def test_explode_object_query_parameters_keeps_required_of_a_single_object(doc_factory):
    doc = doc_factory(method="get")
    op = doc["paths"]["/things/"]["get"]
    op["parameters"] = [
        {
            "name": "range",
            "in": "query",
            "required": True,
            "schema": {"type": "object", "properties": {"lo": {"type": "integer"}, "hi": {}}, "required": ["lo"]},
        }
    ]
    parameters.explode_object_query_parameters(doc)
    assert [(p["name"], p["required"]) for p in op["parameters"]] == [("lo", True), ("hi", False)]


def test_explode_object_query_parameters_refuses_a_clash(doc_factory):
    doc = doc_factory(method="get")
    doc["paths"]["/things/"]["get"]["parameters"] = [
        {"name": "f", "in": "query", "schema": {"type": "object", "properties": {"page": {"type": "string"}}}},
        {"name": "page", "in": "query", "schema": {"type": "integer"}},
    ]
    with pytest.raises(SpecError, match=r"GET /things/.*'page'"):
        parameters.explode_object_query_parameters(doc)


# --- open_response_enums: unions, nullable, union tags -----------------------------------------


def test_open_response_enums_opens_enums_inside_unions_and_nullable_ones(doc_factory):
    doc = doc_factory(
        responses={"200": {"description": "OK", **body(ref("Result"))}},
        schemas={
            "Status": {"type": "string", "enum": ["ACTIVE", "PAUSED"]},
            "Kind": {"type": "string", "enum": ["A", "B"]},
            "Result": {
                "type": "object",
                "properties": {
                    "maybe": {"anyOf": [ref("Status"), {"type": "null"}]},
                    "either": {"oneOf": [ref("Status"), ref("Kind")]},
                    "inline_null": {"type": ["string", "null"], "enum": ["X", "Y", None]},
                    "done": {"anyOf": [ref("Status"), {"type": "string"}]},
                },
            },
        },
    )
    enums.open_response_enums(doc)
    props = doc["components"]["schemas"]["Result"]["properties"]
    assert props["maybe"] == {"anyOf": [ref("Status"), {"type": "string"}, {"type": "null"}]}
    assert props["either"] == {"oneOf": [ref("Status"), ref("Kind"), {"type": "string"}]}
    assert props["inline_null"] == {
        "anyOf": [{"type": "string", "enum": ["X", "Y"]}, {"type": "string"}, {"type": "null"}]
    }
    assert props["done"] == {"anyOf": [ref("Status"), {"type": "string"}]}  # already open: unchanged


def test_open_response_enums_keeps_the_tag_of_a_union_option_strict(doc_factory):
    """An open `type` tag would let the first option of a union parse every variant."""
    doc = doc_factory(
        responses={"200": {"description": "OK", **body(ref("Block"))}},
        schemas={
            "Block": {"oneOf": [ref("Image"), ref("Text")]},
            "ImageType": {"type": "string", "enum": ["image"]},
            "Image": {"type": "object", "properties": {"type": ref("ImageType"), "status": ref("Status")}},
            "Text": {"type": "object", "properties": {"type": {"type": "string", "enum": ["text"]}}},
            "Status": {"type": "string", "enum": ["OK"]},
            "Alone": {"type": "object", "properties": {"status": ref("Status")}},
        },
    )
    doc["paths"]["/alone/"] = {"get": {"operationId": "a", "responses": {"200": body(ref("Alone"))}}}
    enums.open_response_enums(doc)
    schemas = doc["components"]["schemas"]
    assert schemas["Image"]["properties"]["type"] == ref("ImageType")
    assert schemas["Text"]["properties"]["type"] == {"type": "string", "enum": ["text"]}
    assert schemas["Alone"]["properties"]["status"] == {"anyOf": [ref("Status"), {"type": "string"}]}


def test_lenient_error_bodies_requires_nothing_of_an_error_body(doc_factory):
    doc = doc_factory(responses={"400": {"description": "Bad", "content": {}}})
    bodies.document_error_bodies(doc)
    schemas = doc["components"]["schemas"]
    assert schemas["ErrorDetail"]["required"] == ["status", "error_code", "title", "detail"]  # as published
    other = {"type": "object", "properties": {"a": {"type": "string"}}, "required": ["a"]}
    schemas["Other"] = copy.deepcopy(other)
    bodies.lenient_error_bodies(doc)
    assert "required" not in schemas["Error"] and "required" not in schemas["ErrorDetail"]
    assert set(schemas["ErrorDetail"]["properties"]) == set(bodies.ERROR_SCHEMAS["ErrorDetail"]["properties"])
    assert schemas["Other"] == other


def test_apply_required_marks_always_sent_fields_after_folding(doc_factory):
    doc = doc_factory(schemas={"Group": {"type": "object", "properties": {"id": {"type": "string"}, "n": {}}}})
    overrides.apply_required(doc, {"Published": ["id"], "Gone": ["x"]}, current={"Published": "Group"})
    assert doc["components"]["schemas"]["Group"]["required"] == ["id"]
    overrides.apply_required(doc, {"Group": ["id", "n"]})
    assert doc["components"]["schemas"]["Group"]["required"] == ["id", "n"]  # no repeats
    with pytest.raises(SpecError, match=r"Group\.naem.*overrides\.yaml"):
        overrides.apply_required(doc, {"Group": ["naem"]}, source="openapi/overrides.yaml")


def test_site_relative_links_point_to_prolifics_docs() -> None:
    from prolific_spec.clean import absolute_docs_links

    doc = {
        "paths": {"/a": {"get": {"description": "See [sets](/api-reference/filter-sets) and [x](https://e.org/y)."}}},
        "components": {"schemas": {"S": {"description": "[f](/api-reference/filters/advanced-filtering#top)"}}},
    }
    out = absolute_docs_links(doc)
    assert out["paths"]["/a"]["get"]["description"] == (
        "See [sets](https://docs.prolific.com/api-reference/filter-sets) and [x](https://e.org/y)."
    )
    assert out["components"]["schemas"]["S"]["description"] == (
        "[f](https://docs.prolific.com/api-reference/filters/advanced-filtering#top)"
    )
