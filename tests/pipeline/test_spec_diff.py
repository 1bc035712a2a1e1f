"""``prolific_spec.diff``: each kind of change on small inline documents, and the ``diff`` command."""

from __future__ import annotations

import copy
import doctest
import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from prolific_spec import changelog, diff, imports
from prolific_spec.__main__ import main
from prolific_spec.diff import Change, diff_documents


def ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def doc(
    *,
    params: list[dict[str, Any]] | None = None,
    request: dict[str, Any] | None = None,
    response: dict[str, Any] | None = None,
    responses: dict[str, Any] | None = None,
    schemas: dict[str, Any] | None = None,
    path: str = "/api/v1/things/{id}/",
    method: str = "patch",
    **op_extra: Any,
) -> dict[str, Any]:
    """One operation; ``response`` is the 200 body schema (with a 400 next to it)."""
    op: dict[str, Any] = {"operationId": "update-thing", "tags": ["things"], **op_extra}
    if params is not None:
        op["parameters"] = params
    if request is not None:
        op["requestBody"] = {"content": {"application/json": {"schema": request}}}
    if responses is None:
        responses = {"400": {"description": "Error"}}
        if response is not None:
            responses["200"] = {"description": "OK", "content": {"application/json": {"schema": response}}}
        else:
            responses["200"] = {"description": "OK"}
    op["responses"] = responses
    out: dict[str, Any] = {"openapi": "3.1.0", "info": {"title": "t", "version": "1"}, "paths": {path: {method: op}}}
    if schemas is not None:
        out["components"] = {"schemas": schemas}
    return out


def changes(old: dict[str, Any], new: dict[str, Any]) -> list[Change]:
    result = diff_documents(old, new)
    assert not result.added_operations and not result.removed_operations
    return [c for op in result.changed_operations for c in op.changes]


def only(old: dict[str, Any], new: dict[str, Any]) -> Change:
    found = changes(old, new)
    assert len(found) == 1, found
    return found[0]


def obj(props: dict[str, Any], required: list[str] | None = None) -> dict[str, Any]:
    out: dict[str, Any] = {"type": "object", "properties": props}
    if required:
        out["required"] = required
    return out


STR = {"type": "string"}
INT = {"type": "integer"}


# -- operations ------------------------------------------------------------------------------------


def test_identical_documents_report_nothing() -> None:
    spec = doc(request=obj({"a": STR}, ["a"]), response=obj({"b": INT}))
    result = diff_documents(spec, copy.deepcopy(spec))
    assert result.empty and not result.breaking
    assert result.to_json() == {
        "added_operations": [],
        "removed_operations": [],
        "changed_operations": [],
        "breaking": False,
        "breaking_changes": 0,
    }


def test_added_and_removed_operations_are_method_and_path_sorted() -> None:
    old = doc()
    new = doc()
    new["paths"]["/api/v1/b/"] = {"get": {"responses": {"200": {"description": "OK"}}}, "post": {"responses": {}}}
    old["paths"]["/api/v1/z/"] = {"delete": {"summary": "Delete z", "responses": {}}}
    result = diff_documents(old, new)
    assert result.added_operations == ("GET /api/v1/b/", "POST /api/v1/b/")
    assert result.removed_operations == ("DELETE /api/v1/z/",)
    assert result.summaries["DELETE /api/v1/z/"] == "Delete z"
    assert result.breaking and result.breaking_count == 1
    additions_only = diff_documents(doc(), new)
    assert additions_only.added_operations and not additions_only.breaking


def test_operations_are_matched_by_method_and_path_not_operation_id() -> None:
    old = doc()
    new = doc()
    new["paths"]["/api/v1/things/{id}/"]["patch"]["operationId"] = "UpdateThing"
    change = only(old, new)
    assert (change.kind, change.where, change.breaking) == ("operation-id", "operationId", False)
    assert change.detail == "update-thing → UpdateThing"


