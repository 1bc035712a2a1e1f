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


async def test_async_retry_sleep_does_not_block_the_loop(fake: FakeProlific, token: str) -> None:
    fake.fail_next(503, retry_after="0.3")
    gaps: list[float] = []

    async def ticker() -> None:
        last = time.perf_counter()
        for _ in range(40):
            await asyncio.sleep(0.01)
            now = time.perf_counter()
            gaps.append(now - last)
            last = now

    async with AsyncProlific(token=token, http_client=httpx.AsyncClient(transport=fake.transport)) as client:
        started = time.perf_counter()
        _, pool = await asyncio.gather(ticker(), client.credentials.create_pool(workspace_id="w", credentials="a,b"))
        assert time.perf_counter() - started >= 0.3  # the Retry-After was honoured...
    assert max(gaps) < 0.2  # ...while the loop kept running
    assert pool in fake.pools


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
