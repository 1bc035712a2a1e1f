from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.create_test_participant_for_researcher import (
    CreateTestParticipantForResearcher,
)
from ...models.create_test_participant_for_researcher_response import (
    CreateTestParticipantForResearcherResponse,
)
from ...models.error import Error
from ...types import Response


def _get_kwargs(
    *,
    body: CreateTestParticipantForResearcher,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/researchers/participants/",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CreateTestParticipantForResearcherResponse | Error | None:
    if response.status_code == 201:
        response_201 = CreateTestParticipantForResearcherResponse.from_dict(response.json())

        return response_201

    if response.status_code == 400:
        response_400 = Error.from_dict(response.json())

        return response_400

    if 400 <= response.status_code <= 499:
        response_4xx = Error.from_dict(response.json())

        return response_4xx

    if 500 <= response.status_code <= 599:
        response_5xx = Error.from_dict(response.json())

        return response_5xx

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[CreateTestParticipantForResearcherResponse | Error]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: CreateTestParticipantForResearcher,
) -> Response[CreateTestParticipantForResearcherResponse | Error]:
    """Create a test participant for a researcher

     ### Overview
    Creates a test participant with the same details as the researcher and the supplied email. This
    participant will
    bypass any fraud checks and on-boarding steps.

    ### Enabling the feature
    This endpoint is only enabled for select workspaces and will need enabling before the endpoint can
    be used.

    ### Participant Limitations
    - The participant will be limited to take studies only in the workspaces associated to the
    researcher and where
    the feature is enabled.
    - The participant will not be able to cashout any balance earned from completing studies.

    ### Usage
    - The API response contains the participant ID. This can be used in a custom allowlist or
    participant group to
    target the participant on studies. This enables the researcher to test the study set up end-to-end.
    - A randomly generated password is assigned to the participant account. We recommend that you
    request to reset
    the password, and use this new password to login to the participant account.

    Args:
        body (CreateTestParticipantForResearcher):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CreateTestParticipantForResearcherResponse | Error]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: CreateTestParticipantForResearcher,
) -> CreateTestParticipantForResearcherResponse | Error | None:
    """Create a test participant for a researcher

     ### Overview
    Creates a test participant with the same details as the researcher and the supplied email. This
    participant will
    bypass any fraud checks and on-boarding steps.

    ### Enabling the feature
    This endpoint is only enabled for select workspaces and will need enabling before the endpoint can
    be used.

    ### Participant Limitations
    - The participant will be limited to take studies only in the workspaces associated to the
    researcher and where
    the feature is enabled.
    - The participant will not be able to cashout any balance earned from completing studies.

    ### Usage
    - The API response contains the participant ID. This can be used in a custom allowlist or
    participant group to
    target the participant on studies. This enables the researcher to test the study set up end-to-end.
    - A randomly generated password is assigned to the participant account. We recommend that you
    request to reset
    the password, and use this new password to login to the participant account.

    Args:
        body (CreateTestParticipantForResearcher):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CreateTestParticipantForResearcherResponse | Error
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: CreateTestParticipantForResearcher,
) -> Response[CreateTestParticipantForResearcherResponse | Error]:
    """Create a test participant for a researcher

     ### Overview
    Creates a test participant with the same details as the researcher and the supplied email. This
    participant will
    bypass any fraud checks and on-boarding steps.

    ### Enabling the feature
    This endpoint is only enabled for select workspaces and will need enabling before the endpoint can
    be used.

    ### Participant Limitations
    - The participant will be limited to take studies only in the workspaces associated to the
    researcher and where
    the feature is enabled.
    - The participant will not be able to cashout any balance earned from completing studies.

    ### Usage
    - The API response contains the participant ID. This can be used in a custom allowlist or
    participant group to
    target the participant on studies. This enables the researcher to test the study set up end-to-end.
    - A randomly generated password is assigned to the participant account. We recommend that you
    request to reset
    the password, and use this new password to login to the participant account.

    Args:
        body (CreateTestParticipantForResearcher):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CreateTestParticipantForResearcherResponse | Error]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: CreateTestParticipantForResearcher,
) -> CreateTestParticipantForResearcherResponse | Error | None:
    """Create a test participant for a researcher

     ### Overview
    Creates a test participant with the same details as the researcher and the supplied email. This
    participant will
    bypass any fraud checks and on-boarding steps.

    ### Enabling the feature
    This endpoint is only enabled for select workspaces and will need enabling before the endpoint can
    be used.

    ### Participant Limitations
    - The participant will be limited to take studies only in the workspaces associated to the
    researcher and where
    the feature is enabled.
    - The participant will not be able to cashout any balance earned from completing studies.

    ### Usage
    - The API response contains the participant ID. This can be used in a custom allowlist or
    participant group to
    target the participant on studies. This enables the researcher to test the study set up end-to-end.
    - A randomly generated password is assigned to the participant account. We recommend that you
    request to reset
    the password, and use this new password to login to the participant account.

    Args:
        body (CreateTestParticipantForResearcher):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CreateTestParticipantForResearcherResponse | Error
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
