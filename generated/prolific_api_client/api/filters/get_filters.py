from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.filter_list import FilterList
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    detailed: str | Unset = UNSET,
    workspace_id: str | Unset = UNSET,
    filter_tag: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["detailed"] = detailed

    params["workspace_id"] = workspace_id

    params["filter_tag"] = filter_tag

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/filters/",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | FilterList | None:
    if response.status_code == 200:
        response_200 = FilterList.from_dict(response.json())

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Error | FilterList]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    detailed: str | Unset = UNSET,
    workspace_id: str | Unset = UNSET,
    filter_tag: str | Unset = UNSET,
) -> Response[Error | FilterList]:
    """List all filters

     List all filters that can be applied to your filter sets or studies.

    Args:
        detailed (str | Unset): Include extra information required to sort and categorise filters
            in the Prolific app. This is not required for API use. Default false.
        workspace_id (str | Unset): The workspace ID for the workspace you are creating a study or
            filterset in. This is used to get contextual data such as previous studies and participant
            groups.
        filter_tag (str | Unset): Can be used to return only Custom Group filters.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | FilterList]
    """

    kwargs = _get_kwargs(
        detailed=detailed,
        workspace_id=workspace_id,
        filter_tag=filter_tag,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    detailed: str | Unset = UNSET,
    workspace_id: str | Unset = UNSET,
    filter_tag: str | Unset = UNSET,
) -> Error | FilterList | None:
    """List all filters

     List all filters that can be applied to your filter sets or studies.

    Args:
        detailed (str | Unset): Include extra information required to sort and categorise filters
            in the Prolific app. This is not required for API use. Default false.
        workspace_id (str | Unset): The workspace ID for the workspace you are creating a study or
            filterset in. This is used to get contextual data such as previous studies and participant
            groups.
        filter_tag (str | Unset): Can be used to return only Custom Group filters.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | FilterList
    """

    return sync_detailed(
        client=client,
        detailed=detailed,
        workspace_id=workspace_id,
        filter_tag=filter_tag,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    detailed: str | Unset = UNSET,
    workspace_id: str | Unset = UNSET,
    filter_tag: str | Unset = UNSET,
) -> Response[Error | FilterList]:
    """List all filters

     List all filters that can be applied to your filter sets or studies.

    Args:
        detailed (str | Unset): Include extra information required to sort and categorise filters
            in the Prolific app. This is not required for API use. Default false.
        workspace_id (str | Unset): The workspace ID for the workspace you are creating a study or
            filterset in. This is used to get contextual data such as previous studies and participant
            groups.
        filter_tag (str | Unset): Can be used to return only Custom Group filters.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | FilterList]
    """

    kwargs = _get_kwargs(
        detailed=detailed,
        workspace_id=workspace_id,
        filter_tag=filter_tag,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    detailed: str | Unset = UNSET,
    workspace_id: str | Unset = UNSET,
    filter_tag: str | Unset = UNSET,
) -> Error | FilterList | None:
    """List all filters

     List all filters that can be applied to your filter sets or studies.

    Args:
        detailed (str | Unset): Include extra information required to sort and categorise filters
            in the Prolific app. This is not required for API use. Default false.
        workspace_id (str | Unset): The workspace ID for the workspace you are creating a study or
            filterset in. This is used to get contextual data such as previous studies and participant
            groups.
        filter_tag (str | Unset): Can be used to return only Custom Group filters.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | FilterList
    """

    return (
        await asyncio_detailed(
            client=client,
            detailed=detailed,
            workspace_id=workspace_id,
            filter_tag=filter_tag,
        )
    ).parsed
