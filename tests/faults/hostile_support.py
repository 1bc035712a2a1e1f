"""Shared state of the hostile-input suite: the token, the secret registry, the counters."""

from __future__ import annotations

from session_summary import COUNTS as SUMMARY

TOKEN = "tok-SECRET-hostile-51c0de"
COUNTS = SUMMARY["hostile-input suite"]  # printed at the end of the run (tests/conftest.py)
SECRETS: set[str] = {TOKEN}


def secret(text: str) -> str:
    """Register a password (or other secret) that must appear in no log line; return it."""
    SECRETS.add(text)
    return text


def assert_clean(*texts: object) -> None:
    """None of ``texts`` (str/repr of anything) holds a registered secret."""
    for text in texts:
        shown = text if isinstance(text, str) else repr(text)
        for value in SECRETS:
            assert value not in shown, f"secret leaked into: {shown[:200]!r}"
