from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.subscription_event_list import SubscriptionEventList
from ...types import UNSET, Response, Unset


def _get_kwargs(
    subscription_id: str,
    *,
    offset: int | Unset = 0,
    limit: int | Unset = 100,
    status: str | Unset = UNSET,
    resource_id: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["offset"] = offset

    params["limit"] = limit

    params["status"] = status

    params["resource_id"] = resource_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/hooks/subscriptions/{subscription_id}/events/".format(
            subscription_id=quote(str(subscription_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | SubscriptionEventList | None:
    if response.status_code == 200:
        response_200 = SubscriptionEventList.from_dict(response.json())

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
) -> Response[Error | SubscriptionEventList]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    subscription_id: str,
    *,
    client: AuthenticatedClient,
    offset: int | Unset = 0,
    limit: int | Unset = 100,
    status: str | Unset = UNSET,
    resource_id: str | Unset = UNSET,
) -> Response[Error | SubscriptionEventList]:
    """Get subscription events

     Get all of the events that have triggered for the given subscription.

    Args:
        subscription_id (str): Subscription id
        offset (int | Unset):  Default: 0.
        limit (int | Unset):  Default: 100.
        status (str | Unset): Filter events by status. Accepts a single status or a JSON array of
            statuses as a string.
        resource_id (str | Unset): Filter events by the ID of the resource for which the event was
            sent.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | SubscriptionEventList]
    """

    kwargs = _get_kwargs(
        subscription_id=subscription_id,
        offset=offset,
        limit=limit,
        status=status,
        resource_id=resource_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    subscription_id: str,
    *,
    client: AuthenticatedClient,
    offset: int | Unset = 0,
    limit: int | Unset = 100,
    status: str | Unset = UNSET,
    resource_id: str | Unset = UNSET,
) -> Error | SubscriptionEventList | None:
    """Get subscription events

     Get all of the events that have triggered for the given subscription.

    Args:
        subscription_id (str): Subscription id
        offset (int | Unset):  Default: 0.
        limit (int | Unset):  Default: 100.
        status (str | Unset): Filter events by status. Accepts a single status or a JSON array of
            statuses as a string.
        resource_id (str | Unset): Filter events by the ID of the resource for which the event was
            sent.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | SubscriptionEventList
    """

    return sync_detailed(
        subscription_id=subscription_id,
        client=client,
        offset=offset,
        limit=limit,
        status=status,
        resource_id=resource_id,
    ).parsed


async def asyncio_detailed(
    subscription_id: str,
    *,
    client: AuthenticatedClient,
    offset: int | Unset = 0,
    limit: int | Unset = 100,
    status: str | Unset = UNSET,
    resource_id: str | Unset = UNSET,
) -> Response[Error | SubscriptionEventList]:
    """Get subscription events

     Get all of the events that have triggered for the given subscription.

    Args:
        subscription_id (str): Subscription id
        offset (int | Unset):  Default: 0.
        limit (int | Unset):  Default: 100.
        status (str | Unset): Filter events by status. Accepts a single status or a JSON array of
            statuses as a string.
        resource_id (str | Unset): Filter events by the ID of the resource for which the event was
            sent.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | SubscriptionEventList]
    """

    kwargs = _get_kwargs(
        subscription_id=subscription_id,
        offset=offset,
        limit=limit,
        status=status,
        resource_id=resource_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    subscription_id: str,
    *,
    client: AuthenticatedClient,
    offset: int | Unset = 0,
    limit: int | Unset = 100,
    status: str | Unset = UNSET,
    resource_id: str | Unset = UNSET,
) -> Error | SubscriptionEventList | None:
    """Get subscription events

     Get all of the events that have triggered for the given subscription.

    Args:
        subscription_id (str): Subscription id
        offset (int | Unset):  Default: 0.
        limit (int | Unset):  Default: 100.
        status (str | Unset): Filter events by status. Accepts a single status or a JSON array of
            statuses as a string.
        resource_id (str | Unset): Filter events by the ID of the resource for which the event was
            sent.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | SubscriptionEventList
    """

    return (
        await asyncio_detailed(
            subscription_id=subscription_id,
            client=client,
            offset=offset,
            limit=limit,
            status=status,
            resource_id=resource_id,
        )
    ).parsed
