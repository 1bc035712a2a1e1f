from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.study_total_cost import StudyTotalCost
from ...types import UNSET, Response, Unset


def _get_kwargs(
    id: str,
    *,
    is_projected: bool | Unset = False,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["is_projected"] = is_projected

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/studies/{id}/cost/".format(
            id=quote(str(id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | StudyTotalCost | None:
    if response.status_code == 200:
        response_200 = StudyTotalCost.from_dict(response.json())

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
) -> Response[Error | StudyTotalCost]:
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
    is_projected: bool | Unset = False,
) -> Response[Error | StudyTotalCost]:
    """Show Study cost

     Returns cost information about the study. Default behaviour is to return cost at the time of the
    request, but projected cost can be requested via a query parameter.

    Args:
        id (str): Study id
        is_projected (bool | Unset): Return the projected cost of the study Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | StudyTotalCost]
    """

    kwargs = _get_kwargs(
        id=id,
        is_projected=is_projected,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    id: str,
    *,
    client: AuthenticatedClient,
    is_projected: bool | Unset = False,
) -> Error | StudyTotalCost | None:
    """Show Study cost

     Returns cost information about the study. Default behaviour is to return cost at the time of the
    request, but projected cost can be requested via a query parameter.

    Args:
        id (str): Study id
        is_projected (bool | Unset): Return the projected cost of the study Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | StudyTotalCost
    """

    return sync_detailed(
        id=id,
        client=client,
        is_projected=is_projected,
    ).parsed


async def asyncio_detailed(
    id: str,
    *,
    client: AuthenticatedClient,
    is_projected: bool | Unset = False,
) -> Response[Error | StudyTotalCost]:
    """Show Study cost

     Returns cost information about the study. Default behaviour is to return cost at the time of the
    request, but projected cost can be requested via a query parameter.

    Args:
        id (str): Study id
        is_projected (bool | Unset): Return the projected cost of the study Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | StudyTotalCost]
    """

    kwargs = _get_kwargs(
        id=id,
        is_projected=is_projected,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: str,
    *,
    client: AuthenticatedClient,
    is_projected: bool | Unset = False,
) -> Error | StudyTotalCost | None:
    """Show Study cost

     Returns cost information about the study. Default behaviour is to return cost at the time of the
    request, but projected cost can be requested via a query parameter.

    Args:
        id (str): Study id
        is_projected (bool | Unset): Return the projected cost of the study Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | StudyTotalCost
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            is_projected=is_projected,
        )
    ).parsed
