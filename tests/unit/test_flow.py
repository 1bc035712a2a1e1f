"""The one workflow driver and its steps: Call, RawCall, Pause, Gather; and the client's clock.

Everything on ``httpx.MockTransport`` (no network). Waits are recorded through ``client.sleep``,
never slept; concurrency is observed by the transport (how many requests it holds at once), never
timed. The driver is internal (the friendly methods use it), so these tests run flows on the
client's runner directly.
"""

from __future__ import annotations

import asyncio
import random
import threading
from collections.abc import Generator
from typing import Any

import httpx
import pytest

from prolific import AsyncProlific, NotFoundError, Prolific, RetryPolicy, ServerError
from prolific._flow import Call, Gather, Pause, RawCall, drive, drive_async
from prolific_api_client.models import BulkApproveBySubmissions
from prolific_api_client.operations.studies import GET_STUDY
from prolific_api_client.operations.submissions import BULK_APPROVE_SUBMISSIONS

TOKEN = "flow-token"
FAST = RetryPolicy(max_retries=2, initial_delay=0.25, jitter=random.Random(0))
#: Long enough never to end a healthy test; ends a broken one instead of hanging it (not a timing assertion).
SAFETY = 30.0


def study(study_id: str) -> dict[str, Any]:
    return {
        "id": study_id,
        "name": "Pilot",
        "description": "d",
        "external_study_url": "https://example.org/",
        "prolific_id_option": "url_parameters",
        "completion_codes": [{"code": "C1", "code_type": "COMPLETED", "actions": []}],
        "total_available_places": 10,
        "estimated_completion_time": 5,
        "reward": 100,
        "device_compatibility": ["desktop"],
        "peripheral_requirements": [],
        "status": "UNPUBLISHED",
    }


def study_id_of(request: httpx.Request) -> str:
    return request.url.path.rstrip("/").rsplit("/", 1)[-1]


def get_study(study_id: str) -> Call[str]:
    return Call(GET_STUDY, {"id": study_id}, lambda s: s.id)


def answer(request: httpx.Request, failing: frozenset[str]) -> httpx.Response:
    name = study_id_of(request)
    if name in failing:
        return httpx.Response(404, json={"error": {"detail": f"no study {name}"}})
    return httpx.Response(200, json=study(name))


