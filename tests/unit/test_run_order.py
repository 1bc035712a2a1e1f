"""The run order of the test files (tests/conftest.py's SLOWEST_FIRST) names files that exist."""

from __future__ import annotations

from pathlib import Path

from run_order import SLOWEST_FIRST

TESTS = Path(__file__).resolve().parents[1]


def test_every_file_of_the_slowest_first_order_exists() -> None:
    assert [name for name in SLOWEST_FIRST if not (TESTS / name).is_file()] == []
    assert len(set(SLOWEST_FIRST)) == len(SLOWEST_FIRST)
