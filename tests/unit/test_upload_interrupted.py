"""Ctrl-C during ``client.credentials.upload`` keeps the pool: ``UploadInterrupted`` and ``on_pool``.

A transport raises ``KeyboardInterrupt`` at a chosen request, before or after FakeProlific has
stored the batch, as a Ctrl-C in the middle of a send would.
"""

from __future__ import annotations

import asyncio

import httpx
import pytest

import prolific
from prolific import AsyncProlific, Prolific, RetryPolicy
from prolific.testing import FakeProlific

TOKEN = "interrupt-test-token"
FAST = RetryPolicy(max_retries=0)
CREDS = [(f"user{n:03d}", f"secret-pw-{n:03d}") for n in range(1, 8)]  # 7: batches of 2 are 2+2+2+1


class CtrlC(httpx.BaseTransport):
    """Forwards to the fake; at request number ``at`` raises KeyboardInterrupt (after it is stored if ``stored``)."""

    def __init__(self, fake: FakeProlific, at: int, *, stored: bool = False) -> None:
        self.fake, self.at, self.stored, self.seen = fake, at, stored, 0

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self.seen += 1
        if self.seen == self.at and not self.stored:
            raise KeyboardInterrupt
        response = self.fake.transport.handle_request(request)
        if self.seen == self.at:
            raise KeyboardInterrupt
        return response


class AsyncCtrlC(httpx.AsyncBaseTransport):
    def __init__(self, fake: FakeProlific, at: int) -> None:
        self.fake, self.at, self.seen = fake, at, 0

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.seen += 1
        if self.seen == self.at:
            raise KeyboardInterrupt
        return await self.fake.transport.handle_async_request(request)


def client(transport: httpx.BaseTransport) -> Prolific:
    return Prolific(token=TOKEN, http_client=httpx.Client(transport=transport), retry_policy=FAST)


def test_ctrl_c_before_a_batch_is_stored_keeps_pool_counts_and_the_batch_in_flight() -> None:
    fake = FakeProlific(token=TOKEN)
    with client(CtrlC(fake, at=3)) as c, pytest.raises(prolific.UploadInterrupted) as info:
        c.credentials.upload(CREDS, workspace_id="ws", batch_size=2)
    err = info.value
    assert isinstance(err, KeyboardInterrupt) and isinstance(err, prolific.UploadError)
    [pool] = fake.pools
    assert (err.pool_id, err.uploaded, err.total) == (pool, 4, 7)
    assert list(err.remaining) == CREDS[4:] and err.in_flight is not None and list(err.in_flight) == CREDS[4:6]
    assert f"pool_id={pool!r}" in str(err) and "may or may not" in str(err)
    assert "secret-pw" not in str(err) and "secret-pw" not in repr(err)
    with client(fake.transport) as c:  # the resume the message advises
        c.credentials.upload(err.remaining, pool_id=err.pool_id, batch_size=2)
    assert fake.pools[pool] == CREDS


def test_ctrl_c_after_the_batch_was_stored_resumes_past_the_batch_in_flight() -> None:
    fake = FakeProlific(token=TOKEN)
    with client(CtrlC(fake, at=2, stored=True)) as c, pytest.raises(prolific.UploadInterrupted) as info:
        c.credentials.upload(CREDS, workspace_id="ws", batch_size=2)
    err = info.value
    assert err.uploaded == 2 and err.in_flight is not None and len(err.in_flight) == 2 and err.pool_id is not None
    with client(fake.transport) as c:
        with pytest.raises(prolific.UploadError) as again:  # as the message says: a 409 means it was stored
            c.credentials.upload(err.remaining, pool_id=err.pool_id, batch_size=2)
        assert isinstance(again.value.__cause__, prolific.ConflictError)
        c.credentials.upload(err.remaining[len(err.in_flight) :], pool_id=err.pool_id, batch_size=2)
    assert fake.pools[err.pool_id] == CREDS


def test_ctrl_c_in_the_first_batch_has_no_pool_yet() -> None:
    fake = FakeProlific(token=TOKEN)
    with client(CtrlC(fake, at=1)) as c, pytest.raises(prolific.UploadInterrupted) as info:
        c.credentials.upload(CREDS, workspace_id="ws", batch_size=2)
    assert info.value.pool_id is None and info.value.uploaded == 0 and fake.pools == {}
    assert "may have been created anyway" in str(info.value)


def test_ctrl_c_in_a_callback_is_between_batches() -> None:
    fake = FakeProlific(token=TOKEN)

    def stop(done: int, total: int) -> None:
        if done == 4:
            raise KeyboardInterrupt

    with client(fake.transport) as c, pytest.raises(prolific.UploadInterrupted) as info:
        c.credentials.upload(CREDS, workspace_id="ws", batch_size=2, on_progress=stop)
    assert info.value.uploaded == 4 and info.value.in_flight is None and len(info.value.remaining) == 3


def test_on_pool_learns_the_pool_id_before_the_second_batch() -> None:
    fake = FakeProlific(token=TOKEN)
    events: list[object] = []
    with client(fake.transport) as c:
        result = c.credentials.upload(
            CREDS,
            workspace_id="ws",
            batch_size=3,
            on_pool=lambda pool_id: events.append(("pool", pool_id, len(fake.requests))),
            on_progress=lambda done, total: events.append(done),
        )
        assert events == [("pool", result.pool_id, 1), 3, 6, 7]
        events.clear()
        c.credentials.upload([("late", "late-password")], pool_id=result.pool_id, on_pool=events.append)
    assert events == [result.pool_id]
    with pytest.raises(prolific.InvalidArgumentError, match="on_pool"):
        Prolific(token=TOKEN).credentials.upload(CREDS, workspace_id="ws", on_pool="not callable")  # type: ignore[arg-type]


def test_async_upload_turns_keyboard_interrupt_into_upload_interrupted() -> None:
    fake = FakeProlific(token=TOKEN)

    async def run() -> prolific.UploadInterrupted:
        http = httpx.AsyncClient(transport=AsyncCtrlC(fake, at=2))
        async with AsyncProlific(token=TOKEN, http_client=http, retry_policy=FAST) as c:
            try:
                await c.credentials.upload(CREDS, workspace_id="ws", batch_size=2)
            except prolific.UploadInterrupted as err:
                return err
        raise AssertionError("not interrupted")

    err = asyncio.run(run())
    assert err.pool_id in fake.pools and err.uploaded == 2 and err.in_flight is not None
