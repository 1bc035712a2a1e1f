"""openapi/templates/stock/<version>/ is the pinned generator's own copy of every template we override.

The copies are what our overrides were written against: when the pinned openapi-python-client
changes, these tests fail until a maintainer has diffed the overrides against the new stock
templates (openapi/templates/README.md says how) and refreshed the copies.
"""

from __future__ import annotations

from importlib.metadata import version
from pathlib import Path

import openapi_python_client

from prolific_spec.build import Layout

BUMPED = "diff our overrides against the new stock templates, then refresh openapi/templates/stock"
INSTALLED = Path(openapi_python_client.__file__).parent / "templates"
# Ours alone, not overrides of a generator template.
OWN = {"README.md", "stock", "operations"}


def _files(root: Path) -> set[str]:
    return {str(p.relative_to(root)) for p in root.rglob("*") if p.is_file()}


def _stock(repo: Layout) -> Path:
    versions = sorted(p.name for p in (repo.templates / "stock").iterdir() if p.is_dir())
    assert len(versions) == 1, f"one kept version of the stock templates, found {versions}"
    return repo.templates / "stock" / versions[0]


def test_the_kept_stock_templates_are_the_installed_generators_version(repo: Layout) -> None:
    kept = _stock(repo).name
    installed = version("openapi-python-client")
    assert kept == installed, f"openapi-python-client is {installed}, the stock templates kept are {kept}: {BUMPED}"


def test_the_kept_stock_templates_are_the_installed_ones(repo: Layout) -> None:
    stock = _stock(repo)
    changed = sorted(
        name
        for name in _files(stock)
        if not (INSTALLED / name).is_file() or (INSTALLED / name).read_bytes() != (stock / name).read_bytes()
    )
    assert not changed, f"the installed generator's {changed} differ from {stock.relative_to(repo.root)}: {BUMPED}"


def test_every_override_has_its_stock_template_kept(repo: Layout) -> None:
    overrides = {name for name in _files(repo.templates) if Path(name).parts[0] not in OWN}
    assert overrides, "no override found: is openapi/templates laid out as README.md says?"
    kept = _files(_stock(repo))
    assert overrides == kept, (
        f"overrides without a kept stock copy: {sorted(overrides - kept)}; "
        f"kept copies of no override: {sorted(kept - overrides)} (copy or remove them in openapi/templates/stock)"
    )
    not_stock = sorted(name for name in overrides if not (INSTALLED / name).is_file())
    assert not not_stock, f"{not_stock} override no template of the generator (ours alone: list them in OWN)"
