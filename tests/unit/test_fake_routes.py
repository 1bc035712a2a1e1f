"""FakeProlific's route table: every operation routed from the registry, 404 / 405, custom routes.

That every operation without a handler gets a documented answer is in test_fake_synth.py.
"""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from fake_checks import AUTH, BASE, TOKEN, call, error_detail, url_of

from prolific.testing import FakeProlific, FakeRequest, error_response
from prolific.testing._routes import NotAllowed, Resolved, RouteTable  # private: the route table, tested directly
from prolific_api_client.operations import OPERATIONS, Operation

UNHANDLED = "get-workspace-balance"  # an operation the tests route (the fake answers it from its state otherwise)


def concrete(operation_id: str) -> str:
    return url_of(operation_id, **{name: "x1" for name in OPERATIONS[operation_id].path_parameters})


# -- the table ------------------------------------------------------------------------------------


def test_every_operation_resolves_to_itself() -> None:
    table = RouteTable(OPERATIONS.values())
    for operation_id, op in OPERATIONS.items():
        resolved = table.resolve(op.method, concrete(operation_id))
        assert isinstance(resolved, Resolved), operation_id
        assert resolved.operation is op
        assert resolved.params == dict.fromkeys(op.path_parameters, "x1")


def test_literal_segments_win_over_parameters() -> None:
    # A made-up table: the registry has no such pair for one method today, a future spec may.
    by_id = Operation("by-id", "GET", "/things/{id}/", "t", "by_id", ("id",))
    latest = Operation("latest", "GET", "/things/latest/", "t", "latest")
    nested = Operation("nested", "POST", "/things/{id}/{part}/", "t", "nested", ("id", "part"))
    for table in (RouteTable([by_id, latest, nested]), RouteTable([latest, by_id, nested])):
        assert table.resolve("GET", "/things/latest/") == Resolved(latest, {})
        assert table.resolve("GET", "/things/other/") == Resolved(by_id, {"id": "other"})
        assert table.resolve("POST", "/things/a/b/") == Resolved(nested, {"id": "a", "part": "b"})
        assert table.resolve("POST", "/things/latest/") == NotAllowed(("GET",))
        assert table.resolve("GET", "/things//") is None  # a parameter is never empty
        assert table.resolve("GET", "/things/latest") is None  # the trailing slash is part of the path


def test_path_parameters_are_url_decoded() -> None:
    resolved = RouteTable(OPERATIONS.values()).resolve("GET", url_of("get-study", id="a%20b%2Fc"))
    assert isinstance(resolved, Resolved) and resolved.params == {"id": "a b/c"}


def test_a_method_no_operation_has_is_not_allowed() -> None:
    allowed = RouteTable(OPERATIONS.values()).resolve("TRACE", concrete("get-study"))
    assert isinstance(allowed, NotAllowed)
    assert set(allowed.allowed) == {op.method for op in OPERATIONS.values() if op.path == OPERATIONS["get-study"].path}


# -- 404, 405 over the wire ------------------------------------------------------------------------


def test_handled_operations_are_in_the_registry(fake: FakeProlific) -> None:
    assert fake.handled_operations <= set(OPERATIONS)
    assert {"create-study", "list-credential-pools", "remove-from-participant-group"} <= fake.handled_operations


def test_unknown_path_is_404_and_wrong_method_405(api: httpx.Client) -> None:
    response = api.get("/api/v1/no-such-thing/")
    assert "/api/v1/no-such-thing/" in error_detail(UNHANDLED, response, 404)
    path = OPERATIONS["get-study"].path
    methods = sorted(op.method for op in OPERATIONS.values() if op.path == path)
    wrong = api.put(concrete("get-study"), json={})
    assert "PUT" in error_detail("get-study", wrong, 405)
    assert wrong.headers["allow"] == ", ".join(methods)


# -- custom routes --------------------------------------------------------------------------------


def test_custom_route_answers_and_sees_the_request(api: httpx.Client, fake: FakeProlific) -> None:
    seen: list[FakeRequest] = []

    def balance(request: FakeRequest) -> dict[str, Any]:
        seen.append(request)
        return {"currency_code": "GBP", "workspace": request.path_params["workspace_id"]}

    fake.route(UNHANDLED, balance)
    response = api.get(url_of(UNHANDLED, workspace_id="ws%201"), params={"x": "1"}, headers={"X-Trace": "t"})
    assert response.status_code == 200 and response.json() == {"currency_code": "GBP", "workspace": "ws 1"}
    [request] = seen
    assert request.operation is OPERATIONS[UNHANDLED] and request.method == "GET"
    assert request.query == {"x": "1"} and request.headers["x-trace"] == "t"
    assert request.url.endswith("?x=1") and request.body is None and request.content == b""
    assert TOKEN not in repr(request) and "<redacted>" in repr(request)
    record = fake.requests[-1]
    assert (record.operation_id, record.status, dict(record.query)) == (UNHANDLED, 200, {"x": "1"})
    assert UNHANDLED in fake.handled_operations
    fake.route(UNHANDLED, None)
    assert call(api, UNHANDLED, workspace_id="w").status_code == 404  # the fake's own answer: no such workspace


