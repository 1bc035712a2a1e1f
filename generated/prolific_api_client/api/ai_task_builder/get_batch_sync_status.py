from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.sync_job import SyncJob
from ...types import Response


def _get_kwargs(
    batch_id: UUID,
    sync_id: UUID,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/data-collection/batches/{batch_id}/syncs/{sync_id}".format(
            batch_id=quote(str(batch_id), safe=""),
            sync_id=quote(str(sync_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | SyncJob | None:
    if response.status_code == 200:
        response_200 = SyncJob.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Error.from_dict(response.json())

        return response_400

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Error | SyncJob]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    batch_id: UUID,
    sync_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[Error | SyncJob]:
    """Get Batch Sync Status

     Returns the current status of a batch sync job created by `POST /batches/{batch_id}/sync`.

    A sync job transitions through the following statuses:
    - `queued` — sync accepted, awaiting the background worker.
    - `processing` — the worker is materialising tasks.

    **Terminal statuses:**
    - `complete` — the sync finished. `tasks_created`, `datapoints_processed`, `groups_created`, and
    `groups_expanded` are populated.
    - `failed` — the sync failed. `reason` is populated.

    Continue polling while the status is `queued` or `processing`.

    Args:
        batch_id (UUID): The unique identifier of the batch
        sync_id (UUID): The sync job ID returned by `POST /batches/{batch_id}/sync`

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | SyncJob]
    """

    kwargs = _get_kwargs(
        batch_id=batch_id,
        sync_id=sync_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    batch_id: UUID,
    sync_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Error | SyncJob | None:
    """Get Batch Sync Status

     Returns the current status of a batch sync job created by `POST /batches/{batch_id}/sync`.

    A sync job transitions through the following statuses:
    - `queued` — sync accepted, awaiting the background worker.
    - `processing` — the worker is materialising tasks.

    **Terminal statuses:**
    - `complete` — the sync finished. `tasks_created`, `datapoints_processed`, `groups_created`, and
    `groups_expanded` are populated.
    - `failed` — the sync failed. `reason` is populated.

    Continue polling while the status is `queued` or `processing`.

    Args:
        batch_id (UUID): The unique identifier of the batch
        sync_id (UUID): The sync job ID returned by `POST /batches/{batch_id}/sync`

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | SyncJob
    """

    return sync_detailed(
        batch_id=batch_id,
        sync_id=sync_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    batch_id: UUID,
    sync_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[Error | SyncJob]:
    """Get Batch Sync Status

     Returns the current status of a batch sync job created by `POST /batches/{batch_id}/sync`.

    A sync job transitions through the following statuses:
    - `queued` — sync accepted, awaiting the background worker.
    - `processing` — the worker is materialising tasks.

    **Terminal statuses:**
    - `complete` — the sync finished. `tasks_created`, `datapoints_processed`, `groups_created`, and
    `groups_expanded` are populated.
    - `failed` — the sync failed. `reason` is populated.

    Continue polling while the status is `queued` or `processing`.

    Args:
        batch_id (UUID): The unique identifier of the batch
        sync_id (UUID): The sync job ID returned by `POST /batches/{batch_id}/sync`

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | SyncJob]
    """

    kwargs = _get_kwargs(
        batch_id=batch_id,
        sync_id=sync_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    batch_id: UUID,
    sync_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Error | SyncJob | None:
    """Get Batch Sync Status

     Returns the current status of a batch sync job created by `POST /batches/{batch_id}/sync`.

    A sync job transitions through the following statuses:
    - `queued` — sync accepted, awaiting the background worker.
    - `processing` — the worker is materialising tasks.

    **Terminal statuses:**
    - `complete` — the sync finished. `tasks_created`, `datapoints_processed`, `groups_created`, and
    `groups_expanded` are populated.
    - `failed` — the sync failed. `reason` is populated.

    Continue polling while the status is `queued` or `processing`.

    Args:
        batch_id (UUID): The unique identifier of the batch
        sync_id (UUID): The sync job ID returned by `POST /batches/{batch_id}/sync`

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | SyncJob
    """

    return (
        await asyncio_detailed(
            batch_id=batch_id,
            sync_id=sync_id,
            client=client,
        )
    ).parsed
