"""Ratio benchmarks for prolific-client: ``make bench`` (``--quick`` for a short run, ``--smoke`` to check).

Every row times a subject against its baseline in this same process run, interleaved: each pair
runs both once, alternating which goes first (AB, BA, AB, ...), so drift and order effects hit
both sides. Warm-up runs come first and are discarded. A row reports the median subject and
baseline times, the median of the per-pair ratios (subject / baseline) and their spread: the
interquartile range and, in brackets, the min-max of the per-pair ratios.

Only the standard library and what ``make install`` installs are used. Nothing is written into
the repository: the ``make generate`` rows work on a copy in a temporary directory, and child
interpreters keep their bytecode cache in a temporary directory too.

    .venv/bin/python benchmarks/run.py                 # the reference table (a few minutes)
    .venv/bin/python benchmarks/run.py --quick         # small inputs, few repeats (< 60 s)
    .venv/bin/python benchmarks/run.py --smoke         # every row once, tiny inputs: proves the rows run
    .venv/bin/python benchmarks/run.py --only mock,upload
    .venv/bin/python benchmarks/run.py --strict        # exit 1 when a target is missed

The exit status is 0 even when a target is missed (the table says so) unless ``--strict``;
``--quick`` and ``--smoke`` figures use small inputs and are not compared with the targets; ``--smoke``
(what ``make test`` runs) times each row once with no warm-up, so its figures mean nothing.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

# The parts live in benchmarks/prolific_bench: importable whether this file is run as a script or
# loaded by tests/bench from another directory.
sys.path.insert(0, str(Path(__file__).resolve().parent))

from prolific_bench import report
from prolific_bench.harness import Row, Run, Size
from prolific_bench.subjects import (
    bonuses,
    credentials,
    paginate,
    pipeline,
    reviews,
    send,
    startup,
    state,
    studies,
    study_file,
    study_life,
    webhooks,
)


@dataclass(frozen=True)
class Group:
    """A group of rows (``--only`` names groups): each row's key and target (None: reported, no target)."""

    name: str
    targets: dict[str, float | None]
    run: Callable[[Run], list[Row]]


def registry(*groups: Group) -> dict[str, Group]:
    """The groups by name, in the order given; a group name or row key given twice is a bug."""
    keys = [key for group in groups for key in group.targets]
    names = [group.name for group in groups]
    if len(set(keys)) != len(keys) or len(set(names)) != len(names):
        raise SystemExit("benchmark bug: a group or one of its rows is registered twice")
    return {group.name: group for group in groups}


#: Every group of rows, in the order they run and print (the smoke tests read it too).
REGISTRY = registry(
    Group("mock", {"mock": 1.25, "generated": None, "method-get": 1.3, "method-vs-generated": 1.15}, send.mock),
    Group("model", {"model": 3.0}, send.model),
    Group("paginate", {"paginate": 1.3, "paginate-vs-generated": None}, paginate.paginate),
    Group("loopback", {"loopback": 1.05, "loopback-validated": None, "loopback-generated": None}, send.loopback),
    Group("csv", {"csv": 1.5, "csv-memory": 2.0, "csv-nogc": None}, credentials.csv_file),
    Group("upload", {"upload": 1.5}, credentials.upload),
    Group(
        "import",
        {
            "import": 1.5,
            "import-client": None,
            "first-use": 1.5,
            "tag-first-use": None,
            "cli-help": 4.0,
            "cli-offline": None,
        },
        startup.startup,
    ),
    Group("generate", {"generate": 1.3, "generate-edited": 1.3, "check-generated": 1.3}, pipeline.generate),
    Group("diff", {"spec-diff": 2.0}, pipeline.spec_diff),
    Group(
        "report",
        {"report": 1.5, "report-nogc": None, "reconcile": 2.0, "reconcile-memory": 2.0},
        credentials.report,
    ),
    Group("review", {"approve": None, "awaiting-review": 1.3}, reviews.review),
    Group("bonuses", {"bonuses": 1.5, "bonuses-nogc": None}, bonuses.bonuses),
    Group("bonus-pay", {"bonus-requests": 1.0, "bonus-memory": 2.0, "bonus-record-check": 1.0}, bonuses.payment),
    Group("webhooks", {"webhook-verify": 1.3, "webhook-burst": 2.0}, webhooks.webhooks),
    Group("export", {"export": 1.3, "export-memory": 1.5, "export-join": None}, studies.export),
    Group("study-file", {"studies-check": 5.0}, study_file.study_file),
    # Issue 30: PostgreSQL's time over SQLite's; 1.43 = deliveries/s at least 0.7x of SQLite's.
    Group("state", {"webhook-burst-pg": 1.43, "journal-pg": None}, state.state),
    Group("study-life", {"publish": None, "plan-requests": 1.0}, study_life.study_life),
)

GROUPS = tuple(REGISTRY)


def run_group(entry: Group, run: Run) -> list[Row]:
    """The group's rows with their registered targets; a row the registry does not list is a bug."""
    rows = entry.run(run)
    if [row.key for row in rows] != list(entry.targets):
        raise SystemExit(f"benchmark bug: group {entry.name} returned rows {[r.key for r in rows]}, "
                         f"registered {list(entry.targets)}")  # fmt: skip
    for row in rows:
        row.target = entry.targets[row.key]
    return rows


def main(argv: list[str] | None = None) -> int:
    """Run the groups chosen on the command line and print the report; 1 if ``--strict`` and a target is missed."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--quick", action="store_true", help="small inputs and few repeats: a short run (< 60 s)")
    mode.add_argument("--smoke", action="store_true", help="every row once, tiny inputs: checks the rows run")
    parser.add_argument("--only", default=",".join(GROUPS), help=f"comma-separated subset of: {', '.join(GROUPS)}")
    parser.add_argument("--strict", action="store_true", help="exit with status 1 when a target is missed")
    args = parser.parse_args(argv)
    only = set(filter(None, args.only.split(",")))
    if not only or only - set(GROUPS):
        parser.error(f"--only takes a comma-separated subset of: {', '.join(GROUPS)}")
    size = Size("smoke" if args.smoke else "quick" if args.quick else "full")
    started = time.perf_counter()
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="prolific-bench-") as tmp_name:
        run = Run(size, Path(tmp_name))
        for name, entry in REGISTRY.items():
            if name in only:
                rows += run_group(entry, run)
    print(report.render(rows, size, time.perf_counter() - started))
    return 1 if args.strict and report.missed(rows, size) else 0


if __name__ == "__main__":
    sys.exit(main())
