from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.submission import Submission
from ...models.submission_transition import SubmissionTransition
from ...types import Response


def _get_kwargs(
    id: str,
    *,
    body: SubmissionTransition,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/submissions/{id}/transition/".format(
            id=quote(str(id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | Submission | None:
    if response.status_code == 200:
        response_200 = Submission.from_dict(response.json())

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Error | Submission]:
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
    body: SubmissionTransition,
) -> Response[Error | Submission]:
    """Approve or reject a submission

     Transition a submission to `APPROVED`, `REJECTED`, `PARTIALLY APPROVED`, `AWAITING REVIEW` or
    `SCREENED OUT`. Once the status is changed, it can not be restored to its previous value.

    You can only transition a submission to PARTIALLY APPROVED or SCREENED OUT by:
      - setting up the study with the appropriate completion codes (only some workspaces have access to
    these features)
      - providing the correct completion code in the request body
      - providing the necessary data in the request body (to PARTIALLY APPROVE a submission)

    Note this endpoint is idempotent, so if you make the same request twice, the second request will be
    ignored.

    Args:
        id (str): Submission id. This is the ID we pass to the survey platform
            using %SESSION_ID%
        body (SubmissionTransition):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Submission]
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
    body: SubmissionTransition,
) -> Error | Submission | None:
    """Approve or reject a submission

     Transition a submission to `APPROVED`, `REJECTED`, `PARTIALLY APPROVED`, `AWAITING REVIEW` or
    `SCREENED OUT`. Once the status is changed, it can not be restored to its previous value.

    You can only transition a submission to PARTIALLY APPROVED or SCREENED OUT by:
      - setting up the study with the appropriate completion codes (only some workspaces have access to
    these features)
      - providing the correct completion code in the request body
      - providing the necessary data in the request body (to PARTIALLY APPROVE a submission)

    Note this endpoint is idempotent, so if you make the same request twice, the second request will be
    ignored.

    Args:
        id (str): Submission id. This is the ID we pass to the survey platform
            using %SESSION_ID%
        body (SubmissionTransition):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Submission
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
    body: SubmissionTransition,
) -> Response[Error | Submission]:
    """Approve or reject a submission

     Transition a submission to `APPROVED`, `REJECTED`, `PARTIALLY APPROVED`, `AWAITING REVIEW` or
    `SCREENED OUT`. Once the status is changed, it can not be restored to its previous value.

    You can only transition a submission to PARTIALLY APPROVED or SCREENED OUT by:
      - setting up the study with the appropriate completion codes (only some workspaces have access to
    these features)
      - providing the correct completion code in the request body
      - providing the necessary data in the request body (to PARTIALLY APPROVE a submission)

    Note this endpoint is idempotent, so if you make the same request twice, the second request will be
    ignored.

    Args:
        id (str): Submission id. This is the ID we pass to the survey platform
            using %SESSION_ID%
        body (SubmissionTransition):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Submission]
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
    body: SubmissionTransition,
) -> Error | Submission | None:
    """Approve or reject a submission

     Transition a submission to `APPROVED`, `REJECTED`, `PARTIALLY APPROVED`, `AWAITING REVIEW` or
    `SCREENED OUT`. Once the status is changed, it can not be restored to its previous value.

    You can only transition a submission to PARTIALLY APPROVED or SCREENED OUT by:
      - setting up the study with the appropriate completion codes (only some workspaces have access to
    these features)
      - providing the correct completion code in the request body
      - providing the necessary data in the request body (to PARTIALLY APPROVE a submission)

    Note this endpoint is idempotent, so if you make the same request twice, the second request will be
    ignored.

    Args:
        id (str): Submission id. This is the ID we pass to the survey platform
            using %SESSION_ID%
        body (SubmissionTransition):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Submission
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            body=body,
        )
    ).parsed
