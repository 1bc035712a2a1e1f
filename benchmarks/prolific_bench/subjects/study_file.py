"""A study file checked offline by the command line (group ``study-file``, issue 31)."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from ..harness import Row, Run, interleaved
from ..processes import BIN, child_env, command

#: The study file the row checks: the one the guide shows (YAML, friendly keys, a filter by title).
EXAMPLE = Path(__file__).resolve().parents[3] / "examples" / "study.yaml"


def study_file(run: Run) -> list[Row]:
    """``prolific-client studies check FILE`` (offline, YAML) in a fresh process vs a stdlib import."""
    repeats, warmup = run.size.pick(25, 10, 1), run.size.warmup(3)
    env = child_env(run.tmp)
    study = run.tmp / "study.yaml"
    shutil.copy(EXAMPLE, study)
    check = command([str(BIN / "prolific-client"), "studies", "check", str(study)], env, quiet=True)
    stdlib = command([sys.executable, "-c", "import argparse, json, csv"], env)
    s, b = interleaved(check, stdlib, repeats=repeats, warmup=warmup)
    notes = (
        f"{repeats} pairs; wall time of the whole process, interpreter start-up included; the file is "
        "examples/study.yaml (YAML, read with PyYAML's C loader when built); exit 0 checked"
    )
    return [
        Row(
            "studies-check",
            "`prolific-client studies check FILE` (offline: the CreateStudy schema, friendly keys, rules; no httpx)",
            '`python -c "import argparse, json, csv"`', s, b, notes=notes,
        ),
    ]  # fmt: skip
