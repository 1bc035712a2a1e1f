"""Robustness corpus: today's document mutated in many ways, each defect class in a place it does not have today.

Every mutation either builds and generates with 0 warnings, or is refused in a few clear lines
naming the operation or pointer. The generator is slow on the whole document, so the corpus works
on a reduced one (a dozen operations of the real document, with what they reference), builds each
mutation without the generator (cheap), and runs the generator once on all fixable mutations
together and once with the class transforms switched off (to see the failure report's roots).
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from prolific_spec import build, clean, defects
from prolific_spec.document import operations, reachable_schemas, ref_name, walk
from prolific_spec.errors import SpecError
from prolific_spec.yamlfile import YAML_LOADER

REPO = build.REPO

KEPT = {
    "get-user",
    "get-workspaces",
    "get-workspace",
    "create-workspace",
    "get-participant-groups",
    "get-participant-group",
    "get-study-access-details-progress",
    "get-subscription",
    "delete-subscription",
    "get-messages",
    "get-project",
}

Doc = dict[str, Any]
PG = "/api/v1/participant-groups/{id}/"
SUBSCRIPTION = "/api/v1/hooks/subscriptions/{subscription_id}/"


def ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def reduce(doc: Doc, keep: set[str]) -> Doc:
    """``doc`` with only the operations in ``keep`` and the component schemas they reach."""
    for path in list(doc["paths"]):
        item = doc["paths"][path]
        for method in [m for m, op in item.items() if isinstance(op, dict) and op.get("operationId") not in keep]:
            if method in ("get", "put", "post", "delete", "patch"):
                del item[method]
        if not any(m in item for m in ("get", "put", "post", "delete", "patch")):
            del doc["paths"][path]
    seen = reachable_schemas(doc, [doc["paths"]], walk)
    doc["components"]["schemas"] = {n: s for n, s in doc["components"]["schemas"].items() if n in seen}
    return doc


@pytest.fixture(scope="module")
def reduced() -> Doc:
    text = (REPO.sources / "prolific-openapi.yaml").read_text(encoding="utf-8")
    doc = reduce(yaml.load(text, Loader=YAML_LOADER), KEPT)
    assert {op["operationId"] for _p, _m, op in operations(doc)} == KEPT
    return doc


def _layout(root: Path, doc: Doc) -> build.Layout:
    (root / "openapi" / "sources").mkdir(parents=True, exist_ok=True)
    (root / "openapi" / "sources" / "document.yaml").write_text(yaml.safe_dump(doc, sort_keys=False), "utf-8")
    (root / "openapi" / "names.yaml").write_text("", encoding="utf-8")
    return build.Layout(root)


def _generate(root: Path, doc: Doc) -> tuple[Doc, list[str]]:
    """Build and generate ``doc`` (the generator's warnings are failures, as in ``make generate``)."""
    merged, notices = build.build_document(_layout(root, doc), validate_spec=False)
    spec = root / "prolific.yaml"
    spec.write_text(build.render(merged), encoding="utf-8")
    build.run_generator(spec, REPO.config, root / "out", templates=REPO.templates)
    return merged, notices


# --- the fixable mutations: (name, mutate, check on the merged spec) -----------------------------


def _schemas(doc: Doc) -> dict[str, Any]:
    return doc["components"]["schemas"]  # type: ignore[no-any-return]


def _op(doc: Doc, path: str, method: str = "get") -> dict[str, Any]:
    return doc["paths"][path][method]  # type: ignore[no-any-return]


def _array_property(doc: Doc) -> None:
    _schemas(doc)["Workspace"]["properties"]["labels"] = {"type": "array", "description": "no items"}


def _array_branch(doc: Doc) -> None:
    _schemas(doc)["User"]["properties"]["aliases"] = {"anyOf": [{"type": "string"}, {"type": "array"}]}


def _array_parameter(doc: Doc) -> None:
    params = _op(doc, "/api/v1/messages/")["parameters"]
    params.append({"name": "ids", "in": "query", "required": False, "schema": {"type": "array"}})


def _array_response(doc: Doc) -> None:
    _op(doc, "/api/v1/workspaces/")["responses"]["200"]["content"]["application/json"]["schema"] = {"type": "array"}


def _array_with_properties(doc: Doc) -> None:
    _schemas(doc)["AccessDetailProgress"]["type"] = "array"


def _nullable_keyword(doc: Doc) -> None:
    props = _schemas(doc)["Workspace"]["properties"]
    props["title"]["nullable"] = True
    props["owner_group"] = {**ref("User"), "nullable": True, "description": "3.0 style"}


def _null_in_enum(doc: Doc) -> None:
    _schemas(doc)["User"]["properties"]["mood"] = {"type": "string", "enum": ["calm", "busy", None]}


def _unknown_required(doc: Doc) -> None:
    _schemas(doc)["User"]["required"].append("ghost")


def _empty_branch(doc: Doc) -> None:
    _schemas(doc)["Workspace"]["properties"]["meta"] = {"oneOf": [{"type": "string"}, {}], "description": "x"}


def _no_operation_id(doc: Doc) -> None:
    del _op(doc, "/api/v1/projects/{project_id}/")["operationId"]


def _response_without_schema(doc: Doc) -> None:
    _op(doc, SUBSCRIPTION)["responses"]["200"]["content"] = {"application/json": {}}


def _all_of_wrapper(doc: Doc) -> None:
    _schemas(doc)["ParticipantGroupResponse"] = {"allOf": [ref("ParticipantGroup")], "additionalProperties": True}


def _duplicate_parameter(doc: Doc) -> None:
    params = _op(doc, "/api/v1/messages/")["parameters"]
    params.append(copy.deepcopy(params[0]))


def _merged_schema_with(merged: Doc, field: str) -> dict[str, Any]:
    found = [s for s in _schemas(merged).values() if field in (s.get("properties") or {})]
    assert found, field
    return found[0]


FIXABLE: list[tuple[str, Callable[[Doc], None]]] = [
    ("array without items: a property", _array_property),
    ("array without items: a union branch", _array_branch),
    ("array without items: a parameter", _array_parameter),
    ("array without items: a response", _array_response),
    ("array with properties", _array_with_properties),
    ("nullable: true (OpenAPI 3.0)", _nullable_keyword),
    ("null in an enum", _null_in_enum),
    ("required name not among the properties", _unknown_required),
    ("empty schema as a union branch", _empty_branch),
    ("no operationId", _no_operation_id),
    ("response without a schema", _response_without_schema),
    ("allOf wrapper", _all_of_wrapper),
    ("duplicate parameter", _duplicate_parameter),
]


def _check_array_branch(merged: Doc) -> None:
    aliases = _merged_schema_with(merged, "aliases")["properties"]["aliases"]
    assert {"type": "array", "items": {}} in aliases["anyOf"]


def _fixed(name: str, merged: Doc, notices: list[str]) -> None:
    """What each mutation must look like in the merged spec (the generator's 0 warnings are checked apart)."""
    text = yaml.safe_dump(merged)
    if name == "array without items: a property":
        assert _merged_schema_with(merged, "labels")["properties"]["labels"]["items"] == {}
    elif name == "array without items: a union branch":
        _check_array_branch(merged)
    elif name == "array without items: a parameter":
        params = _op(merged, "/api/v1/messages/")["parameters"]
        assert next(p for p in params if p["name"] == "ids")["schema"] == {"type": "array", "items": {}}
    elif name == "array without items: a response":
        body = _op(merged, "/api/v1/workspaces/")["responses"]["200"]["content"]["application/json"]["schema"]
        assert body == {"type": "array", "items": {}}
    elif name == "array with properties":
        assert all(
            s["type"] == "object" for s in _schemas(merged).values() if "external_url" in s.get("properties", {})
        )
    elif name == "nullable: true (OpenAPI 3.0)":
        schema = _merged_schema_with(merged, "owner_group")
        assert "null" in schema["properties"]["title"]["type"]
        assert {"type": "null"} in schema["properties"]["owner_group"]["anyOf"]
        assert "nullable:" not in text
    elif name == "null in an enum":
        # A returned enum is lifted and opened (enums.open_response_enums): the enum itself is nullable.
        opened = _merged_schema_with(merged, "mood")["properties"]["mood"]["anyOf"]
        enum = _schemas(merged)[ref_name(opened[0]) or ""]
        assert enum["type"] == ["string", "null"] and None in enum["enum"]
    elif name == "required name not among the properties":
        assert "ghost" not in text
        assert any("ghost" in n and "dropped from `required`" in n for n in notices)
    elif name == "empty schema as a union branch":
        meta = _merged_schema_with(merged, "meta")["properties"]["meta"]
        assert "oneOf" not in meta and meta.get("description") == "x"
    elif name == "no operationId":
        ids = {op["operationId"] for _p, _m, op in operations(merged)}
        assert "get-projects-by-project-id" in ids
        assert any("get-projects-by-project-id" in n for n in notices)
    elif name == "response without a schema":
        assert "content" not in _op(merged, SUBSCRIPTION)["responses"]["200"]
    elif name == "allOf wrapper":
        assert "allOf" not in text
    elif name == "duplicate parameter":
        names = [p["name"] for p in _op(merged, "/api/v1/messages/")["parameters"]]
        assert len(names) == len(set(names))
        assert any("declared twice" in n for n in notices)


@pytest.mark.parametrize("name,mutate", FIXABLE, ids=[n for n, _m in FIXABLE])
def test_each_defect_class_in_a_new_place_is_fixed(reduced, tmp_path, name, mutate):
    doc = copy.deepcopy(reduced)
    mutate(doc)
    merged, notices = build.build_document(_layout(tmp_path, doc), validate_spec=False)
    _fixed(name, merged, notices)


def test_all_fixable_mutations_at_once_generate_with_no_warning(reduced, tmp_path):
    doc = copy.deepcopy(reduced)
    for _name, mutate in FIXABLE:
        mutate(doc)
    merged, notices = _generate(tmp_path, doc)  # raises SpecError on any generator warning
    build.validate(merged)
    assert (tmp_path / "out" / build.PACKAGE / "__init__.py").exists()
    for name, _mutate in FIXABLE:
        _fixed(name, merged, notices)


# --- what stays refused --------------------------------------------------------------------------


def _duplicate_operation_id(doc: Doc) -> None:
    _op(doc, "/api/v1/workspaces/")["operationId"] = "get-user"


def _missing_ref(doc: Doc) -> None:
    _schemas(doc)["User"]["properties"]["team"] = ref("NoSuchTeam")


def _path_parameter_not_in_path(doc: Doc) -> None:
    _op(doc, SUBSCRIPTION)["parameters"].append(
        {"name": "hook_id", "in": "path", "required": True, "schema": {"type": "string"}}
    )


def _placeholder_without_parameter(doc: Doc) -> None:
    doc["paths"]["/api/v1/users/{user_id}/"] = doc["paths"].pop("/api/v1/users/me/")


REFUSED = [
    ("duplicate operationId", _duplicate_operation_id, ["duplicate operationId 'get-user'", "GET /api/v1/users/me/"]),
    ("$ref to a missing schema", _missing_ref, ["#/components/schemas/User/properties/team", "NoSuchTeam"]),
    ("path parameter not in the path", _path_parameter_not_in_path, ["get-subscription", "'hook_id'"]),
    ("a path placeholder no parameter declares", _placeholder_without_parameter, ["get-user", "{user_id}"]),
]


@pytest.mark.parametrize("name,mutate,named", REFUSED, ids=[r[0] for r in REFUSED])
def test_what_no_transform_can_decide_is_refused_in_one_line(reduced, tmp_path, name, mutate, named):
    doc = copy.deepcopy(reduced)
    mutate(doc)
    with pytest.raises(SpecError) as info:
        build.build_document(_layout(tmp_path, doc), validate_spec=False)
    message = str(info.value)
    assert len(message.splitlines()) == 2, message  # the count, then the one problem
    for part in named:
        assert part in message
    assert "sources/document.yaml" in message or "duplicate" in message


def test_every_refused_problem_is_reported_at_once(reduced, tmp_path):
    doc = copy.deepcopy(reduced)
    for _name, mutate, _named in REFUSED:
        mutate(doc)
    with pytest.raises(SpecError, match=r"\(4 problems\)") as info:
        build.build_document(_layout(tmp_path, doc), validate_spec=False)
    assert len(str(info.value).splitlines()) == 5


# --- without the class transforms: the failure names its roots ----------------------------------


def test_without_the_class_transforms_the_generator_failure_names_its_roots(reduced, tmp_path, monkeypatch):
    doc = copy.deepcopy(reduced)
    _schemas(doc)["ErrorDetail"]["properties"]["detail"] = {
        "description": "Error detail",
        "anyOf": [{"type": "string"}, {"type": "array"}, ref("ErrorDetailDetail2")],
    }
    _schemas(doc)["StudyAccessDetailsProgress"]["type"] = "array"
    class_transforms = {
        defects.array_items_any,
        defects.array_with_properties_to_object,
    }
    monkeypatch.setattr(clean, "TRANSFORMS", tuple(t for t in clean.TRANSFORMS if t not in class_transforms))
    with pytest.raises(SpecError) as info:
        _generate(tmp_path, doc)
    message = str(info.value)
    lines = message.splitlines()
    assert len(lines) <= 15, message
    assert "2 root causes" in lines[0], message
    assert "ErrorDetail.detail anyOf branch 2: array without `items`" in lines[1], message
    assert "error responses" in lines[1]
    assert any("StudyAccessDetailsProgress: `type: array` with `properties`" in line for line in lines)
    full = Path(lines[-1].rsplit(": ", 1)[1])
    try:
        listed = full.read_text(encoding="utf-8")
        assert "UntrustedString" not in listed and "WARNING parsing" in listed
    finally:
        full.unlink()
    assert "Traceback" not in message
