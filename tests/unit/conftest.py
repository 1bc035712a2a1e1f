"""Fixtures for the FakeProlific tests: one fake, reached in-process and over loopback HTTP."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest
from fake_checks import AUTH, BASE, TOKEN

from prolific.testing import FakeProlific


@pytest.fixture
def fake() -> FakeProlific:
    return FakeProlific(token=TOKEN)


@pytest.fixture(params=["transport", "http"])
def api(request: pytest.FixtureRequest, fake: FakeProlific) -> Iterator[httpx.Client]:
    """A plain httpx client on the fake: once through the in-process transport, once over ``serve()``."""
    if request.param == "transport":
        with httpx.Client(transport=fake.transport, base_url=BASE, headers=AUTH) as client:
            yield client
    else:
        with fake.serve() as url, httpx.Client(base_url=url, headers=AUTH, timeout=10) as client:
            yield client
