from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.schema_migration_job import SchemaMigrationJob
from ...types import Response


def _get_kwargs(
    dataset_id: UUID,
    job_id: UUID,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/data-collection/datasets/{dataset_id}/schema-migrations/{job_id}".format(
            dataset_id=quote(str(dataset_id), safe=""),
            job_id=quote(str(job_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | SchemaMigrationJob | None:
    if response.status_code == 200:
        response_200 = SchemaMigrationJob.from_dict(response.json())

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


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Error | SchemaMigrationJob]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    dataset_id: UUID,
    job_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[Error | SchemaMigrationJob]:
    """Get Schema Migration Status

     Returns the current status of a schema migration job, which reprocesses a V4 dataset's
    datapoints against a newer schema version.

    A migration job has these statuses:
    - `processing` — the migration is underway.

    **Terminal statuses:**
    - `complete` — all datapoints were reprocessed. `reprocessed_count` is populated.
    - `partial` — some datapoints were reprocessed and some fields could not be re-normalised (and
      were nulled). `reprocessed_count`, `failed_count`, and `errors` are populated.
    - `failed` — the migration failed entirely. `reason` is populated.

    Continue polling while the status is `processing`.

    Args:
        dataset_id (UUID): The unique identifier of the dataset
        job_id (UUID): The schema migration job ID

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | SchemaMigrationJob]
    """

    kwargs = _get_kwargs(
        dataset_id=dataset_id,
        job_id=job_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    dataset_id: UUID,
    job_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Error | SchemaMigrationJob | None:
    """Get Schema Migration Status

     Returns the current status of a schema migration job, which reprocesses a V4 dataset's
    datapoints against a newer schema version.

    A migration job has these statuses:
    - `processing` — the migration is underway.

    **Terminal statuses:**
    - `complete` — all datapoints were reprocessed. `reprocessed_count` is populated.
    - `partial` — some datapoints were reprocessed and some fields could not be re-normalised (and
      were nulled). `reprocessed_count`, `failed_count`, and `errors` are populated.
    - `failed` — the migration failed entirely. `reason` is populated.

    Continue polling while the status is `processing`.

    Args:
        dataset_id (UUID): The unique identifier of the dataset
        job_id (UUID): The schema migration job ID

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | SchemaMigrationJob
    """

    return sync_detailed(
        dataset_id=dataset_id,
        job_id=job_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    dataset_id: UUID,
    job_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[Error | SchemaMigrationJob]:
    """Get Schema Migration Status

     Returns the current status of a schema migration job, which reprocesses a V4 dataset's
    datapoints against a newer schema version.

    A migration job has these statuses:
    - `processing` — the migration is underway.

    **Terminal statuses:**
    - `complete` — all datapoints were reprocessed. `reprocessed_count` is populated.
    - `partial` — some datapoints were reprocessed and some fields could not be re-normalised (and
      were nulled). `reprocessed_count`, `failed_count`, and `errors` are populated.
    - `failed` — the migration failed entirely. `reason` is populated.

    Continue polling while the status is `processing`.

    Args:
        dataset_id (UUID): The unique identifier of the dataset
        job_id (UUID): The schema migration job ID

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | SchemaMigrationJob]
    """

    kwargs = _get_kwargs(
        dataset_id=dataset_id,
        job_id=job_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    dataset_id: UUID,
    job_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Error | SchemaMigrationJob | None:
    """Get Schema Migration Status

     Returns the current status of a schema migration job, which reprocesses a V4 dataset's
    datapoints against a newer schema version.

    A migration job has these statuses:
    - `processing` — the migration is underway.

    **Terminal statuses:**
    - `complete` — all datapoints were reprocessed. `reprocessed_count` is populated.
    - `partial` — some datapoints were reprocessed and some fields could not be re-normalised (and
      were nulled). `reprocessed_count`, `failed_count`, and `errors` are populated.
    - `failed` — the migration failed entirely. `reason` is populated.

    Continue polling while the status is `processing`.

    Args:
        dataset_id (UUID): The unique identifier of the dataset
        job_id (UUID): The schema migration job ID

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | SchemaMigrationJob
    """

    return (
        await asyncio_detailed(
            dataset_id=dataset_id,
            job_id=job_id,
            client=client,
        )
    ).parsed
