"""Acceptance: a release shaped like Prolific's earlier public document builds with 0 warnings and no table edit.

The earlier release (98 operations) that stopped the pipeline twice is not in this repository.
This fixture rebuilds its three described differences on today's whole-API document:

* ``ParticipantGroupResponse`` is ``allOf: [$ref: ParticipantGroup]`` with ``additionalProperties:
  true`` (the overrides table names its fields, which are there only through the reference);
* ``ErrorDetail.detail`` is an ``anyOf`` whose list branch has no ``items`` (every operation's
  error responses depend on it);
* ``StudyAccessDetailsProgress`` is ``type: array`` with ``properties``.

The build runs with the repository's own ``names.yaml`` and ``overrides.yaml``, unchanged.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from prolific_spec import build
from prolific_spec.yamlfile import YAML_LOADER


def earlier_release(doc: dict[str, Any]) -> dict[str, Any]:
    """Today's document with the earlier release's three defects put back."""
    schemas = doc["components"]["schemas"]
    schemas["ParticipantGroupResponse"] = {
        "allOf": [{"$ref": "#/components/schemas/ParticipantGroup"}],
        "additionalProperties": True,
        "title": "ParticipantGroupResponse",
    }
    schemas["ErrorDetail"]["properties"]["detail"] = {
        "description": "Error detail",
        "anyOf": [{"type": "string"}, {"type": "array"}, {"$ref": "#/components/schemas/ErrorDetailDetail2"}],
    }
    schemas["StudyAccessDetailsProgress"]["type"] = "array"
    return doc


@pytest.fixture(scope="module")
def earlier(
    tmp_path_factory: pytest.TempPathFactory, copy_inputs: Callable[[Path], build.Layout]
) -> tuple[build.Layout, dict[str, bytes]]:
    layout = copy_inputs(tmp_path_factory.mktemp("earlier"))
    source = layout.sources / "prolific-openapi.yaml"
    doc = earlier_release(yaml.load(source.read_text(encoding="utf-8"), Loader=YAML_LOADER))
    source.write_text(yaml.safe_dump(doc, sort_keys=False, allow_unicode=True), encoding="utf-8")
    tables = {p.name: p.read_bytes() for p in (layout.names, layout.overrides)}
    return layout, tables


def test_the_earlier_release_generates_with_no_warning_and_no_table_edit(earlier, tmp_path):
    layout, tables = earlier
    merged, notices = build.build_document(layout, validate_spec=False)
    spec = tmp_path / "prolific.yaml"
    spec.write_text(build.render(merged), encoding="utf-8")
    package = build.run_generator(spec, layout.config, tmp_path / "out", templates=layout.templates)  # 0 warnings
    assert {p.name: p.read_bytes() for p in (layout.names, layout.overrides)} == tables
    assert not any("--prune-tables" in n for n in notices)
    schemas = merged["components"]["schemas"]
    # The wrapper folded into the group it wraps, and the overrides reached its fields.
    group = schemas["ParticipantGroup"]
    assert "allOf" not in group and group["properties"]["participant_count"]["type"] == ["integer", "null"]
    assert group["properties"]["id"]["type"] == "string"  # not in the nullable table: a group always has its id
    assert {"id", "name"} <= set(group.get("required", []))
    assert {"type": "array", "items": {}} in schemas["ErrorDetail"]["properties"]["detail"]["anyOf"]
    assert schemas["StudyAccessDetailsProgress"]["type"] == "object"
    assert (package / "models" / "error_detail.py").exists()
    assert (package / "api" / "studies" / "get_study_access_details_progress.py").exists()
