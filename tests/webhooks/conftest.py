"""Fixtures of the webhook receiver tests (the helpers are in receivers.py)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from receivers import Server, start_alone


@pytest.fixture
def alone(tmp_path: Path) -> Iterator[Server]:
    """One hook_app.py process on a fresh event log."""
    server = start_alone(tmp_path / "hooks", tmp_path / "events.sqlite3")
    try:
        yield server
    finally:
        server.stop()
