from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.dataset_import_job import DatasetImportJob
from ...models.error import Error
from ...types import Response


def _get_kwargs(
    dataset_id: UUID,
    import_id: UUID,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/data-collection/datasets/{dataset_id}/imports/{import_id}".format(
            dataset_id=quote(str(dataset_id), safe=""),
            import_id=quote(str(import_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> DatasetImportJob | Error | None:
    if response.status_code == 200:
        response_200 = DatasetImportJob.from_dict(response.json())

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
) -> Response[DatasetImportJob | Error]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    dataset_id: UUID,
    import_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[DatasetImportJob | Error]:
    """Get Dataset Import Status

     Returns the current status of a V4 dataset import job. Each import job represents one ingestion
    operation and transitions through the following statuses:
    - `uninitialised` — Presigned url requested, but not yet used
    - `processing` — Datapoints received for ingestion, work underway
    - `queued` — Datapoints received for ingestion, awaiting a previous import job to complete before
    processing can commence

    **Terminal statuses:**
    - `complete` — all records were accepted. `accepted_count` is populated.
    - `partial` — some records were accepted and some rejected. `accepted_count`, `rejected_count`, and
    `errors` are populated. The accepted records are available for use.
    - `failed` — extraction failed entirely (e.g. file could not be parsed). `reason` is populated. No
    records were ingested.
    - `pending_schema` — the dataset has no schema set; upload is paused until a schema is defined.

    Continue polling while the status is `uninitialised`, `queued`, or `processing`.

    Args:
        dataset_id (UUID): The unique identifier of the dataset
        import_id (UUID): The import job ID returned by `GET /datasets/{dataset_id}/upload-
            url/{filename}`

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DatasetImportJob | Error]
    """

    kwargs = _get_kwargs(
        dataset_id=dataset_id,
        import_id=import_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    dataset_id: UUID,
    import_id: UUID,
    *,
    client: AuthenticatedClient,
) -> DatasetImportJob | Error | None:
    """Get Dataset Import Status

     Returns the current status of a V4 dataset import job. Each import job represents one ingestion
    operation and transitions through the following statuses:
    - `uninitialised` — Presigned url requested, but not yet used
    - `processing` — Datapoints received for ingestion, work underway
    - `queued` — Datapoints received for ingestion, awaiting a previous import job to complete before
    processing can commence

    **Terminal statuses:**
    - `complete` — all records were accepted. `accepted_count` is populated.
    - `partial` — some records were accepted and some rejected. `accepted_count`, `rejected_count`, and
    `errors` are populated. The accepted records are available for use.
    - `failed` — extraction failed entirely (e.g. file could not be parsed). `reason` is populated. No
    records were ingested.
    - `pending_schema` — the dataset has no schema set; upload is paused until a schema is defined.

    Continue polling while the status is `uninitialised`, `queued`, or `processing`.

    Args:
        dataset_id (UUID): The unique identifier of the dataset
        import_id (UUID): The import job ID returned by `GET /datasets/{dataset_id}/upload-
            url/{filename}`

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DatasetImportJob | Error
    """

    return sync_detailed(
        dataset_id=dataset_id,
        import_id=import_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    dataset_id: UUID,
    import_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[DatasetImportJob | Error]:
    """Get Dataset Import Status

     Returns the current status of a V4 dataset import job. Each import job represents one ingestion
    operation and transitions through the following statuses:
    - `uninitialised` — Presigned url requested, but not yet used
    - `processing` — Datapoints received for ingestion, work underway
    - `queued` — Datapoints received for ingestion, awaiting a previous import job to complete before
    processing can commence

    **Terminal statuses:**
    - `complete` — all records were accepted. `accepted_count` is populated.
    - `partial` — some records were accepted and some rejected. `accepted_count`, `rejected_count`, and
    `errors` are populated. The accepted records are available for use.
    - `failed` — extraction failed entirely (e.g. file could not be parsed). `reason` is populated. No
    records were ingested.
    - `pending_schema` — the dataset has no schema set; upload is paused until a schema is defined.

    Continue polling while the status is `uninitialised`, `queued`, or `processing`.

    Args:
        dataset_id (UUID): The unique identifier of the dataset
        import_id (UUID): The import job ID returned by `GET /datasets/{dataset_id}/upload-
            url/{filename}`

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DatasetImportJob | Error]
    """

    kwargs = _get_kwargs(
        dataset_id=dataset_id,
        import_id=import_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    dataset_id: UUID,
    import_id: UUID,
    *,
    client: AuthenticatedClient,
) -> DatasetImportJob | Error | None:
    """Get Dataset Import Status

     Returns the current status of a V4 dataset import job. Each import job represents one ingestion
    operation and transitions through the following statuses:
    - `uninitialised` — Presigned url requested, but not yet used
    - `processing` — Datapoints received for ingestion, work underway
    - `queued` — Datapoints received for ingestion, awaiting a previous import job to complete before
    processing can commence

    **Terminal statuses:**
    - `complete` — all records were accepted. `accepted_count` is populated.
    - `partial` — some records were accepted and some rejected. `accepted_count`, `rejected_count`, and
    `errors` are populated. The accepted records are available for use.
    - `failed` — extraction failed entirely (e.g. file could not be parsed). `reason` is populated. No
    records were ingested.
    - `pending_schema` — the dataset has no schema set; upload is paused until a schema is defined.

    Continue polling while the status is `uninitialised`, `queued`, or `processing`.

    Args:
        dataset_id (UUID): The unique identifier of the dataset
        import_id (UUID): The import job ID returned by `GET /datasets/{dataset_id}/upload-
            url/{filename}`

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DatasetImportJob | Error
    """

    return (
        await asyncio_detailed(
            dataset_id=dataset_id,
            import_id=import_id,
            client=client,
        )
    ).parsed
