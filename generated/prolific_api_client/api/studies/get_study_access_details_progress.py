from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.study_access_details_progress import StudyAccessDetailsProgress
from ...types import Response


def _get_kwargs(
    id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/studies/{id}/access-details-progress/".format(
            id=quote(str(id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | StudyAccessDetailsProgress | None:
    if response.status_code == 200:
        response_200 = StudyAccessDetailsProgress.from_dict(response.json())

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
) -> Response[Error | StudyAccessDetailsProgress]:
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
) -> Response[Error | StudyAccessDetailsProgress]:
    """Get taskflow progress

     Returns per-URL allocation progress for a Taskflow study (studies configured with `access_details`).
    Each item in `progress` corresponds to one `external_url` from the study's access details, including
    how many participants are allocated and any screenout-driven capacity increments.

    Returns **404** if the study has no access-details collection (not a Taskflow study).

    Args:
        id (str): Study id

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | StudyAccessDetailsProgress]
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
) -> Error | StudyAccessDetailsProgress | None:
    """Get taskflow progress

     Returns per-URL allocation progress for a Taskflow study (studies configured with `access_details`).
    Each item in `progress` corresponds to one `external_url` from the study's access details, including
    how many participants are allocated and any screenout-driven capacity increments.

    Returns **404** if the study has no access-details collection (not a Taskflow study).

    Args:
        id (str): Study id

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | StudyAccessDetailsProgress
    """

    return sync_detailed(
        id=id,
        client=client,
    ).parsed


async def asyncio_detailed(
    id: str,
    *,
    client: AuthenticatedClient,
) -> Response[Error | StudyAccessDetailsProgress]:
    """Get taskflow progress

     Returns per-URL allocation progress for a Taskflow study (studies configured with `access_details`).
    Each item in `progress` corresponds to one `external_url` from the study's access details, including
    how many participants are allocated and any screenout-driven capacity increments.

    Returns **404** if the study has no access-details collection (not a Taskflow study).

    Args:
        id (str): Study id

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | StudyAccessDetailsProgress]
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
) -> Error | StudyAccessDetailsProgress | None:
    """Get taskflow progress

     Returns per-URL allocation progress for a Taskflow study (studies configured with `access_details`).
    Each item in `progress` corresponds to one `external_url` from the study's access details, including
    how many participants are allocated and any screenout-driven capacity increments.

    Returns **404** if the study has no access-details collection (not a Taskflow study).

    Args:
        id (str): Study id

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | StudyAccessDetailsProgress
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
        )
    ).parsed
