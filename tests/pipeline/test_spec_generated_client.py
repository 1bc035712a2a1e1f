"""The committed generated package (generated/prolific_api_client) behaves as the cleaning intends.

Requests go to an ``httpx.MockTransport``; nothing leaves the process.
"""

from __future__ import annotations

import importlib
import inspect
import json
import typing
from collections.abc import Callable
from typing import Any

import httpx
import pytest

from prolific_api_client import AuthenticatedClient
from prolific_api_client.api.credentials import create_credential_pool, update_credential_pool
from prolific_api_client.api.invitations import create_invitation
from prolific_api_client.api.participant_groups import create_participant_group
from prolific_api_client.models import (
    CreateCredentialPoolRequest,
    CreateInvitationRequest,
    CreateParticipantGroupRequest,
    CredentialPool,
    Error,
    FeederCompletionCode,
    InvitationList,
    ParticipantGroup,
    UpdateCredentialPoolRequest,
)
from prolific_api_client.types import Response

MODULES = [
    "prolific_api_client.api.credentials.create_credential_pool",
    "prolific_api_client.api.credentials.update_credential_pool",
    "prolific_api_client.api.participant_groups.create_participant_group",
    "prolific_api_client.api.invitations.create_invitation",
]
FUNCTIONS = ("sync", "sync_detailed", "asyncio", "asyncio_detailed")


@pytest.mark.parametrize("module_name", MODULES)
def test_every_endpoint_has_the_four_functions_and_requires_an_authenticated_client(module_name):
    module = importlib.import_module(module_name)
    for name in FUNCTIONS:
        function = getattr(module, name)
        assert callable(function)
        assert inspect.iscoroutinefunction(function) == name.startswith("asyncio")
        client = inspect.signature(function).parameters["client"]
        assert client.kind is inspect.Parameter.KEYWORD_ONLY
        assert client.default is inspect.Parameter.empty
        assert typing.get_type_hints(function)["client"] is AuthenticatedClient, f"{module_name}.{name}"


def test_request_bodies_with_required_fields_are_required_arguments():
    for function in (create_credential_pool.sync, update_credential_pool.sync, create_participant_group.sync):
        assert inspect.signature(function).parameters["body"].default is inspect.Parameter.empty
    assert inspect.signature(update_credential_pool.sync).parameters["credential_pool_id"].annotation is str


Handler = Callable[[httpx.Request], httpx.Response]


def client_for(handler: Handler, *, prefix: str = "Token") -> AuthenticatedClient:
    return AuthenticatedClient(
        base_url="https://api.prolific.test",
        token="secret-token",
        prefix=prefix,
        httpx_args={"transport": httpx.MockTransport(handler)},
    )


def reply(status: int, payload: Any, seen: list[httpx.Request] | None = None) -> Handler:
    def handler(request: httpx.Request) -> httpx.Response:
        if seen is not None:
            seen.append(request)
        return httpx.Response(status, json=payload)

    return handler


POOL_BODY = CreateCredentialPoolRequest(credentials="user1,pass1\nuser2,pass2", workspace_id="ws1")


def test_create_credential_pool_201_is_a_credential_pool_and_sends_the_token_header():
    seen: list[httpx.Request] = []
    with client_for(reply(201, {"credential_pool_id": "pool1"}, seen)) as client:
        result = create_credential_pool.sync(client=client, body=POOL_BODY)
    assert isinstance(result, CredentialPool)
    assert result.credential_pool_id == "pool1"
    [request] = seen
    assert request.method == "POST"
    assert request.url == "https://api.prolific.test/api/v1/credentials/"
    assert request.headers["Authorization"] == "Token secret-token"
    assert json.loads(request.content) == {"credentials": "user1,pass1\nuser2,pass2", "workspace_id": "ws1"}


def test_create_credential_pool_409_is_an_error_model_not_none():
    with client_for(reply(409, {"error": {"detail": "dup"}})) as client:
        result = create_credential_pool.sync(client=client, body=POOL_BODY)
        detailed = create_credential_pool.sync_detailed(client=client, body=POOL_BODY)
    assert result is not None
    assert isinstance(result, Error)
    assert result.error.detail == "dup"
    assert isinstance(detailed, Response)
    assert detailed.status_code == 409
    assert isinstance(detailed.parsed, Error)


@pytest.mark.parametrize("detail", ["Not found", ["first", "second"], {"credentials": ["duplicate username user1"]}])
def test_every_published_error_status_parses_each_detail_form(detail):
    payload = {"error": {"status": 400, "error_code": 140100, "title": "Bad", "detail": detail, "interactive": False}}
    for status in (400, 403, 404, 409, 502):
        with client_for(reply(status, payload)) as client:
            result = update_credential_pool.sync(
                "pool1", client=client, body=UpdateCredentialPoolRequest(credentials="a,b")
            )
        assert isinstance(result, Error), status
        parsed = result.error.detail
        assert (parsed if not hasattr(parsed, "to_dict") else parsed.to_dict()) == detail


