"""``prolific_spec.diff`` on Prolific's whole published document and mutated copies."""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from source_document import published_operation_count

from prolific_spec import changelog
from prolific_spec.__main__ import main
from prolific_spec.diff import HTTP_METHODS, SpecDiff, diff_documents, load_document

REPO_ROOT = Path(__file__).resolve().parents[2]
PUBLISHED = REPO_ROOT / "openapi" / "sources" / "prolific-openapi.yaml"


@pytest.fixture(scope="module")
def published() -> dict[str, Any]:
    return load_document(PUBLISHED)


@pytest.fixture
def mutated(published: dict[str, Any]) -> dict[str, Any]:
    return copy.deepcopy(published)


def all_changes(result: SpecDiff) -> list[tuple[str, str, str, bool]]:
    return [(op.operation, c.kind, c.where, c.breaking) for op in result.changed_operations for c in op.changes]


def test_the_published_document_is_what_the_tests_expect(published: dict[str, Any]) -> None:
    ops = [(m, p) for p, item in published["paths"].items() for m in item if m in HTTP_METHODS]
    assert len(ops) == published_operation_count() and len(published["components"]["schemas"]) == 440


def test_a_document_against_itself_reports_nothing_with_exit_0(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["diff", str(PUBLISHED), str(PUBLISHED)]) == 0
    out = capsys.readouterr().out
    assert "No changes." in out
    assert main(["diff", "--json", str(PUBLISHED), str(PUBLISHED)]) == 0
    assert json.loads(capsys.readouterr().out) == {
        "added_operations": [],
        "removed_operations": [],
        "changed_operations": [],
        "breaking": False,
        "breaking_changes": 0,
    }


def test_an_operation_removed(published: dict[str, Any], mutated: dict[str, Any]) -> None:
    del mutated["paths"]["/api/v1/studies/{id}/"]["delete"]
    result = diff_documents(published, mutated)
    assert result.removed_operations == ("DELETE /api/v1/studies/{id}/",)
    assert result.added_operations == () and result.changed_operations == ()
    assert result.breaking


def test_an_enum_value_added(published: dict[str, Any], mutated: dict[str, Any]) -> None:
    mutated["components"]["schemas"]["StudyStatus"]["enum"].append("ARCHIVED")
    result = diff_documents(published, mutated)
    found = all_changes(result)
    assert found and not result.breaking
    assert {kind for _op, kind, _where, _b in found} == {"enum-value-added"}
    assert ("GET /api/v1/studies/{id}/", "enum-value-added", "response 200: status", False) in found
    assert all(op.changes[0].detail == 'enum value "ARCHIVED" added' for op in result.changed_operations)


def test_a_request_field_made_required(published: dict[str, Any], mutated: dict[str, Any]) -> None:
    mutated["components"]["schemas"]["CreateStudy"]["required"].append("credential_pool_id")
    result = diff_documents(published, mutated)
    assert all_changes(result) == [
        ("POST /api/v1/studies/", "required-changed", "request body: credential_pool_id", True)
    ]
    assert result.breaking


def test_a_parameter_type_changed(published: dict[str, Any], mutated: dict[str, Any]) -> None:
    (param,) = [p for p in mutated["paths"]["/api/v1/studies/"]["get"]["parameters"] if p["name"] == "state"]
    param["schema"] = {"type": "integer"}
    result = diff_documents(published, mutated)
    (change,) = [c for op in result.changed_operations for c in op.changes]
    assert (change.kind, change.where, change.breaking) == ("type-changed", "query parameter state", True)
    assert change.detail.startswith("type string → integer")


def camel(operation_id: str) -> str:
    first, *rest = operation_id.split("-")
    return first + "".join(part.title() for part in rest)


