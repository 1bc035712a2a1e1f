from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.setup_task_builder_batch_request import SetupTaskBuilderBatchRequest
from ...models.setup_task_builder_batch_response import SetupTaskBuilderBatchResponse
from ...types import UNSET, Response, Unset


def _get_kwargs(
    batch_id: str,
    *,
    body: SetupTaskBuilderBatchRequest | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/data-collection/batches/{batch_id}/setup".format(
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
) -> Error | SetupTaskBuilderBatchResponse | None:
    if response.status_code == 202:
        response_202 = SetupTaskBuilderBatchResponse.from_dict(response.json())

        return response_202

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
) -> Response[Error | SetupTaskBuilderBatchResponse]:
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
    body: SetupTaskBuilderBatchRequest | Unset = UNSET,
) -> Response[Error | SetupTaskBuilderBatchResponse]:
    """Setup a Batch

     The setup process creates all of the **tasks** within the batch according to your configuration.
    Each datapoint in the dataset is paired with all instructions to create a task. Tasks are then
    organized into task groups.

    **V3 datasets:** The dataset must be in a **READY** status before setup can be initiated.

    **V4 datasets:** The dataset must have at least one import job with status **complete**. V4 datasets
    do not have a `READY` status — readiness is determined per import job via `GET
    /datasets/{dataset_id}/imports/{import_id}`.

    The dataset can be attached either at batch creation time or via the `dataset_id` parameter in this
    request.

    Upon successful invocation, the setup process will begin asynchronously, and the batch will be set
    to a **PROCESSING** status.

    To retrieve the status of the setup, call the `GET /api/v1/data-
    collection/batches/{batch_id}/status` endpoint.
    The setup is complete once the batch status changes to **READY**.

    Args:
        batch_id (str): The unique identifier of the AI Task Builder batch
        body (SetupTaskBuilderBatchRequest | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | SetupTaskBuilderBatchResponse]
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
    body: SetupTaskBuilderBatchRequest | Unset = UNSET,
) -> Error | SetupTaskBuilderBatchResponse | None:
    """Setup a Batch

     The setup process creates all of the **tasks** within the batch according to your configuration.
    Each datapoint in the dataset is paired with all instructions to create a task. Tasks are then
    organized into task groups.

    **V3 datasets:** The dataset must be in a **READY** status before setup can be initiated.

    **V4 datasets:** The dataset must have at least one import job with status **complete**. V4 datasets
    do not have a `READY` status — readiness is determined per import job via `GET
    /datasets/{dataset_id}/imports/{import_id}`.

    The dataset can be attached either at batch creation time or via the `dataset_id` parameter in this
    request.

    Upon successful invocation, the setup process will begin asynchronously, and the batch will be set
    to a **PROCESSING** status.

    To retrieve the status of the setup, call the `GET /api/v1/data-
    collection/batches/{batch_id}/status` endpoint.
    The setup is complete once the batch status changes to **READY**.

    Args:
        batch_id (str): The unique identifier of the AI Task Builder batch
        body (SetupTaskBuilderBatchRequest | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | SetupTaskBuilderBatchResponse
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
    body: SetupTaskBuilderBatchRequest | Unset = UNSET,
) -> Response[Error | SetupTaskBuilderBatchResponse]:
    """Setup a Batch

     The setup process creates all of the **tasks** within the batch according to your configuration.
    Each datapoint in the dataset is paired with all instructions to create a task. Tasks are then
    organized into task groups.

    **V3 datasets:** The dataset must be in a **READY** status before setup can be initiated.

    **V4 datasets:** The dataset must have at least one import job with status **complete**. V4 datasets
    do not have a `READY` status — readiness is determined per import job via `GET
    /datasets/{dataset_id}/imports/{import_id}`.

    The dataset can be attached either at batch creation time or via the `dataset_id` parameter in this
    request.

    Upon successful invocation, the setup process will begin asynchronously, and the batch will be set
    to a **PROCESSING** status.

    To retrieve the status of the setup, call the `GET /api/v1/data-
    collection/batches/{batch_id}/status` endpoint.
    The setup is complete once the batch status changes to **READY**.

    Args:
        batch_id (str): The unique identifier of the AI Task Builder batch
        body (SetupTaskBuilderBatchRequest | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | SetupTaskBuilderBatchResponse]
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
    body: SetupTaskBuilderBatchRequest | Unset = UNSET,
) -> Error | SetupTaskBuilderBatchResponse | None:
    """Setup a Batch

     The setup process creates all of the **tasks** within the batch according to your configuration.
    Each datapoint in the dataset is paired with all instructions to create a task. Tasks are then
    organized into task groups.

    **V3 datasets:** The dataset must be in a **READY** status before setup can be initiated.

    **V4 datasets:** The dataset must have at least one import job with status **complete**. V4 datasets
    do not have a `READY` status — readiness is determined per import job via `GET
    /datasets/{dataset_id}/imports/{import_id}`.

    The dataset can be attached either at batch creation time or via the `dataset_id` parameter in this
    request.

    Upon successful invocation, the setup process will begin asynchronously, and the batch will be set
    to a **PROCESSING** status.

    To retrieve the status of the setup, call the `GET /api/v1/data-
    collection/batches/{batch_id}/status` endpoint.
    The setup is complete once the batch status changes to **READY**.

    Args:
        batch_id (str): The unique identifier of the AI Task Builder batch
        body (SetupTaskBuilderBatchRequest | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | SetupTaskBuilderBatchResponse
    """

    return (
        await asyncio_detailed(
            batch_id=batch_id,
            client=client,
            body=body,
        )
    ).parsed
