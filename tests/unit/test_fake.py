"""prolific.testing.FakeProlific: endpoints, errors, auth, recording, faults, transport and server."""

from __future__ import annotations

import asyncio
import doctest
import importlib
import json
import pkgutil
import socket
import threading
import time
import types
from collections.abc import AsyncIterator, Iterator
from typing import Any

import httpx
import pytest
import pytest_asyncio

import prolific.testing
import prolific.testing._transport  # patched (its asyncio.sleep, for the stall test): no public seam
from prolific.testing import FakeProlific, RecordedRequest
from prolific_api_client.operations import OPERATIONS

TOKEN = "tok-SECRET-fake-91b2"
PASSWORD = "pw-SECRET-3c4d"
BASE = "https://api.prolific.com"
AUTH = {"Authorization": f"Token {TOKEN}"}
POOLS = "/api/v1/credentials/"
GROUPS = "/api/v1/participant-groups/"
INVITATIONS = "/api/v1/invitations/"


@pytest.fixture
def fake() -> FakeProlific:
    return FakeProlific(token=TOKEN)


@pytest.fixture
def client(fake: FakeProlific) -> Iterator[httpx.Client]:
    with httpx.Client(transport=fake.transport, base_url=BASE, headers=AUTH) as c:
        yield c


@pytest_asyncio.fixture
async def aclient(fake: FakeProlific) -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(transport=fake.transport, base_url=BASE, headers=AUTH) as c:
        yield c


@pytest.fixture
def server(fake: FakeProlific) -> Iterator[httpx.Client]:
    """A plain httpx client talking to the fake over loopback HTTP."""
    with fake.serve() as url, httpx.Client(base_url=url, headers=AUTH, timeout=5) as c:
        yield c


def make_pool(client: httpx.Client, credentials: str = "alice,pw-1\nbob,pw-2", workspace: str = "ws1") -> str:
    response = client.post(POOLS, json={"credentials": credentials, "workspace_id": workspace})
    assert response.status_code == 201, response.text
    pool_id: str = response.json()["credential_pool_id"]
    return pool_id


def error_of(response: httpx.Response, status: int) -> Any:
    """Check Prolific's error shape and return the detail."""
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"}
    error = body["error"]
    assert error["status"] == status
    assert isinstance(error["error_code"], int)
    assert isinstance(error["title"], str) and error["title"]
    assert PASSWORD not in response.text
    return error["detail"]


# -- the module's own examples ----------------------------------------------------------------------


def test_docstring_examples_run() -> None:
    modules = [
        prolific.testing,
        *(
            importlib.import_module(m.name)
            for m in pkgutil.iter_modules(prolific.testing.__path__, "prolific.testing.")
        ),
    ]
    results = [doctest.testmod(module, optionflags=doctest.ELLIPSIS) for module in modules]
    assert sum(r.attempted for r in results) >= 20 and sum(r.failed for r in results) == 0


# -- credential pools -----------------------------------------------------------------------------


def test_create_pool(client: httpx.Client, fake: FakeProlific) -> None:
    response = client.post(POOLS, json={"credentials": "alice,pw-1\nbob,pw-2", "workspace_id": "ws1"})
    assert response.status_code == 201
    assert response.headers["content-type"] == "application/json"
    pool_id = response.json()["credential_pool_id"]
    prefix, _, suffix = pool_id.partition("_")
    assert prefix == "ws1" and len(suffix) == 32 and int(suffix, 16) >= 0
    assert fake.pools == {pool_id: [("alice", "pw-1"), ("bob", "pw-2")]}
    assert fake.pool_workspaces == {pool_id: "ws1"}


def test_update_pool_appends_in_order(client: httpx.Client, fake: FakeProlific) -> None:
    pool_id = make_pool(client)
    response = client.patch(f"{POOLS}{pool_id}/", json={"credentials": "carol,pw-3"})
    assert response.status_code == 200 and response.json() == {"credential_pool_id": pool_id}
    assert fake.pools[pool_id] == [("alice", "pw-1"), ("bob", "pw-2"), ("carol", "pw-3")]


