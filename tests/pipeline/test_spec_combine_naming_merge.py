"""combine.py, merge.py and the names table on small inline documents (plus the real CredentialPool case)."""

from __future__ import annotations

import copy
import itertools
from pathlib import Path
from typing import Any

import pytest

from prolific_spec.build import render
from prolific_spec.combine import combine, shape
from prolific_spec.errors import SpecError
from prolific_spec.merge import merge
from prolific_spec.naming import NameTable, name_bodies


def ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def body(schema: dict[str, Any]) -> dict[str, Any]:
    return {"content": {"application/json": {"schema": schema}}}


def thing(description: str = "A thing", id_text: str = "The id") -> dict[str, Any]:
    return {
        "type": "object",
        "description": description,
        "properties": {"id": {"type": "string", "description": id_text}, "n": {"type": "integer"}},
        "required": ["id"],
    }


# --- combine -----------------------------------------------------------------------------------


def test_shape_ignores_only_prose():
    a = {"type": "string", "description": "x", "title": "T", "example": "e", "examples": ["e"], "format": "date"}
    assert shape(a) == {"type": "string", "format": "date"}


def test_combine_same_shape_joins_distinct_descriptions_and_keeps_first_other_prose():
    a = {**thing("Created pool", "created id"), "example": {"id": "1"}}
    b = {**thing("Updated pool", "updated id"), "example": {"id": "2"}, "title": "Pool"}
    out = combine(a, b, name="Pool", where_a="a.yaml", where_b="b.yaml")
    assert out["description"] == "Created pool / Updated pool"
    assert out["properties"]["id"]["description"] == "created id / updated id"
    assert out["example"] == {"id": "1"}
    assert out["title"] == "Pool"
    assert shape(out) == shape(a)
    # Same text twice is kept once; combining again is stable.
    assert combine(a, copy.deepcopy(a), name="Pool", where_a="a", where_b="b") == a
    assert combine(out, b, name="Pool", where_a="a", where_b="b") == out


def test_combine_different_shape_names_both_places():
    a = thing()
    b = copy.deepcopy(a)
    b["properties"]["id"]["type"] = "integer"
    with pytest.raises(SpecError) as info:
        combine(a, b, name="Thing", where_a="sources/a.yaml", where_b="sources/b.yaml")
    message = str(info.value)
    assert "'Thing'" in message and "sources/a.yaml" in message and "sources/b.yaml" in message
    assert "names.yaml" in message


@pytest.mark.parametrize(
    "change",
    [
        pytest.param(lambda p: p.update({"n": {"type": "string"}}), id="field type"),
        pytest.param(lambda p: p.pop("n"), id="missing field"),
        pytest.param(lambda p: p.update({"extra": {"type": "string"}}), id="extra field"),
    ],
)
def test_combine_refuses_any_structural_difference(change):
    a = thing()
    b = copy.deepcopy(a)
    change(b["properties"])
    with pytest.raises(SpecError):
        combine(a, b, name="Thing", where_a="a.yaml", where_b="b.yaml")


@pytest.mark.parametrize(
    ("field", "b_prop"),
    [
        pytest.param("description", {"type": "integer"}, id="description field of another type"),
        pytest.param("title", None, id="title field only in one schema"),
    ],
)
def test_combine_treats_fields_named_like_prose_as_shape(field, b_prop):
    a = thing()
    a["properties"][field] = {"type": "string", "description": "Free text"}
    b = copy.deepcopy(a)
    if b_prop is None:
        del b["properties"][field]
    else:
        b["properties"][field] = b_prop
    with pytest.raises(SpecError):
        combine(a, b, name="Group", where_a="a.yaml", where_b="b.yaml")


# --- merge -------------------------------------------------------------------------------------


