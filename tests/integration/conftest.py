"""Clients wired to FakeProlific two ways: in-process transport and real HTTP on 127.0.0.1."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator

import httpx
import pytest
import pytest_asyncio

from prolific import AsyncProlific, Prolific, RetryPolicy
from prolific.testing import FakeProlific

TOKEN = "tok-SECRET-integration-5f3a9c"
#: Backoff of a few ms so retry tests stay fast (Retry-After values are still honoured).
FAST = RetryPolicy(max_retries=2, initial_delay=0.001, max_delay=0.01)


@pytest.fixture
def token() -> str:
    """The token the fake accepts (distinctive, so leaks are easy to find)."""
    return TOKEN


@pytest.fixture
def fake() -> FakeProlific:
    return FakeProlific(token=TOKEN)


@pytest.fixture(params=["transport", "http"])
def client(request: pytest.FixtureRequest, fake: FakeProlific) -> Iterator[Prolific]:
    """A sync client, once in-process and once over loopback HTTP."""
    if request.param == "transport":
        http = httpx.Client(transport=fake.transport)
        with Prolific(token=TOKEN, http_client=http, retry_policy=FAST) as c:
            yield c
        http.close()
    else:
        with fake.serve() as url, Prolific(token=TOKEN, base_url=url, retry_policy=FAST, timeout=10) as c:
            yield c


@pytest_asyncio.fixture(params=["transport", "http"])
async def aclient(request: pytest.FixtureRequest, fake: FakeProlific) -> AsyncIterator[AsyncProlific]:
    """An async client, once in-process and once over loopback HTTP."""
    if request.param == "transport":
        http = httpx.AsyncClient(transport=fake.transport)
        async with AsyncProlific(token=TOKEN, http_client=http, retry_policy=FAST) as c:
            yield c
        await http.aclose()
    else:
        with fake.serve() as url:
            async with AsyncProlific(token=TOKEN, base_url=url, retry_policy=FAST, timeout=10) as c:
                yield c
