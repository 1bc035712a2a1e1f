"""The model template (openapi/templates) reads and writes exactly what the generator's stock one did.

The stock models are generated once per module into a temporary directory (the same spec and config,
our templates minus the model and property templates) and imported as ``stock_api_client``. For every
model, drawn examples (tests/support/schema_strategies.py) must parse to the same ``to_dict()`` with
both, or fail with both.
"""

from __future__ import annotations

import importlib
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from openapi_python_client.strings import ClassName
from schema_strategies import SPEC_PATH, for_ref, schemas

import prolific_api_client.models as ours

ROOT = Path(__file__).resolve().parents[2]
OUR_TEMPLATES = ("model.py.jinja", "endpoint_module.py.jinja", "property_templates")


def _class_name(key: str, schema: dict[str, Any]) -> str:
    return str(ClassName(schema.get("title") or key, ""))


# Every component schema that became a model, with its class name.
MODELS = sorted(
    (name, key)
    for key, schema in schemas().items()
    if (name := _class_name(key, schema)) in ours.__all__ and isinstance(getattr(ours, name), type)
)


@pytest.fixture(scope="module")
def stock(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    from prolific_spec.build import run_generator

    tmp = tmp_path_factory.mktemp("stock-models")
    templates = tmp / "templates"
    shutil.copytree(ROOT / "openapi" / "templates", templates, ignore=shutil.ignore_patterns(*OUR_TEMPLATES))
    package = run_generator(SPEC_PATH, ROOT / "generator-config.yaml", tmp / "out", templates=templates)
    root = tmp / "import"
    root.mkdir()
    package.rename(root / "stock_api_client")
    sys.path.insert(0, str(root))
    try:
        yield importlib.import_module("stock_api_client.models")
    finally:
        sys.path.remove(str(root))
        for name in [m for m in sys.modules if m.split(".")[0] == "stock_api_client"]:
            del sys.modules[name]


def test_the_stock_templates_are_the_generators(stock: ModuleType) -> None:
    """The fixture really generated stock code: no hoisted helpers, no UnknownVariant."""
    source = Path(str(stock.__file__)).with_name("base_study_completion_code.py").read_text(encoding="utf-8")
    assert "def _parse_actions_item" in source and "    def _parse_actions_item" in source
    assert "UnknownVariant" not in source and "_import_lazy" not in source


def test_every_component_model_is_covered() -> None:
    assert len(MODELS) > 200  # the document's object schemas, not a handful


def _parse(models: ModuleType, name: str, data: Any) -> tuple[str, Any]:
    try:
        return "ok", getattr(models, name).from_dict(data).to_dict()
    except (TypeError, ValueError, KeyError, AttributeError) as exc:
        return "error", type(exc).__name__


@pytest.mark.parametrize(("name", "key"), MODELS, ids=[name for name, _ in MODELS])
def test_both_templates_read_and_write_the_same(stock: ModuleType, name: str, key: str) -> None:
    @settings(max_examples=6, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(data=for_ref(key).filter(lambda value: isinstance(value, dict)))
    def check(data: dict[str, Any]) -> None:
        theirs = _parse(stock, name, data)
        mine = _parse(ours, name, data)
        assert mine == theirs

    check()
