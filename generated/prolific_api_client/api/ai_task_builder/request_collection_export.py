from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.batch_export_complete import BatchExportComplete
from ...models.error import Error
from ...types import Response


def _get_kwargs(
    collection_id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/data-collection/collections/{collection_id}/export".format(
            collection_id=quote(str(collection_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> BatchExportComplete | Error | None:
    if response.status_code == 200:
        response_200 = BatchExportComplete.from_dict(response.json())

        return response_200

    if response.status_code == 403:
        response_403 = Error.from_dict(response.json())

        return response_403

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
) -> Response[BatchExportComplete | Error]:
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
) -> Response[BatchExportComplete | Error]:
    """Request a Collection Export

     Initiates an asynchronous export of all participant responses and uploaded files for a collection as
    a ZIP archive.

    The export is generated out-of-band to handle large collections without hitting API timeout limits.
    The endpoint returns immediately with one of two outcomes:

    - **202 Accepted** — a new export job has been enqueued. Use the returned `export_id` to poll `GET
    /collections/{collection_id}/export/{export_id}` for status.
    - **200 OK** — a recent export already exists and is ready to download immediately.

    Subsequent POST requests for the same collection are idempotent while an export is generating or
    complete; they return the existing job ID or download URL rather than re-triggering generation.

    Only researchers with workspace access to the collection can request an export.

    Args:
        collection_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BatchExportComplete | Error]
    """

    kwargs = _get_kwargs(
        collection_id=collection_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    collection_id: str,
    *,
    client: AuthenticatedClient,
) -> BatchExportComplete | Error | None:
    """Request a Collection Export

     Initiates an asynchronous export of all participant responses and uploaded files for a collection as
    a ZIP archive.

    The export is generated out-of-band to handle large collections without hitting API timeout limits.
    The endpoint returns immediately with one of two outcomes:

    - **202 Accepted** — a new export job has been enqueued. Use the returned `export_id` to poll `GET
    /collections/{collection_id}/export/{export_id}` for status.
    - **200 OK** — a recent export already exists and is ready to download immediately.

    Subsequent POST requests for the same collection are idempotent while an export is generating or
    complete; they return the existing job ID or download URL rather than re-triggering generation.

    Only researchers with workspace access to the collection can request an export.

    Args:
        collection_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BatchExportComplete | Error
    """

    return sync_detailed(
        collection_id=collection_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    collection_id: str,
    *,
    client: AuthenticatedClient,
) -> Response[BatchExportComplete | Error]:
    """Request a Collection Export

     Initiates an asynchronous export of all participant responses and uploaded files for a collection as
    a ZIP archive.

    The export is generated out-of-band to handle large collections without hitting API timeout limits.
    The endpoint returns immediately with one of two outcomes:

    - **202 Accepted** — a new export job has been enqueued. Use the returned `export_id` to poll `GET
    /collections/{collection_id}/export/{export_id}` for status.
    - **200 OK** — a recent export already exists and is ready to download immediately.

    Subsequent POST requests for the same collection are idempotent while an export is generating or
    complete; they return the existing job ID or download URL rather than re-triggering generation.

    Only researchers with workspace access to the collection can request an export.

    Args:
        collection_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BatchExportComplete | Error]
    """

    kwargs = _get_kwargs(
        collection_id=collection_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    collection_id: str,
    *,
    client: AuthenticatedClient,
) -> BatchExportComplete | Error | None:
    """Request a Collection Export

     Initiates an asynchronous export of all participant responses and uploaded files for a collection as
    a ZIP archive.

    The export is generated out-of-band to handle large collections without hitting API timeout limits.
    The endpoint returns immediately with one of two outcomes:

    - **202 Accepted** — a new export job has been enqueued. Use the returned `export_id` to poll `GET
    /collections/{collection_id}/export/{export_id}` for status.
    - **200 OK** — a recent export already exists and is ready to download immediately.

    Subsequent POST requests for the same collection are idempotent while an export is generating or
    complete; they return the existing job ID or download URL rather than re-triggering generation.

    Only researchers with workspace access to the collection can request an export.

    Args:
        collection_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BatchExportComplete | Error
    """

    return (
        await asyncio_detailed(
            collection_id=collection_id,
            client=client,
        )
    ).parsed