@pytest.mark.parametrize(
    ("body", "fields"),
    [
        ({}, {"credentials": ["This field is required."], "workspace_id": ["This field is required."]}),
        ({"credentials": "a,b"}, {"workspace_id": ["This field is required."]}),
        ({"credentials": "a,b", "workspace_id": ""}, {"workspace_id": ["This field may not be blank."]}),
        ({"credentials": "a,b", "workspace_id": 7}, {"workspace_id": ["Not a valid string."]}),
        ({"credentials": ["a,b"], "workspace_id": "ws"}, {"credentials": ["Not a valid string."]}),
        ({"credentials": "", "workspace_id": "ws"}, {"credentials": ["This field may not be blank."]}),
    ],
)
def test_create_pool_field_errors(client: httpx.Client, fake: FakeProlific, body: Any, fields: Any) -> None:
    assert error_of(client.post(POOLS, json=body), 400) == fields
    assert fake.pools == {}


@pytest.mark.parametrize(
    ("text", "line"),
    [
        (f"alice{PASSWORD}", 1),  # no comma
        (f"alice,{PASSWORD}\nbob,{PASSWORD},x", 2),  # two commas
        (f",{PASSWORD}", 1),  # empty username
        ("alice,", 1),  # empty password
        (f"alice,{PASSWORD}\n", 2),  # trailing newline: an empty line
        (f"alice,{PASSWORD}\n\nbob,x", 2),
        (f"alice,{PASSWORD}\r\nbob,x", 1),  # CRLF is not the wire format
    ],
)
def test_malformed_credentials_are_400_without_passwords(
    client: httpx.Client, fake: FakeProlific, text: str, line: int
) -> None:
    detail = error_of(client.post(POOLS, json={"credentials": text, "workspace_id": "ws"}), 400)
    assert list(detail) == ["credentials"] and f"Line {line}" in detail["credentials"][0]
    assert fake.pools == {}
    pool_id = make_pool(client)
    detail = error_of(client.patch(f"{POOLS}{pool_id}/", json={"credentials": text}), 400)
    assert f"Line {line}" in detail["credentials"][0]
    assert fake.pools[pool_id] == [("alice", "pw-1"), ("bob", "pw-2")]


def test_duplicates_in_create_are_409_and_store_nothing(client: httpx.Client, fake: FakeProlific) -> None:
    response = client.post(POOLS, json={"credentials": f"a,{PASSWORD}\nb,x\na,y", "workspace_id": "ws"})
    assert "line 3" in error_of(response, 409)
    assert fake.pools == {} and fake.pool_workspaces == {}


def test_update_conflicts_are_all_or_nothing(client: httpx.Client, fake: FakeProlific) -> None:
    pool_id = make_pool(client)
    before = list(fake.pools[pool_id])
    exists = client.patch(f"{POOLS}{pool_id}/", json={"credentials": f"zed,{PASSWORD}\nalice,{PASSWORD}"})
    assert "already exist" in error_of(exists, 409) and "line 2" in exists.json()["error"]["detail"]
    repeats = client.patch(f"{POOLS}{pool_id}/", json={"credentials": f"zed,{PASSWORD}\nzed,{PASSWORD}"})
    assert "repeat" in error_of(repeats, 409)
    assert fake.pools[pool_id] == before
    # zed was not half-stored: it can still be added
    assert client.patch(f"{POOLS}{pool_id}/", json={"credentials": "zed,pw"}).status_code == 200


def test_update_unknown_pool_is_404(client: httpx.Client, fake: FakeProlific) -> None:
    assert "not found" in error_of(client.patch(f"{POOLS}ws_nope/", json={"credentials": "a,b"}), 404)
    assert fake.pools == {}


def test_update_missing_credentials_is_400(client: httpx.Client) -> None:
    pool_id = make_pool(client)
    assert error_of(client.patch(f"{POOLS}{pool_id}/", json={}), 400) == {"credentials": ["This field is required."]}


# -- participant groups and invitations -----------------------------------------------------------


def test_create_participant_group(client: httpx.Client, fake: FakeProlific) -> None:
    response = client.post(
        GROUPS,
        json={
            "name": "Pilot",
            "workspace_id": "ws1",
            "description": "d",
            "participant_ids": ["5e9b9c9b0f9c9a0001b0b1a1", "5e9b9c9b0f9c9a0001b0b1a2"],
        },
    )
    assert response.status_code == 201
    group = response.json()
    assert group == {
        "id": group["id"],
        "name": "Pilot",
        "project_id": None,
        "workspace_id": "ws1",
        "organisation_id": None,
        "description": "d",
        "participant_count": 2,
        "is_deleted": False,
        "feeder_studies": [],
    }
    assert fake.participant_groups == {group["id"]: group}
    org = client.post(GROUPS, json={"name": "Org", "organisation_id": "o1"}).json()
    assert org["organisation_id"] == "o1" and org["workspace_id"] is None and org["participant_count"] == 0


