"""The identity rule: a response resource's ``id`` and ``status`` are required; request bodies stay as published."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from prolific_spec.errors import SpecError
from prolific_spec.identity import require_response_identity, split_sent_resources


def _document() -> dict[str, Any]:
    def obj(*names: str) -> dict[str, Any]:
        return {"type": "object", "properties": {name: {"type": "string"} for name in names}}

    def body(name: str) -> dict[str, Any]:
        return {"content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{name}"}}}}

    return {
        "paths": {
            "/studies/": {
                "post": {"requestBody": body("CreateStudy"), "responses": {"201": body("Study")}},
                "get": {"responses": {"200": body("StudyList"), "400": body("Error")}},
            },
            "/hooks/": {"post": {"operationId": "create-hook", "requestBody": body("Hook"),
                                 "responses": {"201": body("Hook")}}},
            "/hooks/{id}/": {"get": {"responses": {"200": body("Hook")}}},
            "/tags/": {"post": {"operationId": "create-tag", "requestBody": body("TagRequest"),
                                "responses": {"201": body("Tag")}}},
            "/items/": {"get": {"responses": {"200": {"content": {"application/json": {"schema": {
                "type": "array", "items": {"$ref": "#/components/schemas/Item"}}}}}}}},
        },
        "components": {
            "schemas": {
                "CreateStudy": obj("id", "status", "name"),
                "Study": {**obj("id", "status", "name", "filter"), "required": ["name"]},
                "StudyList": {"type": "object", "properties": {
                    "results": {"type": "array", "items": {"$ref": "#/components/schemas/StudyShort"}}}},
                "StudyShort": {**obj("id", "status"), "required": ["id"]},
                "Hook": obj("id", "status"),
                "Item": obj("id"),
                "Error": obj("id", "status"),
                # A response resource also sent nested inside another request body: left as published.
                "Tag": obj("id"),
                "TagRequest": {"type": "object", "properties": {"parent": {"$ref": "#/components/schemas/Tag"}}},
            }
        },
    }  # fmt: skip


def test_response_resources_get_id_and_status_required_and_request_bodies_do_not() -> None:
    doc = _document()
    changed = require_response_identity(doc, {"create-hook": "CreateHook"})
    schemas = doc["components"]["schemas"]
    assert changed == ["Hook.id", "Hook.status", "Item.id", "Study.id", "Study.status", "StudyShort.status"]
    assert schemas["Study"]["required"] == ["name", "id", "status"]
    assert schemas["StudyShort"]["required"] == ["id", "status"]
    assert "required" not in schemas["CreateStudy"]  # a request body: as published
    assert "required" not in schemas["Error"]  # not a 2xx answer
    # The request body that was the answer's own schema now has its own copy, as published.
    assert "required" not in schemas["CreateHook"]
    assert schemas["CreateHook"]["properties"] == schemas["Hook"]["properties"]
    hooks = doc["paths"]["/hooks/"]["post"]
    assert hooks["requestBody"]["content"]["application/json"]["schema"] == {"$ref": "#/components/schemas/CreateHook"}
    assert hooks["responses"]["201"]["content"]["application/json"]["schema"] == {"$ref": "#/components/schemas/Hook"}
    # Sent nested inside another request: neither split nor changed.
    assert "required" not in schemas["Tag"]
    assert require_response_identity(doc, {"create-hook": "CreateHook"}) == []  # idempotent


def test_a_split_request_body_is_named_after_its_operation_without_a_table_entry() -> None:
    doc = _document()
    made = split_sent_resources(doc)
    assert made == ["CreateHookRequest: create-hook's body (was Hook)"]
    assert "CreateHookRequest" in doc["components"]["schemas"]


def test_a_taken_name_for_the_copy_stops_the_build_and_says_which_table_to_fix() -> None:
    doc = _document()
    doc["components"]["schemas"]["CreateHook"] = copy.deepcopy(doc["components"]["schemas"]["Item"])
    with pytest.raises(SpecError, match=r"create-hook: .*shares Hook.*'CreateHook' is taken.*request_bodies"):
        split_sent_resources(doc, {"create-hook": "CreateHook"})
