from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.batch_export_complete import BatchExportComplete
from ...models.batch_export_status_failed import BatchExportStatusFailed
from ...models.batch_export_status_generating import BatchExportStatusGenerating
from ...models.error import Error
from ...types import Response, UnknownVariant


def _get_kwargs(
    collection_id: str,
    export_id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/data-collection/collections/{collection_id}/export/{export_id}".format(
            collection_id=quote(str(collection_id), safe=""),
            export_id=quote(str(export_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> BatchExportStatusGenerating | BatchExportComplete | BatchExportStatusFailed | UnknownVariant | Error | None:
    if response.status_code == 200:

        def _parse_response_200(
            data: object,
        ) -> BatchExportStatusGenerating | BatchExportComplete | BatchExportStatusFailed | UnknownVariant:
            if isinstance(data, dict):
                tag = data.get("status")
                if tag == "generating":
                    return BatchExportStatusGenerating.from_dict(data)
                if tag == "complete":
                    return BatchExportComplete.from_dict(data)
                if tag == "failed":
                    return BatchExportStatusFailed.from_dict(data)
                if isinstance(tag, str):
                    return UnknownVariant(raw=data)
            raise TypeError(f"Unexpected value {data!r} for response_200")

        response_200 = _parse_response_200(response.json())

        return response_200

    if response.status_code == 404:
        response_404 = Error.from_dict(response.json())

        return response_404

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
) -> Response[BatchExportStatusGenerating | BatchExportComplete | BatchExportStatusFailed | UnknownVariant | Error]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    collection_id: str,
    export_id: str,
    *,
    client: AuthenticatedClient,
) -> Response[BatchExportStatusGenerating | BatchExportComplete | BatchExportStatusFailed | UnknownVariant | Error]:
    """Get Collection Export Status

     Polls the status of an asynchronous collection export job initiated by `POST
    /collections/{collection_id}/export`.

    Returns the current status of the export:

    - **generating** — the export is still being built; continue polling.
    - **complete** — the export is ready; a presigned HTTPS download URL is included. URLs are valid for
    1 hour and are automatically refreshed if expired.
    - **failed** — generation failed (e.g. the archive was deleted from storage). Re-send `POST
    /collections/{collection_id}/export` to retry.

    Args:
        collection_id (str):
        export_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BatchExportStatusGenerating | BatchExportComplete | BatchExportStatusFailed | UnknownVariant | Error]
    """

    kwargs = _get_kwargs(
        collection_id=collection_id,
        export_id=export_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    collection_id: str,
    export_id: str,
    *,
    client: AuthenticatedClient,
) -> BatchExportStatusGenerating | BatchExportComplete | BatchExportStatusFailed | UnknownVariant | Error | None:
    """Get Collection Export Status

     Polls the status of an asynchronous collection export job initiated by `POST
    /collections/{collection_id}/export`.

    Returns the current status of the export:

    - **generating** — the export is still being built; continue polling.
    - **complete** — the export is ready; a presigned HTTPS download URL is included. URLs are valid for
    1 hour and are automatically refreshed if expired.
    - **failed** — generation failed (e.g. the archive was deleted from storage). Re-send `POST
    /collections/{collection_id}/export` to retry.

    Args:
        collection_id (str):
        export_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BatchExportStatusGenerating | BatchExportComplete | BatchExportStatusFailed | UnknownVariant | Error
    """

    return sync_detailed(
        collection_id=collection_id,
        export_id=export_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    collection_id: str,
    export_id: str,
    *,
    client: AuthenticatedClient,
) -> Response[BatchExportStatusGenerating | BatchExportComplete | BatchExportStatusFailed | UnknownVariant | Error]:
    """Get Collection Export Status

     Polls the status of an asynchronous collection export job initiated by `POST
    /collections/{collection_id}/export`.

    Returns the current status of the export:

    - **generating** — the export is still being built; continue polling.
    - **complete** — the export is ready; a presigned HTTPS download URL is included. URLs are valid for
    1 hour and are automatically refreshed if expired.
    - **failed** — generation failed (e.g. the archive was deleted from storage). Re-send `POST
    /collections/{collection_id}/export` to retry.

    Args:
        collection_id (str):
        export_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BatchExportStatusGenerating | BatchExportComplete | BatchExportStatusFailed | UnknownVariant | Error]
    """

    kwargs = _get_kwargs(
        collection_id=collection_id,
        export_id=export_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    collection_id: str,
    export_id: str,
    *,
    client: AuthenticatedClient,
) -> BatchExportStatusGenerating | BatchExportComplete | BatchExportStatusFailed | UnknownVariant | Error | None:
    """Get Collection Export Status

     Polls the status of an asynchronous collection export job initiated by `POST
    /collections/{collection_id}/export`.

    Returns the current status of the export:

    - **generating** — the export is still being built; continue polling.
    - **complete** — the export is ready; a presigned HTTPS download URL is included. URLs are valid for
    1 hour and are automatically refreshed if expired.
    - **failed** — generation failed (e.g. the archive was deleted from storage). Re-send `POST
    /collections/{collection_id}/export` to retry.

    Args:
        collection_id (str):
        export_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BatchExportStatusGenerating | BatchExportComplete | BatchExportStatusFailed | UnknownVariant | Error
    """

    return (
        await asyncio_detailed(
            collection_id=collection_id,
            export_id=export_id,
            client=client,
        )
    ).parsed