@pytest.mark.parametrize(
    "body",
    [
        {"workspace_id": "ws"},
        {"name": "", "workspace_id": "ws"},
        {"name": "   ", "workspace_id": "ws"},
        {"name": 3, "workspace_id": "ws"},
        {"name": "G"},
        {"name": "G", "workspace_id": "ws", "organisation_id": "o"},
        {"name": "G", "workspace_id": "ws", "participant_ids": "p1"},
        {"name": "G", "workspace_id": "ws", "participant_ids": [1]},
        {"name": "G", "workspace_id": "ws", "participant_ids": ["p1"]},
    ],
)
def test_participant_group_errors(client: httpx.Client, fake: FakeProlific, body: Any) -> None:
    error_of(client.post(GROUPS, json=body), 400)
    assert fake.participant_groups == {}


def test_create_invitations(client: httpx.Client, fake: FakeProlific) -> None:
    body = {"association": "ws1", "emails": ["a@example.org", "b@example.org"], "role": "WORKSPACE_ADMIN"}
    response = client.post(INVITATIONS, json=body)
    assert response.status_code == 201
    invitations = response.json()["invitations"]
    assert [i["invitee"]["email"] for i in invitations] == ["a@example.org", "b@example.org"]
    for invitation in invitations:
        assert set(invitation) == {"association", "invitee", "invited_by", "status", "invite_link", "role"}
        assert set(invitation["invitee"]) == {"id", "name", "email"}
        assert invitation["status"] == "INVITED" and invitation["role"] == "WORKSPACE_ADMIN"
        assert invitation["association"] == "ws1"
    assert fake.invitations == invitations


@pytest.mark.parametrize(
    "body",
    [
        {"emails": ["a@example.org"], "role": "WORKSPACE_ADMIN"},
        {"association": "ws", "emails": [], "role": "WORKSPACE_ADMIN"},
        {"association": "ws", "emails": "a@example.org", "role": "WORKSPACE_ADMIN"},
        {"association": "ws", "role": "WORKSPACE_ADMIN"},
        {"association": "ws", "emails": ["a@example.org"], "role": "OWNER"},
        {"association": "ws", "emails": ["a@example.org"]},
    ],
)
def test_invitation_errors(client: httpx.Client, fake: FakeProlific, body: Any) -> None:
    error_of(client.post(INVITATIONS, json=body), 400)
    assert fake.invitations == []


# -- auth, routing, bodies ------------------------------------------------------------------------


@pytest.mark.parametrize("header", [None, "", "Token", "Token ", f"Bearer {TOKEN}", "Token wrong"])
def test_unauthenticated_is_401_before_anything_else(fake: FakeProlific, header: str | None) -> None:
    headers = {} if header is None else {"Authorization": header}
    fake.fail_next(503)
    with httpx.Client(transport=fake.transport, base_url=BASE, headers=headers) as c:
        assert error_of(c.post("/nowhere", content=b"not json"), 401)
        assert error_of(c.post(POOLS, json={"credentials": "a,b", "workspace_id": "w"}), 401)
    assert fake.pools == {}
    assert fake.pending_faults == 1  # a 401 consumes no fault


def test_token_none_accepts_any_non_empty_token() -> None:
    fake = FakeProlific()
    with httpx.Client(transport=fake.transport, base_url=BASE) as c:
        assert c.post(GROUPS, json={"name": "G", "workspace_id": "w"}, headers={"Authorization": "Token x"}).is_success
        assert (
            c.post(GROUPS, json={"name": "G", "workspace_id": "w"}, headers={"Authorization": "Token"}).status_code
            == 401
        )
    with pytest.raises(ValueError):
        FakeProlific(token="")


