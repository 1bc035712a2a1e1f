from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.update_task_builder_dataset_request import (
    UpdateTaskBuilderDatasetRequest,
)
from ...models.update_task_builder_dataset_response import (
    UpdateTaskBuilderDatasetResponse,
)
from ...types import Response


def _get_kwargs(
    dataset_id: UUID,
    *,
    body: UpdateTaskBuilderDatasetRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/api/v1/data-collection/datasets/{dataset_id}".format(
            dataset_id=quote(str(dataset_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | UpdateTaskBuilderDatasetResponse | None:
    if response.status_code == 200:
        response_200 = UpdateTaskBuilderDatasetResponse.from_dict(response.json())

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
) -> Response[Error | UpdateTaskBuilderDatasetResponse]:
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
    body: UpdateTaskBuilderDatasetRequest,
) -> Response[Error | UpdateTaskBuilderDatasetResponse]:
    """Update a Dataset Schema

     Updates the schema of an existing **V4 dataset**. Each successful update writes a new schema
    version.

    **Schema migration.** If the dataset already had a schema, changing it starts an asynchronous
    **schema migration** that re-normalises the dataset's existing datapoints against the new
    version. In that case the response includes a `migration_job_id`; poll
    `GET /datasets/{dataset_id}/schema-migrations/{job_id}` with it until the job reaches a
    terminal status. When this is the dataset's **first** schema, no migration is needed and
    `migration_job_id` is omitted.

    **Constraints:**
    - V4 datasets only — a `400` is returned for V3 datasets.
    - The `task_group_id` column designation cannot be changed once the dataset has datapoints;
    attempting to do so returns `400`.

    Args:
        dataset_id (UUID): The unique identifier of the V4 dataset to update
        body (UpdateTaskBuilderDatasetRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | UpdateTaskBuilderDatasetResponse]
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
    body: UpdateTaskBuilderDatasetRequest,
) -> Error | UpdateTaskBuilderDatasetResponse | None:
    """Update a Dataset Schema

     Updates the schema of an existing **V4 dataset**. Each successful update writes a new schema
    version.

    **Schema migration.** If the dataset already had a schema, changing it starts an asynchronous
    **schema migration** that re-normalises the dataset's existing datapoints against the new
    version. In that case the response includes a `migration_job_id`; poll
    `GET /datasets/{dataset_id}/schema-migrations/{job_id}` with it until the job reaches a
    terminal status. When this is the dataset's **first** schema, no migration is needed and
    `migration_job_id` is omitted.

    **Constraints:**
    - V4 datasets only — a `400` is returned for V3 datasets.
    - The `task_group_id` column designation cannot be changed once the dataset has datapoints;
    attempting to do so returns `400`.

    Args:
        dataset_id (UUID): The unique identifier of the V4 dataset to update
        body (UpdateTaskBuilderDatasetRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | UpdateTaskBuilderDatasetResponse
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
    body: UpdateTaskBuilderDatasetRequest,
) -> Response[Error | UpdateTaskBuilderDatasetResponse]:
    """Update a Dataset Schema

     Updates the schema of an existing **V4 dataset**. Each successful update writes a new schema
    version.

    **Schema migration.** If the dataset already had a schema, changing it starts an asynchronous
    **schema migration** that re-normalises the dataset's existing datapoints against the new
    version. In that case the response includes a `migration_job_id`; poll
    `GET /datasets/{dataset_id}/schema-migrations/{job_id}` with it until the job reaches a
    terminal status. When this is the dataset's **first** schema, no migration is needed and
    `migration_job_id` is omitted.

    **Constraints:**
    - V4 datasets only — a `400` is returned for V3 datasets.
    - The `task_group_id` column designation cannot be changed once the dataset has datapoints;
    attempting to do so returns `400`.

    Args:
        dataset_id (UUID): The unique identifier of the V4 dataset to update
        body (UpdateTaskBuilderDatasetRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | UpdateTaskBuilderDatasetResponse]
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
    body: UpdateTaskBuilderDatasetRequest,
) -> Error | UpdateTaskBuilderDatasetResponse | None:
    """Update a Dataset Schema

     Updates the schema of an existing **V4 dataset**. Each successful update writes a new schema
    version.

    **Schema migration.** If the dataset already had a schema, changing it starts an asynchronous
    **schema migration** that re-normalises the dataset's existing datapoints against the new
    version. In that case the response includes a `migration_job_id`; poll
    `GET /datasets/{dataset_id}/schema-migrations/{job_id}` with it until the job reaches a
    terminal status. When this is the dataset's **first** schema, no migration is needed and
    `migration_job_id` is omitted.

    **Constraints:**
    - V4 datasets only — a `400` is returned for V3 datasets.
    - The `task_group_id` column designation cannot be changed once the dataset has datapoints;
    attempting to do so returns `400`.

    Args:
        dataset_id (UUID): The unique identifier of the V4 dataset to update
        body (UpdateTaskBuilderDatasetRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | UpdateTaskBuilderDatasetResponse
    """

    return (
        await asyncio_detailed(
            dataset_id=dataset_id,
            client=client,
            body=body,
        )
    ).parsed
