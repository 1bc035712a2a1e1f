"""Keep the benchmarks from rotting: every row must run (``--smoke``: once each, tiny inputs, no timing asserted).

Split in two files (this one and ``test_bench_smoke_generate.py``) so that the two halves run on two
workers; together they cover every group of the registry in ``benchmarks/run.py``.
"""

from __future__ import annotations

from postgres_server import Server
from smoke import bench_module, registered_rows, smoke_rows

GROUPS = [
    "mock", "model", "loopback", "paginate", "csv", "upload", "import", "report", "review", "bonuses", "bonus-pay",
    "webhooks", "export", "study-file", "study-life",
]  # fmt: skip
#: Groups that need the run's PostgreSQL server (tests/conftest.py), handed to the benchmark by URL.
POSTGRES_GROUPS = ["state"]


def test_smoke_run_prints_every_registered_row() -> None:
    assert smoke_rows(GROUPS) == registered_rows(GROUPS)


def test_smoke_run_of_the_state_rows_on_the_runs_postgresql(postgres: Server) -> None:
    env = {"PROLIFIC_BENCH_POSTGRES_URL": postgres.admin_url}  # no server of its own: the run's (not durable)
    assert smoke_rows(POSTGRES_GROUPS, env) == registered_rows(POSTGRES_GROUPS)


def test_the_two_smoke_files_cover_every_group() -> None:
    from test_bench_smoke_generate import GROUPS as OTHERS

    assert sorted(GROUPS + POSTGRES_GROUPS + OTHERS) == sorted(bench_module().REGISTRY)


def test_the_registry_declares_the_issue_targets() -> None:
    registry = bench_module().REGISTRY
    assert registry["model"].targets == {"model": 3.0}  # json.loads + Study.from_dict vs json.loads (issue 18)
    assert len({key for group in registry.values() for key in group.targets}) > 25  # keys unique, none lost
