from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.ai_task_builder_batch import AITaskBuilderBatch
from ...models.batch_items_validation_error import BatchItemsValidationError
from ...models.error import Error
from ...models.update_task_builder_batch_request import UpdateTaskBuilderBatchRequest
from ...types import UNSET, Response, Unset


def _get_kwargs(
    batch_id: str,
    *,
    body: UpdateTaskBuilderBatchRequest | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/api/v1/data-collection/batches/{batch_id}".format(
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
) -> AITaskBuilderBatch | BatchItemsValidationError | Error | None:
    if response.status_code == 200:
        response_200 = AITaskBuilderBatch.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Error.from_dict(response.json())

        return response_400

    if response.status_code == 422:
        response_422 = BatchItemsValidationError.from_dict(response.json())

        return response_422

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
) -> Response[AITaskBuilderBatch | BatchItemsValidationError | Error]:
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
    body: UpdateTaskBuilderBatchRequest | Unset = UNSET,
) -> Response[AITaskBuilderBatch | BatchItemsValidationError | Error]:
    """Update a Batch

     Update an existing AI Task Builder batch. You can update the name, task details, associated dataset,
    and/or `batch_items`. The dataset does not need to be in READY status for updates.

    When updating `batch_items`, include the `id` of any existing pages, rows, columns, or items you
    want to preserve — items without an `id` are treated as new and assigned one server-side. Omitting
    an existing `id` removes that entry. The same validation rules as on create apply, and validation
    failures return **`422 Unprocessable Entity`** with the `BatchItemsValidationError` payload.

    Args:
        batch_id (str): The unique identifier of the batch
        body (UpdateTaskBuilderBatchRequest | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AITaskBuilderBatch | BatchItemsValidationError | Error]
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
    body: UpdateTaskBuilderBatchRequest | Unset = UNSET,
) -> AITaskBuilderBatch | BatchItemsValidationError | Error | None:
    """Update a Batch

     Update an existing AI Task Builder batch. You can update the name, task details, associated dataset,
    and/or `batch_items`. The dataset does not need to be in READY status for updates.

    When updating `batch_items`, include the `id` of any existing pages, rows, columns, or items you
    want to preserve — items without an `id` are treated as new and assigned one server-side. Omitting
    an existing `id` removes that entry. The same validation rules as on create apply, and validation
    failures return **`422 Unprocessable Entity`** with the `BatchItemsValidationError` payload.

    Args:
        batch_id (str): The unique identifier of the batch
        body (UpdateTaskBuilderBatchRequest | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AITaskBuilderBatch | BatchItemsValidationError | Error
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
    body: UpdateTaskBuilderBatchRequest | Unset = UNSET,
) -> Response[AITaskBuilderBatch | BatchItemsValidationError | Error]:
    """Update a Batch

     Update an existing AI Task Builder batch. You can update the name, task details, associated dataset,
    and/or `batch_items`. The dataset does not need to be in READY status for updates.

    When updating `batch_items`, include the `id` of any existing pages, rows, columns, or items you
    want to preserve — items without an `id` are treated as new and assigned one server-side. Omitting
    an existing `id` removes that entry. The same validation rules as on create apply, and validation
    failures return **`422 Unprocessable Entity`** with the `BatchItemsValidationError` payload.

    Args:
        batch_id (str): The unique identifier of the batch
        body (UpdateTaskBuilderBatchRequest | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AITaskBuilderBatch | BatchItemsValidationError | Error]
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
    body: UpdateTaskBuilderBatchRequest | Unset = UNSET,
) -> AITaskBuilderBatch | BatchItemsValidationError | Error | None:
    """Update a Batch

     Update an existing AI Task Builder batch. You can update the name, task details, associated dataset,
    and/or `batch_items`. The dataset does not need to be in READY status for updates.

    When updating `batch_items`, include the `id` of any existing pages, rows, columns, or items you
    want to preserve — items without an `id` are treated as new and assigned one server-side. Omitting
    an existing `id` removes that entry. The same validation rules as on create apply, and validation
    failures return **`422 Unprocessable Entity`** with the `BatchItemsValidationError` payload.

    Args:
        batch_id (str): The unique identifier of the batch
        body (UpdateTaskBuilderBatchRequest | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AITaskBuilderBatch | BatchItemsValidationError | Error
    """

    return (
        await asyncio_detailed(
            batch_id=batch_id,
            client=client,
            body=body,
        )
    ).parsed
