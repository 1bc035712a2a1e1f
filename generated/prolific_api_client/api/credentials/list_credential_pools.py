from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.credential_pool_list import CredentialPoolList
from ...models.error import Error
from ...types import UNSET, Response


def _get_kwargs(
    *,
    workspace_id: str,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["workspace_id"] = workspace_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/credentials/",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CredentialPoolList | Error | None:
    if response.status_code == 200:
        response_200 = CredentialPoolList.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Error.from_dict(response.json())

        return response_400

    if response.status_code == 403:
        response_403 = Error.from_dict(response.json())

        return response_403

    if response.status_code == 502:
        response_502 = Error.from_dict(response.json())

        return response_502

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
) -> Response[CredentialPoolList | Error]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    workspace_id: str,
) -> Response[CredentialPoolList | Error]:
    """List credential pools for a workspace

     Retrieve a list of credential pools belonging to a specific workspace.
    Each credential pool summary includes the pool ID, total number of credentials, number of available
    (unredeemed) credentials, and the workspace ID.

    Args:
        workspace_id (str): The workspace ID to filter credential pools by

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CredentialPoolList | Error]
    """

    kwargs = _get_kwargs(
        workspace_id=workspace_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    workspace_id: str,
) -> CredentialPoolList | Error | None:
    """List credential pools for a workspace

     Retrieve a list of credential pools belonging to a specific workspace.
    Each credential pool summary includes the pool ID, total number of credentials, number of available
    (unredeemed) credentials, and the workspace ID.

    Args:
        workspace_id (str): The workspace ID to filter credential pools by

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CredentialPoolList | Error
    """

    return sync_detailed(
        client=client,
        workspace_id=workspace_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    workspace_id: str,
) -> Response[CredentialPoolList | Error]:
    """List credential pools for a workspace

     Retrieve a list of credential pools belonging to a specific workspace.
    Each credential pool summary includes the pool ID, total number of credentials, number of available
    (unredeemed) credentials, and the workspace ID.

    Args:
        workspace_id (str): The workspace ID to filter credential pools by

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CredentialPoolList | Error]
    """

    kwargs = _get_kwargs(
        workspace_id=workspace_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    workspace_id: str,
) -> CredentialPoolList | Error | None:
    """List credential pools for a workspace

     Retrieve a list of credential pools belonging to a specific workspace.
    Each credential pool summary includes the pool ID, total number of credentials, number of available
    (unredeemed) credentials, and the workspace ID.

    Args:
        workspace_id (str): The workspace ID to filter credential pools by

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CredentialPoolList | Error
    """

    return (
        await asyncio_detailed(
            client=client,
            workspace_id=workspace_id,
        )
    ).parsed
