from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.bulk_approve_by_participants import BulkApproveByParticipants
from ...models.bulk_approve_by_submissions import BulkApproveBySubmissions
from ...models.error import Error
from ...types import Response


def _get_kwargs(
    *,
    body: BulkApproveByParticipants | BulkApproveBySubmissions,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/submissions/bulk-approve/",
    }

    if isinstance(body, BulkApproveByParticipants):
        _kwargs["json"] = body.to_dict()
    else:
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | str | None:
    if response.status_code == 200:
        response_200 = cast(str, response.json())
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
    *,
    client: AuthenticatedClient,
    body: BulkApproveByParticipants | BulkApproveBySubmissions,
) -> Response[Error | str]:
    """Bulk approve submissions

     Bulk approve study submissions to pay participants after they have
    completed your survey or experiment. There are two variant payloads to
    this request.

    - You can supply a Study ID, and a list of participant IDs, or
    - You can provide a list of submission IDs

    We strongly recommend that you provide a list of submission IDs. These submissions do not need to be
    from the same study.

    We recommend a maximum of 1,000 submission or participant IDs per request.

    Args:
        body (BulkApproveByParticipants | BulkApproveBySubmissions):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | str]
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
    body: BulkApproveByParticipants | BulkApproveBySubmissions,
) -> Error | str | None:
    """Bulk approve submissions

     Bulk approve study submissions to pay participants after they have
    completed your survey or experiment. There are two variant payloads to
    this request.

    - You can supply a Study ID, and a list of participant IDs, or
    - You can provide a list of submission IDs

    We strongly recommend that you provide a list of submission IDs. These submissions do not need to be
    from the same study.

    We recommend a maximum of 1,000 submission or participant IDs per request.

    Args:
        body (BulkApproveByParticipants | BulkApproveBySubmissions):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | str
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: BulkApproveByParticipants | BulkApproveBySubmissions,
) -> Response[Error | str]:
    """Bulk approve submissions

     Bulk approve study submissions to pay participants after they have
    completed your survey or experiment. There are two variant payloads to
    this request.

    - You can supply a Study ID, and a list of participant IDs, or
    - You can provide a list of submission IDs

    We strongly recommend that you provide a list of submission IDs. These submissions do not need to be
    from the same study.

    We recommend a maximum of 1,000 submission or participant IDs per request.

    Args:
        body (BulkApproveByParticipants | BulkApproveBySubmissions):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | str]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: BulkApproveByParticipants | BulkApproveBySubmissions,
) -> Error | str | None:
    """Bulk approve submissions

     Bulk approve study submissions to pay participants after they have
    completed your survey or experiment. There are two variant payloads to
    this request.

    - You can supply a Study ID, and a list of participant IDs, or
    - You can provide a list of submission IDs

    We strongly recommend that you provide a list of submission IDs. These submissions do not need to be
    from the same study.

    We recommend a maximum of 1,000 submission or participant IDs per request.

    Args:
        body (BulkApproveByParticipants | BulkApproveBySubmissions):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | str
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
