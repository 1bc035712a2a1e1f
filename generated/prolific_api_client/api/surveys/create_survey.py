from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.survey_in import SurveyIn
from ...models.survey_out import SurveyOut
from ...types import Response


def _get_kwargs(
    *,
    body: SurveyIn,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/surveys/",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | SurveyOut | None:
    if response.status_code == 201:
        response_201 = SurveyOut.from_dict(response.json())

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Error | SurveyOut]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: SurveyIn,
) -> Response[Error | SurveyOut]:
    """Create survey

     You can create a survey with either `sections -> questions` or just `questions`. This allows you to
    decide
    how much flexibility you want in your survey design. However, if you want to render the survey in
    the Prolific Application, you must use `sections`.

    Args:
        body (SurveyIn): The model used to create a `Survey`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | SurveyOut]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: SurveyIn,
) -> Error | SurveyOut | None:
    """Create survey

     You can create a survey with either `sections -> questions` or just `questions`. This allows you to
    decide
    how much flexibility you want in your survey design. However, if you want to render the survey in
    the Prolific Application, you must use `sections`.

    Args:
        body (SurveyIn): The model used to create a `Survey`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | SurveyOut
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: SurveyIn,
) -> Response[Error | SurveyOut]:
    """Create survey

     You can create a survey with either `sections -> questions` or just `questions`. This allows you to
    decide
    how much flexibility you want in your survey design. However, if you want to render the survey in
    the Prolific Application, you must use `sections`.

    Args:
        body (SurveyIn): The model used to create a `Survey`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | SurveyOut]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: SurveyIn,
) -> Error | SurveyOut | None:
    """Create survey

     You can create a survey with either `sections -> questions` or just `questions`. This allows you to
    decide
    how much flexibility you want in your survey design. However, if you want to render the survey in
    the Prolific Application, you must use `sections`.

    Args:
        body (SurveyIn): The model used to create a `Survey`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | SurveyOut
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
