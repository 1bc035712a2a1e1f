from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.jwks_response import JWKSResponse
from ...types import Response


def _get_kwargs() -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/.well-known/study/jwks.json",
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | JWKSResponse | None:
    if response.status_code == 200:
        response_200 = JWKSResponse.from_dict(response.json())

        return response_200

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
) -> Response[Error | JWKSResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
) -> Response[Error | JWKSResponse]:
    """Retrieve JSON Web Key Set (JWKS)

     Fetches the public keys that can be used to verify JWTs signed by Prolific. Clients should cache
    these keys and update them at least daily.

    To verify the signature of a JWT you must verify the following:
    * The JWT signature is authentic by verifying it with the public key from Prolific that correlates
    with the KID.
    * The JWT hasn't expired, by checking the `exp` claim.
    * The `aud` claim is the correct domain for your tool.
    * The `prolific` claim matches your expected payload as set in the `external_study_url` property. It
    always includes `workspace_id`. When the workspace is linked to an organisation, it also includes
    `organisation_id`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | JWKSResponse]
    """

    kwargs = _get_kwargs()

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
) -> Error | JWKSResponse | None:
    """Retrieve JSON Web Key Set (JWKS)

     Fetches the public keys that can be used to verify JWTs signed by Prolific. Clients should cache
    these keys and update them at least daily.

    To verify the signature of a JWT you must verify the following:
    * The JWT signature is authentic by verifying it with the public key from Prolific that correlates
    with the KID.
    * The JWT hasn't expired, by checking the `exp` claim.
    * The `aud` claim is the correct domain for your tool.
    * The `prolific` claim matches your expected payload as set in the `external_study_url` property. It
    always includes `workspace_id`. When the workspace is linked to an organisation, it also includes
    `organisation_id`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | JWKSResponse
    """

    return sync_detailed(
        client=client,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
) -> Response[Error | JWKSResponse]:
    """Retrieve JSON Web Key Set (JWKS)

     Fetches the public keys that can be used to verify JWTs signed by Prolific. Clients should cache
    these keys and update them at least daily.

    To verify the signature of a JWT you must verify the following:
    * The JWT signature is authentic by verifying it with the public key from Prolific that correlates
    with the KID.
    * The JWT hasn't expired, by checking the `exp` claim.
    * The `aud` claim is the correct domain for your tool.
    * The `prolific` claim matches your expected payload as set in the `external_study_url` property. It
    always includes `workspace_id`. When the workspace is linked to an organisation, it also includes
    `organisation_id`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | JWKSResponse]
    """

    kwargs = _get_kwargs()

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
) -> Error | JWKSResponse | None:
    """Retrieve JSON Web Key Set (JWKS)

     Fetches the public keys that can be used to verify JWTs signed by Prolific. Clients should cache
    these keys and update them at least daily.

    To verify the signature of a JWT you must verify the following:
    * The JWT signature is authentic by verifying it with the public key from Prolific that correlates
    with the KID.
    * The JWT hasn't expired, by checking the `exp` claim.
    * The `aud` claim is the correct domain for your tool.
    * The `prolific` claim matches your expected payload as set in the `external_study_url` property. It
    always includes `workspace_id`. When the workspace is linked to an organisation, it also includes
    `organisation_id`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | JWKSResponse
    """

    return (
        await asyncio_detailed(
            client=client,
        )
    ).parsed