def test_unknown_path_and_wrong_method(client: httpx.Client) -> None:
    for path in ["/api/v1/credentials", "/api/v1/nowhere/", f"{POOLS}a/b/", "/"]:
        assert path in error_of(client.post(path, json={}), 404)
    wrong = client.put(POOLS, json={})
    assert "PUT" in error_of(wrong, 405)
    assert wrong.headers["allow"] == ", ".join(sorted(op.method for op in OPERATIONS.values() if op.path == POOLS))
    assert client.post(f"{POOLS}ws_x/", json={"credentials": "a,b"}).status_code == 405
    assert client.put(GROUPS, json={}).status_code == 405


@pytest.mark.parametrize("content", [b"", b"not json", b'{"credentials": ', b"[1, 2]", b'"text"', b"\xff\xfe"])
def test_non_object_bodies_are_400(client: httpx.Client, content: bytes) -> None:
    error_of(client.post(POOLS, content=content, headers={"Content-Type": "application/json"}), 400)


# -- recording ------------------------------------------------------------------------------------


def test_requests_are_recorded_and_redacted(client: httpx.Client, fake: FakeProlific) -> None:
    pool_id = make_pool(client, f"a,{PASSWORD}\nb,{PASSWORD}x\nc,{PASSWORD}y")
    client.patch(f"{POOLS}{pool_id}/", json={"credentials": f"a,{PASSWORD}"})
    first, second = fake.requests
    assert (first.method, first.path, first.status, first.fault) == ("POST", POOLS, 201, None)
    assert (second.method, second.status) == ("PATCH", 409)
    assert first.headers["authorization"] == f"Token {TOKEN}"  # real values stay inspectable
    assert first.body["workspace_id"] == "ws1" and PASSWORD in first.body["credentials"]
    for text in [repr(first), str(first), repr(fake.requests), str(fake.requests), repr(fake)]:
        assert TOKEN not in text and PASSWORD not in text
    assert "'<redacted: 3 lines>'" in repr(first) and "'<redacted: 1 line>'" in repr(second)
    odd = RecordedRequest("POST", POOLS, 400, {"Authorization": "Token t"}, [f"a,{PASSWORD}"])
    assert PASSWORD not in repr(odd) and "Token t" not in repr(odd)


def test_reset(client: httpx.Client, fake: FakeProlific) -> None:
    make_pool(client)
    client.post(GROUPS, json={"name": "G", "workspace_id": "w"})
    fake.fail_next(500)
    fake.reset()
    assert (fake.pools, fake.pool_workspaces, fake.participant_groups, fake.requests) == ({}, {}, {}, [])
    assert fake.pending_faults == 0 and fake.token == TOKEN
    make_pool(client)  # the same usernames are free again


# -- faults through the in-process transport ------------------------------------------------------


def test_fail_next_default_body_and_retry_after(client: httpx.Client, fake: FakeProlific) -> None:
    fake.fail_next(503, retry_after=2)
    fake.fail_next(429, retry_after="Wed, 21 Oct 2015 07:28:00 GMT")
    fake.fail_next(429, retry_after=0.5)
    first = client.post(GROUPS, json={"name": "G", "workspace_id": "w"})
    assert "fault" in error_of(first, 503).lower() and first.headers["retry-after"] == "2"
    assert client.post(GROUPS, json={}).headers["retry-after"] == "Wed, 21 Oct 2015 07:28:00 GMT"
    assert client.post(GROUPS, json={}).headers["retry-after"] == "0.5"
    assert client.post(GROUPS, json={"name": "G", "workspace_id": "w"}).status_code == 201
    assert fake.pending_faults == 0
    assert [r.status for r in fake.requests] == [503, 429, 429, 201]
    assert fake.requests[0].fault == "fail_next(503)"
    assert len(fake.participant_groups) == 1  # faults without apply change nothing


@pytest.mark.parametrize(
    ("body", "content", "kind"),
    [
        (b"\x00raw", b"\x00raw", "application/octet-stream"),
        ("<html>Bad gateway</html>", b"<html>Bad gateway</html>", "text/html; charset=utf-8"),
        ("upstream reset", b"upstream reset", "text/plain; charset=utf-8"),
        ({"detail": "x"}, b'{"detail": "x"}', "application/json"),
        (["a"], b'["a"]', "application/json"),
        (b"", b"", "application/octet-stream"),
    ],
)
def test_fail_next_bodies(client: httpx.Client, fake: FakeProlific, body: Any, content: bytes, kind: str) -> None:
    fake.fail_next(502, body=body)
    response = client.post(POOLS, json={})
    assert (response.status_code, response.content, response.headers["content-type"]) == (502, content, kind)