def source(
    path: str, op_id: str, schemas: dict[str, Any], response: str, method: str = "post", tag: str = "things"
) -> dict[str, Any]:
    return {
        "openapi": "3.1.1",
        "info": {"title": op_id, "version": "1"},
        "paths": {
            path: {
                method: {
                    "operationId": op_id,
                    "tags": [tag],
                    "responses": {"200": {"description": "OK", **body(ref(response))}},
                }
            }
        },
        "components": {"schemas": schemas},
    }


def test_merge_keeps_an_identical_schema_once():
    a = source("/a/", "a", {"Thing": thing("From a")}, "Thing", tag="zeta")
    b = source("/b/", "b", {"Thing": thing("From b")}, "Thing", tag="alpha")
    out = merge([("sources/a.yaml", a), ("sources/b.yaml", b)])
    assert list(out["components"]["schemas"]) == ["Thing"]
    assert out["components"]["schemas"]["Thing"]["description"] == "From a / From b"
    assert list(out["paths"]) == ["/a/", "/b/"]
    assert out["tags"] == [{"name": "alpha"}, {"name": "zeta"}]
    assert out["components"]["securitySchemes"]["token"]["name"] == "Authorization"
    assert out["security"] == [{"token": []}]


def test_merge_different_schemas_under_one_name_names_both_files():
    changed = thing()
    changed["required"] = ["id", "n"]
    a = source("/a/", "a", {"Thing": thing()}, "Thing")
    b = source("/b/", "b", {"Thing": changed}, "Thing")
    with pytest.raises(SpecError) as info:
        merge([("sources/b.yaml", b), ("sources/a.yaml", a)])
    assert "sources/a.yaml" in str(info.value) and "sources/b.yaml" in str(info.value)
    assert "Thing" in str(info.value)


def test_merge_same_path_and_method_twice_names_both_files():
    a = source("/things/", "create-a", {"A": thing()}, "A")
    b = source("/things/", "create-b", {"B": thing()}, "B")
    with pytest.raises(SpecError) as info:
        merge([("sources/a.yaml", a), ("sources/b.yaml", b)])
    message = str(info.value)
    assert "POST /things/" in message
    assert "sources/a.yaml" in message and "sources/b.yaml" in message


def test_merge_same_path_different_methods_share_one_path_item():
    a = source("/things/", "create", {"Thing": thing()}, "Thing", method="post")
    b = source("/things/", "list", {"Thing": thing()}, "Thing", method="get")
    out = merge([("sources/b.yaml", b), ("sources/a.yaml", a)])
    assert list(out["paths"]["/things/"]) == ["get", "post"]


def test_merge_output_is_the_same_bytes_whatever_the_input_order():
    inputs = [
        ("sources/c.yaml", source("/c/", "c", {"Thing": thing("C"), "Zed": thing()}, "Thing", tag="c")),
        ("sources/a.yaml", source("/a/", "a", {"Thing": thing("A"), "Alpha": thing()}, "Alpha", tag="a")),
        ("sources/b.yaml", source("/b/", "b", {"Thing": thing("B")}, "Thing", tag="b")),
    ]
    outputs = {render(merge(copy.deepcopy(list(order)))) for order in itertools.permutations(inputs)}
    assert len(outputs) == 1
    out = merge(copy.deepcopy(inputs))
    assert list(out["components"]["schemas"]) == ["Alpha", "Thing", "Zed"]
    assert out["components"]["schemas"]["Thing"]["description"] == "A / B / C"


# --- names table -------------------------------------------------------------------------------


