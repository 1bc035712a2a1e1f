from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.get_submissions_ordering import (
    GetSubmissionsOrdering,
)
from ...models.get_submissions_status import (
    GetSubmissionsStatus,
)
from ...models.submission_list_response import SubmissionListResponse
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    study: str,
    status: GetSubmissionsStatus | Unset = UNSET,
    completed: bool | Unset = UNSET,
    returned: bool | Unset = UNSET,
    awaiting_review: bool | Unset = UNSET,
    approved: bool | Unset = UNSET,
    active: bool | Unset = UNSET,
    timeout: bool | Unset = UNSET,
    rejected: bool | Unset = UNSET,
    screened_out: bool | Unset = UNSET,
    completeoractive: bool | Unset = UNSET,
    submitted_from: str | Unset = UNSET,
    submitted_before: str | Unset = UNSET,
    ordering: GetSubmissionsOrdering | Unset = UNSET,
    page_size: int | Unset = UNSET,
    page: int | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["study"] = study

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status

    params["status"] = json_status

    params["completed"] = completed

    params["returned"] = returned

    params["awaiting_review"] = awaiting_review

    params["approved"] = approved

    params["active"] = active

    params["timeout"] = timeout

    params["rejected"] = rejected

    params["screened_out"] = screened_out

    params["completeoractive"] = completeoractive

    params["submitted_from"] = submitted_from

    params["submitted_before"] = submitted_before

    json_ordering: str | Unset = UNSET
    if not isinstance(ordering, Unset):
        json_ordering = ordering

    params["ordering"] = json_ordering

    params["page_size"] = page_size

    params["page"] = page

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/submissions/",
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
    *,
    client: AuthenticatedClient,
    study: str,
    status: GetSubmissionsStatus | Unset = UNSET,
    completed: bool | Unset = UNSET,
    returned: bool | Unset = UNSET,
    awaiting_review: bool | Unset = UNSET,
    approved: bool | Unset = UNSET,
    active: bool | Unset = UNSET,
    timeout: bool | Unset = UNSET,
    rejected: bool | Unset = UNSET,
    screened_out: bool | Unset = UNSET,
    completeoractive: bool | Unset = UNSET,
    submitted_from: str | Unset = UNSET,
    submitted_before: str | Unset = UNSET,
    ordering: GetSubmissionsOrdering | Unset = UNSET,
    page_size: int | Unset = UNSET,
    page: int | Unset = UNSET,
) -> Response[Error | SubmissionListResponse]:
    """List submissions

     Returns basic information of submissions, including study id, participant id, status and start
    timestamp.

    **Filtering and Ordering:**
    - Filter by status, completion state, dates, and study
    - Order by start time, reward amount, or study name
    - Paginate by page_size and page (Default page_size is 20)
    - Boolean parameters accept multiple formats: 1/0, true/false, yes/no, t/f (case-insensitive)
    - Date parameters use DD/MM/YYYY format
    - Status parameters are case-insensitive with underscore normalization

    Args:
        study (str): Filter by study ID (required). This is the ID we pass to the survey platform
            using %STUDY_ID%
        status (GetSubmissionsStatus | Unset):
        completed (bool | Unset): Filter by completion status. Accepts 1/true/yes/t for completed,
            0/false/no/f for incomplete (case-insensitive)
        returned (bool | Unset): Filter by returned status. Accepts 1/true/yes/t for returned,
            0/false/no/f for not returned (case-insensitive)
        awaiting_review (bool | Unset): Filter by awaiting review status. Accepts 1/true/yes/t for
            awaiting review, 0/false/no/f for not awaiting review (case-insensitive)
        approved (bool | Unset): Filter by approved status. Accepts 1/true/yes/t for approved,
            0/false/no/f for not approved (case-insensitive)
        active (bool | Unset): Filter by active status. Accepts 1/true/yes/t for active,
            0/false/no/f for not active (case-insensitive)
        timeout (bool | Unset): Filter by timed out status. Accepts 1/true/yes/t for timed out,
            0/false/no/f for not timed out (case-insensitive)
        rejected (bool | Unset): Filter by rejected status. Accepts 1/true/yes/t for rejected,
            0/false/no/f for not rejected (case-insensitive)
        screened_out (bool | Unset): Filter by screened out status. Accepts 1/true/yes/t for
            screened out, 0/false/no/f for not screened out (case-insensitive)
        completeoractive (bool | Unset): Filter for submissions that are either completed or
            active. Accepts 1/true/yes/t to include, 0/false/no/f to exclude (case-insensitive)
        submitted_from (str | Unset): Filter submissions completed after the given date. Format
            DD/MM/YYYY (e.g., 01/01/2024)
        submitted_before (str | Unset): Filter submissions completed before the given date. Format
            DD/MM/YYYY (e.g., 31/12/2024)
        ordering (GetSubmissionsOrdering | Unset):
        page_size (int | Unset): Number of items to return per page (Default 20)
        page (int | Unset): Page number to retrieve (Default 1)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | SubmissionListResponse]
    """

    kwargs = _get_kwargs(
        study=study,
        status=status,
        completed=completed,
        returned=returned,
        awaiting_review=awaiting_review,
        approved=approved,
        active=active,
        timeout=timeout,
        rejected=rejected,
        screened_out=screened_out,
        completeoractive=completeoractive,
        submitted_from=submitted_from,
        submitted_before=submitted_before,
        ordering=ordering,
        page_size=page_size,
        page=page,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    study: str,
    status: GetSubmissionsStatus | Unset = UNSET,
    completed: bool | Unset = UNSET,
    returned: bool | Unset = UNSET,
    awaiting_review: bool | Unset = UNSET,
    approved: bool | Unset = UNSET,
    active: bool | Unset = UNSET,
    timeout: bool | Unset = UNSET,
    rejected: bool | Unset = UNSET,
    screened_out: bool | Unset = UNSET,
    completeoractive: bool | Unset = UNSET,
    submitted_from: str | Unset = UNSET,
    submitted_before: str | Unset = UNSET,
    ordering: GetSubmissionsOrdering | Unset = UNSET,
    page_size: int | Unset = UNSET,
    page: int | Unset = UNSET,
) -> Error | SubmissionListResponse | None:
    """List submissions

     Returns basic information of submissions, including study id, participant id, status and start
    timestamp.

    **Filtering and Ordering:**
    - Filter by status, completion state, dates, and study
    - Order by start time, reward amount, or study name
    - Paginate by page_size and page (Default page_size is 20)
    - Boolean parameters accept multiple formats: 1/0, true/false, yes/no, t/f (case-insensitive)
    - Date parameters use DD/MM/YYYY format
    - Status parameters are case-insensitive with underscore normalization

    Args:
        study (str): Filter by study ID (required). This is the ID we pass to the survey platform
            using %STUDY_ID%
        status (GetSubmissionsStatus | Unset):
        completed (bool | Unset): Filter by completion status. Accepts 1/true/yes/t for completed,
            0/false/no/f for incomplete (case-insensitive)
        returned (bool | Unset): Filter by returned status. Accepts 1/true/yes/t for returned,
            0/false/no/f for not returned (case-insensitive)
        awaiting_review (bool | Unset): Filter by awaiting review status. Accepts 1/true/yes/t for
            awaiting review, 0/false/no/f for not awaiting review (case-insensitive)
        approved (bool | Unset): Filter by approved status. Accepts 1/true/yes/t for approved,
            0/false/no/f for not approved (case-insensitive)
        active (bool | Unset): Filter by active status. Accepts 1/true/yes/t for active,
            0/false/no/f for not active (case-insensitive)
        timeout (bool | Unset): Filter by timed out status. Accepts 1/true/yes/t for timed out,
            0/false/no/f for not timed out (case-insensitive)
        rejected (bool | Unset): Filter by rejected status. Accepts 1/true/yes/t for rejected,
            0/false/no/f for not rejected (case-insensitive)
        screened_out (bool | Unset): Filter by screened out status. Accepts 1/true/yes/t for
            screened out, 0/false/no/f for not screened out (case-insensitive)
        completeoractive (bool | Unset): Filter for submissions that are either completed or
            active. Accepts 1/true/yes/t to include, 0/false/no/f to exclude (case-insensitive)
        submitted_from (str | Unset): Filter submissions completed after the given date. Format
            DD/MM/YYYY (e.g., 01/01/2024)
        submitted_before (str | Unset): Filter submissions completed before the given date. Format
            DD/MM/YYYY (e.g., 31/12/2024)
        ordering (GetSubmissionsOrdering | Unset):
        page_size (int | Unset): Number of items to return per page (Default 20)
        page (int | Unset): Page number to retrieve (Default 1)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | SubmissionListResponse
    """

    return sync_detailed(
        client=client,
        study=study,
        status=status,
        completed=completed,
        returned=returned,
        awaiting_review=awaiting_review,
        approved=approved,
        active=active,
        timeout=timeout,
        rejected=rejected,
        screened_out=screened_out,
        completeoractive=completeoractive,
        submitted_from=submitted_from,
        submitted_before=submitted_before,
        ordering=ordering,
        page_size=page_size,
        page=page,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    study: str,
    status: GetSubmissionsStatus | Unset = UNSET,
    completed: bool | Unset = UNSET,
    returned: bool | Unset = UNSET,
    awaiting_review: bool | Unset = UNSET,
    approved: bool | Unset = UNSET,
    active: bool | Unset = UNSET,
    timeout: bool | Unset = UNSET,
    rejected: bool | Unset = UNSET,
    screened_out: bool | Unset = UNSET,
    completeoractive: bool | Unset = UNSET,
    submitted_from: str | Unset = UNSET,
    submitted_before: str | Unset = UNSET,
    ordering: GetSubmissionsOrdering | Unset = UNSET,
    page_size: int | Unset = UNSET,
    page: int | Unset = UNSET,
) -> Response[Error | SubmissionListResponse]:
    """List submissions

     Returns basic information of submissions, including study id, participant id, status and start
    timestamp.

    **Filtering and Ordering:**
    - Filter by status, completion state, dates, and study
    - Order by start time, reward amount, or study name
    - Paginate by page_size and page (Default page_size is 20)
    - Boolean parameters accept multiple formats: 1/0, true/false, yes/no, t/f (case-insensitive)
    - Date parameters use DD/MM/YYYY format
    - Status parameters are case-insensitive with underscore normalization

    Args:
        study (str): Filter by study ID (required). This is the ID we pass to the survey platform
            using %STUDY_ID%
        status (GetSubmissionsStatus | Unset):
        completed (bool | Unset): Filter by completion status. Accepts 1/true/yes/t for completed,
            0/false/no/f for incomplete (case-insensitive)
        returned (bool | Unset): Filter by returned status. Accepts 1/true/yes/t for returned,
            0/false/no/f for not returned (case-insensitive)
        awaiting_review (bool | Unset): Filter by awaiting review status. Accepts 1/true/yes/t for
            awaiting review, 0/false/no/f for not awaiting review (case-insensitive)
        approved (bool | Unset): Filter by approved status. Accepts 1/true/yes/t for approved,
            0/false/no/f for not approved (case-insensitive)
        active (bool | Unset): Filter by active status. Accepts 1/true/yes/t for active,
            0/false/no/f for not active (case-insensitive)
        timeout (bool | Unset): Filter by timed out status. Accepts 1/true/yes/t for timed out,
            0/false/no/f for not timed out (case-insensitive)
        rejected (bool | Unset): Filter by rejected status. Accepts 1/true/yes/t for rejected,
            0/false/no/f for not rejected (case-insensitive)
        screened_out (bool | Unset): Filter by screened out status. Accepts 1/true/yes/t for
            screened out, 0/false/no/f for not screened out (case-insensitive)
        completeoractive (bool | Unset): Filter for submissions that are either completed or
            active. Accepts 1/true/yes/t to include, 0/false/no/f to exclude (case-insensitive)
        submitted_from (str | Unset): Filter submissions completed after the given date. Format
            DD/MM/YYYY (e.g., 01/01/2024)
        submitted_before (str | Unset): Filter submissions completed before the given date. Format
            DD/MM/YYYY (e.g., 31/12/2024)
        ordering (GetSubmissionsOrdering | Unset):
        page_size (int | Unset): Number of items to return per page (Default 20)
        page (int | Unset): Page number to retrieve (Default 1)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | SubmissionListResponse]
    """

    kwargs = _get_kwargs(
        study=study,
        status=status,
        completed=completed,
        returned=returned,
        awaiting_review=awaiting_review,
        approved=approved,
        active=active,
        timeout=timeout,
        rejected=rejected,
        screened_out=screened_out,
        completeoractive=completeoractive,
        submitted_from=submitted_from,
        submitted_before=submitted_before,
        ordering=ordering,
        page_size=page_size,
        page=page,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    study: str,
    status: GetSubmissionsStatus | Unset = UNSET,
    completed: bool | Unset = UNSET,
    returned: bool | Unset = UNSET,
    awaiting_review: bool | Unset = UNSET,
    approved: bool | Unset = UNSET,
    active: bool | Unset = UNSET,
    timeout: bool | Unset = UNSET,
    rejected: bool | Unset = UNSET,
    screened_out: bool | Unset = UNSET,
    completeoractive: bool | Unset = UNSET,
    submitted_from: str | Unset = UNSET,
    submitted_before: str | Unset = UNSET,
    ordering: GetSubmissionsOrdering | Unset = UNSET,
    page_size: int | Unset = UNSET,
    page: int | Unset = UNSET,
) -> Error | SubmissionListResponse | None:
    """List submissions

     Returns basic information of submissions, including study id, participant id, status and start
    timestamp.

    **Filtering and Ordering:**
    - Filter by status, completion state, dates, and study
    - Order by start time, reward amount, or study name
    - Paginate by page_size and page (Default page_size is 20)
    - Boolean parameters accept multiple formats: 1/0, true/false, yes/no, t/f (case-insensitive)
    - Date parameters use DD/MM/YYYY format
    - Status parameters are case-insensitive with underscore normalization

    Args:
        study (str): Filter by study ID (required). This is the ID we pass to the survey platform
            using %STUDY_ID%
        status (GetSubmissionsStatus | Unset):
        completed (bool | Unset): Filter by completion status. Accepts 1/true/yes/t for completed,
            0/false/no/f for incomplete (case-insensitive)
        returned (bool | Unset): Filter by returned status. Accepts 1/true/yes/t for returned,
            0/false/no/f for not returned (case-insensitive)
        awaiting_review (bool | Unset): Filter by awaiting review status. Accepts 1/true/yes/t for
            awaiting review, 0/false/no/f for not awaiting review (case-insensitive)
        approved (bool | Unset): Filter by approved status. Accepts 1/true/yes/t for approved,
            0/false/no/f for not approved (case-insensitive)
        active (bool | Unset): Filter by active status. Accepts 1/true/yes/t for active,
            0/false/no/f for not active (case-insensitive)
        timeout (bool | Unset): Filter by timed out status. Accepts 1/true/yes/t for timed out,
            0/false/no/f for not timed out (case-insensitive)
        rejected (bool | Unset): Filter by rejected status. Accepts 1/true/yes/t for rejected,
            0/false/no/f for not rejected (case-insensitive)
        screened_out (bool | Unset): Filter by screened out status. Accepts 1/true/yes/t for
            screened out, 0/false/no/f for not screened out (case-insensitive)
        completeoractive (bool | Unset): Filter for submissions that are either completed or
            active. Accepts 1/true/yes/t to include, 0/false/no/f to exclude (case-insensitive)
        submitted_from (str | Unset): Filter submissions completed after the given date. Format
            DD/MM/YYYY (e.g., 01/01/2024)
        submitted_before (str | Unset): Filter submissions completed before the given date. Format
            DD/MM/YYYY (e.g., 31/12/2024)
        ordering (GetSubmissionsOrdering | Unset):
        page_size (int | Unset): Number of items to return per page (Default 20)
        page (int | Unset): Page number to retrieve (Default 1)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | SubmissionListResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            study=study,
            status=status,
            completed=completed,
            returned=returned,
            awaiting_review=awaiting_review,
            approved=approved,
            active=active,
            timeout=timeout,
            rejected=rejected,
            screened_out=screened_out,
            completeoractive=completeoractive,
            submitted_from=submitted_from,
            submitted_before=submitted_before,
            ordering=ordering,
            page_size=page_size,
            page=page,
        )
    ).parsed
