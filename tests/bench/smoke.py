"""Running ``benchmarks/run.py --smoke`` on some groups and reading which rows it printed."""

from __future__ import annotations

import importlib.util
import os
import re
import subprocess
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[2]


def bench_module() -> ModuleType:
    """``benchmarks/run.py`` imported (its registry of groups and rows), not run."""
    name = "prolific_bench_run"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, ROOT / "benchmarks" / "run.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look the module up while the class is built
    spec.loader.exec_module(module)
    return module


def registered_rows(groups: list[str]) -> set[str]:
    """The row keys the registry declares for ``groups``."""
    registry = bench_module().REGISTRY
    return {key for group in groups for key in registry[group].targets}


def smoke_rows(groups: list[str], env: dict[str, str] | None = None) -> set[str]:
    """The row keys a ``--smoke`` run of ``groups`` printed, after checking the run and its table."""
    result = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "run.py"), "--smoke", "--only", ",".join(groups)],
        capture_output=True, text=True, timeout=240, cwd=ROOT, env={**os.environ, **(env or {})},
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-3000:]
    printed = set(re.findall(r"^- ([\w-]+): ", result.stdout, re.MULTILINE))
    table = [line for line in result.stdout.splitlines() if line.startswith("| ")]
    assert len(table) == 1 + len(printed)  # the header and one line per row
    assert all("n/a (--smoke)" in line or "| — |" in line for line in table[1:])
    return printed