def test_renamed_path_parameter_is_the_same_operation() -> None:
    old = doc(path="/api/v1/things/{id}/", params=[{"name": "id", "in": "path", "required": True, "schema": STR}])
    new = doc(
        path="/api/v1/things/{thing_id}/", params=[{"name": "thing_id", "in": "path", "required": True, "schema": STR}]
    )
    result = diff_documents(old, new)
    assert not result.added_operations and not result.removed_operations
    (op,) = result.changed_operations
    assert op.operation == "PATCH /api/v1/things/{thing_id}/"
    kinds = {(c.kind, c.where, c.breaking) for c in op.changes}
    assert ("path-renamed", "path", False) in kinds
    assert ("parameter-removed", "path parameter id", True) in kinds  # the keyword argument changes
    assert ("parameter-added", "path parameter thing_id", True) in kinds


def test_a_document_without_paths_has_no_operations() -> None:
    bare = {"openapi": "3.1.0", "info": {"title": "t", "version": "1"}, "paths": None}
    assert diff_documents(bare, doc()).added_operations == ("PATCH /api/v1/things/{id}/",)


def test_a_trailing_slash_is_a_different_operation() -> None:
    result = diff_documents(doc(path="/api/v1/things/"), doc(path="/api/v1/things"))
    assert result.added_operations == ("PATCH /api/v1/things",)
    assert result.removed_operations == ("PATCH /api/v1/things/",)


def test_tags_and_deprecation_are_reported_not_breaking() -> None:
    old = doc()
    new = doc(deprecated=True)
    new["paths"]["/api/v1/things/{id}/"]["patch"]["tags"] = [["subpackage_things"]]
    found = {c.kind: c for c in changes(old, new)}
    assert found["tags"].detail == "things → subpackage_things"
    assert found["deprecated"].detail == "now deprecated"
    assert not any(c.breaking for c in found.values())


# -- parameters --------------------------------------------------------------------------------------


def q(name: str, schema: dict[str, Any] | None = None, **extra: Any) -> dict[str, Any]:
    return {"name": name, "in": "query", "schema": schema or STR, **extra}


@pytest.mark.parametrize(
    ("required", "breaking"), [(False, False), (True, True)], ids=["optional-not-breaking", "required-breaking"]
)
def test_parameter_added(required: bool, breaking: bool) -> None:
    change = only(doc(params=[]), doc(params=[q("status", required=required)]))
    assert (change.kind, change.where, change.breaking) == ("parameter-added", "query parameter status", breaking)
    assert change.detail == f"{'required' if required else 'optional'} parameter added (string)"


def test_parameter_removed_is_breaking() -> None:
    change = only(doc(params=[q("status")]), doc(params=[]))
    assert (change.kind, change.where, change.breaking) == ("parameter-removed", "query parameter status", True)


@pytest.mark.parametrize(("was", "now", "breaking"), [(False, True, True), (True, False, False)])
def test_parameter_required_flag(was: bool, now: bool, breaking: bool) -> None:
    change = only(doc(params=[q("status", required=was)]), doc(params=[q("status", required=now)]))
    assert (change.kind, change.where, change.breaking) == ("required-changed", "query parameter status", breaking)


def test_parameter_type_change_is_breaking() -> None:
    change = only(doc(params=[q("page", INT)]), doc(params=[q("page", STR)]))
    assert (change.kind, change.where, change.detail, change.breaking) == (
        "type-changed", "query parameter page", "type integer → string", True,
    )  # fmt: skip


def test_parameter_moved_to_another_location() -> None:
    old = doc(params=[q("workspace_id")])
    new = doc(params=[{"name": "workspace_id", "in": "header", "schema": STR}])
    change = only(old, new)
    assert (change.kind, change.where, change.breaking) == ("parameter-moved", "header parameter workspace_id", True)
    assert change.detail == "moved from query to header"


def test_header_names_ignore_case_and_refs_are_followed() -> None:
    old = doc(params=[{"name": "X-Trace", "in": "header", "schema": STR}])
    new = doc(params=[{"$ref": "#/components/parameters/Trace"}])
    new["components"] = {"parameters": {"Trace": {"name": "x-trace", "in": "header", "schema": STR}}}
    assert changes(old, new) == []


def test_path_level_parameters_count() -> None:
    old = doc()
    new = doc()
    new["paths"]["/api/v1/things/{id}/"]["parameters"] = [q("expand", required=True)]
    change = only(old, new)
    assert (change.kind, change.where, change.breaking) == ("parameter-added", "query parameter expand", True)


