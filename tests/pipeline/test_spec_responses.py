"""responses.json: each operation's documented success answer, on small inline documents and on the real spec."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from prolific_spec.responses import response_table, write_responses

REPO_ROOT = Path(__file__).resolve().parents[2]


def ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def doc_with(paths: dict[str, Any], schemas: dict[str, Any]) -> dict[str, Any]:
    return {"openapi": "3.1.1", "info": {"title": "t", "version": "1"}, "paths": paths,
            "components": {"schemas": schemas}}  # fmt: skip


SCHEMAS: dict[str, Any] = {
    "Node": {
        "type": "object",
        "title": "Node",
        "description": "A tree.",
        "properties": {
            "description": {"type": "string", "description": "a field called description stays"},
            "children": {"type": "array", "items": ref("Node")},  # a cycle
            "owner": ref("Owner"),
        },
        "required": ["description"],
    },
    "Owner": {"type": "object", "properties": {"id": {"type": "string", "example": "x"}}},
    "Error": {"type": "object"},  # only an error answer reaches it
    "Unused": {"type": "string"},
}

PATHS: dict[str, Any] = {
    "/nodes/{node_id}/": {
        "get": {
            "operationId": "get-node",
            "parameters": [
                {"name": "node_id", "in": "path", "required": True, "schema": {"type": "string", "format": "uuid"}}
            ],
            "responses": {
                "404": {"description": "no", "content": {"application/json": {"schema": ref("Error")}}},
                "201": {"description": "later", "content": {"application/json": {"schema": {"type": "string"}}}},
                "200": {"description": "yes", "content": {"application/json": {"schema": ref("Node")}}},
            },
        },
        "delete": {"operationId": "delete-node", "responses": {"204": {"description": "gone"}}},
    },
    "/nodes/export/": {
        "get": {
            "operationId": "export-nodes",
            "responses": {"200": {"description": "csv", "content": {"text/csv": {"schema": {"type": "string"}}}}},
        },
        "post": {"operationId": "only-errors", "responses": {"400": {"description": "no"}}},
    },
}


def test_each_operation_has_its_lowest_success_and_the_schemas_it_reaches() -> None:
    table = response_table(doc_with(PATHS, SCHEMAS))
    assert table["operations"] == {
        "delete-node": {"status": 204, "media_type": None, "schema": None},
        "export-nodes": {"status": 200, "media_type": "text/csv", "schema": {"type": "string"}},
        "get-node": {
            "status": 200,
            "media_type": "application/json",
            "schema": ref("Node"),
            "path_formats": {"node_id": "uuid"},
        },
    }  # an operation documenting no success is not listed
    assert sorted(table["schemas"]) == ["Node", "Owner"]  # not Error (an error answer), not Unused
    node = table["schemas"]["Node"]
    assert "title" not in node and "description" not in node  # prose goes
    assert node["properties"]["description"] == {"type": "string"}  # a field named "description" stays
    assert table["schemas"]["Owner"] == {"type": "object", "properties": {"id": {"type": "string"}}}


def test_the_file_is_indented_json_beside_the_registry(tmp_path: Path) -> None:
    (tmp_path / "operations").mkdir()
    write_responses(tmp_path, doc_with(PATHS, SCHEMAS))
    text = (tmp_path / "operations" / "responses.json").read_text(encoding="utf-8")
    assert text.endswith("}\n") and '\n "operations": {\n' in text
    assert json.loads(text) == response_table(doc_with(PATHS, SCHEMAS))


def test_the_committed_file_covers_every_operation_of_the_registry() -> None:
    from prolific_api_client.operations import OPERATIONS

    committed = json.loads(
        (REPO_ROOT / "generated" / "prolific_api_client" / "operations" / "responses.json").read_text(encoding="utf-8")
    )
    assert set(committed["operations"]) == set(OPERATIONS)
    assert committed["operations"]["export-study"]["media_type"] == "text/csv"
    assert committed["operations"]["get-user"]["schema"] == ref("User")