def test_custom_route_results(api: httpx.Client, fake: FakeProlific) -> None:
    results: list[Any] = [
        httpx.Response(202, json={"ok": True}, headers={"X-Custom": "yes"}),
        httpx.Response(200, text="a,b\n", headers={"Content-Type": "text/csv"}),
        [1, 2],
        None,
        error_response(409, {"name": ["taken"]}),
    ]
    fake.route(UNHANDLED, lambda request: results.pop(0))
    first = call(api, UNHANDLED, workspace_id="w")
    assert (first.status_code, first.json(), first.headers["x-custom"]) == (202, {"ok": True}, "yes")
    csv = call(api, UNHANDLED, workspace_id="w")
    assert csv.text == "a,b\n" and csv.headers["content-type"] == "text/csv"
    assert call(api, UNHANDLED, workspace_id="w").json() == [1, 2]
    empty = call(api, UNHANDLED, workspace_id="w")
    assert empty.status_code == 204 and empty.content == b""
    assert error_detail(UNHANDLED, call(api, UNHANDLED, workspace_id="w"), 409) == {"name": ["taken"]}


def test_custom_route_replaces_a_builtin_and_gets_the_body(api: httpx.Client, fake: FakeProlific) -> None:
    fake.route("create-study", lambda request: httpx.Response(201, json={"echo": request.body}))
    body = {
        "name": "x", "description": "d", "external_study_url": "https://example.org", "reward": 100,
        "prolific_id_option": "url_parameters", "total_available_places": 1, "estimated_completion_time": 5,
    }  # fmt: skip
    response = call(api, "create-study", json=body)
    assert response.status_code == 201 and response.json() == {"echo": body}
    assert call(api, "create-study", json={"name": "x"}).status_code == 400  # custom routes get the spec's checks too
    assert fake.studies == {}
    fake.route("create-study", None)
    assert call(api, "create-study", json={}).status_code == 400  # the built-in checks again


def test_custom_route_errors_are_500_and_kept(api: httpx.Client, fake: FakeProlific) -> None:
    def broken(request: FakeRequest) -> Any:
        raise KeyError("SECRET-in-message")

    fake.route(UNHANDLED, broken)
    response = call(api, UNHANDLED, workspace_id="w")
    detail = error_detail(UNHANDLED, response, 500)
    assert "KeyError" in detail and UNHANDLED in detail and "SECRET" not in response.text
    fake.route(UNHANDLED, lambda request: 42)
    assert "TypeError" in error_detail(UNHANDLED, call(api, UNHANDLED, workspace_id="w"), 500)
    assert [type(e) for e in fake.exceptions] == [KeyError, TypeError]
    assert "returned int" in str(fake.exceptions[1])


def test_custom_route_needs_the_token_and_takes_faults(fake: FakeProlific) -> None:
    calls: list[str] = []
    fake.route(UNHANDLED, lambda request: calls.append("x") or {"ok": 1})
    fake.fail_next(503, operation=UNHANDLED)
    with httpx.Client(transport=fake.transport, base_url=BASE) as client:
        path = url_of(UNHANDLED, workspace_id="w")
        assert client.get(path, headers={"Authorization": "Token wrong"}).status_code == 401
        assert client.get(path, headers=AUTH).status_code == 503
        assert client.get(path, headers=AUTH).status_code == 200
    assert calls == ["x"]


def test_route_arguments_are_checked(fake: FakeProlific) -> None:
    with pytest.raises(ValueError, match="did you mean get-study"):
        fake.route("get-studdy", lambda r: None)
    with pytest.raises(TypeError, match="callable"):
        fake.route(UNHANDLED, "not a handler")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="unknown operation"):
        fake.fail_next(500, operation="nope")
    assert fake.pending_faults == 0


def test_reset_keeps_routes(api: httpx.Client, fake: FakeProlific) -> None:
    fake.route(UNHANDLED, lambda request: {"ok": 1})
    call(api, UNHANDLED, workspace_id="w")
    fake.reset()
    assert fake.requests == [] and call(api, UNHANDLED, workspace_id="w").json() == {"ok": 1}


# -- faults by operation, recording -----------------------------------------------------------------


def test_fault_filter_by_operation(api: httpx.Client, fake: FakeProlific) -> None:
    fake.fail_next(502, operation="update-credential-pool")
    created = call(api, "create-credential-pool", json={"credentials": "a,b", "workspace_id": "w"})
    assert created.status_code == 201
    pool_id = created.json()["credential_pool_id"]
    update = call(api, "update-credential-pool", json={"credentials": "c,d"}, credential_pool_id=pool_id)
    assert update.status_code == 502 and fake.pending_faults == 0
    assert [r.operation_id for r in fake.requests] == ["create-credential-pool", "update-credential-pool"]
    assert fake.requests[1].fault == "fail_next(502)"
    printed = repr(fake.requests)
    assert TOKEN not in printed and "'<redacted: 1 line>'" in printed


def test_non_json_bodies_are_400_for_builtins_only(api: httpx.Client, fake: FakeProlific) -> None:
    study = OPERATIONS["create-study"]
    response = api.request(study.method, study.path, content=b"{nope", headers={"Content-Type": "application/json"})
    assert "JSON" in error_detail("create-study", response, 400)
    fake.route(UNHANDLED, lambda request: {"content": request.content.decode(), "body": request.body})
    response = api.request("GET", url_of(UNHANDLED, workspace_id="w"), content=b"{nope")
    assert response.json() == {"content": "{nope", "body": None}
    assert fake.requests[-1].body is None
