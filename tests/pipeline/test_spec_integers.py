"""The ``integers`` table: fields the document types ``number`` that are whole numbers become ``integer``.

The transform (``prolific_spec.integers.apply_integers``) on small documents, the table's loading
(every entry says where the evidence is), the committed spec and the generated models it gives,
and the generated parse of a whole number the server writes as ``10.0``.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
import yaml

from prolific_spec import overrides
from prolific_spec.errors import SpecError
from prolific_spec.integers import apply_integers
from prolific_spec.overrides import Overrides

REPO = Path(__file__).resolve().parents[2]


def _doc(schemas: dict[str, Any]) -> dict[str, Any]:
    return {"openapi": "3.1.1", "info": {"title": "t", "version": "1"}, "paths": {}, "components": {"schemas": schemas}}


def _study() -> dict[str, Any]:
    return {
        "type": "object",
        "properties": {
            "places": {"type": "number", "format": "double", "description": "How many"},
            "minutes": {"type": ["number", "null"], "format": "double"},
            "count": {"type": "integer"},
            "name": {"type": "string"},
        },
    }


def test_a_number_becomes_an_integer_a_nullable_one_stays_nullable_and_the_double_format_goes() -> None:
    doc = _doc({"Study": _study()})
    changed = apply_integers(doc, {"Study": {"places": "cli", "minutes": "cli", "count": "cli"}})
    props = doc["components"]["schemas"]["Study"]["properties"]
    assert props["places"] == {"type": "integer", "description": "How many"}
    assert props["minutes"] == {"type": ["integer", "null"]}
    assert props["count"] == {"type": "integer"}  # already whole (a later release may say so): untouched
    assert changed == ["Study.places", "Study.minutes"]
    assert apply_integers(doc, {"Study": {"places": "cli"}}) == []  # idempotent


def test_fields_are_found_through_refs_all_of_and_the_name_the_schema_has_now() -> None:
    doc = _doc({"Base": _study(), "Wrapper": {"allOf": [{"$ref": "#/components/schemas/Base"}]}})
    assert apply_integers(doc, {"Published": {"places": "cli"}}, current={"Published": "Wrapper"}) == ["Wrapper.places"]
    assert doc["components"]["schemas"]["Base"]["properties"]["places"]["type"] == "integer"


def test_an_entry_that_does_not_fit_the_document_is_a_line_naming_it_never_applied_silently() -> None:
    doc = _doc({"Study": _study()})
    problems: list[str] = []
    apply_integers(doc, {"Study": {"name": "cli", "plcaes": "cli"}}, source="openapi/overrides.yaml", problems=problems)
    assert problems[0].startswith("openapi/overrides.yaml: integers table names Study.name, which is not a number")
    assert "integers table names Study.plcaes, which the schema does not have" in problems[1]
    assert doc["components"]["schemas"]["Study"]["properties"]["name"] == {"type": "string"}
    with pytest.raises(SpecError, match=r"Study\.name, which is not a number"):
        apply_integers(doc, {"Study": {"name": "cli"}})


def test_apply_tables_stops_on_a_gone_field_unless_pruned_and_notes_an_unknown_schema() -> None:
    doc = _doc({"Study": _study()})
    table = Overrides(integers={"Study": {"places": "cli", "gone": "cli"}, "Nowhere": {"x": "cli"}})
    with pytest.raises(SpecError, match=r"1 table entry name a field that is gone:\n.*Study.gone"):
        overrides.apply_tables(copy.deepcopy(doc), table, source="openapi/overrides.yaml")
    notices = overrides.apply_tables(doc, table, source="openapi/overrides.yaml", prune=True)
    assert notices[0].startswith("openapi/overrides.yaml: integers.Nowhere: no source has a schema 'Nowhere'")
    assert notices[1].endswith("(skipped: --prune-tables)")
    assert doc["components"]["schemas"]["Study"]["properties"]["places"]["type"] == "integer"


def test_every_entry_of_the_table_must_say_where_the_evidence_is(tmp_path: Path) -> None:
    path = tmp_path / "overrides.yaml"
    path.write_text("integers:\n  Study:\n    total_available_places: ''\n", encoding="utf-8")
    with pytest.raises(SpecError, match=r"integers.Study.total_available_places: say where Prolific publishes"):
        Overrides.load(path)
    path.write_text("integers:\n  Study: [total_available_places]\n", encoding="utf-8")
    with pytest.raises(SpecError, match=r"`integers` must map schema names to \{field: evidence\}"):
        Overrides.load(path)
    path.write_text("integers:\n  Study:\n    places: 'cli model/study.go: Study.TotalAvailablePlaces int'\n")
    assert Overrides.load(path).integers == {"Study": {"places": "cli model/study.go: Study.TotalAvailablePlaces int"}}


def test_the_repository_table_cites_evidence_and_the_committed_spec_has_the_integers() -> None:
    table = Overrides.load(REPO / "openapi" / "overrides.yaml").integers
    assert table["Study"]["total_available_places"].startswith("cli model/study.go")
    spec = yaml.safe_load((REPO / "openapi" / "prolific.yaml").read_text(encoding="utf-8"))
    schemas = spec["components"]["schemas"]
    for schema, fields in table.items():
        for name in fields:
            prop = schemas[schema]["properties"][name]
            assert prop["type"] == "integer", (schema, name, prop)
            assert "format" not in prop


# --- the generated models ----------------------------------------------------------------------


def _study_answer(**changes: Any) -> dict[str, Any]:
    return {
        "id": "6540a1b2c3d4e5f6a7b8c9d0",
        "status": "UNPUBLISHED",
        "name": "Pilot",
        "description": "A pilot",
        "external_study_url": "https://example.org",
        "prolific_id_option": "url_parameters",
        "total_available_places": 10,
        "estimated_completion_time": 5,
        "reward": 100,
        **changes,
    }


def test_a_whole_number_sent_as_a_float_parses_as_the_int_it_is() -> None:
    from prolific_api_client.models import ParticipantGroup, Study, SubmissionsCountResponse

    study = Study.from_dict(_study_answer(total_available_places=10.0, estimated_completion_time=5.0))
    assert (study.total_available_places, study.estimated_completion_time) == (10, 5)
    assert type(study.total_available_places) is int and type(study.estimated_completion_time) is int
    assert study.to_dict()["total_available_places"] == 10
    study = Study.from_dict(_study_answer(maximum_allowed_time=30.0))
    assert type(study.maximum_allowed_time) is int
    counts = SubmissionsCountResponse.from_dict({"TOTAL": 3.0, "APPROVED": 2})
    assert (counts.total, counts.approved) == (3, 2) and type(counts.total) is int
    # A nullable int (a union): a float is read the same way, None stays None.
    assert type(ParticipantGroup.from_dict({"id": "g", "name": "G", "participant_count": 3.0}).participant_count) is int
    assert ParticipantGroup.from_dict({"id": "g", "name": "G", "participant_count": None}).participant_count is None


def test_a_fractional_value_is_kept_as_sent_not_rounded() -> None:
    from prolific_api_client.models import Study

    study = Study.from_dict(_study_answer(total_available_places=10.5))
    assert study.total_available_places == 10.5  # what the server said: never silently changed
