from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.test_study_set_up_response import TestStudySetUpResponse
from ...types import Response


def _get_kwargs(
    id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/studies/{id}/test-study".format(
            id=quote(str(id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | TestStudySetUpResponse | None:
    if response.status_code == 200:
        response_200 = TestStudySetUpResponse.from_dict(response.json())

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
) -> Response[Error | TestStudySetUpResponse]:
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
) -> Response[Error | TestStudySetUpResponse]:
    """Create a test study

     ### Overview
    - Make sure atleast one test participant is created and exists against the user before hitting this
    endpoint.
      - To create test participant: POST /api/v1/researchers/participants/
    - Create and publish a test study from a draft study to all the test participants associated with
    the workspace.
    - This will allow a data collector to test the study as a participant.
    ## Prerequisites
    ✅ **Required:**
    - At least one active test participant (created via [`POST /api/v1/researchers/participants/`](#))
    - Study must be in draft status
    - Feature enabled for your workspace (contact support if unavailable)
    ### Enabling the feature
    This endpoint is only enabled for select workspaces and will need enabling before the endpoint can
    be used.

    Args:
        id (str): Study id

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | TestStudySetUpResponse]
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
) -> Error | TestStudySetUpResponse | None:
    """Create a test study

     ### Overview
    - Make sure atleast one test participant is created and exists against the user before hitting this
    endpoint.
      - To create test participant: POST /api/v1/researchers/participants/
    - Create and publish a test study from a draft study to all the test participants associated with
    the workspace.
    - This will allow a data collector to test the study as a participant.
    ## Prerequisites
    ✅ **Required:**
    - At least one active test participant (created via [`POST /api/v1/researchers/participants/`](#))
    - Study must be in draft status
    - Feature enabled for your workspace (contact support if unavailable)
    ### Enabling the feature
    This endpoint is only enabled for select workspaces and will need enabling before the endpoint can
    be used.

    Args:
        id (str): Study id

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | TestStudySetUpResponse
    """

    return sync_detailed(
        id=id,
        client=client,
    ).parsed


async def asyncio_detailed(
    id: str,
    *,
    client: AuthenticatedClient,
) -> Response[Error | TestStudySetUpResponse]:
    """Create a test study

     ### Overview
    - Make sure atleast one test participant is created and exists against the user before hitting this
    endpoint.
      - To create test participant: POST /api/v1/researchers/participants/
    - Create and publish a test study from a draft study to all the test participants associated with
    the workspace.
    - This will allow a data collector to test the study as a participant.
    ## Prerequisites
    ✅ **Required:**
    - At least one active test participant (created via [`POST /api/v1/researchers/participants/`](#))
    - Study must be in draft status
    - Feature enabled for your workspace (contact support if unavailable)
    ### Enabling the feature
    This endpoint is only enabled for select workspaces and will need enabling before the endpoint can
    be used.

    Args:
        id (str): Study id

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | TestStudySetUpResponse]
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
) -> Error | TestStudySetUpResponse | None:
    """Create a test study

     ### Overview
    - Make sure atleast one test participant is created and exists against the user before hitting this
    endpoint.
      - To create test participant: POST /api/v1/researchers/participants/
    - Create and publish a test study from a draft study to all the test participants associated with
    the workspace.
    - This will allow a data collector to test the study as a participant.
    ## Prerequisites
    ✅ **Required:**
    - At least one active test participant (created via [`POST /api/v1/researchers/participants/`](#))
    - Study must be in draft status
    - Feature enabled for your workspace (contact support if unavailable)
    ### Enabling the feature
    This endpoint is only enabled for select workspaces and will need enabling before the endpoint can
    be used.

    Args:
        id (str): Study id

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | TestStudySetUpResponse
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
        )
    ).parsed
