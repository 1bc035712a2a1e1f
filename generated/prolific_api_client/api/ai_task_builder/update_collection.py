from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.collection import Collection
from ...models.collection_update_request import CollectionUpdateRequest
from ...models.error import Error
from ...types import Response


def _get_kwargs(
    collection_id: str,
    *,
    body: CollectionUpdateRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/api/v1/data-collection/collections/{collection_id}".format(
            collection_id=quote(str(collection_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Collection | Error | None:
    if response.status_code == 200:
        response_200 = Collection.from_dict(response.json())

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Collection | Error]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    collection_id: str,
    *,
    client: AuthenticatedClient,
    body: CollectionUpdateRequest,
) -> Response[Collection | Error]:
    """Update a Collection

     Update an existing AI Task Builder Collection. This is a full replacement — all fields must be
    provided.

    To preserve existing entities (collection items, page items) when updating, include their `id`
    fields in the request. Entities without IDs will be created as new, and existing entities not
    included in the request will be deleted.

    Args:
        collection_id (str):
        body (CollectionUpdateRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Collection | Error]
    """

    kwargs = _get_kwargs(
        collection_id=collection_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    collection_id: str,
    *,
    client: AuthenticatedClient,
    body: CollectionUpdateRequest,
) -> Collection | Error | None:
    """Update a Collection

     Update an existing AI Task Builder Collection. This is a full replacement — all fields must be
    provided.

    To preserve existing entities (collection items, page items) when updating, include their `id`
    fields in the request. Entities without IDs will be created as new, and existing entities not
    included in the request will be deleted.

    Args:
        collection_id (str):
        body (CollectionUpdateRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Collection | Error
    """

    return sync_detailed(
        collection_id=collection_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    collection_id: str,
    *,
    client: AuthenticatedClient,
    body: CollectionUpdateRequest,
) -> Response[Collection | Error]:
    """Update a Collection

     Update an existing AI Task Builder Collection. This is a full replacement — all fields must be
    provided.

    To preserve existing entities (collection items, page items) when updating, include their `id`
    fields in the request. Entities without IDs will be created as new, and existing entities not
    included in the request will be deleted.

    Args:
        collection_id (str):
        body (CollectionUpdateRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Collection | Error]
    """

    kwargs = _get_kwargs(
        collection_id=collection_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    collection_id: str,
    *,
    client: AuthenticatedClient,
    body: CollectionUpdateRequest,
) -> Collection | Error | None:
    """Update a Collection

     Update an existing AI Task Builder Collection. This is a full replacement — all fields must be
    provided.

    To preserve existing entities (collection items, page items) when updating, include their `id`
    fields in the request. Entities without IDs will be created as new, and existing entities not
    included in the request will be deleted.

    Args:
        collection_id (str):
        body (CollectionUpdateRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Collection | Error
    """

    return (
        await asyncio_detailed(
            collection_id=collection_id,
            client=client,
            body=body,
        )
    ).parsed
