from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.demographic_export_history_response import (
    DemographicExportHistoryResponse,
)
from ...models.error import Error
from ...types import Response


def _get_kwargs(
    id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/studies/{id}/demographic-export-history/".format(
            id=quote(str(id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> DemographicExportHistoryResponse | Error | None:
    if response.status_code == 200:
        response_200 = DemographicExportHistoryResponse.from_dict(response.json())

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
) -> Response[DemographicExportHistoryResponse | Error]:
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
) -> Response[DemographicExportHistoryResponse | Error]:
    """Get demographic export history

     Retrieve the latest demographic export request history for a study. This endpoint returns
    information about your most recent export request, including the filters used and the total number
    of export combinations made.

    **Usage**: Use this endpoint to check your current export usage and see what filters were used in
    your latest request. This helps you understand your remaining export quota and track your export
    history.

    **Export Limits**: You are limited to 2 different filter combinations per study. This endpoint helps
    you track your usage against this limit.

    Learn more on [Exporting Prolific demographic data](https://researcher-
    help.prolific.com/en/article/b2943f).

    Args:
        id (str): Study ID

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DemographicExportHistoryResponse | Error]
    """

    kwargs = _get_kwargs(
        id=id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    id: str,
    *,
    client: AuthenticatedClient,
) -> DemographicExportHistoryResponse | Error | None:
    """Get demographic export history

     Retrieve the latest demographic export request history for a study. This endpoint returns
    information about your most recent export request, including the filters used and the total number
    of export combinations made.

    **Usage**: Use this endpoint to check your current export usage and see what filters were used in
    your latest request. This helps you understand your remaining export quota and track your export
    history.

    **Export Limits**: You are limited to 2 different filter combinations per study. This endpoint helps
    you track your usage against this limit.

    Learn more on [Exporting Prolific demographic data](https://researcher-
    help.prolific.com/en/article/b2943f).

    Args:
        id (str): Study ID

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DemographicExportHistoryResponse | Error
    """

    return sync_detailed(
        id=id,
        client=client,
    ).parsed


async def asyncio_detailed(
    id: str,
    *,
    client: AuthenticatedClient,
) -> Response[DemographicExportHistoryResponse | Error]:
    """Get demographic export history

     Retrieve the latest demographic export request history for a study. This endpoint returns
    information about your most recent export request, including the filters used and the total number
    of export combinations made.

    **Usage**: Use this endpoint to check your current export usage and see what filters were used in
    your latest request. This helps you understand your remaining export quota and track your export
    history.

    **Export Limits**: You are limited to 2 different filter combinations per study. This endpoint helps
    you track your usage against this limit.

    Learn more on [Exporting Prolific demographic data](https://researcher-
    help.prolific.com/en/article/b2943f).

    Args:
        id (str): Study ID

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DemographicExportHistoryResponse | Error]
    """

    kwargs = _get_kwargs(
        id=id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: str,
    *,
    client: AuthenticatedClient,
) -> DemographicExportHistoryResponse | Error | None:
    """Get demographic export history

     Retrieve the latest demographic export request history for a study. This endpoint returns
    information about your most recent export request, including the filters used and the total number
    of export combinations made.

    **Usage**: Use this endpoint to check your current export usage and see what filters were used in
    your latest request. This helps you understand your remaining export quota and track your export
    history.

    **Export Limits**: You are limited to 2 different filter combinations per study. This endpoint helps
    you track your usage against this limit.

    Learn more on [Exporting Prolific demographic data](https://researcher-
    help.prolific.com/en/article/b2943f).

    Args:
        id (str): Study ID

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DemographicExportHistoryResponse | Error
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
        )
    ).parsed
