"""One test per cleaning transform (openapi/prolific_spec/clean.py), each on a small inline document.

Each test checks the fix and, by comparing with a hand-made expected document or a deep copy, that
nothing else in the document changed.
"""

from __future__ import annotations

import copy
from typing import Any

import pytest

from prolific_spec import clean
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


def test_replace_auth_header_secures_an_operation_published_without_the_header(doc_factory):
    doc = doc_factory()
    doc["paths"]["/other/"] = {"get": {"operationId": "b", "parameters": [_auth()], "responses": {}}}
    clean.replace_auth_header(doc)
    assert op_of(doc).get("security") == [{"token": []}]


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

    assert clean.fix_object_enums(doc) is doc
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
        clean.fix_object_enums(doc)


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
    expected["components"] = {"schemas": copy.deepcopy(clean.ERROR_SCHEMAS)}

    assert clean.document_error_bodies(doc) is doc
    assert doc == expected
    # Status codes, their order and descriptions exactly as published.
    assert list(op_of(doc)["responses"]) == ["201", "204", "400", "409", "4XX", "502", "404"]
    assert set(doc["components"]["schemas"]) == {"Error", "ErrorDetail"}
    assert doc["components"]["schemas"]["Error"]["properties"]["error"] == ref("ErrorDetail")


def test_document_error_bodies_without_error_statuses_adds_no_schemas(doc_factory):
    doc = doc_factory(responses={"200": {"description": "OK", "content": {}}})
    expected = copy.deepcopy(doc)
    assert clean.document_error_bodies(doc) == expected


def test_document_error_bodies_keeps_an_existing_error_schema(doc_factory):
    mine = {"type": "object", "properties": {"message": {"type": "string"}}}
    doc = doc_factory(responses={"400": {"description": "Bad", "content": {}}}, schemas={"Error": mine})
    clean.document_error_bodies(doc)
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

    assert clean.open_response_enums(doc) is doc
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
    clean.open_response_enums(doc)
    assert inline["properties"]["status"] == {"anyOf": [ref("Status"), {"type": "string"}]}


def test_open_response_enums_opens_an_inline_enum_property(doc_factory):
    doc = doc_factory(
        responses={"200": {"description": "OK", **body(ref("Result"))}},
        schemas={"Result": {"type": "object", "properties": {"status": {"type": "string", "enum": ["ACTIVE"]}}}},
    )
    clean.open_response_enums(doc)
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

    assert clean.apply_nullable(doc, table, source="sources/g.yaml") is doc
    assert doc == expected


def test_apply_nullable_unknown_field_is_an_error_naming_the_field_and_source(doc_factory):
    doc = doc_factory(schemas={"Group": {"type": "object", "properties": {"id": {"type": "string"}}}})
    with pytest.raises(SpecError) as info:
        clean.apply_nullable(doc, {"Group": ["id", "naem"]}, source="sources/g.yaml")
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

    assert clean.require_request_bodies(doc) is doc
    assert doc == expected  # no required fields → still optional; an explicit `required` is kept


def test_require_request_bodies_leaves_a_ref_body_without_required_fields_optional(doc_factory):
    doc = doc_factory(
        request=ref("Filters"),
        schemas={"Filters": {"type": "object", "properties": {"q": {"type": "string"}}}},
    )
    clean.require_request_bodies(doc)
    assert "required" not in op_of(doc)["requestBody"]


# --- copy_parameter_descriptions ---------------------------------------------------------------


def test_copy_parameter_descriptions(doc_factory):
    doc = doc_factory()
    op_of(doc)["parameters"] = [
        {"name": "id", "in": "path", "required": True, "description": "Pool ID", "schema": {"type": "string"}},
        {"name": "q", "in": "query", "description": "Query", "schema": {"type": "string", "description": "Own"}},
        {"name": "n", "in": "query", "schema": {"type": "integer"}},
    ]
    expected = copy.deepcopy(doc)
    op_of(expected)["parameters"][0]["schema"]["description"] = "Pool ID"

    assert clean.copy_parameter_descriptions(doc) is doc
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
    pristine = copy.deepcopy(source)

    cleaned = clean.clean_document(source, nullable={"Thing": ["name"]}, origin="sources/t.yaml")

    assert source == pristine  # the input is not mutated
    assert cleaned is not source
    op = cleaned["paths"]["/things/{id}/"]["post"]
    assert op["tags"] == ["thing-groups"]
    assert [p["name"] for p in op["parameters"]] == ["id"]
    assert op["parameters"][0]["schema"]["description"] == "ID"
    assert op["security"] == [{"token": []}]
    assert op["requestBody"]["required"] is True
    assert op["responses"]["409"]["content"]["application/json"]["schema"] == ref("Error")
    schemas = cleaned["components"]["schemas"]
    assert schemas["Kind"]["enum"] == ["A", "B"]
    assert schemas["Thing"]["properties"]["kind"] == {"anyOf": [ref("Kind"), {"type": "string"}]}
    assert schemas["Thing"]["properties"]["name"]["type"] == ["string", "null"]
    assert "undefined" not in repr(cleaned)
    # Cleaning a cleaned document changes nothing more.
    assert clean.clean_document(cleaned, nullable={"Thing": ["name"]}) == cleaned
