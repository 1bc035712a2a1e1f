from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.bulk_bonus import BulkBonus
from ...models.create_bonus_payments_request import CreateBonusPaymentsRequest
from ...models.error import Error
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: CreateBonusPaymentsRequest | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/submissions/bonus-payments/",
    }

    if not isinstance(body, Unset):
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> BulkBonus | Error | None:
    if response.status_code == 201:
        response_201 = BulkBonus.from_dict(response.json())

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[BulkBonus | Error]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: CreateBonusPaymentsRequest | Unset = UNSET,
) -> Response[BulkBonus | Error]:
    """Set up bonuses

     Set up bonus payments to one or more participants/submissions in a study.

    You need the study id, the participant|submission ids and the request in CSV format.

    The csv_bonuses field needs to be structured in the format of either:

    - `<participant_id>,<amount>\\n`.
    - `<submission_id>,<amount>\\n`.

    **Note: The amount will be in the study currency. The amount should be a decimal value, e.g. 1.50
    for £1.50.**
    Warning: An amount of 30 will pay £/$30.00.

    As an example, `60ffe5c8371090c7041d43f8,4.25` would be a bonus of £4.25 for participant
    60ffe5c8371090c7041d43f8 in a study with GBP currency.

    Setting up a bonus payment does not actually pay them, to do so check [/api/v1/bulk-bonus-
    payments/{id}/pay/](#tag/Bonuses/paths/~1api~1v1~1bulk-bonus-payments~1%7Bid%7D~1pay~1/post)

    The submission and participant IDs need to have taken part in the study in order for this call to be
    successful.
    If not, you will get a "400" HTTP response back, which explains which IDs are incorrect.

    We recommend a maximum of 200 participant or submission IDs per request.

    Args:
        body (CreateBonusPaymentsRequest | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BulkBonus | Error]
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
    body: CreateBonusPaymentsRequest | Unset = UNSET,
) -> BulkBonus | Error | None:
    """Set up bonuses

     Set up bonus payments to one or more participants/submissions in a study.

    You need the study id, the participant|submission ids and the request in CSV format.

    The csv_bonuses field needs to be structured in the format of either:

    - `<participant_id>,<amount>\\n`.
    - `<submission_id>,<amount>\\n`.

    **Note: The amount will be in the study currency. The amount should be a decimal value, e.g. 1.50
    for £1.50.**
    Warning: An amount of 30 will pay £/$30.00.

    As an example, `60ffe5c8371090c7041d43f8,4.25` would be a bonus of £4.25 for participant
    60ffe5c8371090c7041d43f8 in a study with GBP currency.

    Setting up a bonus payment does not actually pay them, to do so check [/api/v1/bulk-bonus-
    payments/{id}/pay/](#tag/Bonuses/paths/~1api~1v1~1bulk-bonus-payments~1%7Bid%7D~1pay~1/post)

    The submission and participant IDs need to have taken part in the study in order for this call to be
    successful.
    If not, you will get a "400" HTTP response back, which explains which IDs are incorrect.

    We recommend a maximum of 200 participant or submission IDs per request.

    Args:
        body (CreateBonusPaymentsRequest | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BulkBonus | Error
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: CreateBonusPaymentsRequest | Unset = UNSET,
) -> Response[BulkBonus | Error]:
    """Set up bonuses

     Set up bonus payments to one or more participants/submissions in a study.

    You need the study id, the participant|submission ids and the request in CSV format.

    The csv_bonuses field needs to be structured in the format of either:

    - `<participant_id>,<amount>\\n`.
    - `<submission_id>,<amount>\\n`.

    **Note: The amount will be in the study currency. The amount should be a decimal value, e.g. 1.50
    for £1.50.**
    Warning: An amount of 30 will pay £/$30.00.

    As an example, `60ffe5c8371090c7041d43f8,4.25` would be a bonus of £4.25 for participant
    60ffe5c8371090c7041d43f8 in a study with GBP currency.

    Setting up a bonus payment does not actually pay them, to do so check [/api/v1/bulk-bonus-
    payments/{id}/pay/](#tag/Bonuses/paths/~1api~1v1~1bulk-bonus-payments~1%7Bid%7D~1pay~1/post)

    The submission and participant IDs need to have taken part in the study in order for this call to be
    successful.
    If not, you will get a "400" HTTP response back, which explains which IDs are incorrect.

    We recommend a maximum of 200 participant or submission IDs per request.

    Args:
        body (CreateBonusPaymentsRequest | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BulkBonus | Error]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: CreateBonusPaymentsRequest | Unset = UNSET,
) -> BulkBonus | Error | None:
    """Set up bonuses

     Set up bonus payments to one or more participants/submissions in a study.

    You need the study id, the participant|submission ids and the request in CSV format.

    The csv_bonuses field needs to be structured in the format of either:

    - `<participant_id>,<amount>\\n`.
    - `<submission_id>,<amount>\\n`.

    **Note: The amount will be in the study currency. The amount should be a decimal value, e.g. 1.50
    for £1.50.**
    Warning: An amount of 30 will pay £/$30.00.

    As an example, `60ffe5c8371090c7041d43f8,4.25` would be a bonus of £4.25 for participant
    60ffe5c8371090c7041d43f8 in a study with GBP currency.

    Setting up a bonus payment does not actually pay them, to do so check [/api/v1/bulk-bonus-
    payments/{id}/pay/](#tag/Bonuses/paths/~1api~1v1~1bulk-bonus-payments~1%7Bid%7D~1pay~1/post)

    The submission and participant IDs need to have taken part in the study in order for this call to be
    successful.
    If not, you will get a "400" HTTP response back, which explains which IDs are incorrect.

    We recommend a maximum of 200 participant or submission IDs per request.

    Args:
        body (CreateBonusPaymentsRequest | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BulkBonus | Error
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
