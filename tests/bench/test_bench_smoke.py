"""Keep the benchmarks from rotting: the quick run must work (no timing is asserted)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_quick_benchmark_run_prints_every_row() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "run.py"), "--quick"],
        capture_output=True, text=True, timeout=240, cwd=ROOT,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-3000:]
    for measure in (
        "create_pool",
        "sync_detailed",
        "loopback",
        "read_credentials",
        "upload",
        "import prolific",
        "make generate",
        "prolific_spec diff",
    ):
        assert measure in result.stdout, f"row missing: {measure}\n{result.stdout}"
