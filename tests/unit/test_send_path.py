"""The send path: operations travel with their methods, the response comes back with the value, no side channels.

Everything on ``httpx.MockTransport`` (no network); waits are recorded, never slept.
"""

from __future__ import annotations

import ast
import asyncio
import importlib
import json
import pkgutil
import random
from pathlib import Path

import httpx
import pytest

import prolific
from prolific import AsyncProlific, InvalidArgumentError, Prolific, RetryPolicy
from prolific_api_client.operations import OPERATIONS, TAGS, Operation
from prolific_api_client.operations.studies import GET_STUDY

TOKEN = "send-path-token"
STUDY = {
    "id": "s1",
    "name": "Pilot",
    "description": "d",
    "external_study_url": "https://example.org/",
    "prolific_id_option": "url_parameters",
    "completion_codes": [{"code": "C1", "code_type": "COMPLETED", "actions": [{"action": "AUTOMATICALLY_APPROVE"}]}],
    "total_available_places": 10,
    "estimated_completion_time": 5,
    "reward": 100,
    "device_compatibility": ["desktop"],
    "peripheral_requirements": [],
    "status": "UNPUBLISHED",
}
FAST = RetryPolicy(max_retries=2, initial_delay=0.0, jitter=random.Random(0))


def scripted(answers: list[int]) -> tuple[httpx.MockTransport, list[httpx.Request]]:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        status = answers.pop(0) if answers else 200
        body = STUDY if status == 200 else {"error": {"detail": "boom"}}
        return httpx.Response(status, json=body)

    return httpx.MockTransport(handler), seen


def test_every_generated_method_carries_its_operation() -> None:
    client = Prolific(token=TOKEN)
    found = {}
    for tag in TAGS:
        group = getattr(client, tag)
        for operation in OPERATIONS.values():
            if operation.tag == tag:
                method = getattr(group, operation.name)
                assert isinstance(method.operation, Operation)
                found[operation.operation_id] = method.operation
    assert set(found) == set(OPERATIONS)
    assert all(found[key].operation_id == key for key in found)
    assert client.studies.get_study.operation is GET_STUDY  # the typed record, checking its success type


def test_build_and_parse_are_the_generated_endpoints() -> None:
    kwargs = GET_STUDY.build(id="a/b")
    assert kwargs["method"].upper() == "GET" and kwargs["url"] == "/api/v1/studies/a%2Fb/"
    request = httpx.Request("GET", "https://api.prolific.com/api/v1/studies/s1/")
    parsed = GET_STUDY.parse(httpx.Response(200, json=STUDY, request=request))
    assert parsed.id == "s1"


def test_a_status_error_carries_the_attempt_count_in_its_message_not_on_an_attribute(monkeypatch) -> None:
    waits: list[float] = []
    monkeypatch.setattr("time.sleep", waits.append)
    transport, seen = scripted([503, 503, 503])
    with (
        Prolific(token=TOKEN, retry_policy=FAST, http_client=httpx.Client(transport=transport)) as client,
        pytest.raises(prolific.ServerError) as info,
    ):
        client.studies.get_study("s1")
    assert len(seen) == 3 and len(waits) == 2
    assert "[after 3 attempts]" in str(info.value)
    assert not hasattr(info.value, "prolific_attempts")


def test_the_callers_httpx_client_gets_no_hook_and_keeps_its_transport() -> None:
    transport, seen = scripted([])
    http = httpx.Client(transport=transport)
    with Prolific(token=TOKEN, http_client=http) as client:
        assert client.studies.get_study("s1").id == "s1"
        assert client.api.get_httpx_client() is not http  # client.api's own thin client forwards to it
        from prolific_api_client.api.studies import get_study

        assert get_study.sync("s1", client=client.api).id == "s1"  # type: ignore[union-attr]
    assert http.event_hooks == {"request": [], "response": []}
    assert [r.headers["Authorization"] for r in seen] == [f"Token {TOKEN}"] * 2


def test_with_raw_response_gets_the_response_of_that_call() -> None:
    transport, seen = scripted([])
    with Prolific(token=TOKEN, http_client=httpx.Client(transport=transport)) as client:
        raw = client.with_raw_response(client.studies.get_study, "s1")
        assert raw.parsed.id == "s1" and raw.status_code == 200 and raw.http_response.request is seen[-1]
        with pytest.raises(InvalidArgumentError, match="client method"):
            client.with_raw_response(lambda: None)


async def test_async_with_raw_response_on_a_generated_method() -> None:
    transport, _ = scripted([])
    async with AsyncProlific(token=TOKEN, http_client=httpx.AsyncClient(transport=transport)) as client:
        raw = await client.with_raw_response(client.studies.get_study, id="s1")
    assert raw.parsed.id == "s1" and json.loads(raw.http_response.content)["id"] == "s1"


async def test_async_retries_are_awaited(monkeypatch) -> None:
    blocking: list[float] = []
    monkeypatch.setattr("time.sleep", blocking.append)
    transport, seen = scripted([502, 200])
    async with AsyncProlific(token=TOKEN, retry_policy=FAST, http_client=httpx.AsyncClient(transport=transport)) as c:
        assert (await asyncio.wait_for(c.studies.get_study("s1"), 10)).id == "s1"
    assert len(seen) == 2 and blocking == []


def test_paginate_refuses_what_is_not_an_operation_method() -> None:
    client = Prolific(token=TOKEN)
    with pytest.raises(InvalidArgumentError, match="client method"):
        next(iter(client.paginate(lambda: None)))  # type: ignore[call-overload]


# -- the import graph ----------------------------------------------------------------------------

OVERLAY = Path(prolific.__file__).parent


def _imports(module: str) -> set[str]:
    """The ``prolific`` modules ``module`` imports, at run time or for type checking (both are edges)."""
    spec = importlib.util.find_spec(module)
    assert spec is not None and spec.origin is not None
    tree = ast.parse(Path(spec.origin).read_text(encoding="utf-8"))
    package = module if spec.submodule_search_locations else module.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")
                base = ".".join(parts[: len(parts) - node.level + 1] + ([base] if base else []))
            for alias in node.names:
                name = f"{base}.{alias.name}"
                found.add(name if importlib.util.find_spec(base) and _is_module(name) else base)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return {name for name in found if name.startswith("prolific.") and name != module}


def _is_module(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        return False


def test_the_overlay_has_no_import_circles_outside_the_cli() -> None:
    # The CLI's own circle (_context <-> _input <-> _output) is cut on the CLI's branch.
    modules = [
        info.name
        for info in pkgutil.walk_packages([str(OVERLAY)], "prolific.")
        if not info.name.startswith("prolific.cli")
    ]
    graph = {module: _imports(module) - {"prolific"} for module in modules}
    state: dict[str, int] = {}
    cycles: list[list[str]] = []

    def visit(node: str, path: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(graph.get(node, ())):
            if nxt.startswith("prolific.cli"):
                continue
            if state.get(nxt) == 1:
                cycles.append([*path[path.index(nxt) :], nxt] if nxt in path else [node, nxt])
            elif nxt not in state:
                visit(nxt, [*path, nxt])
        state[node] = 2

    for module in modules:
        if module not in state:
            visit(module, [module])
    assert not cycles, cycles
