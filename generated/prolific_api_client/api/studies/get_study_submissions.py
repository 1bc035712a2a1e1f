from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.submission_list_response import SubmissionListResponse
from ...types import UNSET, Response, Unset


def _get_kwargs(
    id: str,
    *,
    ordering: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["ordering"] = ordering

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/studies/{id}/submissions/".format(
            id=quote(str(id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | SubmissionListResponse | None:
    if response.status_code == 200:
        response_200 = SubmissionListResponse.from_dict(response.json())

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
) -> Response[Error | SubmissionListResponse]:
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
    ordering: str | Unset = UNSET,
) -> Response[Error | SubmissionListResponse]:
    """List study submissions

     Returns basic information of the submissions, including the study id, participant id, status and
    start timestamp

    Args:
        id (str): Study id
        ordering (str | Unset): Field to sort results by. Prefix with `-` for descending order.
            Allowed values: `started_at`, `completed_at`, `status`, `ip`, `time_taken`,
            `participant_id`, `study_code`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | SubmissionListResponse]
    """

    kwargs = _get_kwargs(
        id=id,
        ordering=ordering,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    id: str,
    *,
    client: AuthenticatedClient,
    ordering: str | Unset = UNSET,
) -> Error | SubmissionListResponse | None:
    """List study submissions

     Returns basic information of the submissions, including the study id, participant id, status and
    start timestamp

    Args:
        id (str): Study id
        ordering (str | Unset): Field to sort results by. Prefix with `-` for descending order.
            Allowed values: `started_at`, `completed_at`, `status`, `ip`, `time_taken`,
            `participant_id`, `study_code`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | SubmissionListResponse
    """

    return sync_detailed(
        id=id,
        client=client,
        ordering=ordering,
    ).parsed


async def asyncio_detailed(
    id: str,
    *,
    client: AuthenticatedClient,
    ordering: str | Unset = UNSET,
) -> Response[Error | SubmissionListResponse]:
    """List study submissions

     Returns basic information of the submissions, including the study id, participant id, status and
    start timestamp

    Args:
        id (str): Study id
        ordering (str | Unset): Field to sort results by. Prefix with `-` for descending order.
            Allowed values: `started_at`, `completed_at`, `status`, `ip`, `time_taken`,
            `participant_id`, `study_code`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | SubmissionListResponse]
    """

    kwargs = _get_kwargs(
        id=id,
        ordering=ordering,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: str,
    *,
    client: AuthenticatedClient,
    ordering: str | Unset = UNSET,
) -> Error | SubmissionListResponse | None:
    """List study submissions

     Returns basic information of the submissions, including the study id, participant id, status and
    start timestamp

    Args:
        id (str): Study id
        ordering (str | Unset): Field to sort results by. Prefix with `-` for descending order.
            Allowed values: `started_at`, `completed_at`, `status`, `ip`, `time_taken`,
            `participant_id`, `study_code`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | SubmissionListResponse
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            ordering=ordering,
        )
    ).parsed
