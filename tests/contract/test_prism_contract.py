"""Every overlay operation, sent through Prism validating against openapi/prolific.yaml.

Prism runs with ``--errors``: a request that violates the spec (path, method, security, body
schema) is answered with an error instead of a mock response, and every Prism validator error is
also checked in its log after each test.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest

import prolific
from prolific import Prolific
from prolific_api_client.models import Invitation, ParticipantGroup

pytestmark = pytest.mark.contract

TOKEN = "contract-token-123"


@pytest.fixture
def client(prism: Any) -> Iterator[Prolific]:
    before = len(prism.log_text())
    with Prolific(token=TOKEN, base_url=prism.url, max_retries=0) as c:
        yield c
    new_log = prism.log_text()[before:]
    violations = [line for line in new_log.splitlines() if "[VALIDATOR]" in line and ("✖" in line or "⚠" in line)]
    assert not violations, "Prism reported request violations:\n" + "\n".join(violations)


def prefer(prism: Any, value: str) -> Prolific:
    """A client whose requests ask Prism for a given response (``Prefer: code=409`` etc.)."""
    http = httpx.Client(headers={"Prefer": value})
    return Prolific(token=TOKEN, base_url=prism.url, max_retries=0, http_client=http)


OPERATIONS: dict[str, Callable[[Prolific], Any]] = {
    "create_pool": lambda c: c.credentials.create_pool(workspace_id="ws1", credentials="alice,pw-1\nbob,pw-2"),
    "add": lambda c: c.credentials.add("ws1_pool", credentials=[("carol", "pw-3")]),
    "upload": lambda c: c.credentials.upload({"u1": "p1", "u2": "p2", "u3": "p3"}, workspace_id="ws1", batch_size=2),
    "participant_group": lambda c: c.participant_groups.create(
        name="Pilot",
        workspace_id="ws1",
        description="d",
        participant_ids=["5e9b9c9b0f9c9a0001b0b1a1", "5e9b9c9b0f9c9a0001b0b1a2"],
    ),
    "participant_group_org": lambda c: c.participant_groups.create(name="Org group", organisation_id="org1"),
    "invitations": lambda c: c.invitations.create(
        workspace_id="ws1", emails=["a@example.org", "b@example.org"], role="admin"
    ),
}


def test_create_pool(client: Prolific) -> None:
    assert OPERATIONS["create_pool"](client) == "string"


def test_add(client: Prolific) -> None:
    assert OPERATIONS["add"](client) == "string"


def test_upload_in_batches(client: Prolific) -> None:
    result = OPERATIONS["upload"](client)
    assert result.uploaded == 3 and result.pool_id == "string"


@pytest.mark.parametrize("name", ["participant_group", "participant_group_org"])
def test_participant_group(client: Prolific, name: str) -> None:
    group = OPERATIONS[name](client)
    assert isinstance(group, ParticipantGroup)


def test_invitations(client: Prolific) -> None:
    invitations = OPERATIONS["invitations"](client)
    assert invitations and all(isinstance(i, Invitation) for i in invitations)


@pytest.mark.parametrize("name", ["participant_group", "invitations", "create_pool"])
def test_dynamic_responses_always_parse(prism: Any, name: str) -> None:
    # Prism invents values from the schemas (including nulls where the spec allows them).
    with prefer(prism, "dynamic=true") as c:
        for _ in range(15):
            OPERATIONS[name](c)


DOCUMENTED_ERRORS = [
    ("create_pool", 400, prolific.BadRequestError),
    ("create_pool", 403, prolific.PermissionDeniedError),
    ("create_pool", 409, prolific.ConflictError),
    ("create_pool", 502, prolific.ServerError),
    ("add", 400, prolific.BadRequestError),
    ("add", 403, prolific.PermissionDeniedError),
    ("add", 404, prolific.NotFoundError),
    ("add", 409, prolific.ConflictError),
    ("add", 502, prolific.ServerError),
    ("participant_group", 400, prolific.BadRequestError),
]


@pytest.mark.parametrize(("name", "status", "cls"), DOCUMENTED_ERRORS)
def test_documented_errors_map_to_classes(prism: Any, name: str, status: int, cls: type) -> None:
    with prefer(prism, f"code={status}") as c, pytest.raises(cls) as info:
        OPERATIONS[name](c)
    assert info.value.status_code == status
    assert str(info.value).startswith(f"{status} ")


def test_missing_token_is_refused_by_the_spec(prism: Any) -> None:
    # The spec's security scheme is enforced: without our auth the request is a 401.
    with httpx.Client(base_url=prism.url) as raw:
        response = raw.post("/api/v1/credentials/", json={"credentials": "a,b", "workspace_id": "w"})
    assert response.status_code == 401


def test_a_body_violating_the_spec_is_caught(prism: Any) -> None:
    # Proves Prism validates bodies: the same call without workspace_id is rejected.
    with httpx.Client(base_url=prism.url, headers={"Authorization": f"Token {TOKEN}"}) as raw:
        response = raw.post("/api/v1/credentials/", json={"credentials": "a,b"})
    # Prism answers a violation with the spec's documented 400 (or 422 when none is documented)
    # and lists what was wrong in its `sl-violations` header.
    assert response.status_code in (400, 422)
    assert re.search("workspace_id", response.headers.get("sl-violations", "") + response.text)
