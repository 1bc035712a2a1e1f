from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.ai_task_builder_dataset import AITaskBuilderDataset
from ...models.create_task_builder_dataset_request import (
    CreateTaskBuilderDatasetRequest,
)
from ...models.error import Error
from ...types import Response


def _get_kwargs(
    *,
    body: CreateTaskBuilderDatasetRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/data-collection/datasets",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> AITaskBuilderDataset | Error | None:
    if response.status_code == 201:
        response_201 = AITaskBuilderDataset.from_dict(response.json())

        return response_201

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


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[AITaskBuilderDataset | Error]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: CreateTaskBuilderDatasetRequest,
) -> Response[AITaskBuilderDataset | Error]:
    """Create a Dataset

     Create a new AI Task Builder dataset.

    Pass an optional `schema` to create a **V4 dataset** with a structured schema. V4 datasets accept
    JSONL and CSV uploads, track each upload as an import job, and allow `dataset_field` items in
    `batch_items` to reference named schema fields. Without a `schema`, a V3 dataset is created (CSV/ZIP
    only, legacy flow).

    V4 dataset creation requires the feature to be enabled for the workspace.

    Args:
        body (CreateTaskBuilderDatasetRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AITaskBuilderDataset | Error]
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
    body: CreateTaskBuilderDatasetRequest,
) -> AITaskBuilderDataset | Error | None:
    """Create a Dataset

     Create a new AI Task Builder dataset.

    Pass an optional `schema` to create a **V4 dataset** with a structured schema. V4 datasets accept
    JSONL and CSV uploads, track each upload as an import job, and allow `dataset_field` items in
    `batch_items` to reference named schema fields. Without a `schema`, a V3 dataset is created (CSV/ZIP
    only, legacy flow).

    V4 dataset creation requires the feature to be enabled for the workspace.

    Args:
        body (CreateTaskBuilderDatasetRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AITaskBuilderDataset | Error
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: CreateTaskBuilderDatasetRequest,
) -> Response[AITaskBuilderDataset | Error]:
    """Create a Dataset

     Create a new AI Task Builder dataset.

    Pass an optional `schema` to create a **V4 dataset** with a structured schema. V4 datasets accept
    JSONL and CSV uploads, track each upload as an import job, and allow `dataset_field` items in
    `batch_items` to reference named schema fields. Without a `schema`, a V3 dataset is created (CSV/ZIP
    only, legacy flow).

    V4 dataset creation requires the feature to be enabled for the workspace.

    Args:
        body (CreateTaskBuilderDatasetRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AITaskBuilderDataset | Error]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: CreateTaskBuilderDatasetRequest,
) -> AITaskBuilderDataset | Error | None:
    """Create a Dataset

     Create a new AI Task Builder dataset.

    Pass an optional `schema` to create a **V4 dataset** with a structured schema. V4 datasets accept
    JSONL and CSV uploads, track each upload as an import job, and allow `dataset_field` items in
    `batch_items` to reference named schema fields. Without a `schema`, a V3 dataset is created (CSV/ZIP
    only, legacy flow).

    V4 dataset creation requires the feature to be enabled for the workspace.

    Args:
        body (CreateTaskBuilderDatasetRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AITaskBuilderDataset | Error
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