class InFlight:
    """What a transport saw: the requests, how many it held at once, in what order they ended."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.now = 0
        self.most = 0
        self.started: list[str] = []
        self.events: list[str] = []

    def begin(self, request: httpx.Request) -> int:
        with self.lock:
            self.now += 1
            self.most = max(self.most, self.now)
            self.started.append(study_id_of(request))
            return self.now

    def end(self, request: httpx.Request) -> None:
        with self.lock:
            self.now -= 1
            self.events.append("end " + study_id_of(request))


# -- Gather, blocking ------------------------------------------------------------------------------


def test_gather_sends_every_call_at_most_limit_at_once_and_returns_results_in_order() -> None:
    seen = InFlight()
    together = threading.Barrier(3)  # the first three only pass once all three are in flight

    def handler(request: httpx.Request) -> httpx.Response:
        seen.begin(request)
        if len(seen.started) <= 3:
            together.wait(SAFETY)
        seen.end(request)
        return answer(request, frozenset())

    names = [f"s{i}" for i in range(8)]

    def flow() -> Generator[Any, Any, list[str]]:
        found: list[str] = yield Gather([get_study(name) for name in names], limit=3)
        return found

    with Prolific(token=TOKEN, http_client=httpx.Client(transport=httpx.MockTransport(handler))) as client:
        assert drive(client._runner, flow()) == names  # in the order of the calls
    assert sorted(seen.started) == sorted(names)  # each sent once
    assert seen.most == 3


def test_a_failed_gather_throws_the_first_error_once_the_calls_in_flight_have_ended() -> None:
    seen = InFlight()
    s1_sent, s0_answered = threading.Event(), threading.Event()

    def handler(request: httpx.Request) -> httpx.Response:
        seen.begin(request)
        name = study_id_of(request)
        if name == "s0":
            s1_sent.wait(SAFETY)  # s0 fails while s1 is in flight
        elif name == "s1":
            s1_sent.set()
            s0_answered.wait(SAFETY)
        seen.end(request)
        if name == "s0":
            s0_answered.set()
        return answer(request, frozenset({"s0", "s3"}))

    at_throw: list[tuple[int, int, int]] = []

    def flow() -> Generator[Any, Any, str]:
        try:
            yield Gather([get_study(f"s{i}") for i in range(6)], limit=2)
        except NotFoundError as error:
            at_throw.append((seen.now, len(seen.started), len(seen.events)))
            return str(error)
        return "no error"

    with Prolific(token=TOKEN, http_client=httpx.Client(transport=httpx.MockTransport(handler))) as client:
        message = drive(client._runner, flow())
    assert "s0" in message  # the first failed call's error, in the order of the calls
    ((in_flight, started, ended),) = at_throw
    assert in_flight == 0 and started == ended  # nothing was still in flight when the flow heard of it
    assert {"s0", "s1"} <= set(seen.started)


def test_no_call_starts_after_a_failure() -> None:
    seen = InFlight()

    def handler(request: httpx.Request) -> httpx.Response:
        seen.begin(request)
        seen.end(request)
        return answer(request, frozenset({"s1"}))

    def flow() -> Generator[Any, Any, None]:
        yield Gather([get_study(f"s{i}") for i in range(5)], limit=1)

    with (
        Prolific(token=TOKEN, http_client=httpx.Client(transport=httpx.MockTransport(handler))) as client,
        pytest.raises(NotFoundError),  # the flow did not catch it: it leaves the driver
    ):
        drive(client._runner, flow())
    assert seen.started == ["s0", "s1"]


def test_an_empty_gather_sends_nothing_and_a_limit_below_one_is_refused() -> None:
    def flow() -> Generator[Any, Any, list[Any]]:
        found: list[Any] = yield Gather([], limit=4)
        return found

    def handler(request: httpx.Request) -> httpx.Response:
        pytest.fail(f"an empty Gather sent {request.url.path}")

    with Prolific(token=TOKEN, http_client=httpx.Client(transport=httpx.MockTransport(handler))) as client:
        assert drive(client._runner, flow()) == []
    for limit in (0, -1, True, 1.5):
        with pytest.raises(ValueError, match="Gather limit"):
            Gather([get_study("s0")], limit=limit)  # type: ignore[arg-type]


# -- Gather, asyncio -------------------------------------------------------------------------------


async def test_async_gather_sends_every_call_at_most_limit_at_once_in_order() -> None:
    seen = InFlight()
    three_in_flight = asyncio.Event()

    async def handler(request: httpx.Request) -> httpx.Response:
        if seen.begin(request) == 3:
            three_in_flight.set()
        if len(seen.started) <= 3:
            await asyncio.wait_for(three_in_flight.wait(), SAFETY)
        seen.end(request)
        return answer(request, frozenset())

    names = [f"s{i}" for i in range(8)]

    def flow() -> Generator[Any, Any, list[str]]:
        found: list[str] = yield Gather([get_study(name) for name in names], limit=3)
        return found

    transport = httpx.MockTransport(handler)
    async with AsyncProlific(token=TOKEN, http_client=httpx.AsyncClient(transport=transport)) as client:
        assert await drive_async(client._runner, flow()) == names
    assert sorted(seen.started) == sorted(names)
    assert seen.most == 3


async def test_async_gather_stops_starting_calls_after_a_failure_and_waits_for_those_in_flight() -> None:
    seen = InFlight()
    s1_sent, s0_answered = asyncio.Event(), asyncio.Event()

    async def handler(request: httpx.Request) -> httpx.Response:
        seen.begin(request)
        name = study_id_of(request)
        if name == "s0":
            await asyncio.wait_for(s1_sent.wait(), SAFETY)  # s0 fails while s1 is in flight
        elif name == "s1":
            s1_sent.set()
            await asyncio.wait_for(s0_answered.wait(), SAFETY)
        seen.end(request)
        if name == "s0":
            s0_answered.set()
        return answer(request, frozenset({"s0"}))

    at_throw: list[int] = []

    def flow() -> Generator[Any, Any, str]:
        try:
            yield Gather([get_study(f"s{i}") for i in range(6)], limit=2)
        except NotFoundError as error:
            at_throw.append(seen.now)
            return str(error)
        return "no error"

    transport = httpx.MockTransport(handler)
    async with AsyncProlific(token=TOKEN, http_client=httpx.AsyncClient(transport=transport)) as client:
        message = await drive_async(client._runner, flow())
    assert "s0" in message and at_throw == [0]
    assert sorted(seen.started) == ["s0", "s1"] and seen.events == ["end s0", "end s1"]


# -- Pause, RawCall, the clock ----------------------------------------------------------------------


def test_a_pause_waits_with_the_clients_clock() -> None:
    def flow() -> Generator[Any, Any, tuple[Any, str]]:
        after = yield Pause(1.5)
        name: str = yield get_study("s1")
        return after, name

    transport = httpx.MockTransport(lambda request: answer(request, frozenset()))
    with Prolific(token=TOKEN, http_client=httpx.Client(transport=transport)) as client:
        waits: list[float] = []
        client.sleep = waits.append
        assert drive(client._runner, flow()) == (None, "s1")
    assert waits == [1.5]


async def test_an_async_pause_awaits_the_clients_clock() -> None:
    waits: list[float] = []

    async def sleep(seconds: float) -> None:
        waits.append(seconds)

    def flow() -> Generator[Any, Any, None]:
        yield Pause(2.0)

    transport = httpx.MockTransport(lambda request: answer(request, frozenset()))
    async with AsyncProlific(token=TOKEN, http_client=httpx.AsyncClient(transport=transport)) as client:
        client.sleep = sleep
        assert client.sleep is sleep
        await drive_async(client._runner, flow())
    assert waits == [2.0]


def test_a_raw_call_hands_its_extract_the_value_and_the_response() -> None:
    def flow() -> Generator[Any, Any, tuple[str, int, str]]:
        got: tuple[str, int, str] = yield RawCall(
            GET_STUDY, {"id": "s7"}, lambda raw: (raw.parsed.id, raw.status_code, raw.headers["x-trace"])
        )
        return got

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json=study("s7"), headers={"X-Trace": "t1"})

    with Prolific(token=TOKEN, http_client=httpx.Client(transport=httpx.MockTransport(handler))) as client:
        assert drive(client._runner, flow()) == ("s7", 200, "t1")


def test_a_flow_yielding_something_else_is_a_bug() -> None:
    def flow() -> Generator[Any, Any, None]:
        yield "GET /studies/"

    with Prolific(token=TOKEN) as client, pytest.raises(TypeError, match="Call, Pause or Gather"):
        drive(client._runner, flow())


# -- an idempotent call: the one retry loop, the call's own policy ----------------------------------


def approve_call(**options: Any) -> Call[str]:
    body = BulkApproveBySubmissions(submission_ids=["a" * 24])
    return Call(BULK_APPROVE_SUBMISSIONS, {"body": body}, lambda value: value, **options)


@pytest.mark.parametrize(
    ("options", "requests", "waits"),
    [
        ({}, 1, 0),  # a POST that got a 502 may have been applied: not resent
        ({"idempotent": True}, 2, 1),  # known idempotent: resent as a GET would be
        ({"idempotent": True, "retry_policy": RetryPolicy(max_retries=0)}, 1, 0),  # its own policy: no retry
    ],
)
def test_a_post_marked_idempotent_is_retried_by_the_one_loop(
    options: dict[str, Any], requests: int, waits: int
) -> None:
    answers = [502, 200]
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(answers.pop(0), json="The request to bulk approve is being processed.")

    def flow() -> Generator[Any, Any, str]:
        value: str = yield approve_call(**options)
        return value

    slept: list[float] = []
    transport = httpx.MockTransport(handler)
    with Prolific(token=TOKEN, retry_policy=FAST, http_client=httpx.Client(transport=transport)) as client:
        client.sleep = slept.append
        if requests == 1:
            with pytest.raises(ServerError):
                drive(client._runner, flow())
        else:
            assert drive(client._runner, flow()) == "The request to bulk approve is being processed."
    assert len(seen) == requests and len(slept) == waits


def test_client_api_waits_with_the_clients_clock_set_after_it_was_built() -> None:
    from prolific_api_client.api.studies import get_study as get_study_function

    answers = [503, 200]

    def handler(request: httpx.Request) -> httpx.Response:
        status = answers.pop(0)
        return httpx.Response(status, json=study("s1") if status == 200 else {}, headers={"Retry-After": "3"})

    with Prolific(token=TOKEN, http_client=httpx.Client(transport=httpx.MockTransport(handler))) as client:
        api = client.api
        api.get_httpx_client()  # the transport is built before the clock is set
        waits: list[float] = []
        client.sleep = waits.append
        found = get_study_function.sync("s1", client=api)
    assert found is not None and found.id == "s1"  # type: ignore[union-attr]
    assert waits == [3.0]
