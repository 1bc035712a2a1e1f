"""Run-wide hooks: the end-of-run summary lines (see tests/support/session_summary.py), with or without xdist."""

from __future__ import annotations

from typing import Any

import pytest
from session_summary import COUNTS, NOTES, summary_lines


def pytest_sessionfinish(session: pytest.Session) -> None:
    output = getattr(session.config, "workeroutput", None)
    if output is not None:  # an xdist worker: hand the summary to the controller
        output["summary_counts"] = {title: dict(counts) for title, counts in COUNTS.items()}
        output["summary_notes"] = list(NOTES)


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node: Any, error: object) -> None:
    output = getattr(node, "workeroutput", {})
    for title, counts in output.get("summary_counts", {}).items():
        COUNTS[title].update(counts)
    NOTES.extend(output.get("summary_notes", []))


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    for line in summary_lines():
        terminalreporter.write_line(line)
