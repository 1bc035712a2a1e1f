"""Keep the benchmarks from rotting: every row must run (``--smoke``: once each, tiny inputs, no timing asserted).

Split in two files (this one and ``test_bench_smoke_generate.py``) so that the two halves run on two
workers; together they cover every group of ``benchmarks/run.py``.
"""

from __future__ import annotations

from smoke import ROOT, smoke_rows

GROUPS = ["mock", "loopback", "paginate", "csv", "upload", "import", "report", "review", "bonuses", "webhooks"]
ROWS = {
    "mock", "generated", "loopback", "loopback-validated", "loopback-generated", "csv", "csv-memory",
    "csv-nogc", "upload", "import", "import-client", "method-get", "method-vs-generated", "first-use",
    "tag-first-use", "cli-help", "cli-offline", "paginate", "paginate-vs-generated", "report", "report-nogc",
    "reconcile", "reconcile-memory",
    "approve", "awaiting-review",
    "bonuses", "bonuses-nogc",
    "webhook-verify",
}  # fmt: skip


def test_smoke_run_prints_every_row() -> None:
    assert smoke_rows(GROUPS) == ROWS


def test_the_two_smoke_files_cover_every_group() -> None:
    from test_bench_smoke_generate import GROUPS as OTHERS

    text = (ROOT / "benchmarks" / "run.py").read_text(encoding="utf-8")
    declared = text.split("\nGROUPS = (", 1)[1].split(")", 1)[0]
    assert sorted(GROUPS + OTHERS) == sorted(g.strip().strip('"') for g in declared.split(","))
