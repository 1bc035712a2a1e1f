from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.participant_group_list_response import ParticipantGroupListResponse
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    active: bool | Unset = UNSET,
    workspace_id: str | Unset = UNSET,
    project_id: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["active"] = active

    params["workspace_id"] = workspace_id

    params["project_id"] = project_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/participant-groups/",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | ParticipantGroupListResponse | None:
    if response.status_code == 200:
        response_200 = ParticipantGroupListResponse.from_dict(response.json())

        return response_200

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
) -> Response[Error | ParticipantGroupListResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    active: bool | Unset = UNSET,
    workspace_id: str | Unset = UNSET,
    project_id: str | Unset = UNSET,
) -> Response[Error | ParticipantGroupListResponse]:
    """Get a list of all participant groups within a project or workspace

    Args:
        active (bool | Unset): Filter by the active (not deleted) status of the participant group.
        workspace_id (str | Unset): The id of the workspace to get participant groups for
        project_id (str | Unset): The id of the project to get participant groups for

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | ParticipantGroupListResponse]
    """

    kwargs = _get_kwargs(
        active=active,
        workspace_id=workspace_id,
        project_id=project_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    active: bool | Unset = UNSET,
    workspace_id: str | Unset = UNSET,
    project_id: str | Unset = UNSET,
) -> Error | ParticipantGroupListResponse | None:
    """Get a list of all participant groups within a project or workspace

    Args:
        active (bool | Unset): Filter by the active (not deleted) status of the participant group.
        workspace_id (str | Unset): The id of the workspace to get participant groups for
        project_id (str | Unset): The id of the project to get participant groups for

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | ParticipantGroupListResponse
    """

    return sync_detailed(
        client=client,
        active=active,
        workspace_id=workspace_id,
        project_id=project_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    active: bool | Unset = UNSET,
    workspace_id: str | Unset = UNSET,
    project_id: str | Unset = UNSET,
) -> Response[Error | ParticipantGroupListResponse]:
    """Get a list of all participant groups within a project or workspace

    Args:
        active (bool | Unset): Filter by the active (not deleted) status of the participant group.
        workspace_id (str | Unset): The id of the workspace to get participant groups for
        project_id (str | Unset): The id of the project to get participant groups for

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | ParticipantGroupListResponse]
    """

    kwargs = _get_kwargs(
        active=active,
        workspace_id=workspace_id,
        project_id=project_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    active: bool | Unset = UNSET,
    workspace_id: str | Unset = UNSET,
    project_id: str | Unset = UNSET,
) -> Error | ParticipantGroupListResponse | None:
    """Get a list of all participant groups within a project or workspace

    Args:
        active (bool | Unset): Filter by the active (not deleted) status of the participant group.
        workspace_id (str | Unset): The id of the workspace to get participant groups for
        project_id (str | Unset): The id of the project to get participant groups for

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | ParticipantGroupListResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            active=active,
            workspace_id=workspace_id,
            project_id=project_id,
        )
    ).parsed