def test_parameter_enum_values() -> None:
    old = doc(params=[q("status", {"type": "string", "enum": ["ACTIVE", "PAUSED"]})])
    new = doc(params=[q("status", {"type": "string", "enum": ["ACTIVE", "COMPLETED"]})])
    found = {(c.kind, c.detail, c.breaking) for c in changes(old, new)}
    assert found == {
        ("enum-value-removed", 'enum value "PAUSED" removed', True),
        ("enum-value-added", 'enum value "COMPLETED" added', False),
    }


# -- request bodies --------------------------------------------------------------------------------


@pytest.mark.parametrize(("required", "breaking"), [(False, False), (True, True)])
def test_request_field_added(required: bool, breaking: bool) -> None:
    old = doc(request=obj({"name": STR}))
    new = doc(request=obj({"name": STR, "workspace_id": STR}, ["workspace_id"] if required else None))
    change = only(old, new)
    assert (change.kind, change.where, change.breaking) == ("field-added", "request body: workspace_id", breaking)


def test_request_field_removed_is_breaking() -> None:
    change = only(doc(request=obj({"name": STR, "note": STR})), doc(request=obj({"name": STR})))
    assert (change.kind, change.where, change.breaking) == ("field-removed", "request body: note", True)


@pytest.mark.parametrize(
    ("direction", "now_required", "breaking"),
    [("request", True, True), ("request", False, False), ("response", True, False), ("response", False, True)],
)
def test_required_flag_depends_on_direction(direction: str, now_required: bool, breaking: bool) -> None:
    before = obj({"name": STR}, None if now_required else ["name"])
    after = obj({"name": STR}, ["name"] if now_required else None)
    if direction == "request":
        change = only(doc(request=before), doc(request=after))
        where = "request body: name"
    else:
        change = only(doc(response=before), doc(response=after))
        where = "response 200: name"
    assert (change.kind, change.where, change.breaking) == ("required-changed", where, breaking)
    assert change.detail == ("now required" if now_required else "now optional")


def test_request_body_added_removed_and_required() -> None:
    with_body = doc(request=obj({"a": STR}))
    assert only(doc(), with_body) == Change("body-added", "request body", "optional request body added", False)
    assert only(with_body, doc()).kind == "body-removed" and only(with_body, doc()).breaking
    required = copy.deepcopy(with_body)
    required["paths"]["/api/v1/things/{id}/"]["patch"]["requestBody"]["required"] = True
    assert only(with_body, required) == Change("required-changed", "request body", "now required", True)
    assert only(required, with_body) == Change("required-changed", "request body", "now optional", False)


def test_media_type_changes() -> None:
    old = doc(request=obj({"a": STR}))
    new = copy.deepcopy(old)
    body = new["paths"]["/api/v1/things/{id}/"]["patch"]["requestBody"]
    body["content"] = {"multipart/form-data": body["content"]["application/json"]}
    found = {(c.kind, c.breaking) for c in changes(old, new)}
    assert found == {("content-type-removed", True), ("content-type-added", False)}


# -- types, nesting, references ------------------------------------------------------------------------


def test_type_change_is_breaking_in_both_directions() -> None:
    for key in ("request", "response"):
        change = only(doc(**{key: obj({"n": INT})}), doc(**{key: obj({"n": STR})}))
        assert (change.kind, change.detail, change.breaking) == ("type-changed", "type integer → string", True)


@pytest.mark.parametrize(
    ("key", "becomes_nullable", "breaking"),
    [("request", True, False), ("request", False, True), ("response", True, True), ("response", False, False)],
)
def test_nullability_depends_on_direction(key: str, becomes_nullable: bool, breaking: bool) -> None:
    plain, nullable = obj({"n": STR}), obj({"n": {"type": ["string", "null"]}})
    old, new = (plain, nullable) if becomes_nullable else (nullable, plain)
    change = only(doc(**{key: old}), doc(**{key: new}))
    assert (change.kind, change.breaking) == ("nullable-changed", breaking)


