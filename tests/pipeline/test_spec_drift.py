"""The acceptance criterion: the committed spec and generated/ are exactly what the sources produce.

Everything runs on copies under tmp_path. Real generator runs (seconds each): two for ``generate``'s
determinism, the first of which the drift tests share through ``cached_generator``; one for an
edited source; one for the raw sources.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from prolific_spec import __main__ as cli
from prolific_spec import build
from prolific_spec.build import PACKAGE, Layout, drift, generate, render, run_generator
from prolific_spec.errors import SpecError
from prolific_spec.merge import merge
from prolific_spec.precedence import is_page
from prolific_spec.sources import load_sources

MODEL = Path("generated") / PACKAGE / "models" / "credential_pool.py"


def change_one_line(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) >= 1, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


class _NoValidator:
    """Stands in for generate's validator child: takes the path it is handed, validates nothing."""

    def __init__(self) -> None:
        import io

        self.stdin = io.StringIO()
        self.stderr = io.StringIO()
        self.returncode = 0

    def wait(self) -> int:
        return 0

    def poll(self) -> int:
        return 0


@pytest.fixture
def no_validation(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """openapi-spec-validator (seconds a run) replaced by a recorder: these tests are about comparing trees.

    Validation itself is tested by ``test_merged_spec_validates`` and the validator-order tests below.
    """
    validated: list[object] = []
    monkeypatch.setattr(build, "validate", validated.append)
    monkeypatch.setattr(build, "_start_validation", _NoValidator)  # generate's child
    return validated


@pytest.mark.usefixtures("generated_twice", "cached_generator", "no_validation")
class TestDrift:
    def test_a_faithful_copy_has_no_drift(self, repo_copy: Layout):
        assert drift(repo_copy) == []

    def test_an_edited_generated_model_is_reported(self, repo_copy: Layout):
        change_one_line(repo_copy.root / MODEL, "credential_pool_id: str\n", "credential_pool_id: str | None\n")
        lines = drift(repo_copy)
        assert lines
        text = "\n".join(lines)
        assert f"--- generated/{PACKAGE}/models/credential_pool.py (committed)" in text
        assert "-    credential_pool_id: str | None\n" in text + "\n"
        assert "+    credential_pool_id: str\n" in text + "\n"
        assert "prolific.yaml" not in text  # only the edited file is reported

    def test_an_edited_spec_is_reported(self, repo_copy: Layout):
        change_one_line(repo_copy.spec, "title: Prolific API", "title: Prolific API (edited)")
        lines = drift(repo_copy)
        text = "\n".join(lines)
        assert "--- openapi/prolific.yaml (committed)" in text
        assert "-  title: Prolific API (edited)" in text
        assert "generated/" not in text  # the sources still generate the committed package

    def test_an_edited_source_is_reported(self, repo_copy: Layout):
        source = repo_copy.sources / "create-credential-pool.yaml"
        change_one_line(source, "description: Credential pool created successfully", "description: Created")
        text = "\n".join(drift(repo_copy))
        assert "+          description: Created" in text  # the spec the sources now build differs

    def test_a_stray_file_under_generated_is_reported(self, repo_copy: Layout):
        (repo_copy.package / "models" / "handwritten.py").write_text("x = 1\n", encoding="utf-8")
        lines = drift(repo_copy)
        assert lines == [f"+++ not produced by the sources, but committed: generated/{PACKAGE}/models/handwritten.py"]

    def test_a_missing_generated_file_is_reported(self, repo_copy: Layout):
        (repo_copy.package / "py.typed").unlink()
        assert drift(repo_copy) == [f"--- missing from generated/{PACKAGE}: py.typed"]

    def test_bytecode_caches_are_not_drift(self, repo_copy: Layout):
        cache = repo_copy.package / "__pycache__"
        cache.mkdir()
        (cache / "client.cpython-311.pyc").write_bytes(b"\0")
        assert drift(repo_copy) == []

    def test_cli_check_passes_on_the_repository(self, capsys):
        assert cli.main(["check"]) == 0
        assert "match the sources" in capsys.readouterr().out

    def test_cli_check_fails_with_the_diff_on_a_stale_copy(self, repo_copy: Layout, monkeypatch, capsys):
        change_one_line(repo_copy.root / MODEL, "credential_pool_id: str\n", "credential_pool_id: str | None\n")
        assert cli.main(["--root", str(repo_copy.root), "check"]) == 1
        captured = capsys.readouterr()
        assert "models/credential_pool.py" in captured.out
        assert "STALE" in captured.err and "make generate" in captured.err


# --- generate ------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def generated_twice(
    tmp_path_factory, copy_inputs, tree_of, remembering_generator
) -> tuple[Layout, dict[str, bytes], dict[str, bytes], str]:
    """Run ``generate`` twice on one copy; return the layout, both trees and the spec before.

    The first run's generator output (the real generator's) is what ``cached_generator`` hands the
    drift tests for the committed sources.
    """
    layout = copy_inputs(tmp_path_factory.mktemp("generate") / "repo")
    spec_before = layout.spec.read_text(encoding="utf-8")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(build, "run_generator", remembering_generator)
        generate(layout)
    first = tree_of(layout.package)
    generate(layout)
    second = tree_of(layout.package)
    return layout, first, second, spec_before


def test_generate_is_deterministic(generated_twice):
    _layout, first, second, _spec = generated_twice
    assert first == second


def test_generate_reproduces_the_committed_spec_and_package(generated_twice, repo, tree_of):
    layout, first, _second, spec_before = generated_twice
    assert layout.spec.read_text(encoding="utf-8") == spec_before
    assert first == tree_of(repo.package)
    assert "py.typed" in first


