from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.demographic_export_request import DemographicExportRequest
from ...models.error import Error
from ...types import UNSET, Response, Unset


def _get_kwargs(
    id: str,
    *,
    body: DemographicExportRequest | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/studies/{id}/demographic-export/".format(
            id=quote(str(id), safe=""),
        ),
    }

    if not isinstance(body, Unset):
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
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
    body: DemographicExportRequest | Unset = UNSET,
) -> Response[Error | str]:
    """Export demographic data

     Create and download a demographic export for a study. This endpoint allows you to export participant
    demographic data with optional study filter data.

    **Filter Support**: This endpoint supports applying demographic filters to export data for
    participants who match specific criteria.

    When filters are provided, the export includes both base demographic data (age, sex, country, etc.)
    and the filters.

    When no filters are provided, the export includes only base demographic data for all participants
    who took the study, excluding any study-specific filter responses.

    **Export Usage**: Please note that you may only select up to 15 filters per export. You are also
    limited to 2 different filter export requests.

    You may download the same request as many times as you need. To check your current usage and see
    your latest export history, use the [Demographic Export History](https://docs.prolific.com/docs/api-
    docs/public/#tag/Studies/operation/GetDemographicExportHistory) endpoint.

    **Basic Data Included**: The export includes the following data fields:
    * Submission ID
    * Participant ID
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
        id (str): Study ID
        body (DemographicExportRequest | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | str]
    """

    kwargs = _get_kwargs(
        id=id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    id: str,
    *,
    client: AuthenticatedClient,
    body: DemographicExportRequest | Unset = UNSET,
) -> Error | str | None:
    """Export demographic data

     Create and download a demographic export for a study. This endpoint allows you to export participant
    demographic data with optional study filter data.

    **Filter Support**: This endpoint supports applying demographic filters to export data for
    participants who match specific criteria.

    When filters are provided, the export includes both base demographic data (age, sex, country, etc.)
    and the filters.

    When no filters are provided, the export includes only base demographic data for all participants
    who took the study, excluding any study-specific filter responses.

    **Export Usage**: Please note that you may only select up to 15 filters per export. You are also
    limited to 2 different filter export requests.

    You may download the same request as many times as you need. To check your current usage and see
    your latest export history, use the [Demographic Export History](https://docs.prolific.com/docs/api-
    docs/public/#tag/Studies/operation/GetDemographicExportHistory) endpoint.

    **Basic Data Included**: The export includes the following data fields:
    * Submission ID
    * Participant ID
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
        id (str): Study ID
        body (DemographicExportRequest | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | str
    """

    return sync_detailed(
        id=id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    id: str,
    *,
    client: AuthenticatedClient,
    body: DemographicExportRequest | Unset = UNSET,
) -> Response[Error | str]:
    """Export demographic data

     Create and download a demographic export for a study. This endpoint allows you to export participant
    demographic data with optional study filter data.

    **Filter Support**: This endpoint supports applying demographic filters to export data for
    participants who match specific criteria.

    When filters are provided, the export includes both base demographic data (age, sex, country, etc.)
    and the filters.

    When no filters are provided, the export includes only base demographic data for all participants
    who took the study, excluding any study-specific filter responses.

    **Export Usage**: Please note that you may only select up to 15 filters per export. You are also
    limited to 2 different filter export requests.

    You may download the same request as many times as you need. To check your current usage and see
    your latest export history, use the [Demographic Export History](https://docs.prolific.com/docs/api-
    docs/public/#tag/Studies/operation/GetDemographicExportHistory) endpoint.

    **Basic Data Included**: The export includes the following data fields:
    * Submission ID
    * Participant ID
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
        id (str): Study ID
        body (DemographicExportRequest | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | str]
    """

    kwargs = _get_kwargs(
        id=id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: str,
    *,
    client: AuthenticatedClient,
    body: DemographicExportRequest | Unset = UNSET,
) -> Error | str | None:
    """Export demographic data

     Create and download a demographic export for a study. This endpoint allows you to export participant
    demographic data with optional study filter data.

    **Filter Support**: This endpoint supports applying demographic filters to export data for
    participants who match specific criteria.

    When filters are provided, the export includes both base demographic data (age, sex, country, etc.)
    and the filters.

    When no filters are provided, the export includes only base demographic data for all participants
    who took the study, excluding any study-specific filter responses.

    **Export Usage**: Please note that you may only select up to 15 filters per export. You are also
    limited to 2 different filter export requests.

    You may download the same request as many times as you need. To check your current usage and see
    your latest export history, use the [Demographic Export History](https://docs.prolific.com/docs/api-
    docs/public/#tag/Studies/operation/GetDemographicExportHistory) endpoint.

    **Basic Data Included**: The export includes the following data fields:
    * Submission ID
    * Participant ID
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
        id (str): Study ID
        body (DemographicExportRequest | Unset):

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
            body=body,
        )
    ).parsed
