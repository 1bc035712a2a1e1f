"""The benchmarks use the overlay as a user would: they import only its public modules and names.

Private modules move between releases (their paths are listed in the CHANGELOG); a benchmark that
imported one would break, or silently measure something else, when they do.
"""

from __future__ import annotations

import ast
from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"


def private_overlay_imports(source: str) -> list[str]:
    """The ``prolific`` imports in ``source`` that name a private module or a private name."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            modules = [alias.name for alias in node.names]
            names: list[str] = []
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            modules, names = [node.module], [alias.name for alias in node.names]
        else:
            continue
        for module in modules:
            parts = module.split(".")
            if parts[0] == "prolific" and (
                any(part.startswith("_") for part in parts) or any(name.startswith("_") for name in names)
            ):
                found.append(f"{module}: {', '.join(names) or '(module)'}")
    return found


def test_the_check_sees_a_private_import() -> None:
    assert private_overlay_imports("from prolific._config import USER_AGENT") == ["prolific._config: USER_AGENT"]
    assert private_overlay_imports("from prolific.credentials import _fast") == ["prolific.credentials: _fast"]
    assert private_overlay_imports("from prolific import Prolific\nimport prolific.webhooks") == []


def test_benchmarks_import_only_public_overlay_names() -> None:
    files = sorted(BENCHMARKS.rglob("*.py"))
    assert len(files) > 5
    found = {str(path.relative_to(BENCHMARKS)): private_overlay_imports(path.read_text()) for path in files}
    assert {path: imports for path, imports in found.items() if imports} == {}