def test_update_credential_pool_200_is_a_credential_pool_and_patches_the_pool_url():
    seen: list[httpx.Request] = []
    with client_for(reply(200, {"credential_pool_id": "pool1"}, seen)) as client:
        result = update_credential_pool.sync(
            "pool1", client=client, body=UpdateCredentialPoolRequest(credentials="a,b")
        )
    assert isinstance(result, CredentialPool)
    assert (seen[0].method, seen[0].url.path) == ("PATCH", "/api/v1/credentials/pool1/")


@pytest.mark.asyncio
async def test_asyncio_variants_parse_the_same_way():
    async with client_for(reply(409, {"error": {"detail": "dup"}})) as client:
        result = await create_credential_pool.asyncio(client=client, body=POOL_BODY)
        detailed = await create_credential_pool.asyncio_detailed(client=client, body=POOL_BODY)
    assert isinstance(result, Error)
    assert detailed.status_code == 409
    async with client_for(reply(201, {"credential_pool_id": "p"})) as client:
        assert isinstance(await create_credential_pool.asyncio(client=client, body=POOL_BODY), CredentialPool)


ALL_NULL_GROUP = {
    "id": None,
    "name": None,
    "project_id": None,
    "workspace_id": None,
    "organisation_id": None,
    "description": None,
    "participant_count": None,
    "is_deleted": None,
    "feeder_studies": None,
}


def test_participant_group_with_every_field_null_parses():
    with client_for(reply(201, ALL_NULL_GROUP)) as client:
        result = create_participant_group.sync(client=client, body=CreateParticipantGroupRequest(name="Group"))
    assert isinstance(result, ParticipantGroup)
    assert all(getattr(result, field) is None for field in ALL_NULL_GROUP)
    assert result.to_dict() == ALL_NULL_GROUP


def test_unknown_feeder_completion_code_action_parses_as_a_plain_string():
    group = {
        "id": "g1",
        "name": "Group",
        "participant_count": 3,
        "is_deleted": False,
        "feeder_studies": [
            {
                "id": "s1",
                "name": "Study",
                "feeder_completion_codes": [
                    {"code": "C1", "code_type": "COMPLETED", "action": "ADD_TO_PARTICIPANT_GROUP"},
                    {"code": "C2", "code_type": "OTHER", "action": "MOVE_TO_ANOTHER_GROUP"},
                ],
            }
        ],
    }
    with client_for(reply(201, group)) as client:
        result = create_participant_group.sync(client=client, body=CreateParticipantGroupRequest(name="Group"))
    assert isinstance(result, ParticipantGroup)
    codes = result.feeder_studies[0].feeder_completion_codes
    assert all(isinstance(code, FeederCompletionCode) for code in codes)
    assert [code.action for code in codes] == ["ADD_TO_PARTICIPANT_GROUP", "MOVE_TO_ANOTHER_GROUP"]
    assert result.to_dict()["feeder_studies"][0]["feeder_completion_codes"][1]["action"] == "MOVE_TO_ANOTHER_GROUP"


def test_create_invitation_parses_an_unknown_role_and_a_4xx_error():
    invitations = {
        "invitations": [
            {"association": "ws1", "invitee": {"id": "u1", "email": "a@b.c"}, "role": "WORKSPACE_OWNER"},
            {"association": "ws1", "role": "WORKSPACE_ADMIN"},
        ]
    }
    body = CreateInvitationRequest(association="ws1", emails=["a@b.c"], role="WORKSPACE_COLLABORATOR")
    seen: list[httpx.Request] = []
    with client_for(reply(201, invitations, seen)) as client:
        result = create_invitation.sync(client=client, body=body)
    assert isinstance(result, InvitationList)
    assert [i.role for i in result.invitations] == ["WORKSPACE_OWNER", "WORKSPACE_ADMIN"]
    assert json.loads(seen[0].content)["role"] == "WORKSPACE_COLLABORATOR"
    with client_for(reply(422, {"error": {"detail": {"emails": ["invalid"]}}})) as client:
        assert isinstance(create_invitation.sync(client=client, body=body), Error)


def test_request_enums_stay_strict():
    with pytest.raises((TypeError, ValueError)):
        CreateInvitationRequest.from_dict({"association": "ws1", "emails": [], "role": "WORKSPACE_OWNER"})


@pytest.mark.parametrize(("prefix", "header"), [("Token", "Token secret-token"), ("", "secret-token")])
def test_authenticated_client_prefix_sets_the_authorization_header(prefix, header):
    seen: list[httpx.Request] = []
    with client_for(reply(201, {"credential_pool_id": "p"}, seen), prefix=prefix) as client:
        create_credential_pool.sync_detailed(client=client, body=POOL_BODY)
    assert seen[0].headers["Authorization"] == header