def write_table(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "names.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_real_credential_pool_comes_from_both_credential_sources(real_build):
    doc, _notices = real_build
    schemas = doc["components"]["schemas"]
    assert "CredentialPool" in schemas
    assert not any("_" in name for name in schemas)
    text = schemas["CredentialPool"]["properties"]["credential_pool_id"]["description"]
    assert text == (
        "The unique identifier for the created credential pool / The unique identifier for the updated credential pool"
    )
    for path, method in (("/api/v1/credentials/", "post"), ("/api/v1/credentials/{credential_pool_id}/", "patch")):
        responses = doc["paths"][path][method]["responses"]
        ok = responses["201" if method == "post" else "200"]
        assert ok["content"]["application/json"]["schema"] == ref("CredentialPool")


def test_request_and_response_bodies_named_in_the_table_are_lifted(tmp_path):
    table = NameTable.load(
        write_table(
            tmp_path,
            "request_bodies:\n  create-thing: CreateThingRequest\n"
            "responses:\n  create-thing:\n    '201': ThingCreated\n",
        )
    )
    inline = {"type": "object", "properties": {"name": {"type": "string"}}, "required": ["name"]}
    doc = {
        "openapi": "3.1.1",
        "info": {"title": "t", "version": "1"},
        "paths": {
            "/things/": {
                "post": {
                    "operationId": "create-thing",
                    "requestBody": body(copy.deepcopy(inline)),
                    "responses": {"201": {"description": "Created", **body(thing())}},
                }
            }
        },
    }
    name_bodies(doc, table)
    op = doc["paths"]["/things/"]["post"]
    assert op["requestBody"]["content"]["application/json"]["schema"] == ref("CreateThingRequest")
    assert op["responses"]["201"]["content"]["application/json"]["schema"] == ref("ThingCreated")
    assert doc["components"]["schemas"] == {"CreateThingRequest": inline, "ThingCreated": thing()}


def test_a_table_entry_for_a_body_the_source_lacks_is_an_error(tmp_path):
    table = NameTable.load(write_table(tmp_path, "request_bodies:\n  create-thing: CreateThingRequest\n"))
    doc = source("/things/", "create-thing", {"Thing": thing()}, "Thing")
    with pytest.raises(SpecError, match=r"request body of create-thing 'CreateThingRequest'"):
        name_bodies(doc, table)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("schemas:\n  Fern_Thing: thing\n", r"schemas\.Fern_Thing: 'thing' is not a CapWords"),
        ("schemas:\n  Fern_Thing: credentialPool\n", r"'credentialPool' is not a CapWords"),
        ("request_bodies:\n  create-thing: Create Thing\n", r"request_bodies\.create-thing: 'Create Thing'"),
        ("responses:\n  create-thing:\n    '201': 2Things\n", r"responses\.create-thing\.201: '2Things'"),
        ("schemas:\n  Fern_Thing: ''\n", r"schemas\.Fern_Thing: ''"),
        ("schemas:\n  Fern_Thing: [A]\n", r"`schemas` must map names to names"),
        ("schemas: {a: A}\nmodels: {}\n", r"unknown section\(s\) \['models'\]"),
        ("- A\n", r"expected a mapping"),
        ("schemas: {a: [\n", r"not valid YAML"),
    ],
)
def test_bad_names_table_is_an_error_naming_the_file(tmp_path, text, expected):
    path = write_table(tmp_path, text)
    with pytest.raises(SpecError, match=expected) as info:
        NameTable.load(path)
    assert str(path) in str(info.value)


def test_the_real_names_table_loads_and_covers_every_source(real_build):
    table = NameTable.load(Path(__file__).resolve().parents[2] / "openapi" / "names.yaml")
    assert table.schemas["Credentials_CreateCredentialPool_Response_201"] == "CredentialPool"
    assert table.schemas["Credentials_UpdateCredentialPool_Response_200"] == "CredentialPool"
    _doc, notices = real_build
    # Only the three operations the pages replace are reported: every class name reads well.
    assert notices == [
        "sources/create-participant-group.yaml replaces POST /api/v1/participant-groups/ (create-participant-group) "
        "of sources/prolific-openapi.yaml",
        "sources/create-credential-pool.yaml replaces POST /api/v1/credentials/ (create-credential-pool) "
        "of sources/prolific-openapi.yaml",
        "sources/update-credential-pool.yaml replaces PATCH /api/v1/credentials/{credential_pool_id}/ "
        "(update-credential-pool) of sources/prolific-openapi.yaml",
    ]
