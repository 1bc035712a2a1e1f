"""Shared fixtures for the spec pipeline tests (openapi/prolific_spec).

Nothing here writes into the repository: every test that builds, generates or imports works on a
copy of the repository's pipeline inputs under pytest's tmp_path.
"""

from __future__ import annotations

import shutil
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

# Importing prolific_spec / prolific_api_client must not leave __pycache__ folders in the repository.
sys.dont_write_bytecode = True

from prolific_spec import build  # noqa: E402
from prolific_spec.build import PACKAGE, Layout  # noqa: E402

REPO_ROOT = Path(__file__).resolve().parents[2]
REPO = Layout(REPO_ROOT)

_IGNORE = shutil.ignore_patterns("__pycache__", "*.pyc", ".ruff_cache", "*.tmp", f"{PACKAGE}.old")


def copy_pipeline_inputs(dest: Path) -> Layout:
    """Copy openapi/, generator-config.yaml and generated/ into ``dest``; return its Layout."""
    dest.mkdir(parents=True, exist_ok=True)
    shutil.copytree(REPO_ROOT / "openapi", dest / "openapi", ignore=_IGNORE)
    shutil.copy2(REPO_ROOT / "generator-config.yaml", dest / "generator-config.yaml")
    shutil.copytree(REPO_ROOT / "generated", dest / "generated", ignore=_IGNORE)
    return Layout(dest)


def tree_bytes(root: Path) -> dict[str, bytes]:
    """Every file under ``root`` (bytecode caches aside) as relative path → bytes."""
    return {
        str(p.relative_to(root)): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".pyc"
    }


@pytest.fixture(scope="session")
def repo() -> Layout:
    """The repository itself (read it; never write it)."""
    return REPO


@pytest.fixture(scope="session")
def copy_inputs() -> Callable[[Path], Layout]:
    return copy_pipeline_inputs


@pytest.fixture(scope="session")
def tree_of() -> Callable[[Path], dict[str, bytes]]:
    return tree_bytes


@pytest.fixture
def repo_copy(tmp_path: Path) -> Layout:
    """A private, writable copy of the pipeline inputs and outputs."""
    return copy_pipeline_inputs(tmp_path / "repo")


# --- one real generator run per distinct (spec, config), shared by the drift tests ---------------

_real_run_generator = build.run_generator
_GENERATOR_CACHE: dict[tuple[bytes, bytes], Path] = {}


@pytest.fixture(scope="session")
def _generator_cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("generator-cache")


def _remembering_generator(cache_dir: Path) -> Callable[..., Path]:
    """The real ``run_generator``, its output kept per (spec, config) for ``cached_generator``."""

    def run(spec: Path, config: Path, out_dir: Path, *, templates: Path | None = None) -> Path:
        key = (spec.read_bytes(), config.read_bytes())
        package = _real_run_generator(spec, config, out_dir, templates=templates)
        if key not in _GENERATOR_CACHE:
            slot = cache_dir / f"run{len(_GENERATOR_CACHE)}" / PACKAGE
            shutil.copytree(package, slot)
            _GENERATOR_CACHE[key] = slot
        return package

    return run


@pytest.fixture(scope="session")
def remembering_generator(_generator_cache_dir: Path) -> Callable[..., Path]:
    """For a test that runs the real generator anyway (the determinism test): ``cached_generator`` reuses its output."""
    return _remembering_generator(_generator_cache_dir)


@pytest.fixture
def cached_generator(monkeypatch: pytest.MonkeyPatch, _generator_cache_dir: Path) -> Callable[..., Path]:
    """Patch ``build.run_generator`` so that the same spec + config runs the real generator only once.

    The drift tests all regenerate from the same sources, so the generator's input is the same each
    time; what they test is how ``drift`` compares that output with the committed tree. The output
    is copied from the first real run (the generator's determinism is tested separately, unpatched).
    """
    remembering = _remembering_generator(_generator_cache_dir)

    def run(spec: Path, config: Path, out_dir: Path, *, templates: Path | None = None) -> Path:
        key = (spec.read_bytes(), config.read_bytes())
        if key not in _GENERATOR_CACHE:
            return remembering(spec, config, out_dir, templates=templates)
        target = out_dir / PACKAGE
        shutil.copytree(_GENERATOR_CACHE[key], target)
        return target

    monkeypatch.setattr(build, "run_generator", run)
    return run


# --- small inline OpenAPI documents --------------------------------------------------------------


def json_body(schema: dict[str, Any]) -> dict[str, Any]:
    return {"content": {"application/json": {"schema": schema}}}


def make_doc(
    path: str = "/things/",
    method: str = "post",
    op_id: str = "create-thing",
    *,
    schemas: dict[str, Any] | None = None,
    responses: dict[str, Any] | None = None,
    request: dict[str, Any] | None = None,
    tags: list[Any] | None = None,
) -> dict[str, Any]:
    """A minimal one-operation OpenAPI 3.1 document."""
    op: dict[str, Any] = {
        "operationId": op_id,
        "summary": op_id,
        "responses": responses if responses is not None else {"200": {"description": "OK"}},
    }
    if tags is not None:
        op["tags"] = tags
    if request is not None:
        op["requestBody"] = json_body(request)
    doc: dict[str, Any] = {
        "openapi": "3.1.1",
        "info": {"title": op_id, "version": "1"},
        "paths": {path: {method: op}},
    }
    if schemas is not None:
        doc["components"] = {"schemas": schemas}
    return doc


@pytest.fixture
def doc_factory() -> Callable[..., dict[str, Any]]:
    return make_doc


@pytest.fixture(scope="session")
def real_build() -> Iterator[tuple[dict[str, Any], list[str]]]:
    """``build_document`` on the repository (read-only: it writes nothing)."""
    yield build.build_document(REPO, validate_spec=False)  # validity: test_merged_spec_validates
