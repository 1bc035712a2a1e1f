"""Lines for the end of a test run that survive pytest-xdist: each worker hands its part to the controller.

``COUNTS[title]`` adds up numbers across workers (``"hostile-input suite": {"faults injected": 72}``);
``NOTES`` are lines printed once each (where screenshots were saved). ``tests/conftest.py`` moves them
from the workers to the controller and prints them.
"""

from __future__ import annotations

from collections import Counter, defaultdict

COUNTS: defaultdict[str, Counter[str]] = defaultdict(Counter)
NOTES: list[str] = []


def summary_lines() -> list[str]:
    """What to print: one line per counted title, then the notes."""
    lines = [
        f"{title}: " + ", ".join(f"{value} {key}" for key, value in sorted(counts.items()))
        for title, counts in sorted(COUNTS.items())
        if counts
    ]
    return lines + sorted(set(NOTES))
