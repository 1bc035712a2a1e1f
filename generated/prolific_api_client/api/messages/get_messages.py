from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.messages import Messages
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    user_id: str | Unset = UNSET,
    created_after: str | Unset = UNSET,
    excluded_sender_ids: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["user_id"] = user_id

    params["created_after"] = created_after

    params["excluded_sender_ids"] = excluded_sender_ids

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/messages/",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | Messages | None:
    if response.status_code == 200:
        response_200 = Messages.from_dict(response.json())

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Error | Messages]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    user_id: str | Unset = UNSET,
    created_after: str | Unset = UNSET,
    excluded_sender_ids: str | Unset = UNSET,
) -> Response[Error | Messages]:
    """Retrieve messages

     Get messages between you and another user or your messages with all users.

    Args:
        user_id (str | Unset): Another user ID, must be provided if no created_after date is
            provided.
        created_after (str | Unset): Only fetch messages created after timestamp. Datetime in
            ISO8601 format. Must be provided if no user_id is provided. You can only fetch up to the
            last 30 days of messages.
        excluded_sender_ids (str | Unset): A comma-separated list of sender IDs whose messages
            should be excluded from the response. Maximum 10 IDs.

            e.g. `excluded_sender_ids=abc,def`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Messages]
    """

    kwargs = _get_kwargs(
        user_id=user_id,
        created_after=created_after,
        excluded_sender_ids=excluded_sender_ids,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    user_id: str | Unset = UNSET,
    created_after: str | Unset = UNSET,
    excluded_sender_ids: str | Unset = UNSET,
) -> Error | Messages | None:
    """Retrieve messages

     Get messages between you and another user or your messages with all users.

    Args:
        user_id (str | Unset): Another user ID, must be provided if no created_after date is
            provided.
        created_after (str | Unset): Only fetch messages created after timestamp. Datetime in
            ISO8601 format. Must be provided if no user_id is provided. You can only fetch up to the
            last 30 days of messages.
        excluded_sender_ids (str | Unset): A comma-separated list of sender IDs whose messages
            should be excluded from the response. Maximum 10 IDs.

            e.g. `excluded_sender_ids=abc,def`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Messages
    """

    return sync_detailed(
        client=client,
        user_id=user_id,
        created_after=created_after,
        excluded_sender_ids=excluded_sender_ids,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    user_id: str | Unset = UNSET,
    created_after: str | Unset = UNSET,
    excluded_sender_ids: str | Unset = UNSET,
) -> Response[Error | Messages]:
    """Retrieve messages

     Get messages between you and another user or your messages with all users.

    Args:
        user_id (str | Unset): Another user ID, must be provided if no created_after date is
            provided.
        created_after (str | Unset): Only fetch messages created after timestamp. Datetime in
            ISO8601 format. Must be provided if no user_id is provided. You can only fetch up to the
            last 30 days of messages.
        excluded_sender_ids (str | Unset): A comma-separated list of sender IDs whose messages
            should be excluded from the response. Maximum 10 IDs.

            e.g. `excluded_sender_ids=abc,def`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Messages]
    """

    kwargs = _get_kwargs(
        user_id=user_id,
        created_after=created_after,
        excluded_sender_ids=excluded_sender_ids,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    user_id: str | Unset = UNSET,
    created_after: str | Unset = UNSET,
    excluded_sender_ids: str | Unset = UNSET,
) -> Error | Messages | None:
    """Retrieve messages

     Get messages between you and another user or your messages with all users.

    Args:
        user_id (str | Unset): Another user ID, must be provided if no created_after date is
            provided.
        created_after (str | Unset): Only fetch messages created after timestamp. Datetime in
            ISO8601 format. Must be provided if no user_id is provided. You can only fetch up to the
            last 30 days of messages.
        excluded_sender_ids (str | Unset): A comma-separated list of sender IDs whose messages
            should be excluded from the response. Maximum 10 IDs.

            e.g. `excluded_sender_ids=abc,def`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Messages
    """

    return (
        await asyncio_detailed(
            client=client,
            user_id=user_id,
            created_after=created_after,
            excluded_sender_ids=excluded_sender_ids,
        )
    ).parsed
