from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.ai_task_builder_batch_create import AITaskBuilderBatchCreate
from ...models.duplicate_task_builder_batch_request import (
    DuplicateTaskBuilderBatchRequest,
)
from ...models.error import Error
from ...types import UNSET, Response, Unset


def _get_kwargs(
    batch_id: str,
    *,
    body: DuplicateTaskBuilderBatchRequest | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/data-collection/batches/{batch_id}/duplicate".format(
            batch_id=quote(str(batch_id), safe=""),
        ),
    }

    if not isinstance(body, Unset):
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> AITaskBuilderBatchCreate | Error | None:
    if response.status_code == 201:
        response_201 = AITaskBuilderBatchCreate.from_dict(response.json())

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
) -> Response[AITaskBuilderBatchCreate | Error]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    batch_id: str,
    *,
    client: AuthenticatedClient,
    body: DuplicateTaskBuilderBatchRequest | Unset = UNSET,
) -> Response[AITaskBuilderBatchCreate | Error]:
    """Duplicate a Batch

     Create a duplicate of an existing AI Task Builder batch. The dataset does not need to be in READY
    status for duplication. Supports two modes:
    - Duplicate with dataset (default): Creates a copy with the same dataset (the dataset is shared
    between both batches, not duplicated)
    - Duplicate without dataset: Creates a copy that requires a new dataset upload (set
    upload_new_dataset to true)

    You can optionally provide a new name for the duplicated batch. If no name is provided, the
    duplicate will be named "[Original Batch Name] (Copy)".

    Args:
        batch_id (str): The unique identifier of the batch to duplicate
        body (DuplicateTaskBuilderBatchRequest | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AITaskBuilderBatchCreate | Error]
    """

    kwargs = _get_kwargs(
        batch_id=batch_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    batch_id: str,
    *,
    client: AuthenticatedClient,
    body: DuplicateTaskBuilderBatchRequest | Unset = UNSET,
) -> AITaskBuilderBatchCreate | Error | None:
    """Duplicate a Batch

     Create a duplicate of an existing AI Task Builder batch. The dataset does not need to be in READY
    status for duplication. Supports two modes:
    - Duplicate with dataset (default): Creates a copy with the same dataset (the dataset is shared
    between both batches, not duplicated)
    - Duplicate without dataset: Creates a copy that requires a new dataset upload (set
    upload_new_dataset to true)

    You can optionally provide a new name for the duplicated batch. If no name is provided, the
    duplicate will be named "[Original Batch Name] (Copy)".

    Args:
        batch_id (str): The unique identifier of the batch to duplicate
        body (DuplicateTaskBuilderBatchRequest | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AITaskBuilderBatchCreate | Error
    """

    return sync_detailed(
        batch_id=batch_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    batch_id: str,
    *,
    client: AuthenticatedClient,
    body: DuplicateTaskBuilderBatchRequest | Unset = UNSET,
) -> Response[AITaskBuilderBatchCreate | Error]:
    """Duplicate a Batch

     Create a duplicate of an existing AI Task Builder batch. The dataset does not need to be in READY
    status for duplication. Supports two modes:
    - Duplicate with dataset (default): Creates a copy with the same dataset (the dataset is shared
    between both batches, not duplicated)
    - Duplicate without dataset: Creates a copy that requires a new dataset upload (set
    upload_new_dataset to true)

    You can optionally provide a new name for the duplicated batch. If no name is provided, the
    duplicate will be named "[Original Batch Name] (Copy)".

    Args:
        batch_id (str): The unique identifier of the batch to duplicate
        body (DuplicateTaskBuilderBatchRequest | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AITaskBuilderBatchCreate | Error]
    """

    kwargs = _get_kwargs(
        batch_id=batch_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    batch_id: str,
    *,
    client: AuthenticatedClient,
    body: DuplicateTaskBuilderBatchRequest | Unset = UNSET,
) -> AITaskBuilderBatchCreate | Error | None:
    """Duplicate a Batch

     Create a duplicate of an existing AI Task Builder batch. The dataset does not need to be in READY
    status for duplication. Supports two modes:
    - Duplicate with dataset (default): Creates a copy with the same dataset (the dataset is shared
    between both batches, not duplicated)
    - Duplicate without dataset: Creates a copy that requires a new dataset upload (set
    upload_new_dataset to true)

    You can optionally provide a new name for the duplicated batch. If no name is provided, the
    duplicate will be named "[Original Batch Name] (Copy)".

    Args:
        batch_id (str): The unique identifier of the batch to duplicate
        body (DuplicateTaskBuilderBatchRequest | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AITaskBuilderBatchCreate | Error
    """

    return (
        await asyncio_detailed(
            batch_id=batch_id,
            client=client,
            body=body,
        )
    ).parsed
