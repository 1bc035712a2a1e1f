"""The identity rule: a response resource's ``id`` and ``status`` are required; request bodies stay as published."""

from __future__ import annotations

from typing import Any

from prolific_spec.identity import require_response_identity


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
            "/hooks/": {"post": {"requestBody": body("Hook"), "responses": {"201": body("Hook")}}},
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
            }
        },
    }  # fmt: skip


def test_response_resources_get_id_and_status_required_and_request_bodies_do_not() -> None:
    doc = _document()
    changed = require_response_identity(doc)
    schemas = doc["components"]["schemas"]
    assert changed == ["Item.id", "Study.id", "Study.status", "StudyShort.status"]
    assert schemas["Study"]["required"] == ["name", "id", "status"]
    assert schemas["StudyShort"]["required"] == ["id", "status"]
    assert "required" not in schemas["CreateStudy"]  # a request body: as published
    assert "required" not in schemas["Hook"]  # a response that is also sent: as published
    assert "required" not in schemas["Error"]  # not a 2xx answer
    assert require_response_identity(doc) == []  # idempotent
