"""Hostile-input suite: DEBUG logging everywhere, every captured line scanned for secrets, counts reported."""

from __future__ import annotations

import asyncio
import logging
import threading
import time
from collections.abc import Iterator

import pytest
from hostile_support import COUNTS, SECRETS, TOKEN

from prolific.testing import FakeProlific


class _Capture(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(self.format(record))


LOGGERS = ("prolific", "httpx", "httpcore")
SHOWN_ON_FAILURE = 30


@pytest.fixture(autouse=True)
def debug_logs_hold_no_secrets(request: pytest.FixtureRequest) -> Iterator[None]:
    """DEBUG for prolific, httpx and httpcore during every test; afterwards no line may hold a secret."""
    handler = _Capture()
    loggers = [logging.getLogger(name) for name in LOGGERS]
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


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Iterator[None]:
    """A failure shows the last lines of the captured log, not all of them.

    With DEBUG on for httpcore, one test here logs thousands of lines; the assertion message and
    the last few lines are what explain a failure.
    """
    report = yield
    if report.failed:
        sections = []
        for title, content in report.sections:
            lines = content.splitlines()
            if title.startswith("Captured log") and len(lines) > SHOWN_ON_FAILURE:
                title = f"{title} (last {SHOWN_ON_FAILURE} of {len(lines)} lines)"
                content = "\n".join(lines[-SHOWN_ON_FAILURE:])
            sections.append((title, content))
        report.sections = sections
    return report


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


@pytest.fixture
def sleeps(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[float]]:
    """Every ``time.sleep`` the test's own thread calls, recorded instead of slept.

    Tests assert on these waits (a backoff, a Retry-After honoured, no wait at all) rather than on
    elapsed time. Server threads still sleep for real. ``time.sleep`` inside a running event loop
    blocks every task: it raises there, and fails the test even if something caught the error.
    """
    waits: list[float] = []
    in_loop: list[float] = []
    real_sleep = time.sleep
    owner = threading.get_ident()

    def sleep(seconds: float) -> None:
        if threading.get_ident() != owner:
            return real_sleep(seconds)
        try:
            asyncio.get_running_loop()
        except RuntimeError:
            waits.append(seconds)
            return None
        in_loop.append(seconds)
        raise AssertionError(f"time.sleep({seconds}) inside a running event loop blocks every task")

    monkeypatch.setattr(time, "sleep", sleep)
    yield waits
    assert not in_loop, f"time.sleep called inside the event loop: {in_loop}"
