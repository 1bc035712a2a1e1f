from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...types import Response


def _get_kwargs(
    id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/studies/{id}/export/".format(
            id=quote(str(id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | str | None:
    if response.status_code == 200:
        response_200 = response.text
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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Error | str]:
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
) -> Response[Error | str]:
    """Download demographic data

     <span  style="font-size:x-large">**Deprecated - please use the new [Demographic
    Export](https://docs.prolific.com/docs/api-docs/public/#tag/Studies/operation/ExportDemographicData)
    endpoint instead.**</span>

    <span  style="font-size:x-large">**This endpoint will be sunset after the 14th of April
    2026**</span>

    Download a snapshot of the participants' filter responses at the time that they took your study.

    In addition to the responses to all filters applied to the study (subject to change), you'll also
    have access to the following data:

    * Submission id
    * Participant id
    * Submission status
    * Started date-time
      * Expressed in UTC
      * ISO 8601 formatted
    * Completed date-time
      * Expressed in UTC
      * ISO 8601 formatted
    * Time taken (in seconds)
    * Age
    * Sex
      * Participants were asked the following question: What is your sex, as recorded on legal/official
    documents?
    * Ethnicity (simplified)
    * First language
    * Current country of residence
    * Nationality
    * Country of birth
    * Student status
    * Employment status
    * Reviewed at date-time
      * Expressed in UTC
      * ISO 8601 formatted
    * Completion code ('entered code')
    * Total approvals

    Learn more on [Exporting Prolific demographic data](https://researcher-
    help.prolific.com/en/article/b2943f).

    Args:
        id (str): Study id

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | str]
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
) -> Error | str | None:
    """Download demographic data

     <span  style="font-size:x-large">**Deprecated - please use the new [Demographic
    Export](https://docs.prolific.com/docs/api-docs/public/#tag/Studies/operation/ExportDemographicData)
    endpoint instead.**</span>

    <span  style="font-size:x-large">**This endpoint will be sunset after the 14th of April
    2026**</span>

    Download a snapshot of the participants' filter responses at the time that they took your study.

    In addition to the responses to all filters applied to the study (subject to change), you'll also
    have access to the following data:

    * Submission id
    * Participant id
    * Submission status
    * Started date-time
      * Expressed in UTC
      * ISO 8601 formatted
    * Completed date-time
      * Expressed in UTC
      * ISO 8601 formatted
    * Time taken (in seconds)
    * Age
    * Sex
      * Participants were asked the following question: What is your sex, as recorded on legal/official
    documents?
    * Ethnicity (simplified)
    * First language
    * Current country of residence
    * Nationality
    * Country of birth
    * Student status
    * Employment status
    * Reviewed at date-time
      * Expressed in UTC
      * ISO 8601 formatted
    * Completion code ('entered code')
    * Total approvals

    Learn more on [Exporting Prolific demographic data](https://researcher-
    help.prolific.com/en/article/b2943f).

    Args:
        id (str): Study id

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | str
    """

    return sync_detailed(
        id=id,
        client=client,
    ).parsed


async def asyncio_detailed(
    id: str,
    *,
    client: AuthenticatedClient,
) -> Response[Error | str]:
    """Download demographic data

     <span  style="font-size:x-large">**Deprecated - please use the new [Demographic
    Export](https://docs.prolific.com/docs/api-docs/public/#tag/Studies/operation/ExportDemographicData)
    endpoint instead.**</span>

    <span  style="font-size:x-large">**This endpoint will be sunset after the 14th of April
    2026**</span>

    Download a snapshot of the participants' filter responses at the time that they took your study.

    In addition to the responses to all filters applied to the study (subject to change), you'll also
    have access to the following data:

    * Submission id
    * Participant id
    * Submission status
    * Started date-time
      * Expressed in UTC
      * ISO 8601 formatted
    * Completed date-time
      * Expressed in UTC
      * ISO 8601 formatted
    * Time taken (in seconds)
    * Age
    * Sex
      * Participants were asked the following question: What is your sex, as recorded on legal/official
    documents?
    * Ethnicity (simplified)
    * First language
    * Current country of residence
    * Nationality
    * Country of birth
    * Student status
    * Employment status
    * Reviewed at date-time
      * Expressed in UTC
      * ISO 8601 formatted
    * Completion code ('entered code')
    * Total approvals

    Learn more on [Exporting Prolific demographic data](https://researcher-
    help.prolific.com/en/article/b2943f).

    Args:
        id (str): Study id

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | str]
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
) -> Error | str | None:
    """Download demographic data

     <span  style="font-size:x-large">**Deprecated - please use the new [Demographic
    Export](https://docs.prolific.com/docs/api-docs/public/#tag/Studies/operation/ExportDemographicData)
    endpoint instead.**</span>

    <span  style="font-size:x-large">**This endpoint will be sunset after the 14th of April
    2026**</span>

    Download a snapshot of the participants' filter responses at the time that they took your study.

    In addition to the responses to all filters applied to the study (subject to change), you'll also
    have access to the following data:

    * Submission id
    * Participant id
    * Submission status
    * Started date-time
      * Expressed in UTC
      * ISO 8601 formatted
    * Completed date-time
      * Expressed in UTC
      * ISO 8601 formatted
    * Time taken (in seconds)
    * Age
    * Sex
      * Participants were asked the following question: What is your sex, as recorded on legal/official
    documents?
    * Ethnicity (simplified)
    * First language
    * Current country of residence
    * Nationality
    * Country of birth
    * Student status
    * Employment status
    * Reviewed at date-time
      * Expressed in UTC
      * ISO 8601 formatted
    * Completion code ('entered code')
    * Total approvals

    Learn more on [Exporting Prolific demographic data](https://researcher-
    help.prolific.com/en/article/b2943f).

    Args:
        id (str): Study id

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | str
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
        )
    ).parsed
