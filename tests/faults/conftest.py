"""Hostile-input suite: DEBUG logging everywhere, every captured line scanned for secrets, counts reported."""

from __future__ import annotations

import functools
import logging
from collections.abc import Iterator

import pytest
from hostile_support import COUNTS, SECRETS, TOKEN

import prolific._client
from prolific._retry import RetryPolicy
from prolific.testing import FakeProlific


class _Capture(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(self.format(record))


@pytest.fixture(autouse=True)
def debug_logs_hold_no_secrets(request: pytest.FixtureRequest) -> Iterator[None]:
    """DEBUG for prolific, httpx and httpcore during every test; afterwards no line may hold a secret."""
    handler = _Capture()
    loggers = [logging.getLogger(name) for name in ("prolific", "httpx", "httpcore")]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.addHandler(handler)
        logger.setLevel(logging.DEBUG)
    COUNTS["cases"] += 1
    try:
        yield
    finally:
        for logger, level in zip(loggers, levels, strict=True):
            logger.removeHandler(handler)
            logger.setLevel(level)
    leaks = [line for line in handler.lines for secret in SECRETS if secret and secret in line]
    assert not leaks, f"secret in DEBUG log: {leaks[:3]}"
    COUNTS["log lines scanned"] += len(handler.lines)


@pytest.fixture
def fake(monkeypatch: pytest.MonkeyPatch) -> FakeProlific:
    """A fake that counts the faults injected into it."""
    instance = FakeProlific(token=TOKEN)
    for name in ("fail_next", "drop_next", "stall_next"):
        original = getattr(instance, name)

        def counted(*args: object, _original=original, **kwargs: object) -> None:  # type: ignore[no-untyped-def]
            COUNTS["faults injected"] += int(kwargs.get("times", 1))  # type: ignore[call-overload]
            _original(*args, **kwargs)

        monkeypatch.setattr(instance, name, counted)
    return instance


@pytest.fixture(autouse=True)
def fast_backoff(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(
        prolific._client, "RetryPolicy", functools.partial(RetryPolicy, initial_delay=0.001, max_delay=0.01)
    )


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if COUNTS:
        summary = ", ".join(f"{value} {key}" for key, value in sorted(COUNTS.items()))
        terminalreporter.write_line(f"hostile-input suite: {summary}")