@pytest.mark.parametrize("status", [499, 520, 599, 200, 418])
def test_fail_next_any_status(client: httpx.Client, fake: FakeProlific, status: int) -> None:
    fake.fail_next(status)
    response = client.post(POOLS, json={})
    assert response.status_code == status and response.json()["error"]["status"] == status
    assert response.reason_phrase


def test_fail_next_redirect_with_location(client: httpx.Client, fake: FakeProlific) -> None:
    fake.fail_next(302, headers={"Location": "https://evil.example/steal", "Content-Type": "text/plain"}, body="")
    response = client.post(POOLS, json={"credentials": "a,b", "workspace_id": "w"})
    assert response.status_code == 302 and response.headers["location"] == "https://evil.example/steal"
    assert response.headers["content-type"] == "text/plain" and response.content == b""
    assert fake.pools == {}


def test_fail_next_times_and_order(client: httpx.Client, fake: FakeProlific) -> None:
    fake.fail_next(503, times=2)
    fake.fail_next(502)
    statuses = [client.post(GROUPS, json={"name": "G", "workspace_id": "w"}).status_code for _ in range(4)]
    assert statuses == [503, 503, 502, 201]


def test_fail_next_apply_changes_state(client: httpx.Client, fake: FakeProlific) -> None:
    fake.fail_next(502, apply=True)
    response = client.post(POOLS, json={"credentials": "a,b", "workspace_id": "w"})
    error_of(response, 502)
    [pool_id] = fake.pools  # the write happened although the client saw a 502
    assert fake.pools[pool_id] == [("a", "b")]
    assert fake.requests[0].status == 502 and fake.requests[0].fault == "fail_next(502, after_apply=True) after 201"


def test_fault_filters(client: httpx.Client, fake: FakeProlific) -> None:
    pool_id = make_pool(client)
    fake.fail_next(503, method="patch")
    fake.fail_next(504, path=INVITATIONS)
    fake.fail_next(500, path=f"{POOLS}*/")
    assert client.post(GROUPS, json={"name": "G", "workspace_id": "w"}).status_code == 201  # passes through
    assert client.post(POOLS, json={"credentials": "x,y", "workspace_id": "w"}).status_code == 201
    assert client.patch(f"{POOLS}{pool_id}/", json={"credentials": "c,d"}).status_code == 503
    assert client.patch(f"{POOLS}{pool_id}/", json={"credentials": "c,d"}).status_code == 500
    assert client.patch(f"{POOLS}{pool_id}/", json={"credentials": "c,d"}).status_code == 200
    assert fake.pending_faults == 1
    body = {"association": "w", "emails": ["a@example.org"], "role": "WORKSPACE_ADMIN"}
    assert client.post(f"{INVITATIONS}?x=1", json=body).status_code == 504  # the query is not part of the path
    assert fake.pending_faults == 0


def test_drop_next_via_transport(client: httpx.Client, fake: FakeProlific) -> None:
    fake.drop_next()
    fake.drop_next(apply=True)
    with pytest.raises(httpx.RemoteProtocolError, match="without sending a response"):
        client.post(POOLS, json={"credentials": "a,b", "workspace_id": "w"})
    assert fake.pools == {}
    with pytest.raises(httpx.RemoteProtocolError):
        client.post(POOLS, json={"credentials": "a,b", "workspace_id": "w"})
    assert len(fake.pools) == 1  # applied, then dropped
    assert [(r.status, r.fault) for r in fake.requests] == [
        (None, "drop_next()"),
        (None, "drop_next(after_apply=True) after 201"),
    ]


def test_stall_next_via_sync_transport(
    client: httpx.Client, fake: FakeProlific, monkeypatch: pytest.MonkeyPatch
) -> None:
    slept: list[float] = []
    monkeypatch.setattr(time, "sleep", slept.append)  # what the transport waits, without waiting
    fake.stall_next(0.15)
    assert client.post(GROUPS, json={"name": "G", "workspace_id": "w"}).status_code == 201
    assert slept == [0.15]
    assert fake.requests[0].fault == "stall_next(0.15)"


