"""Print where the docs screenshots were saved."""

from __future__ import annotations

import pytest
from test_docs_site import SHOTS


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if SHOTS:
        terminalreporter.write_line("docs screenshots: " + ", ".join(str(p) for p in SHOTS))
