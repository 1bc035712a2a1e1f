"""A user's script, type-checked (never run) by test_wheel.py against the installed wheel.

Each ``reveal_type`` line ends with the type mypy must report for it (``builtins.`` left out:
mypy versions differ in showing it). Any type that comes out as
``Any`` (a missing ``py.typed`` marker does that to the whole package) fails the test.
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import reveal_type

import prolific
from prolific import AsyncProlific, Credential, Prolific, parse_credentials
from prolific.testing import FakeProlific
from prolific_api_client import AuthenticatedClient
from prolific_api_client.api.credentials import create_credential_pool
from prolific_api_client.models import CreateCredentialPoolRequest, CreateStudy, StudyTransition


def sync_use() -> None:
    with Prolific() as client:
        pool_id = client.credentials.create_pool(workspace_id="ws", credentials="alice,pw-1")
        reveal_type(pool_id)  # str
        reveal_type(client.credentials.add(pool_id, credentials=[("bob", "pw-2")]))  # str
        result = client.credentials.upload(Path("logins.csv"), workspace_id="ws")
        reveal_type(result)  # prolific.credentials._upload.UploadResult
        reveal_type(result.uploaded)  # int
        group = client.participant_groups.create(name="Pilot", workspace_id="ws")
        reveal_type(group)  # prolific_api_client.models.participant_group.ParticipantGroup
        invitations = client.invitations.create(workspace_id="ws", emails=["ana@example.org"])
        reveal_type(invitations)  # list[prolific_api_client.models.invitation.Invitation]
        reveal_type(client.api)  # prolific._api_client.ProlificAPIClient


async def async_use() -> None:
    async with AsyncProlific(token="t") as client:
        reveal_type(await client.credentials.create_pool(workspace_id="ws", credentials="a,b"))  # str
        group = await client.participant_groups.create(name="Pilot", workspace_id="ws")
        reveal_type(group)  # prolific_api_client.models.participant_group.ParticipantGroup


def errors_and_helpers() -> None:
    try:
        sync_use()
    except prolific.ConflictError as error:
        reveal_type(error.status_code)  # int
    reveal_type(parse_credentials("a,b")[0])  # tuple[str, str, fallback=prolific.credentials._types.Credential]
    reveal_type(Credential("a", "b").username)  # str
    reveal_type(FakeProlific().pools)  # dict[str, list[tuple[str, str]]]


def run_a_study() -> None:
    """The README's "run a study" steps: create a draft, publish it with the id the answer carries."""
    with Prolific() as client:
        created = client.studies.create_study(
            body=CreateStudy(
                name="Pilot",
                description="A pilot",
                external_study_url="https://example.org/study",
                prolific_id_option="url_parameters",
                total_available_places=10,
                estimated_completion_time=5,
                reward=100,
            )
        )
        reveal_type(created.id)  # str
        published = client.studies.publish_study(created.id, body=StudyTransition(action="PUBLISH"))
        reveal_type(published.status)  # str


def generated_use() -> None:
    api = AuthenticatedClient(base_url="https://api.prolific.com", token="t", prefix="Token")
    body = CreateCredentialPoolRequest(credentials="alice,pw-1", workspace_id="ws")
    response = create_credential_pool.sync_detailed(client=api, body=body)
    reveal_type(response.status_code)  # http.HTTPStatus


asyncio.run(async_use())