@pytest.mark.parametrize(
    "call",
    [
        lambda f: f.fail_next(100),
        lambda f: f.fail_next(1000),
        lambda f: f.fail_next(True),
        lambda f: f.fail_next(500, times=0),
        lambda f: f.fail_next(500, headers={"X-Bad": "a\r\nSet-Cookie: x"}),
        lambda f: f.fail_next(500, headers={"Content-Length": "3"}),
        lambda f: f.fail_next(500, path="api/v1/"),
        lambda f: f.drop_next(times=-1),
        lambda f: f.stall_next(-1),
    ],
)
def test_bad_fault_arguments(fake: FakeProlific, call: Any) -> None:
    with pytest.raises(ValueError):
        call(fake)
    assert fake.pending_faults == 0


def test_transport_internal_error_is_500(
    client: httpx.Client, fake: FakeProlific, monkeypatch: pytest.MonkeyPatch
) -> None:
    def boom(*args: Any) -> Any:
        raise RuntimeError(PASSWORD)

    monkeypatch.setattr(fake.dispatcher, "route", boom)
    assert "failed" in error_of(client.post(POOLS, json={}), 500)


# -- the async side of the same transport ---------------------------------------------------------


@pytest.mark.asyncio
async def test_async_transport_endpoints_and_errors(aclient: httpx.AsyncClient, fake: FakeProlific) -> None:
    created = await aclient.post(POOLS, json={"credentials": "a,b", "workspace_id": "w"})
    pool_id = created.json()["credential_pool_id"]
    assert created.status_code == 201
    assert (await aclient.patch(f"{POOLS}{pool_id}/", json={"credentials": "c,d"})).status_code == 200
    error_of(await aclient.patch(f"{POOLS}{pool_id}/", json={"credentials": f"a,{PASSWORD}"}), 409)
    error_of(await aclient.patch(f"{POOLS}nope/", json={"credentials": "a,b"}), 404)
    error_of(await aclient.post(POOLS, json={"credentials": "a", "workspace_id": "w"}), 400)
    assert (await aclient.post(GROUPS, json={"name": "G", "workspace_id": "w"})).status_code == 201
    body = {"association": "w", "emails": ["a@example.org"], "role": "WORKSPACE_COLLABORATOR"}
    assert (await aclient.post(INVITATIONS, json=body)).status_code == 201
    error_of(await aclient.post(POOLS, json={}, headers={"Authorization": "Token wrong"}), 401)
    assert fake.pools[pool_id] == [("a", "b"), ("c", "d")]


@pytest.mark.asyncio
async def test_async_transport_faults(aclient: httpx.AsyncClient, fake: FakeProlific) -> None:
    fake.fail_next(429, retry_after=1)
    fake.drop_next()
    fake.fail_next(500, apply=True)
    assert (await aclient.post(GROUPS, json={})).headers["retry-after"] == "1"
    with pytest.raises(httpx.RemoteProtocolError):
        await aclient.post(GROUPS, json={})
    assert (await aclient.post(GROUPS, json={"name": "G", "workspace_id": "w"})).status_code == 500
    assert len(fake.participant_groups) == 1


