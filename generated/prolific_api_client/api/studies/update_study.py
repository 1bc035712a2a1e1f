from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.base_study import BaseStudy
from ...models.error import Error
from ...models.study import Study
from ...types import UNSET, Response, Unset


def _get_kwargs(
    id: str,
    *,
    body: BaseStudy | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/api/v1/studies/{id}/".format(
            id=quote(str(id), safe=""),
        ),
    }

    if not isinstance(body, Unset):
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | Study | None:
    if response.status_code == 200:
        response_200 = Study.from_dict(response.json())

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Error | Study]:
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
    body: BaseStudy | Unset = UNSET,
) -> Response[Error | Study]:
    """Update a study

     You can update any field for a draft study.

    Once the study has been published only the following fields can be updated with some restrictions:
    - internal_name: Internal name of the study, not shown to participants
    - total_available_places: Only increasing is allowed. A completed study will become active again and
    resume recruiting of participants. For more information, check the [guide](https://researcher-
    help.prolific.com/en/articles/445201-how-do-i-increase-places-on-a-study)
    - access_details: Sending an access_detail will add a new task and increase overall study places by
    the number in the total_allocation field. Sending both access_details and total_available_places
    will increase places on existing URLs by the number specified on the access_detail.
    - data_collection_metadata.annotators_per_task: For AI Task Builder Batch studies, you can increase
    the number of annotators per task. This will automatically recalculate `total_available_places`
    based on the number of task groups multiplied by the new value. Note: This value can only be
    increased, not decreased, on a published study.
    - submissions_config: This allows you to update the max_submissions_per_participant,
    max_concurrent_submissions, or auto_rejection_categories. Please note decreasing
    max_submissions_per_participant will not affect submissions that have already been created.

    Args:
        id (str): Study id
        body (BaseStudy | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Study]
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
    body: BaseStudy | Unset = UNSET,
) -> Error | Study | None:
    """Update a study

     You can update any field for a draft study.

    Once the study has been published only the following fields can be updated with some restrictions:
    - internal_name: Internal name of the study, not shown to participants
    - total_available_places: Only increasing is allowed. A completed study will become active again and
    resume recruiting of participants. For more information, check the [guide](https://researcher-
    help.prolific.com/en/articles/445201-how-do-i-increase-places-on-a-study)
    - access_details: Sending an access_detail will add a new task and increase overall study places by
    the number in the total_allocation field. Sending both access_details and total_available_places
    will increase places on existing URLs by the number specified on the access_detail.
    - data_collection_metadata.annotators_per_task: For AI Task Builder Batch studies, you can increase
    the number of annotators per task. This will automatically recalculate `total_available_places`
    based on the number of task groups multiplied by the new value. Note: This value can only be
    increased, not decreased, on a published study.
    - submissions_config: This allows you to update the max_submissions_per_participant,
    max_concurrent_submissions, or auto_rejection_categories. Please note decreasing
    max_submissions_per_participant will not affect submissions that have already been created.

    Args:
        id (str): Study id
        body (BaseStudy | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Study
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
    body: BaseStudy | Unset = UNSET,
) -> Response[Error | Study]:
    """Update a study

     You can update any field for a draft study.

    Once the study has been published only the following fields can be updated with some restrictions:
    - internal_name: Internal name of the study, not shown to participants
    - total_available_places: Only increasing is allowed. A completed study will become active again and
    resume recruiting of participants. For more information, check the [guide](https://researcher-
    help.prolific.com/en/articles/445201-how-do-i-increase-places-on-a-study)
    - access_details: Sending an access_detail will add a new task and increase overall study places by
    the number in the total_allocation field. Sending both access_details and total_available_places
    will increase places on existing URLs by the number specified on the access_detail.
    - data_collection_metadata.annotators_per_task: For AI Task Builder Batch studies, you can increase
    the number of annotators per task. This will automatically recalculate `total_available_places`
    based on the number of task groups multiplied by the new value. Note: This value can only be
    increased, not decreased, on a published study.
    - submissions_config: This allows you to update the max_submissions_per_participant,
    max_concurrent_submissions, or auto_rejection_categories. Please note decreasing
    max_submissions_per_participant will not affect submissions that have already been created.

    Args:
        id (str): Study id
        body (BaseStudy | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Study]
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
    body: BaseStudy | Unset = UNSET,
) -> Error | Study | None:
    """Update a study

     You can update any field for a draft study.

    Once the study has been published only the following fields can be updated with some restrictions:
    - internal_name: Internal name of the study, not shown to participants
    - total_available_places: Only increasing is allowed. A completed study will become active again and
    resume recruiting of participants. For more information, check the [guide](https://researcher-
    help.prolific.com/en/articles/445201-how-do-i-increase-places-on-a-study)
    - access_details: Sending an access_detail will add a new task and increase overall study places by
    the number in the total_allocation field. Sending both access_details and total_available_places
    will increase places on existing URLs by the number specified on the access_detail.
    - data_collection_metadata.annotators_per_task: For AI Task Builder Batch studies, you can increase
    the number of annotators per task. This will automatically recalculate `total_available_places`
    based on the number of task groups multiplied by the new value. Note: This value can only be
    increased, not decreased, on a published study.
    - submissions_config: This allows you to update the max_submissions_per_participant,
    max_concurrent_submissions, or auto_rejection_categories. Please note decreasing
    max_submissions_per_participant will not affect submissions that have already been created.

    Args:
        id (str): Study id
        body (BaseStudy | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Study
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            body=body,
        )
    ).parsed
