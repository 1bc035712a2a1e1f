from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.filter_set_list import FilterSetList
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    workspace_id: str | Unset = UNSET,
    organisation_id: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["workspace_id"] = workspace_id

    params["organisation_id"] = organisation_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/filter-sets/",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | FilterSetList | None:
    if response.status_code == 200:
        response_200 = FilterSetList.from_dict(response.json())

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
) -> Response[Error | FilterSetList]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    workspace_id: str | Unset = UNSET,
    organisation_id: str | Unset = UNSET,
) -> Response[Error | FilterSetList]:
    """List all filter sets

     List of all filter sets in the specified workspace.

    Args:
        workspace_id (str | Unset): ID of the workspace to get filter sets for.
        organisation_id (str | Unset): ID of the organisation to get filter sets for.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | FilterSetList]
    """

    kwargs = _get_kwargs(
        workspace_id=workspace_id,
        organisation_id=organisation_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    workspace_id: str | Unset = UNSET,
    organisation_id: str | Unset = UNSET,
) -> Error | FilterSetList | None:
    """List all filter sets

     List of all filter sets in the specified workspace.

    Args:
        workspace_id (str | Unset): ID of the workspace to get filter sets for.
        organisation_id (str | Unset): ID of the organisation to get filter sets for.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | FilterSetList
    """

    return sync_detailed(
        client=client,
        workspace_id=workspace_id,
        organisation_id=organisation_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    workspace_id: str | Unset = UNSET,
    organisation_id: str | Unset = UNSET,
) -> Response[Error | FilterSetList]:
    """List all filter sets

     List of all filter sets in the specified workspace.

    Args:
        workspace_id (str | Unset): ID of the workspace to get filter sets for.
        organisation_id (str | Unset): ID of the organisation to get filter sets for.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | FilterSetList]
    """

    kwargs = _get_kwargs(
        workspace_id=workspace_id,
        organisation_id=organisation_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    workspace_id: str | Unset = UNSET,
    organisation_id: str | Unset = UNSET,
) -> Error | FilterSetList | None:
    """List all filter sets

     List of all filter sets in the specified workspace.

    Args:
        workspace_id (str | Unset): ID of the workspace to get filter sets for.
        organisation_id (str | Unset): ID of the organisation to get filter sets for.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | FilterSetList
    """

    return (
        await asyncio_detailed(
            client=client,
            workspace_id=workspace_id,
            organisation_id=organisation_id,
        )
    ).parsed