def older_document(new: dict[str, Any]) -> dict[str, Any]:
    """A realistic older public document: what changed between Prolific's releases, reversed.

    camelCase operationIds, the tag ``participant_groups``, ``4XX`` where the new one has 400/422,
    three operations that did not exist yet, one that has gone since, a request field since
    removed, and a response schema under a Fern-derived name (same shape: no change).
    """
    old = copy.deepcopy(new)
    for item in old["paths"].values():
        for method, op in item.items():
            if method not in HTTP_METHODS:
                continue
            op["operationId"] = camel(op["operationId"])
            op["tags"] = ["participant_groups" if t == "participantGroups" else t for t in op.get("tags", [])]
            responses = op["responses"]
            if "400" in responses:
                responses["4XX"] = responses.pop("400")
                responses.pop("422", None)
    for path in ("/api/v1/users/me/", "/api/v1/filter-sets/"):
        del old["paths"][path]
    old["paths"]["/api/v1/studies/{id}/legacy-export/"] = {
        "get": {
            "operationId": "getLegacyExport",
            "summary": "Legacy export",
            "responses": {"200": {"description": "CSV"}},
        }
    }
    schemas = old["components"]["schemas"]
    schemas["CreateStudy"]["properties"]["legacy_reward_currency"] = {"type": "string"}
    schemas["ApiV1UsersMeGetResponsesContentApplicationJsonSchema"] = schemas.pop("User")
    text = json.dumps(old).replace(
        '"#/components/schemas/User"', '"#/components/schemas/ApiV1UsersMeGetResponsesContentApplicationJsonSchema"'
    )
    return dict(json.loads(text))


def test_an_older_public_document(published: dict[str, Any]) -> None:
    old = older_document(published)
    result = diff_documents(old, published)
    assert result.added_operations == (
        "GET /api/v1/filter-sets/",
        "GET /api/v1/users/me/",
        "POST /api/v1/filter-sets/",
    )
    assert result.removed_operations == ("GET /api/v1/studies/{id}/legacy-export/",)
    # Every common operation changed (its operationId was re-cased), and only two changes break.
    assert len(result.changed_operations) == published_operation_count() - 3
    breaking = [(op, kind, where) for op, kind, where, b in all_changes(result) if b]
    assert breaking == [("POST /api/v1/studies/", "field-removed", "request body: legacy_reward_currency")]
    assert result.breaking_count == 2

    by_op = {op.operation: op.changes for op in result.changed_operations}
    study = {c.kind: c for c in by_op["GET /api/v1/studies/{id}/"]}
    assert study["operation-id"].detail == "getStudy → get-study"
    assert study["status-split"].detail == "4XX split into 400"
    group = {c.kind: c.detail for c in by_op["GET /api/v1/participant-groups/{id}/"]}
    assert group["tags"] == "participant_groups → participantGroups"
    split_422 = [
        c.detail for changes in by_op.values() for c in changes if c.kind == "status-split" and "422" in c.detail
    ]
    assert split_422 and all(d == "4XX split into 400, 422" for d in split_422)

    text = changelog.render(result, title="older → published")
    changed = published_operation_count() - 3
    assert text.splitlines()[2] == f"operations: 3 added, 1 removed, {changed} changed; 2 breaking changes"
    breaking_part, _sep, rest = text.partition("## Not breaking")
    assert "`GET /api/v1/studies/{id}/legacy-export/` (Legacy export)" in breaking_part
    assert "`request body: legacy_reward_currency`: field removed" in breaking_part
    assert "- `GET /api/v1/users/me/` (Retrieve a user)" in rest
    assert re.search(r"### `GET /api/v1/participant-groups/\{id\}/`\n\n(- .*\n)*- `tags`: participant_groups", rest)


def test_the_cli_reads_yaml_written_from_the_older_document(
    tmp_path: Path, published: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    old_file = tmp_path / "older.yaml"
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    old_file.write_text(yaml.dump(older_document(published), Dumper=dumper, sort_keys=False), encoding="utf-8")
    assert main(["diff", "--json", str(old_file), str(PUBLISHED)]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["breaking"] is True and report["breaking_changes"] == 2
    assert report["removed_operations"] == ["GET /api/v1/studies/{id}/legacy-export/"]
    assert len(report["changed_operations"]) == published_operation_count() - 3
