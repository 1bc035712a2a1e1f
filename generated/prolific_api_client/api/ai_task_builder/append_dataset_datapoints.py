from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.dataset_append_result import DatasetAppendResult
from ...models.error import Error
from ...types import UNSET, Response, Unset


def _get_kwargs(
    dataset_id: UUID,
    *,
    body: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/data-collection/datasets/{dataset_id}/datapoints".format(
            dataset_id=quote(str(dataset_id), safe=""),
        ),
    }

    if not isinstance(body, Unset):
        _kwargs["json"] = body

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> DatasetAppendResult | Error | None:
    if response.status_code == 200:
        response_200 = DatasetAppendResult.from_dict(response.json())

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
) -> Response[DatasetAppendResult | Error]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    dataset_id: UUID,
    *,
    client: AuthenticatedClient,
    body: str | Unset = UNSET,
) -> Response[DatasetAppendResult | Error]:
    """Append Datapoints to a Dataset

     Synchronously appends one or more JSONL records to an existing **V4 dataset**. Unlike the
    file-upload flow, this endpoint processes the whole payload within the request and returns the
    accepted/rejected counts directly — there is no async import job to poll.

    **Request body:** JSONL — one JSON object per line — sent with a JSONL content type
    (e.g. `application/x-ndjson`). Blank lines are skipped. CSV is not supported on this endpoint.

    Each record is validated against the dataset's current schema. Valid records are persisted as
    datapoints and sort after every existing datapoint. Records that are malformed or violate the
    schema are rejected individually and reported in `errors` — they do not fail the whole request.
    Re-appending an identical record is idempotent (counted as accepted, not written twice).

    **Limits and preconditions:**
    - At most 1000 records per request. Larger imports should use the file-upload flow.
    - The dataset must be V4 and have a schema defined.
    - Rejected with `409 Conflict` while a dataset import or a schema migration is in progress.

    If the dataset is attached to any batches with `auto_sync_enabled`, a sync is triggered
    automatically for the newly written datapoints.

    Args:
        dataset_id (UUID): The unique identifier of the V4 dataset to append to
        body (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DatasetAppendResult | Error]
    """

    kwargs = _get_kwargs(
        dataset_id=dataset_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    dataset_id: UUID,
    *,
    client: AuthenticatedClient,
    body: str | Unset = UNSET,
) -> DatasetAppendResult | Error | None:
    """Append Datapoints to a Dataset

     Synchronously appends one or more JSONL records to an existing **V4 dataset**. Unlike the
    file-upload flow, this endpoint processes the whole payload within the request and returns the
    accepted/rejected counts directly — there is no async import job to poll.

    **Request body:** JSONL — one JSON object per line — sent with a JSONL content type
    (e.g. `application/x-ndjson`). Blank lines are skipped. CSV is not supported on this endpoint.

    Each record is validated against the dataset's current schema. Valid records are persisted as
    datapoints and sort after every existing datapoint. Records that are malformed or violate the
    schema are rejected individually and reported in `errors` — they do not fail the whole request.
    Re-appending an identical record is idempotent (counted as accepted, not written twice).

    **Limits and preconditions:**
    - At most 1000 records per request. Larger imports should use the file-upload flow.
    - The dataset must be V4 and have a schema defined.
    - Rejected with `409 Conflict` while a dataset import or a schema migration is in progress.

    If the dataset is attached to any batches with `auto_sync_enabled`, a sync is triggered
    automatically for the newly written datapoints.

    Args:
        dataset_id (UUID): The unique identifier of the V4 dataset to append to
        body (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DatasetAppendResult | Error
    """

    return sync_detailed(
        dataset_id=dataset_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    dataset_id: UUID,
    *,
    client: AuthenticatedClient,
    body: str | Unset = UNSET,
) -> Response[DatasetAppendResult | Error]:
    """Append Datapoints to a Dataset

     Synchronously appends one or more JSONL records to an existing **V4 dataset**. Unlike the
    file-upload flow, this endpoint processes the whole payload within the request and returns the
    accepted/rejected counts directly — there is no async import job to poll.

    **Request body:** JSONL — one JSON object per line — sent with a JSONL content type
    (e.g. `application/x-ndjson`). Blank lines are skipped. CSV is not supported on this endpoint.

    Each record is validated against the dataset's current schema. Valid records are persisted as
    datapoints and sort after every existing datapoint. Records that are malformed or violate the
    schema are rejected individually and reported in `errors` — they do not fail the whole request.
    Re-appending an identical record is idempotent (counted as accepted, not written twice).

    **Limits and preconditions:**
    - At most 1000 records per request. Larger imports should use the file-upload flow.
    - The dataset must be V4 and have a schema defined.
    - Rejected with `409 Conflict` while a dataset import or a schema migration is in progress.

    If the dataset is attached to any batches with `auto_sync_enabled`, a sync is triggered
    automatically for the newly written datapoints.

    Args:
        dataset_id (UUID): The unique identifier of the V4 dataset to append to
        body (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DatasetAppendResult | Error]
    """

    kwargs = _get_kwargs(
        dataset_id=dataset_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    dataset_id: UUID,
    *,
    client: AuthenticatedClient,
    body: str | Unset = UNSET,
) -> DatasetAppendResult | Error | None:
    """Append Datapoints to a Dataset

     Synchronously appends one or more JSONL records to an existing **V4 dataset**. Unlike the
    file-upload flow, this endpoint processes the whole payload within the request and returns the
    accepted/rejected counts directly — there is no async import job to poll.

    **Request body:** JSONL — one JSON object per line — sent with a JSONL content type
    (e.g. `application/x-ndjson`). Blank lines are skipped. CSV is not supported on this endpoint.

    Each record is validated against the dataset's current schema. Valid records are persisted as
    datapoints and sort after every existing datapoint. Records that are malformed or violate the
    schema are rejected individually and reported in `errors` — they do not fail the whole request.
    Re-appending an identical record is idempotent (counted as accepted, not written twice).

    **Limits and preconditions:**
    - At most 1000 records per request. Larger imports should use the file-upload flow.
    - The dataset must be V4 and have a schema defined.
    - Rejected with `409 Conflict` while a dataset import or a schema migration is in progress.

    If the dataset is attached to any batches with `auto_sync_enabled`, a sync is triggered
    automatically for the newly written datapoints.

    Args:
        dataset_id (UUID): The unique identifier of the V4 dataset to append to
        body (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DatasetAppendResult | Error
    """

    return (
        await asyncio_detailed(
            dataset_id=dataset_id,
            client=client,
            body=body,
        )
    ).parsed
