"""``make generate``'s changelog (``changelog.record``) and the import paths it lists (``imports``)."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from prolific_spec import build, changelog
from prolific_spec.build import PACKAGE, Layout, drift, generate
from prolific_spec.imports import Move, api_modules, compare_packages, model_classes

DAY = datetime.date(2026, 8, 1)


def spec_text(status_values: list[str], *, extra_op: bool = False) -> str:
    paths: dict[str, object] = {
        "/api/v1/studies/{id}/": {
            "get": {
                "operationId": "get-study",
                "responses": {
                    "200": {
                        "description": "OK",
                        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Study"}}},
                    }
                },
            }
        }
    }
    if extra_op:
        paths["/api/v1/studies/"] = {"get": {"operationId": "get-studies", "responses": {"200": {"description": "OK"}}}}
    doc = {
        "openapi": "3.1.1",
        "info": {"title": "t", "version": "1"},
        "paths": paths,
        "components": {"schemas": {"Study": {"type": "object", "properties": {"status": {"enum": status_values}}}}},
    }
    return yaml.safe_dump(doc, sort_keys=False)


# -- record ------------------------------------------------------------------------------------------


def test_an_unchanged_spec_writes_nothing(tmp_path: Path) -> None:
    text = spec_text(["ACTIVE"])
    assert changelog.record(text, text, tmp_path, today=DAY) is None
    assert not (tmp_path / "openapi").exists()


def test_no_committed_spec_means_nothing_to_compare(tmp_path: Path) -> None:
    assert changelog.record(None, spec_text(["ACTIVE"]), tmp_path, today=DAY) is None
    assert not (tmp_path / "openapi").exists()


def test_a_change_adds_a_dated_section_newest_first(tmp_path: Path) -> None:
    first = changelog.record(spec_text(["ACTIVE"]), spec_text(["ACTIVE", "PAUSED"]), tmp_path, today=DAY)
    assert first == (
        "spec changes: operations: 0 added, 0 removed, 1 changed; 0 breaking changes\n"
        "full changelog: openapi/CHANGES.md"
    )
    path = tmp_path / "openapi" / "CHANGES.md"
    text = path.read_text(encoding="utf-8")
    assert text.startswith(changelog.CHANGES_HEADER)
    assert "## 2026-08-01: openapi/prolific.yaml regenerated" in text
    assert '- `response 200: status`: enum value "PAUSED" added' in text

    later = datetime.date(2026, 9, 1)
    second = changelog.record(
        spec_text(["ACTIVE", "PAUSED"]), spec_text(["ACTIVE"], extra_op=True), tmp_path, today=later
    )
    assert second is not None
    assert 'breaking: GET /api/v1/studies/{id}/: response 200: status: enum value "PAUSED" removed' in second
    text = path.read_text(encoding="utf-8")
    assert text.startswith(changelog.CHANGES_HEADER)
    assert text.index("## 2026-09-01") < text.index("## 2026-08-01")
    assert text.count("## 2026-") == 2
    newest = changelog.latest_section(text)
    assert newest.startswith("## 2026-09-01") and "2026-08-01" not in newest
    assert "- `GET /api/v1/studies/`" in newest


def test_a_damaged_committed_spec_is_said_and_does_not_stop_generation(tmp_path: Path) -> None:
    message = changelog.record("openapi: [3.1\n", spec_text(["A"]), tmp_path, today=DAY)
    assert message is not None and message.startswith("spec changes: not logged, the committed openapi/prolific.yaml")
    assert not (tmp_path / "openapi").exists()


def test_a_hand_written_changes_file_keeps_its_text(tmp_path: Path) -> None:
    path = tmp_path / "openapi" / "CHANGES.md"
    path.parent.mkdir()
    path.write_text("# Our API notes\n\nKept as is.\n\n## 2025-01-01: an old entry\n\n- something\n", encoding="utf-8")
    changelog.record(spec_text(["A"]), spec_text(["B"]), tmp_path, today=DAY)
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# Our API notes\n\nKept as is.\n\n## 2026-08-01")
    assert text.endswith("## 2025-01-01: an old entry\n\n- something\n")


# -- import paths ------------------------------------------------------------------------------------


def api_module(package: Path, tag: str, name: str, method: str, url: str) -> None:
    path = package / "api" / tag / f"{name}.py"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        f'def _get_kwargs() -> dict:\n    _kwargs = {{\n        "method": "{method}",\n        "url": "{url}",\n    }}\n',
        encoding="utf-8",
    )
    (path.parent / "__init__.py").write_text("", encoding="utf-8")


def model(package: Path, module: str, text: str) -> None:
    path = package / "models" / f"{module}.py"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


CLASS = "@define\nclass {name}:\n    id: str\n    def to_dict(self) -> dict: ...\n"


def test_compare_packages(tmp_path: Path) -> None:
    old, new = tmp_path / "old" / PACKAGE, tmp_path / "new" / PACKAGE
    api_module(old, "participant_groups", "get_participant_group", "get", "/api/v1/participant-groups/{id}/")
    api_module(new, "participant_groups_v2", "get_participant_group", "get", "/api/v1/participant-groups/{group_id}/")
    api_module(old, "studies", "get_study", "get", "/api/v1/studies/{id}/")
    api_module(new, "studies", "get_study", "get", "/api/v1/studies/{id}/")
    api_module(old, "studies", "get_legacy_export", "get", "/api/v1/studies/{id}/legacy/")
    api_module(new, "users", "get_user", "get", "/api/v1/users/me/")
    model(old, "study", CLASS.format(name="Study"))
    model(new, "study", CLASS.format(name="Study"))
    model(old, "api_v1_users_me_get_response", CLASS.format(name="ApiV1UsersMeGetResponse"))
    model(new, "user", CLASS.format(name="User"))
    model(old, "legacy", "class Legacy:\n    pass\n")
    model(new, "study_status", 'from typing import Literal\n\nStudyStatus = Literal["ACTIVE"]\n')
    model(old, "filter_", CLASS.format(name="Filter"))
    model(new, "filter_model", CLASS.format(name="Filter"))

    changes = compare_packages(old, new)
    assert changes.moved_modules == (
        Move(
            f"{PACKAGE}.api.participant_groups.get_participant_group",
            f"{PACKAGE}.api.participant_groups_v2.get_participant_group",
            "same operation, GET /api/v1/participant-groups/{}/",
        ),
    )
    assert changes.removed_modules == (f"{PACKAGE}.api.studies.get_legacy_export",)
    assert changes.added_modules == (f"{PACKAGE}.api.users.get_user",)
    assert changes.moved_classes == (
        Move(f"{PACKAGE}.models.filter_.Filter", f"{PACKAGE}.models.filter_model.Filter", "module renamed"),
        Move(
            f"{PACKAGE}.models.api_v1_users_me_get_response.ApiV1UsersMeGetResponse",
            f"{PACKAGE}.models.user.User",
            "renamed, same fields",
        ),
    )
    assert changes.removed_classes == (f"{PACKAGE}.models.legacy.Legacy",)
    assert changes.added_classes == (f"{PACKAGE}.models.study_status.StudyStatus",)
    assert changes.breaking_count == 5  # 1 + 1 modules, 2 + 1 classes
    assert not compare_packages(old, old).moved_modules and compare_packages(old, old).empty


def test_the_committed_package_is_read(repo: Layout) -> None:
    modules = api_modules(repo.package)
    assert modules[f"{PACKAGE}.api.credentials.update_credential_pool"] == "PATCH /api/v1/credentials/{}/"
    assert modules[f"{PACKAGE}.api.credentials.create_credential_pool"] == "POST /api/v1/credentials/"
    classes = model_classes(repo.package)
    assert classes["CredentialPool"][0] == f"{PACKAGE}.models.credential_pool"
    assert classes["InvitationRole"][0] == f"{PACKAGE}.models.invitation_role"  # a Literal alias


def test_import_paths_are_rendered_as_breaking(tmp_path: Path) -> None:
    old, new = tmp_path / "old" / PACKAGE, tmp_path / "new" / PACKAGE
    api_module(old, "groups", "get_group", "get", "/g/")
    api_module(new, "participant_groups", "get_group", "get", "/g/")
    text = spec_text(["A"])
    summary = changelog.record(text, text, tmp_path, old_package=old, new_package=new, today=DAY)
    assert summary is not None
    assert (
        f"breaking: import {PACKAGE}.api.groups.get_group is now {PACKAGE}.api.participant_groups.get_group" in summary
    )
    section = changelog.latest_section((tmp_path / changelog.CHANGES_FILE).read_text(encoding="utf-8"))
    assert "#### Import paths of the generated package" in section
    assert section.index("### Breaking") < section.index(f"`{PACKAGE}.api.groups.get_group` →")


# -- make generate, for real ------------------------------------------------------------------------


def test_generate_logs_a_changed_source_once_and_check_ignores_the_log(
    repo_copy: Layout,
    cached_generator: Callable[..., Path],
    capsys: pytest.CaptureFixture[str],
    tree_of: Callable[[Path], dict[str, bytes]],
) -> None:
    changes_file = repo_copy.root / changelog.CHANGES_FILE
    source = repo_copy.sources / "create-participant-group.yaml"
    text = source.read_text(encoding="utf-8")
    assert "- - subpackage_participantGroups" in text
    source.write_text(text.replace("- - subpackage_participantGroups", "- - subpackage_groups"), encoding="utf-8")

    generate(repo_copy)
    out = capsys.readouterr().out
    assert "spec changes: operations: 0 added, 0 removed, 1 changed; 1 breaking change" in out
    moved = f"{PACKAGE}.api.participant_groups.create_participant_group is now {PACKAGE}.api.groups.create_participant_group"
    assert f"breaking: import {moved}" in out
    logged = changes_file.read_text(encoding="utf-8")
    section = changelog.latest_section(logged)
    assert "- `tags`: participant-groups → groups" in section
    assert (
        f"`{PACKAGE}.api.participant_groups.create_participant_group` → `{PACKAGE}.api.groups.create_participant_group`"
        in section
    )

    # Regenerating the same sources changes nothing, CHANGES.md included.
    before = tree_of(repo_copy.root)
    generate(repo_copy)
    assert "spec changes" not in capsys.readouterr().out
    assert tree_of(repo_copy.root) == before

    # The drift check neither needs nor reads CHANGES.md.
    assert drift(repo_copy) == []
    changes_file.write_text("edited by hand\n", encoding="utf-8")
    assert drift(repo_copy) == []
    changes_file.unlink()
    assert drift(repo_copy) == []


def test_a_failed_generation_logs_nothing(repo_copy: Layout, monkeypatch: pytest.MonkeyPatch) -> None:
    source = repo_copy.sources / "create-participant-group.yaml"
    source.write_text(source.read_text(encoding="utf-8").replace("subpackage_participantGroups", "x"), encoding="utf-8")

    def refuse(spec: Path, config: Path, out_dir: Path, *, templates: Path | None = None) -> Path:
        raise build.SpecError("openapi-python-client refused it")

    monkeypatch.setattr(build, "run_generator", refuse)
    changes = repo_copy.root / changelog.CHANGES_FILE
    before = changes.read_bytes() if changes.exists() else None
    with pytest.raises(build.SpecError):
        generate(repo_copy)
    assert (changes.read_bytes() if changes.exists() else None) == before
