from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.credential_pool import CredentialPool
from ...models.error import Error
from ...models.update_credential_pool_request import UpdateCredentialPoolRequest
from ...types import Response


def _get_kwargs(
    credential_pool_id: str,
    *,
    body: UpdateCredentialPoolRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/api/v1/credentials/{credential_pool_id}/".format(
            credential_pool_id=quote(str(credential_pool_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> CredentialPool | Error | None:
    if response.status_code == 200:
        response_200 = CredentialPool.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Error.from_dict(response.json())

        return response_400

    if response.status_code == 403:
        response_403 = Error.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = Error.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = Error.from_dict(response.json())

        return response_409

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
) -> Response[CredentialPool | Error]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    credential_pool_id: str,
    *,
    client: AuthenticatedClient,
    body: UpdateCredentialPoolRequest,
) -> Response[CredentialPool | Error]:
    """Update credential pool

     Add new credentials to an existing credential pool. This operation is additive - new credentials are
    appended to the existing pool rather than replacing them. The credentials service validates that no
    duplicate usernames exist. The credentials are provided as a CSV string where each line contains a
    username and password separated by a comma (e.g., "user4,pass4\\nuser5,pass5").

    Args:
        credential_pool_id (str): Credential pool ID
        body (UpdateCredentialPoolRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CredentialPool | Error]
    """

    kwargs = _get_kwargs(
        credential_pool_id=credential_pool_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    credential_pool_id: str,
    *,
    client: AuthenticatedClient,
    body: UpdateCredentialPoolRequest,
) -> CredentialPool | Error | None:
    """Update credential pool

     Add new credentials to an existing credential pool. This operation is additive - new credentials are
    appended to the existing pool rather than replacing them. The credentials service validates that no
    duplicate usernames exist. The credentials are provided as a CSV string where each line contains a
    username and password separated by a comma (e.g., "user4,pass4\\nuser5,pass5").

    Args:
        credential_pool_id (str): Credential pool ID
        body (UpdateCredentialPoolRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CredentialPool | Error
    """

    return sync_detailed(
        credential_pool_id=credential_pool_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    credential_pool_id: str,
    *,
    client: AuthenticatedClient,
    body: UpdateCredentialPoolRequest,
) -> Response[CredentialPool | Error]:
    """Update credential pool

     Add new credentials to an existing credential pool. This operation is additive - new credentials are
    appended to the existing pool rather than replacing them. The credentials service validates that no
    duplicate usernames exist. The credentials are provided as a CSV string where each line contains a
    username and password separated by a comma (e.g., "user4,pass4\\nuser5,pass5").

    Args:
        credential_pool_id (str): Credential pool ID
        body (UpdateCredentialPoolRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CredentialPool | Error]
    """

    kwargs = _get_kwargs(
        credential_pool_id=credential_pool_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    credential_pool_id: str,
    *,
    client: AuthenticatedClient,
    body: UpdateCredentialPoolRequest,
) -> CredentialPool | Error | None:
    """Update credential pool

     Add new credentials to an existing credential pool. This operation is additive - new credentials are
    appended to the existing pool rather than replacing them. The credentials service validates that no
    duplicate usernames exist. The credentials are provided as a CSV string where each line contains a
    username and password separated by a comma (e.g., "user4,pass4\\nuser5,pass5").

    Args:
        credential_pool_id (str): Credential pool ID
        body (UpdateCredentialPoolRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CredentialPool | Error
    """

    return (
        await asyncio_detailed(
            credential_pool_id=credential_pool_id,
            client=client,
            body=body,
        )
    ).parsed
