"""The ``--smoke`` run of the pipeline's benchmark rows (make generate, check-generated, spec diff)."""

from __future__ import annotations

from smoke import registered_rows, smoke_rows

GROUPS = ["generate", "diff"]


def test_smoke_run_of_the_pipeline_rows() -> None:
    assert smoke_rows(GROUPS) == registered_rows(GROUPS)