def test_generate_leaves_no_ruff_cache_or_leftovers(generated_twice):
    layout, _first, _second, _spec = generated_twice
    assert not list(layout.root.rglob(".ruff_cache"))
    assert not list(layout.root.rglob("*.tmp"))
    assert sorted(p.name for p in layout.package.parent.iterdir()) == [PACKAGE]  # no .old backup


@pytest.mark.usefixtures("no_validation")
def test_generate_replaces_stale_files(repo_copy, repo, monkeypatch):
    """`generate` swaps in a fresh tree: a stale extra file disappears (unlike --overwrite)."""
    layout = repo_copy
    (layout.package / "models" / "stale.py").write_text("", encoding="utf-8")
    change_one_line(layout.spec, "title: Prolific API", "title: stale")
    calls: list[str] = []

    def fake_generator(spec: Path, config: Path, out_dir: Path, *, templates: Path | None = None) -> Path:
        # The sources and config are the committed ones, so the real output is the committed package.
        calls.append(spec.read_text(encoding="utf-8"))
        shutil.copytree(repo.package, out_dir / PACKAGE, ignore=shutil.ignore_patterns("__pycache__"))
        return out_dir / PACKAGE

    monkeypatch.setattr(build, "run_generator", fake_generator)
    generate(layout)
    assert not (layout.package / "models" / "stale.py").exists()
    assert layout.spec.read_text(encoding="utf-8") == repo.spec.read_text(encoding="utf-8")
    assert calls == [repo.spec.read_text(encoding="utf-8")]  # the generator ran once, on the rebuilt spec


# --- why cleaning exists ---------------------------------------------------------------------------


def test_the_raw_sources_do_not_load_in_the_generator(tmp_path, repo):
    raw = merge([(origin, doc) for origin, doc in load_sources(repo.sources) if is_page(doc)])
    spec = tmp_path / "raw.yaml"
    spec.write_text(render(raw), encoding="utf-8")
    with pytest.raises(SpecError) as info:
        run_generator(spec, repo.config, tmp_path / "out")
    message = str(info.value)
    assert "openapi-python-client refused" in message
    assert "tags.0" in message  # the nested `- - subpackage_...` tags are refused outright
    assert not (tmp_path / "out" / PACKAGE / "__init__.py").exists()
    # The same document is still the published one: nested tags and header params intact.
    loaded = yaml.safe_load(spec.read_text(encoding="utf-8"))
    assert loaded["paths"]["/api/v1/credentials/"]["post"]["tags"] == [["subpackage_credentials"]]


# --- generate: the merged spec is validated in a child process beside the generator ---------------


_real_build_document = build.build_document


def _invalid_build(layout: Layout, validate_spec: bool = True, prune_tables: bool = False) -> tuple[dict, list[str]]:
    doc, notices = _real_build_document(layout, validate_spec=False)
    del doc["info"]["title"]  # the generator reads it anyway; it is not valid OpenAPI
    return doc, notices


def _snapshot(layout: Layout) -> tuple[str, dict[str, bytes]]:
    package = {str(p.relative_to(layout.package)): p.read_bytes() for p in layout.package.rglob("*") if p.is_file()}
    return layout.spec.read_text(encoding="utf-8"), package


def test_generate_reports_the_validator_and_writes_nothing(repo_copy, monkeypatch, cached_generator):
    monkeypatch.setattr(build, "build_document", _invalid_build)
    before = _snapshot(repo_copy)
    with pytest.raises(SpecError, match=r"not valid OpenAPI.*title"):
        generate(repo_copy)
    assert _snapshot(repo_copy) == before


def _refusing_generator(spec: Path, config: Path, out_dir: Path, *, templates: Path | None = None) -> Path:
    raise SpecError("openapi-python-client refused it")


def test_generate_reports_the_generator_when_only_it_fails(repo_copy, monkeypatch):
    monkeypatch.setattr(build, "run_generator", _refusing_generator)
    change_one_line(
        repo_copy.sources / "create-credential-pool.yaml", "summary: Create credential pool", "summary: Create a pool"
    )
    before = _snapshot(repo_copy)
    with pytest.raises(SpecError, match="openapi-python-client refused it"):
        generate(repo_copy)
    assert _snapshot(repo_copy) == before


def test_generate_prefers_the_validators_error_when_both_fail(repo_copy, monkeypatch):
    monkeypatch.setattr(build, "run_generator", _refusing_generator)
    monkeypatch.setattr(build, "build_document", _invalid_build)
    with pytest.raises(SpecError, match="not valid OpenAPI"):
        generate(repo_copy)


def test_cli_validate(tmp_path, repo, capsys):
    small = tmp_path / "small.yaml"  # (the whole merged spec is validated by test_merged_spec_validates)
    small.write_text("openapi: 3.1.1\ninfo: {title: t, version: '1'}\npaths: {}\n", encoding="utf-8")
    assert cli.main(["validate", str(small)]) == 0
    assert "valid OpenAPI" in capsys.readouterr().out
    broken = tmp_path / "broken.yaml"
    broken.write_text("openapi: 3.1.1\npaths: {}\n", encoding="utf-8")
    assert cli.main(["validate", str(broken)]) == 2
    assert "not valid OpenAPI" in capsys.readouterr().err
    assert cli.main(["validate", str(tmp_path / "missing.yaml")]) == 2
    assert "cannot read it as YAML" in capsys.readouterr().err
