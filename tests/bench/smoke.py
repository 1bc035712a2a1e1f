"""Running ``benchmarks/run.py --smoke`` on some groups and reading which rows it printed."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def smoke_rows(groups: list[str]) -> set[str]:
    """The row keys a ``--smoke`` run of ``groups`` printed, after checking the run and its table."""
    result = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "run.py"), "--smoke", "--only", ",".join(groups)],
        capture_output=True, text=True, timeout=240, cwd=ROOT,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-3000:]
    printed = set(re.findall(r"^- ([\w-]+): ", result.stdout, re.MULTILINE))
    table = [line for line in result.stdout.splitlines() if line.startswith("| ")]
    assert len(table) == 1 + len(printed)  # the header and one line per row
    assert all("n/a (--smoke)" in line or "| — |" in line for line in table[1:])
    return printed
