"""Keep the benchmarks from rotting: every row must run (``--smoke``: once each, tiny inputs, no timing asserted)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ROWS = {
    "mock", "generated", "loopback", "loopback-validated", "loopback-generated", "csv", "csv-memory",
    "csv-nogc", "upload", "import", "import-client", "generate", "generate-edited", "spec-diff",
    "method-get", "method-vs-generated", "first-use", "tag-first-use", "check-generated", "paginate",
    "report", "report-nogc", "reconcile", "reconcile-memory",
}  # fmt: skip


def test_smoke_run_prints_every_row() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "run.py"), "--smoke"],
        capture_output=True, text=True, timeout=240, cwd=ROOT,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-3000:]
    printed = set(re.findall(r"^- ([\w-]+): ", result.stdout, re.MULTILINE))
    assert printed == ROWS, f"rows missing: {sorted(ROWS - printed)}, unexpected: {sorted(printed - ROWS)}"
    table = [line for line in result.stdout.splitlines() if line.startswith("| ")]
    assert len(table) == 1 + len(ROWS)  # the header and one line per row
    assert all("n/a (--smoke)" in line or "| — |" in line for line in table[1:])
