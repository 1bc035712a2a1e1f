from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.survey_response_in import SurveyResponseIn
from ...models.survey_response_out import SurveyResponseOut
from ...types import Response


def _get_kwargs(
    survey_id: str,
    *,
    body: SurveyResponseIn,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/surveys/{survey_id}/responses/".format(
            survey_id=quote(str(survey_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | SurveyResponseOut | None:
    if response.status_code == 201:
        response_201 = SurveyResponseOut.from_dict(response.json())

        return response_201

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
) -> Response[Error | SurveyResponseOut]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    survey_id: str,
    *,
    client: AuthenticatedClient,
    body: SurveyResponseIn,
) -> Response[Error | SurveyResponseOut]:
    """Create response

     Create a Response for a survey.

    Args:
        survey_id (str):
        body (SurveyResponseIn): The model used to create a `Response`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | SurveyResponseOut]
    """

    kwargs = _get_kwargs(
        survey_id=survey_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    survey_id: str,
    *,
    client: AuthenticatedClient,
    body: SurveyResponseIn,
) -> Error | SurveyResponseOut | None:
    """Create response

     Create a Response for a survey.

    Args:
        survey_id (str):
        body (SurveyResponseIn): The model used to create a `Response`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | SurveyResponseOut
    """

    return sync_detailed(
        survey_id=survey_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    survey_id: str,
    *,
    client: AuthenticatedClient,
    body: SurveyResponseIn,
) -> Response[Error | SurveyResponseOut]:
    """Create response

     Create a Response for a survey.

    Args:
        survey_id (str):
        body (SurveyResponseIn): The model used to create a `Response`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | SurveyResponseOut]
    """

    kwargs = _get_kwargs(
        survey_id=survey_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    survey_id: str,
    *,
    client: AuthenticatedClient,
    body: SurveyResponseIn,
) -> Error | SurveyResponseOut | None:
    """Create response

     Create a Response for a survey.

    Args:
        survey_id (str):
        body (SurveyResponseIn): The model used to create a `Response`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | SurveyResponseOut
    """

    return (
        await asyncio_detailed(
            survey_id=survey_id,
            client=client,
            body=body,
        )
    ).parsed
