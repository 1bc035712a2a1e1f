from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.ai_task_builder_dataset import AITaskBuilderDataset
from ...models.error import Error
from ...types import Response


def _get_kwargs(
    dataset_id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/data-collection/datasets/{dataset_id}".format(
            dataset_id=quote(str(dataset_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> AITaskBuilderDataset | Error | None:
    if response.status_code == 200:
        response_200 = AITaskBuilderDataset.from_dict(response.json())

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
) -> Response[AITaskBuilderDataset | Error]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    dataset_id: str,
    *,
    client: AuthenticatedClient,
) -> Response[AITaskBuilderDataset | Error]:
    """Get a Dataset

     Get a specific AI Task Builder dataset by its unique identifier.

    For **V4 datasets**, the response includes the dataset `schema` (if one has been set) and an
    `imports` array listing all import jobs for this dataset.

    For **V3 datasets**, the response includes `status`, `filename`, and `has_predetermined_grouping_id`
    instead.

    Args:
        dataset_id (str): The unique identifier of the AI Task Builder dataset

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AITaskBuilderDataset | Error]
    """

    kwargs = _get_kwargs(
        dataset_id=dataset_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    dataset_id: str,
    *,
    client: AuthenticatedClient,
) -> AITaskBuilderDataset | Error | None:
    """Get a Dataset

     Get a specific AI Task Builder dataset by its unique identifier.

    For **V4 datasets**, the response includes the dataset `schema` (if one has been set) and an
    `imports` array listing all import jobs for this dataset.

    For **V3 datasets**, the response includes `status`, `filename`, and `has_predetermined_grouping_id`
    instead.

    Args:
        dataset_id (str): The unique identifier of the AI Task Builder dataset

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AITaskBuilderDataset | Error
    """

    return sync_detailed(
        dataset_id=dataset_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    dataset_id: str,
    *,
    client: AuthenticatedClient,
) -> Response[AITaskBuilderDataset | Error]:
    """Get a Dataset

     Get a specific AI Task Builder dataset by its unique identifier.

    For **V4 datasets**, the response includes the dataset `schema` (if one has been set) and an
    `imports` array listing all import jobs for this dataset.

    For **V3 datasets**, the response includes `status`, `filename`, and `has_predetermined_grouping_id`
    instead.

    Args:
        dataset_id (str): The unique identifier of the AI Task Builder dataset

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AITaskBuilderDataset | Error]
    """

    kwargs = _get_kwargs(
        dataset_id=dataset_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    dataset_id: str,
    *,
    client: AuthenticatedClient,
) -> AITaskBuilderDataset | Error | None:
    """Get a Dataset

     Get a specific AI Task Builder dataset by its unique identifier.

    For **V4 datasets**, the response includes the dataset `schema` (if one has been set) and an
    `imports` array listing all import jobs for this dataset.

    For **V3 datasets**, the response includes `status`, `filename`, and `has_predetermined_grouping_id`
    instead.

    Args:
        dataset_id (str): The unique identifier of the AI Task Builder dataset

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AITaskBuilderDataset | Error
    """

    return (
        await asyncio_detailed(
            dataset_id=dataset_id,
            client=client,
        )
    ).parsed
