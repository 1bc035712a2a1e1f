from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.studies_list_response import StudiesListResponse
from ...types import UNSET, Response, Unset


def _get_kwargs(
    project_id: str,
    *,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    ordering: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["page"] = page

    params["page_size"] = page_size

    params["ordering"] = ordering

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/projects/{project_id}/studies/".format(
            project_id=quote(str(project_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | StudiesListResponse | None:
    if response.status_code == 200:
        response_200 = StudiesListResponse.from_dict(response.json())

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
) -> Response[Error | StudiesListResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    project_id: str,
    *,
    client: AuthenticatedClient,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    ordering: str | Unset = UNSET,
) -> Response[Error | StudiesListResponse]:
    """List all studies in a project

     List all of your studies in a project.

    For projects with a large number of studies, pagination can be used to optimize the response size
    and performance. To paginate, use the `page`, `page_size` and `ordering` query parameters. For
    example, to retrieve the first 10 studies, use
    `/api/v1/projects/{project_id}/studies/?page=1&page_size=10&ordering=-date_created`.

    Args:
        project_id (str): Project id
        page (int | Unset): The page number to retrieve.
        page_size (int | Unset): The number of studies to retrieve per page.
        ordering (str | Unset): The ordering of the studies. Use `-date_created` to order by date
            created in descending order.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | StudiesListResponse]
    """

    kwargs = _get_kwargs(
        project_id=project_id,
        page=page,
        page_size=page_size,
        ordering=ordering,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    project_id: str,
    *,
    client: AuthenticatedClient,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    ordering: str | Unset = UNSET,
) -> Error | StudiesListResponse | None:
    """List all studies in a project

     List all of your studies in a project.

    For projects with a large number of studies, pagination can be used to optimize the response size
    and performance. To paginate, use the `page`, `page_size` and `ordering` query parameters. For
    example, to retrieve the first 10 studies, use
    `/api/v1/projects/{project_id}/studies/?page=1&page_size=10&ordering=-date_created`.

    Args:
        project_id (str): Project id
        page (int | Unset): The page number to retrieve.
        page_size (int | Unset): The number of studies to retrieve per page.
        ordering (str | Unset): The ordering of the studies. Use `-date_created` to order by date
            created in descending order.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | StudiesListResponse
    """

    return sync_detailed(
        project_id=project_id,
        client=client,
        page=page,
        page_size=page_size,
        ordering=ordering,
    ).parsed


async def asyncio_detailed(
    project_id: str,
    *,
    client: AuthenticatedClient,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    ordering: str | Unset = UNSET,
) -> Response[Error | StudiesListResponse]:
    """List all studies in a project

     List all of your studies in a project.

    For projects with a large number of studies, pagination can be used to optimize the response size
    and performance. To paginate, use the `page`, `page_size` and `ordering` query parameters. For
    example, to retrieve the first 10 studies, use
    `/api/v1/projects/{project_id}/studies/?page=1&page_size=10&ordering=-date_created`.

    Args:
        project_id (str): Project id
        page (int | Unset): The page number to retrieve.
        page_size (int | Unset): The number of studies to retrieve per page.
        ordering (str | Unset): The ordering of the studies. Use `-date_created` to order by date
            created in descending order.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | StudiesListResponse]
    """

    kwargs = _get_kwargs(
        project_id=project_id,
        page=page,
        page_size=page_size,
        ordering=ordering,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    project_id: str,
    *,
    client: AuthenticatedClient,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    ordering: str | Unset = UNSET,
) -> Error | StudiesListResponse | None:
    """List all studies in a project

     List all of your studies in a project.

    For projects with a large number of studies, pagination can be used to optimize the response size
    and performance. To paginate, use the `page`, `page_size` and `ordering` query parameters. For
    example, to retrieve the first 10 studies, use
    `/api/v1/projects/{project_id}/studies/?page=1&page_size=10&ordering=-date_created`.

    Args:
        project_id (str): Project id
        page (int | Unset): The page number to retrieve.
        page_size (int | Unset): The number of studies to retrieve per page.
        ordering (str | Unset): The ordering of the studies. Use `-date_created` to order by date
            created in descending order.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | StudiesListResponse
    """

    return (
        await asyncio_detailed(
            project_id=project_id,
            client=client,
            page=page,
            page_size=page_size,
            ordering=ordering,
        )
    ).parsed
