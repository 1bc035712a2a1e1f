"""Async retries do not block the loop; nothing secret reaches logs, reprs or messages."""

from __future__ import annotations

import asyncio
import logging
import time

import httpx
import pytest

import prolific
from prolific import AsyncProlific, Prolific
from prolific.testing import FakeProlific

PASSWORD = "pw-SECRET-7d1e"


async def test_async_retry_sleep_does_not_block_the_loop(
    fake: FakeProlific, token: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The Retry-After wait is an ``await asyncio.sleep``: other tasks run meanwhile, nothing blocks."""
    fake.fail_next(503, retry_after="0.3")
    waits: list[float] = []
    blocking: list[float] = []
    client_sleeping = asyncio.Event()
    other_task_ran = asyncio.Event()

    async def sleep(delay: float, result: object = None) -> object:
        waits.append(delay)
        client_sleeping.set()
        await other_task_ran.wait()  # returns only once another task has run during this wait
        return result

    def blocking_sleep(seconds: float) -> None:
        blocking.append(seconds)
        raise AssertionError("time.sleep in async code blocks the event loop")

    async def other_task() -> None:
        await client_sleeping.wait()
        other_task_ran.set()

    monkeypatch.setattr(asyncio, "sleep", sleep)
    monkeypatch.setattr(time, "sleep", blocking_sleep)
    async with AsyncProlific(token=token, http_client=httpx.AsyncClient(transport=fake.transport)) as client:
        pool, _ = await asyncio.gather(
            client.credentials.create_pool(workspace_id="w", credentials="a,b"), other_task()
        )
    assert waits == [0.3]  # the Retry-After was honoured, as an awaited sleep...
    assert blocking == []  # ...and never as a blocking one
    assert pool in fake.pools and len(fake.requests) == 2


def test_debug_logs_and_errors_hold_no_secrets(
    fake: FakeProlific, token: str, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.DEBUG), fake.serve() as url, Prolific(token=token, base_url=url) as client:
        pool = client.credentials.create_pool(workspace_id="w", credentials=f"alice,{PASSWORD}")
        fake.fail_next(503, retry_after="0")
        client.credentials.add(pool, credentials=[("bob", PASSWORD + "2")])
        with pytest.raises(prolific.ConflictError) as conflict:
            client.credentials.add(pool, credentials=f"alice,{PASSWORD}3")
        with pytest.raises(prolific.UploadError) as upload:
            fake.fail_next(502, method="PATCH")
            client.credentials.upload([("c1", PASSWORD + "4"), ("c2", PASSWORD + "5")], pool_id=pool, batch_size=1)
        texts = [r.getMessage() for r in caplog.records] + [
            str(conflict.value), repr(conflict.value), str(upload.value), repr(upload.value),
            repr(upload.value.remaining), repr(client), repr(client.api), repr(fake.requests), repr(vars(client)),
        ]  # fmt: skip
    assert any("POST /api/v1/credentials/ -> 201" in t for t in texts)  # DEBUG logging was on
    for text in texts:
        assert token not in text
        assert PASSWORD not in text
