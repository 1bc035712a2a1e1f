from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.study import Study
from ...models.study_transition import StudyTransition
from ...types import Response


def _get_kwargs(
    id: str,
    *,
    body: StudyTransition,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/studies/{id}/transition/".format(
            id=quote(str(id), safe=""),
        ),
    }

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
    body: StudyTransition,
) -> Response[Error | Study]:
    """Transition a study's status

     Transition a study between statuses using one of the available actions.

    The following transitions are available:

    | Current Status | Action | Resulting Status |
    |---|---|---|
    | UNPUBLISHED | PUBLISH | ACTIVE |
    | UNPUBLISHED | SCHEDULE_PUBLISH | SCHEDULED |
    | SCHEDULED | CANCEL_PUBLISH | UNPUBLISHED |
    | ACTIVE | PAUSE | PAUSED |
    | ACTIVE | STOP | COMPLETED |
    | PAUSED | START | ACTIVE |
    | PAUSED | STOP | COMPLETED |

    **Action details:**
    - **PUBLISH**: Publish a draft study so participants can take part. The study must be fully
    configured.
    - **SCHEDULE_PUBLISH**: Schedule a draft study to be published at a future time. A `publish_at`
    field (ISO 8601 datetime) must be set either on the study or provided in this request.
    - **CANCEL_PUBLISH**: Cancel a scheduled publication, returning the study to draft.
    - **PAUSE**: Temporarily pause an active study. Participants already taking part can still complete,
    but no new participants will be recruited.
    - **START**: Resume a paused study.
    - **STOP**: Stop a study completely. To make it active again you will need to increase the number of
    places.

    To learn more about it check out [help center](https://researcher-
    help.prolific.com/en/articles/445200-pausing-stopping-a-study)

    Args:
        id (str): Study id
        body (StudyTransition):

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
    body: StudyTransition,
) -> Error | Study | None:
    """Transition a study's status

     Transition a study between statuses using one of the available actions.

    The following transitions are available:

    | Current Status | Action | Resulting Status |
    |---|---|---|
    | UNPUBLISHED | PUBLISH | ACTIVE |
    | UNPUBLISHED | SCHEDULE_PUBLISH | SCHEDULED |
    | SCHEDULED | CANCEL_PUBLISH | UNPUBLISHED |
    | ACTIVE | PAUSE | PAUSED |
    | ACTIVE | STOP | COMPLETED |
    | PAUSED | START | ACTIVE |
    | PAUSED | STOP | COMPLETED |

    **Action details:**
    - **PUBLISH**: Publish a draft study so participants can take part. The study must be fully
    configured.
    - **SCHEDULE_PUBLISH**: Schedule a draft study to be published at a future time. A `publish_at`
    field (ISO 8601 datetime) must be set either on the study or provided in this request.
    - **CANCEL_PUBLISH**: Cancel a scheduled publication, returning the study to draft.
    - **PAUSE**: Temporarily pause an active study. Participants already taking part can still complete,
    but no new participants will be recruited.
    - **START**: Resume a paused study.
    - **STOP**: Stop a study completely. To make it active again you will need to increase the number of
    places.

    To learn more about it check out [help center](https://researcher-
    help.prolific.com/en/articles/445200-pausing-stopping-a-study)

    Args:
        id (str): Study id
        body (StudyTransition):

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
    body: StudyTransition,
) -> Response[Error | Study]:
    """Transition a study's status

     Transition a study between statuses using one of the available actions.

    The following transitions are available:

    | Current Status | Action | Resulting Status |
    |---|---|---|
    | UNPUBLISHED | PUBLISH | ACTIVE |
    | UNPUBLISHED | SCHEDULE_PUBLISH | SCHEDULED |
    | SCHEDULED | CANCEL_PUBLISH | UNPUBLISHED |
    | ACTIVE | PAUSE | PAUSED |
    | ACTIVE | STOP | COMPLETED |
    | PAUSED | START | ACTIVE |
    | PAUSED | STOP | COMPLETED |

    **Action details:**
    - **PUBLISH**: Publish a draft study so participants can take part. The study must be fully
    configured.
    - **SCHEDULE_PUBLISH**: Schedule a draft study to be published at a future time. A `publish_at`
    field (ISO 8601 datetime) must be set either on the study or provided in this request.
    - **CANCEL_PUBLISH**: Cancel a scheduled publication, returning the study to draft.
    - **PAUSE**: Temporarily pause an active study. Participants already taking part can still complete,
    but no new participants will be recruited.
    - **START**: Resume a paused study.
    - **STOP**: Stop a study completely. To make it active again you will need to increase the number of
    places.

    To learn more about it check out [help center](https://researcher-
    help.prolific.com/en/articles/445200-pausing-stopping-a-study)

    Args:
        id (str): Study id
        body (StudyTransition):

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
    body: StudyTransition,
) -> Error | Study | None:
    """Transition a study's status

     Transition a study between statuses using one of the available actions.

    The following transitions are available:

    | Current Status | Action | Resulting Status |
    |---|---|---|
    | UNPUBLISHED | PUBLISH | ACTIVE |
    | UNPUBLISHED | SCHEDULE_PUBLISH | SCHEDULED |
    | SCHEDULED | CANCEL_PUBLISH | UNPUBLISHED |
    | ACTIVE | PAUSE | PAUSED |
    | ACTIVE | STOP | COMPLETED |
    | PAUSED | START | ACTIVE |
    | PAUSED | STOP | COMPLETED |

    **Action details:**
    - **PUBLISH**: Publish a draft study so participants can take part. The study must be fully
    configured.
    - **SCHEDULE_PUBLISH**: Schedule a draft study to be published at a future time. A `publish_at`
    field (ISO 8601 datetime) must be set either on the study or provided in this request.
    - **CANCEL_PUBLISH**: Cancel a scheduled publication, returning the study to draft.
    - **PAUSE**: Temporarily pause an active study. Participants already taking part can still complete,
    but no new participants will be recruited.
    - **START**: Resume a paused study.
    - **STOP**: Stop a study completely. To make it active again you will need to increase the number of
    places.

    To learn more about it check out [help center](https://researcher-
    help.prolific.com/en/articles/445200-pausing-stopping-a-study)

    Args:
        id (str): Study id
        body (StudyTransition):

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