def test_null_spelled_three_ways_is_the_same() -> None:
    spellings = [
        {"type": ["string", "null"]},
        {"type": "string", "nullable": True},
        {"anyOf": [{"type": "string"}, {"type": "null"}]},
    ]
    for a in spellings:
        for b in spellings:
            assert changes(doc(response=obj({"n": a})), doc(response=obj({"n": b}))) == []


def test_format_change_breaks_only_where_the_python_type_changes() -> None:
    date = only(doc(response=obj({"at": STR})), doc(response=obj({"at": {"type": "string", "format": "date-time"}})))
    assert (date.kind, date.breaking) == ("format-changed", True)
    email = only(doc(response=obj({"e": STR})), doc(response=obj({"e": {"type": "string", "format": "email"}})))
    assert (email.kind, email.breaking, email.detail) == (
        "format-changed", False, "format (none) → email (same Python type)",
    )  # fmt: skip


def test_nested_objects_arrays_and_maps_through_refs() -> None:
    def schemas(status_values: list[str], note_required: bool) -> dict[str, Any]:
        return {
            "Page": obj({"results": {"type": "array", "items": ref("Study")}}),
            "Study": obj(
                {
                    "status": ref("Status"),
                    "meta": {
                        "type": "object",
                        "additionalProperties": obj({"note": STR}, ["note"] if note_required else None),
                    },
                }
            ),
            "Status": {"type": "string", "enum": status_values},
        }

    old = doc(response=ref("Page"), schemas=schemas(["ACTIVE"], True))
    new = doc(response=ref("Page"), schemas=schemas(["ACTIVE", "PUBLISHING"], False))
    found = {(c.kind, c.where, c.breaking) for c in changes(old, new)}
    assert found == {
        ("enum-value-added", "response 200: results[].status", False),
        ("required-changed", "response 200: results[].meta{}.note", True),
    }


def test_a_renamed_schema_with_the_same_shape_is_no_change() -> None:
    old = doc(response=ref("ApiV1ThingsGetResponsesContentApplicationJsonSchema"), schemas={
        "ApiV1ThingsGetResponsesContentApplicationJsonSchema": obj({"id": STR}),
    })  # fmt: skip
    new = doc(response=ref("Thing"), schemas={"Thing": obj({"id": STR})})
    assert changes(old, new) == []


def test_reference_cycles_terminate_and_changes_inside_are_found() -> None:
    def tree(extra: dict[str, Any]) -> dict[str, Any]:
        return {"Node": obj({"name": STR, "children": {"type": "array", "items": ref("Node")}, **extra})}

    old = doc(response=ref("Node"), schemas=tree({}))
    new = doc(response=ref("Node"), schemas=tree({"depth": INT}))
    assert changes(old, old) == []
    change = only(old, new)
    assert (change.kind, change.where, change.breaking) == ("field-added", "response 200: depth", False)


def test_changes_in_a_shared_schema_are_reported_at_every_place_it_is_used() -> None:
    def with_cycle(required: list[str]) -> dict[str, Any]:
        return {
            "A": obj({"b": ref("B"), "c": ref("C")}),
            "B": obj({"a": ref("A"), "c": ref("C")}),
            "C": obj({"x": STR}, required),
        }

    old = doc(response=ref("A"), schemas=with_cycle([]))
    new = doc(response=ref("A"), schemas=with_cycle(["x"]))
    wheres = sorted(c.where for c in changes(old, new))
    assert wheres == ["response 200: b.c.x", "response 200: c.x"]


def test_all_of_is_merged_into_one_object() -> None:
    old = doc(request={"allOf": [ref("Base"), obj({"extra": STR})]}, schemas={"Base": obj({"id": STR}, ["id"])})
    same = doc(request=obj({"id": STR, "extra": STR}, ["id"]))
    assert changes(old, same) == []
    new = doc(
        request={"allOf": [ref("Base"), obj({"extra": STR}, ["extra"])]}, schemas={"Base": obj({"id": STR}, ["id"])}
    )
    change = only(old, new)
    assert (change.kind, change.where, change.breaking) == ("required-changed", "request body: extra", True)


