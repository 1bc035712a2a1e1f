from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.filter_distribution import FilterDistribution
from ...types import UNSET, Response


def _get_kwargs(
    id: str,
    *,
    workspace_id: str,
    distribution_filters: str,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["workspace_id"] = workspace_id

    params["distribution_filters"] = distribution_filters

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/filters/{id}/distribution/".format(
            id=quote(str(id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | FilterDistribution | None:
    if response.status_code == 200:
        response_200 = FilterDistribution.from_dict(response.json())

        return response_200

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
) -> Response[Error | FilterDistribution]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    id: str,
    *,
    client: AuthenticatedClient,
    workspace_id: str,
    distribution_filters: str,
) -> Response[Error | FilterDistribution]:
    """Get filter distribution

     Get the distribution of a filter.

    Args:
        id (str): ID of the filter to get distribution for. Only filters tagged with "custom-
            group" are supported.
        workspace_id (str): ID of your current workspace.
        distribution_filters (str): Filters to get distributions for. This should be a comma-
            separated list of filter IDs. Only filters tagged with "allow-distribution" are supported.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | FilterDistribution]
    """

    kwargs = _get_kwargs(
        id=id,
        workspace_id=workspace_id,
        distribution_filters=distribution_filters,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    id: str,
    *,
    client: AuthenticatedClient,
    workspace_id: str,
    distribution_filters: str,
) -> Error | FilterDistribution | None:
    """Get filter distribution

     Get the distribution of a filter.

    Args:
        id (str): ID of the filter to get distribution for. Only filters tagged with "custom-
            group" are supported.
        workspace_id (str): ID of your current workspace.
        distribution_filters (str): Filters to get distributions for. This should be a comma-
            separated list of filter IDs. Only filters tagged with "allow-distribution" are supported.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | FilterDistribution
    """

    return sync_detailed(
        id=id,
        client=client,
        workspace_id=workspace_id,
        distribution_filters=distribution_filters,
    ).parsed


async def asyncio_detailed(
    id: str,
    *,
    client: AuthenticatedClient,
    workspace_id: str,
    distribution_filters: str,
) -> Response[Error | FilterDistribution]:
    """Get filter distribution

     Get the distribution of a filter.

    Args:
        id (str): ID of the filter to get distribution for. Only filters tagged with "custom-
            group" are supported.
        workspace_id (str): ID of your current workspace.
        distribution_filters (str): Filters to get distributions for. This should be a comma-
            separated list of filter IDs. Only filters tagged with "allow-distribution" are supported.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | FilterDistribution]
    """

    kwargs = _get_kwargs(
        id=id,
        workspace_id=workspace_id,
        distribution_filters=distribution_filters,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: str,
    *,
    client: AuthenticatedClient,
    workspace_id: str,
    distribution_filters: str,
) -> Error | FilterDistribution | None:
    """Get filter distribution

     Get the distribution of a filter.

    Args:
        id (str): ID of the filter to get distribution for. Only filters tagged with "custom-
            group" are supported.
        workspace_id (str): ID of your current workspace.
        distribution_filters (str): Filters to get distributions for. This should be a comma-
            separated list of filter IDs. Only filters tagged with "allow-distribution" are supported.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | FilterDistribution
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            workspace_id=workspace_id,
            distribution_filters=distribution_filters,
        )
    ).parsed