@pytest.mark.asyncio
async def test_async_stall_does_not_block_the_loop(
    aclient: httpx.AsyncClient, fake: FakeProlific, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The stall's sleep waits for an event this test sets: what ran meanwhile shows the loop kept going.
    slept: list[float] = []
    release = asyncio.Event()

    async def sleep(seconds: float) -> None:
        slept.append(seconds)
        await release.wait()

    monkeypatch.setattr(prolific.testing._transport, "asyncio", types.SimpleNamespace(sleep=sleep))
    fake.stall_next(0.3, method="POST", path=GROUPS)
    slow = asyncio.create_task(aclient.post(GROUPS, json={"name": "G", "workspace_id": "w"}))
    while not slept:
        await asyncio.sleep(0)
    fast = await aclient.post(POOLS, json={"credentials": "a,b", "workspace_id": "w"})
    assert fast.status_code == 201 and not slow.done() and slept == [0.3]
    release.set()
    assert (await slow).status_code == 201
    # the stalled request is recorded when it is answered, after the fast one
    assert [r.path for r in fake.requests] == [POOLS, GROUPS]


@pytest.mark.asyncio
async def test_async_stall_cancelled_changes_nothing(aclient: httpx.AsyncClient, fake: FakeProlific) -> None:
    fake.stall_next(5)
    with pytest.raises(TimeoutError):
        await asyncio.wait_for(aclient.post(POOLS, json={"credentials": "a,b", "workspace_id": "w"}), 0.05)
    assert fake.pools == {} and fake.requests == []


# -- the real server ------------------------------------------------------------------------------


def test_server_endpoints(server: httpx.Client, fake: FakeProlific) -> None:
    created = server.post(POOLS, json={"credentials": f"a,{PASSWORD}", "workspace_id": "w"})
    assert created.status_code == 201 and created.http_version == "HTTP/1.1"
    pool_id = created.json()["credential_pool_id"]
    assert server.patch(f"{POOLS}{pool_id}/", json={"credentials": "b,c"}).json() == {"credential_pool_id": pool_id}
    error_of(server.patch(f"{POOLS}{pool_id}/", json={"credentials": f"a,{PASSWORD}"}), 409)
    error_of(server.patch(f"{POOLS}unknown/", json={"credentials": "x,y"}), 404)
    error_of(server.post(POOLS, content=b"{nope"), 400)
    error_of(server.put(GROUPS), 405)
    error_of(server.get("/missing"), 404)
    error_of(server.post(POOLS, json={}, headers={"Authorization": "Token nope"}), 401)
    assert server.post(GROUPS, json={"name": "G", "organisation_id": "o"}).json()["organisation_id"] == "o"
    body = {"association": "w", "emails": ["a@example.org", "b@example.org"], "role": "WORKSPACE_ADMIN"}
    assert len(server.post(INVITATIONS, json=body).json()["invitations"]) == 2
    assert fake.pools[pool_id] == [("a", PASSWORD), ("b", "c")]
    assert len(fake.requests) == 10


def test_server_keeps_connections_alive(server: httpx.Client) -> None:
    ports = set()
    for _ in range(5):
        response = server.post(GROUPS, json={"name": "G", "workspace_id": "w"})
        assert response.status_code == 201 and "close" not in response.headers.get("connection", "")
        ports.add(response.extensions["network_stream"].get_extra_info("client_addr")[1])
    assert len(ports) == 1


def test_server_head_and_no_body_statuses_keep_framing(server: httpx.Client, fake: FakeProlific) -> None:
    assert server.head(POOLS).status_code == 405
    fake.fail_next(204)
    fake.fail_next(304)
    assert server.post(GROUPS, json={}).status_code == 204
    assert server.post(GROUPS, json={}).status_code == 304
    assert server.post(GROUPS, json={"name": "G", "workspace_id": "w"}).status_code == 201  # same connection, intact


def test_server_chunked_request_body(server: httpx.Client, fake: FakeProlific) -> None:
    payload = json.dumps({"credentials": "a,b\nc,d", "workspace_id": "w"}).encode()
    parts = iter([payload[:10], payload[10:]])
    response = server.post(POOLS, content=parts)
    assert response.status_code == 201
    assert list(fake.pools.values()) == [[("a", "b"), ("c", "d")]]


def test_server_bad_framing_is_400_not_a_hang(fake: FakeProlific) -> None:
    with fake.serve() as url:
        port = int(url.rsplit(":", 1)[1])
        with socket.create_connection(("127.0.0.1", port), timeout=2) as sock:
            sock.sendall(f"POST {POOLS} HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n".encode())
            reply = sock.recv(65536).decode()
    assert reply.startswith("HTTP/1.1 400 ") and '"error"' in reply and "Connection: close" in reply


def test_server_faults(server: httpx.Client, fake: FakeProlific) -> None:
    fake.fail_next(503, retry_after="0")
    fake.fail_next(302, headers={"Location": "https://elsewhere.example/"})
    fake.fail_next(520, body="<html>origin error</html>")
    fake.fail_next(599)
    fake.fail_next(502, apply=True, method="POST")
    first = server.post(POOLS, json={})
    assert first.status_code == 503 and first.headers["retry-after"] == "0"
    redirect = server.post(POOLS, json={})
    assert redirect.status_code == 302 and redirect.headers["location"] == "https://elsewhere.example/"
    assert server.post(POOLS, json={}).text == "<html>origin error</html>"
    assert server.post(POOLS, json={}).status_code == 599
    assert server.post(POOLS, json={"credentials": "a,b", "workspace_id": "w"}).status_code == 502
    assert len(fake.pools) == 1


def test_server_drop(server: httpx.Client, fake: FakeProlific) -> None:
    fake.drop_next()
    with pytest.raises(httpx.RemoteProtocolError, match="without sending a response"):
        server.post(POOLS, json={"credentials": "a,b", "workspace_id": "w"})
    assert fake.pools == {}
    fake.drop_next(apply=True)
    with pytest.raises((httpx.RemoteProtocolError, httpx.ReadError)):
        server.post(POOLS, json={"credentials": "a,b", "workspace_id": "w"})
    assert len(fake.pools) == 1
    assert server.post(GROUPS, json={"name": "G", "workspace_id": "w"}).status_code == 201  # recovers


def test_server_stall_times_out_and_serve_exits_promptly(fake: FakeProlific) -> None:
    fake.stall_next(30)
    with (
        fake.serve() as url,
        httpx.Client(base_url=url, headers=AUTH, timeout=0.2) as c,
        pytest.raises(httpx.ReadTimeout),
    ):
        c.post(POOLS, json={"credentials": "a,b", "workspace_id": "w"})
    # serve() has returned, and it returns only once every request that arrived is recorded
    assert fake.pools == {}  # the stall was cut short (not 30 s later): nothing processed
    [record] = fake.requests
    assert record.status is None and record.fault == "stall_next(30) cut short by serve() exit"


def test_server_stall_then_answers(server: httpx.Client, fake: FakeProlific) -> None:
    fake.stall_next(0.1)
    assert server.post(GROUPS, json={"name": "G", "workspace_id": "w"}).status_code == 201
    assert [(r.status, r.fault) for r in fake.requests] == [(201, "stall_next(0.1)")]
    assert len(fake.participant_groups) == 1


def test_server_closes_keep_alive_connections_on_exit(fake: FakeProlific) -> None:
    with httpx.Client(headers=AUTH, timeout=2) as c:
        with fake.serve() as url:
            assert c.post(f"{url}{GROUPS}", json={"name": "G", "workspace_id": "w"}).status_code == 201
        with pytest.raises(httpx.TransportError):
            c.post(f"{url}{GROUPS}", json={"name": "G", "workspace_id": "w"})
    assert len(fake.participant_groups) == 1


def test_server_internal_error_is_500(
    server: httpx.Client, fake: FakeProlific, monkeypatch: pytest.MonkeyPatch
) -> None:
    def boom(*args: Any) -> Any:
        raise RuntimeError("bug")

    monkeypatch.setattr(fake.dispatcher, "respond", boom)
    assert "failed" in error_of(server.post(POOLS, json={}), 500)


@pytest.mark.asyncio
async def test_server_50_concurrent_async_requests(fake: FakeProlific) -> None:
    with fake.serve() as url:
        async with httpx.AsyncClient(base_url=url, headers=AUTH, timeout=10) as c:
            created = await c.post(POOLS, json={"credentials": "seed,pw", "workspace_id": "w"})
            pool_id = created.json()["credential_pool_id"]
            responses = await asyncio.gather(
                *(c.patch(f"{POOLS}{pool_id}/", json={"credentials": f"u{i},p{i}\nv{i},q{i}"}) for i in range(50))
            )
    assert [r.status_code for r in responses] == [200] * 50
    assert len(fake.pools[pool_id]) == 101 and len({u for u, _ in fake.pools[pool_id]}) == 101
    assert len(fake.requests) == 51


def test_serve_forever_until_stopped(fake: FakeProlific) -> None:
    urls: list[str] = []
    ready = threading.Event()
    stop = threading.Event()

    def on_ready(url: str) -> None:
        urls.append(url)
        ready.set()

    thread = threading.Thread(target=fake.serve_forever, kwargs={"ready": on_ready, "stop": stop}, daemon=True)
    thread.start()
    assert ready.wait(5)
    assert urls[0].startswith("http://127.0.0.1:")
    assert httpx.post(f"{urls[0]}{GROUPS}", json={"name": "G", "workspace_id": "w"}, headers=AUTH).status_code == 201
    stop.set()
    thread.join(2)
    assert not thread.is_alive()