def test_one_of_variants_matched_by_discriminator_value() -> None:
    def variant(kind: str, extra: dict[str, Any]) -> dict[str, Any]:
        return obj({"type": {"type": "string", "enum": [kind]}, **extra}, ["type"])

    def body(variants: list[dict[str, Any]]) -> dict[str, Any]:
        return obj({"item": {"oneOf": variants, "discriminator": {"propertyName": "type"}}})

    old = doc(response=body([variant("image", {"url": STR}), variant("text", {"text": STR})]))
    new = doc(response=body([variant("text", {"text": STR, "lang": STR}), variant("video", {"src": STR})]))
    found = {(c.kind, c.where, c.breaking) for c in changes(old, new)}
    assert found == {
        ("variant-removed", "response 200: item<image>", True),
        ("variant-added", "response 200: item<video>", False),
        ("field-added", "response 200: item<text>.lang", False),
    }


def test_any_of_variants_matched_by_reference_then_position() -> None:
    old = doc(request={"anyOf": [ref("A"), ref("B")]}, schemas={"A": obj({"a": STR}), "B": obj({"b": STR})})
    new = doc(request={"anyOf": [ref("B"), ref("A")]}, schemas={"A": obj({"a": INT}), "B": obj({"b": STR})})
    change = only(old, new)
    assert (change.kind, change.where) == ("type-changed", "request body: <A>.a")


def test_an_open_enum_reads_as_its_enum() -> None:
    closed = obj({"status": {"type": "string", "enum": ["ACTIVE"]}})
    opened = obj({"status": {"anyOf": [{"type": "string", "enum": ["ACTIVE", "PUBLISHING"]}, {"type": "string"}]}})
    change = only(doc(response=closed), doc(response=opened))
    assert (change.kind, change.detail, change.breaking) == ("enum-value-added", 'enum value "PUBLISHING" added', False)


def test_plain_schema_to_one_of_is_a_type_change() -> None:
    change = only(doc(request=obj({"f": STR})), doc(request=obj({"f": {"oneOf": [STR, INT]}})))
    assert (change.kind, change.detail, change.breaking) == ("type-changed", "type string → oneOf", True)


def test_enum_restricted_and_unrestricted() -> None:
    free, listed = obj({"s": STR}), obj({"s": {"type": "string", "enum": ["A"]}})
    assert only(doc(request=free), doc(request=listed)).breaking
    assert not only(doc(response=free), doc(response=listed)).breaking
    assert only(doc(request=listed), doc(request=free)).kind == "enum-unrestricted"


def test_removed_enum_value_is_breaking_even_in_a_response() -> None:
    old = doc(response=obj({"s": {"type": "string", "enum": ["A", "B"]}}))
    new = doc(response=obj({"s": {"type": "string", "enum": ["A"]}}))
    assert only(old, new) == Change("enum-value-removed", "response 200: s", 'enum value "B" removed', True)


# -- status codes -------------------------------------------------------------------------------------


def ok(schema: dict[str, Any] | None = None) -> dict[str, Any]:
    out: dict[str, Any] = {"description": "OK"}
    if schema is not None:
        out["content"] = {"application/json": {"schema": schema}}
    return out


def test_status_codes_added_and_removed() -> None:
    old = doc(responses={"200": ok(), "404": ok()})
    new = doc(responses={"200": ok(), "409": ok()})
    found = {(c.kind, c.where, c.breaking) for c in changes(old, new)}
    assert found == {("status-removed", "response 404", False), ("status-added", "response 409", False)}


def test_removed_success_status_is_breaking_and_bodies_are_still_compared() -> None:
    old = doc(responses={"201": ok(obj({"id": STR}))})
    new = doc(responses={"200": ok(obj({"id": INT}))})
    found = {(c.kind, c.where, c.breaking) for c in changes(old, new)}
    assert found == {
        ("status-removed", "response 201", True),
        ("status-added", "response 200", False),
        ("type-changed", "response 200 (was 201): id", True),
    }


def test_error_range_split_into_codes() -> None:
    old = doc(responses={"200": ok(), "4XX": ok()})
    new = doc(responses={"200": ok(), "400": ok(), "422": ok()})
    assert only(old, new) == Change("status-split", "responses", "4XX split into 400, 422", False)
    assert only(new, old) == Change("status-merged", "responses", "400, 422 merged into 4XX", False)


