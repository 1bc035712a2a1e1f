"""The union analysis the templates ask (openapi/prolific_spec/union_tags.py), on the generator's parsed properties.

A small document is parsed by the pinned openapi-python-client with the repository's config and
templates, as ``build.run_generator`` does, and its unions are asked about directly.
"""

from __future__ import annotations

from typing import Any

import pytest
import yaml
from openapi_python_client import Project
from openapi_python_client.config import Config, ConfigFile, MetaType
from openapi_python_client.parser import GeneratorData

from prolific_spec import union_tags
from prolific_spec.build import Layout


def _model(name: str, *, kind: list[str] | None = None, required: tuple[str, ...] = ()) -> dict[str, Any]:
    properties: dict[str, Any] = {"note": {"type": "string"}}
    needed = list(required)
    if kind is not None:
        properties["kind"] = {"type": "string", "enum": kind}
        needed.insert(0, "kind")
    return {"type": "object", "title": name, "properties": properties, "required": needed}


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


SCHEMAS: dict[str, Any] = {
    "Cat": _model("Cat", kind=["cat"], required=("note",)),
    "Dog": _model("Dog", kind=["dog"]),
    "Bird": _model("Bird", kind=["cat"]),  # the same tag value as Cat
    "Rock": _model("Rock"),  # no tag
    "Owner": {
        "type": "object",
        "title": "Owner",
        "required": ["pet"],
        "properties": {
            # tagged, only None besides the models: falls back to UnknownVariant
            "pet": {"oneOf": [_ref("Cat"), _ref("Dog")], "nullable": True},
            # tagged, but a string could take the value as sent: no fallback
            "pet_or_name": {"oneOf": [_ref("Cat"), _ref("Dog"), {"type": "string"}]},
            # two variants with one tag value: not tagged
            "twins": {"oneOf": [_ref("Cat"), _ref("Bird")]},
            # a variant without the tag: not tagged
            "pet_or_rock": {"oneOf": [_ref("Cat"), _ref("Rock")]},
            # a list of a tagged union: holds an UnknownVariant through its items
            "pets": {"type": "array", "items": {"oneOf": [_ref("Cat"), _ref("Dog")]}},
            # literal enums and a string: parsing gives the value back as sent
            "size": {"oneOf": [{"type": "string", "enum": ["s", "m"]}, {"type": "string"}]},
            # a nullable whole number: its value is read through types.whole_number
            "age": {"type": "integer", "nullable": True},
        },
    },
}


@pytest.fixture(scope="module")
def parsed(tmp_path_factory: pytest.TempPathFactory, repo: Layout) -> tuple[union_tags.UnionTags, dict[str, Any]]:
    """The analysis installed on a Project of the small document, and Owner's properties by name."""
    tmp = tmp_path_factory.mktemp("union-tags")
    document = {
        "openapi": "3.0.3",
        "info": {"title": "Pets", "version": "1"},
        "paths": {
            "/owner": {
                "get": {
                    "operationId": "get-owner",
                    "responses": {
                        "200": {"description": "ok", "content": {"application/json": {"schema": _ref("Owner")}}}
                    },
                }
            }
        },
        "components": {"schemas": SCHEMAS},
    }
    spec = tmp / "pets.yaml"
    spec.write_text(yaml.safe_dump(document), encoding="utf-8")
    config = Config.from_sources(
        ConfigFile.load_from_path(repo.config), MetaType.NONE, spec, "utf-8", overwrite=False, output_path=tmp / "out"
    )
    openapi = GeneratorData.from_dict(document, config=config)
    assert isinstance(openapi, GeneratorData), openapi
    project = Project(openapi=openapi, config=config, custom_template_path=repo.templates)
    tags = union_tags.install(project.env, openapi.models)
    assert project.env.globals["union_tags"] is tags
    owner = next(m for m in openapi.models if str(m.class_info.name) == "Owner")
    props = {str(p.python_name): p for p in [*owner.required_properties, *owner.optional_properties]}
    return tags, props


def test_a_tagged_union_without_other_object_takers_falls_back(parsed: tuple[union_tags.UnionTags, Any]) -> None:
    tags, props = parsed
    pet = props["pet"]
    assert tags.tag_key(pet) == "kind"
    assert tags.fallback_key(pet) == "kind"
    assert tags.has_fallback(pet)
    cat, dog = [inner for inner in pet.inner_properties if inner.template == union_tags.MODEL]
    assert (tags.tag_value(cat, "kind"), tags.tag_value(dog, "kind")) == ("cat", "dog")
    assert tags.tag_value(cat, "colour") == ""
    assert tags.type_string(pet) == "Cat | Dog | None | UnknownVariant"
    assert not tags.identity(pet)


def test_a_variant_taking_any_string_keeps_the_tag_but_does_not_fall_back(
    parsed: tuple[union_tags.UnionTags, Any],
) -> None:
    tags, props = parsed
    prop = props["pet_or_name"]
    assert tags.tag_key(prop) == "kind"
    assert tags.fallback_key(prop) == ""
    assert not tags.has_fallback(prop)
    assert tags.type_string(prop) == prop.get_type_string().as_unembedded_code()


@pytest.mark.parametrize("name", ["twins", "pet_or_rock", "size"])
def test_untagged_unions(parsed: tuple[union_tags.UnionTags, Any], name: str) -> None:
    tags, props = parsed
    assert tags.tag_key(props[name]) == ""
    assert not tags.has_fallback(props[name])


def test_a_list_of_a_falling_back_union_says_so_in_its_type(parsed: tuple[union_tags.UnionTags, Any]) -> None:
    tags, props = parsed
    pets = props["pets"]
    assert tags.has_fallback(pets)
    assert tags.type_string(pets) == "list[Cat | Dog | UnknownVariant] | Unset"
    assert tags.type_string(pets, no_optional=True) == "list[Cat | Dog | UnknownVariant]"


def test_identity_unions_are_literal_enums_and_unparsed_members(parsed: tuple[union_tags.UnionTags, Any]) -> None:
    tags, props = parsed
    assert tags.identity(props["size"])
    assert not tags.identity(props["pet_or_name"])  # its models parse


def test_required_keys_come_from_the_processed_model(parsed: tuple[union_tags.UnionTags, Any]) -> None:
    tags, props = parsed
    cat = next(inner for inner in props["pet"].inner_properties if str(inner.class_info.name) == "Cat")
    assert tags.required_keys(cat) == ["note", "kind"]  # in the order of the properties
    assert tags.tags_of(cat) == {"kind": "cat"}


def test_non_unions_have_no_tag(parsed: tuple[union_tags.UnionTags, Any]) -> None:
    tags, props = parsed
    assert tags.tag_key(props["pets"]) == ""
    assert not tags.parses(props["size"].inner_properties[1])  # a str is taken as sent
    assert tags.parses(props["pet"].inner_properties[0])


def test_a_union_with_an_int_member_says_so(parsed: tuple[union_tags.UnionTags, Any]) -> None:
    tags, props = parsed
    assert tags.holds_int(props["age"]) and tags.identity(props["age"])
    assert not tags.holds_int(props["size"]) and not tags.holds_int(props["pet"])
