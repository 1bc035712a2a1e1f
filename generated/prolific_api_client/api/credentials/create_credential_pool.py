from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.create_credential_pool_request import CreateCredentialPoolRequest
from ...models.credential_pool import CredentialPool
from ...models.error import Error
from ...types import Response


def _get_kwargs(
    *,
    body: CreateCredentialPoolRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/credentials/",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> CredentialPool | Error | None:
    if response.status_code == 201:
        response_201 = CredentialPool.from_dict(response.json())

        return response_201

    if response.status_code == 400:
        response_400 = Error.from_dict(response.json())

        return response_400

    if response.status_code == 403:
        response_403 = Error.from_dict(response.json())

        return response_403

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
    *,
    client: AuthenticatedClient,
    body: CreateCredentialPoolRequest,
) -> Response[CredentialPool | Error]:
    """Create credential pool

     Create a new workspace-level credential pool. Credential pools contain username/password pairs that
    can be assigned to participants when they start a study. This allows researchers to provide pre-
    provisioned credentials for third-party platforms. The credentials are provided as a CSV string
    where each line contains a username and password separated by a comma (e.g.,
    "user1,pass1\\nuser2,pass2").

    Args:
        body (CreateCredentialPoolRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CredentialPool | Error]
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
    body: CreateCredentialPoolRequest,
) -> CredentialPool | Error | None:
    """Create credential pool

     Create a new workspace-level credential pool. Credential pools contain username/password pairs that
    can be assigned to participants when they start a study. This allows researchers to provide pre-
    provisioned credentials for third-party platforms. The credentials are provided as a CSV string
    where each line contains a username and password separated by a comma (e.g.,
    "user1,pass1\\nuser2,pass2").

    Args:
        body (CreateCredentialPoolRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CredentialPool | Error
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: CreateCredentialPoolRequest,
) -> Response[CredentialPool | Error]:
    """Create credential pool

     Create a new workspace-level credential pool. Credential pools contain username/password pairs that
    can be assigned to participants when they start a study. This allows researchers to provide pre-
    provisioned credentials for third-party platforms. The credentials are provided as a CSV string
    where each line contains a username and password separated by a comma (e.g.,
    "user1,pass1\\nuser2,pass2").

    Args:
        body (CreateCredentialPoolRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CredentialPool | Error]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: CreateCredentialPoolRequest,
) -> CredentialPool | Error | None:
    """Create credential pool

     Create a new workspace-level credential pool. Credential pools contain username/password pairs that
    can be assigned to participants when they start a study. This allows researchers to provide pre-
    provisioned credentials for third-party platforms. The credentials are provided as a CSV string
    where each line contains a username and password separated by a comma (e.g.,
    "user1,pass1\\nuser2,pass2").

    Args:
        body (CreateCredentialPoolRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CredentialPool | Error
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