def test_success_body_removed_is_breaking_added_is_not() -> None:
    with_body, without = doc(responses={"200": ok(obj({"id": STR}))}), doc(responses={"200": ok()})
    assert only(with_body, without) == Change("body-removed", "response 200", "the response no longer has a body", True)
    assert not only(without, with_body).breaking


def test_status_codes_written_as_integers_match_quoted_ones() -> None:
    assert changes(doc(responses={200: ok()}), doc(responses={"200": ok()})) == []


def test_error_bodies_are_not_compared() -> None:
    assert changes(doc(responses={"200": ok(), "400": ok(STR)}), doc(responses={"200": ok(), "400": ok(INT)})) == []


# -- breaking changes come first ----------------------------------------------------------------------


def test_breaking_changes_come_first_in_each_operation() -> None:
    old = doc(params=[q("a")], request=obj({"x": STR}))
    new = doc(params=[q("a"), q("b")], request=obj({}))
    kinds = [(c.breaking, c.kind) for c in changes(old, new)]
    assert kinds == [(True, "field-removed"), (False, "parameter-added")]


def test_rendered_changelog_groups_breaking_first() -> None:
    old = doc(params=[q("a")], request=obj({"x": STR}))
    new = doc(params=[q("a"), q("b")], request=obj({}))
    new["paths"]["/api/v1/new/"] = {"get": {"summary": "A new one", "responses": {}}}
    text = changelog.render(diff_documents(old, new), title="v1 → v2")
    assert text.index("## Breaking") < text.index("`request body: x`: field removed") < text.index("## Not breaking")
    assert text.index("## Not breaking") < text.index("- `GET /api/v1/new/` (A new one)")
    assert "`query parameter b`: optional parameter added (string)" in text
    assert text.splitlines()[2] == "operations: 1 added, 0 removed, 1 changed; 1 breaking change"


# -- the command --------------------------------------------------------------------------------------


def write(path: Path, spec: dict[str, Any]) -> Path:
    path.write_text(yaml.safe_dump(spec, sort_keys=False), encoding="utf-8")
    return path


def test_command_exit_codes_and_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    old = write(tmp_path / "old.yaml", doc(params=[q("a")]))
    new = tmp_path / "new.json"
    new.write_text(json.dumps(doc(params=[])), encoding="utf-8")  # JSON is read too
    assert main(["diff", str(old), str(old)]) == 0
    assert "No changes." in capsys.readouterr().out
    assert main(["diff", "--json", str(old), str(new)]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["added_operations"] == [] and report["removed_operations"] == []
    assert report["breaking"] is True
    assert report["changed_operations"] == [
        {
            "operation": "PATCH /api/v1/things/{id}/",
            "changes": [
                {
                    "kind": "parameter-removed",
                    "where": "query parameter a",
                    "detail": "parameter removed",
                    "breaking": True,
                }
            ],
        }
    ]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "cannot read it"),
        ("openapi: [3.1\n", "line 2"),
        ("- a list\n", "not an OpenAPI document (expected a mapping, found list)"),
        ("title: no version here\n", "`openapi: 3.x` missing"),
        ("swagger: '2.0'\npaths: {}\n", "Swagger 2.0"),
        (b"\xff\xfe not text", "cannot read it"),
    ],
    ids=["missing", "bad-yaml", "list", "no-openapi", "swagger", "binary"],
)
def test_command_errors_name_the_file_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str | bytes | None, message: str
) -> None:
    good = write(tmp_path / "good.yaml", doc())
    bad = tmp_path / "bad.yaml"
    if isinstance(content, bytes):
        bad.write_bytes(content)
    elif content is not None:
        bad.write_text(content, encoding="utf-8")
    assert main(["diff", str(good), str(bad)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith(f"error: {bad}")
    assert message in captured.err
    assert "Traceback" not in captured.err


@pytest.mark.parametrize("module", [diff, changelog, imports])
def test_docstring_examples(module: Any) -> None:
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.failed == 0
