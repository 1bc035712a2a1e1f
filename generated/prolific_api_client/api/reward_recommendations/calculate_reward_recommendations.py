from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.currency import Currency
from ...models.error import Error
from ...models.reward_recommendation import RewardRecommendation
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    workspace_id: str,
    currency: Currency,
    screener_ids: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["workspace_id"] = workspace_id

    json_currency: str = currency
    params["currency"] = json_currency

    params["screener_ids"] = screener_ids

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/reward-recommendations/",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | list[RewardRecommendation] | None:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for componentsschemas_reward_recommendations_response_item_data in _response_200:
            componentsschemas_reward_recommendations_response_item = RewardRecommendation.from_dict(
                componentsschemas_reward_recommendations_response_item_data
            )

            response_200.append(componentsschemas_reward_recommendations_response_item)

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
) -> Response[Error | list[RewardRecommendation]]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    workspace_id: str,
    currency: Currency,
    screener_ids: str | Unset = UNSET,
) -> Response[Error | list[RewardRecommendation]]:
    """Calculate reward recommendations

     Calculate the recommended participant reward rates for a data collection, optionally based upon a
    given set of filters

    Args:
        workspace_id (str): The ID of the workspace in which you'll be creating the study
        currency (Currency): An ISO 4217 currency code. Note that we only support a selection of
            currency codes as per the enum values.
        screener_ids (str | Unset): A URL-encoded, comma-delimited list of filter IDs (e.g. custom
            group filter IDs) that you plan to apply to your study.

            There are various methods of converting an array of filter IDs to a URL-encoded, comma
            delimited array e.g:

            JavaScript:

            ```js
            const screenerIDs = ["mandarin", "spanish"];
            const encodedScreenerIDs = encodeURIComponent(screenerIDs.join(","));
            const url = `https://api.prolific.com/api/v1/reward-
            recommendations?screener_ids=${encodedScreenerIDs}&workspace_id=<workspace
            ID>&currency=GBP`
            ```

            Python:

            ```python
            import urllib.parse

            screener_ids = ["mandarin", "spanish"]
            encoded_screener_ids = urllib.parse.quote(",".join(screener_ids))
            url = f"https://api.prolific.com/api/v1/reward-
            recommendations?screener_ids={encoded_screener_ids}&workspace_id=<workspace
            ID>&currency=GBP"
            ```

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | list[RewardRecommendation]]
    """

    kwargs = _get_kwargs(
        workspace_id=workspace_id,
        currency=currency,
        screener_ids=screener_ids,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    workspace_id: str,
    currency: Currency,
    screener_ids: str | Unset = UNSET,
) -> Error | list[RewardRecommendation] | None:
    """Calculate reward recommendations

     Calculate the recommended participant reward rates for a data collection, optionally based upon a
    given set of filters

    Args:
        workspace_id (str): The ID of the workspace in which you'll be creating the study
        currency (Currency): An ISO 4217 currency code. Note that we only support a selection of
            currency codes as per the enum values.
        screener_ids (str | Unset): A URL-encoded, comma-delimited list of filter IDs (e.g. custom
            group filter IDs) that you plan to apply to your study.

            There are various methods of converting an array of filter IDs to a URL-encoded, comma
            delimited array e.g:

            JavaScript:

            ```js
            const screenerIDs = ["mandarin", "spanish"];
            const encodedScreenerIDs = encodeURIComponent(screenerIDs.join(","));
            const url = `https://api.prolific.com/api/v1/reward-
            recommendations?screener_ids=${encodedScreenerIDs}&workspace_id=<workspace
            ID>&currency=GBP`
            ```

            Python:

            ```python
            import urllib.parse

            screener_ids = ["mandarin", "spanish"]
            encoded_screener_ids = urllib.parse.quote(",".join(screener_ids))
            url = f"https://api.prolific.com/api/v1/reward-
            recommendations?screener_ids={encoded_screener_ids}&workspace_id=<workspace
            ID>&currency=GBP"
            ```

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | list[RewardRecommendation]
    """

    return sync_detailed(
        client=client,
        workspace_id=workspace_id,
        currency=currency,
        screener_ids=screener_ids,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    workspace_id: str,
    currency: Currency,
    screener_ids: str | Unset = UNSET,
) -> Response[Error | list[RewardRecommendation]]:
    """Calculate reward recommendations

     Calculate the recommended participant reward rates for a data collection, optionally based upon a
    given set of filters

    Args:
        workspace_id (str): The ID of the workspace in which you'll be creating the study
        currency (Currency): An ISO 4217 currency code. Note that we only support a selection of
            currency codes as per the enum values.
        screener_ids (str | Unset): A URL-encoded, comma-delimited list of filter IDs (e.g. custom
            group filter IDs) that you plan to apply to your study.

            There are various methods of converting an array of filter IDs to a URL-encoded, comma
            delimited array e.g:

            JavaScript:

            ```js
            const screenerIDs = ["mandarin", "spanish"];
            const encodedScreenerIDs = encodeURIComponent(screenerIDs.join(","));
            const url = `https://api.prolific.com/api/v1/reward-
            recommendations?screener_ids=${encodedScreenerIDs}&workspace_id=<workspace
            ID>&currency=GBP`
            ```

            Python:

            ```python
            import urllib.parse

            screener_ids = ["mandarin", "spanish"]
            encoded_screener_ids = urllib.parse.quote(",".join(screener_ids))
            url = f"https://api.prolific.com/api/v1/reward-
            recommendations?screener_ids={encoded_screener_ids}&workspace_id=<workspace
            ID>&currency=GBP"
            ```

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | list[RewardRecommendation]]
    """

    kwargs = _get_kwargs(
        workspace_id=workspace_id,
        currency=currency,
        screener_ids=screener_ids,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    workspace_id: str,
    currency: Currency,
    screener_ids: str | Unset = UNSET,
) -> Error | list[RewardRecommendation] | None:
    """Calculate reward recommendations

     Calculate the recommended participant reward rates for a data collection, optionally based upon a
    given set of filters

    Args:
        workspace_id (str): The ID of the workspace in which you'll be creating the study
        currency (Currency): An ISO 4217 currency code. Note that we only support a selection of
            currency codes as per the enum values.
        screener_ids (str | Unset): A URL-encoded, comma-delimited list of filter IDs (e.g. custom
            group filter IDs) that you plan to apply to your study.

            There are various methods of converting an array of filter IDs to a URL-encoded, comma
            delimited array e.g:

            JavaScript:

            ```js
            const screenerIDs = ["mandarin", "spanish"];
            const encodedScreenerIDs = encodeURIComponent(screenerIDs.join(","));
            const url = `https://api.prolific.com/api/v1/reward-
            recommendations?screener_ids=${encodedScreenerIDs}&workspace_id=<workspace
            ID>&currency=GBP`
            ```

            Python:

            ```python
            import urllib.parse

            screener_ids = ["mandarin", "spanish"]
            encoded_screener_ids = urllib.parse.quote(",".join(screener_ids))
            url = f"https://api.prolific.com/api/v1/reward-
            recommendations?screener_ids={encoded_screener_ids}&workspace_id=<workspace
            ID>&currency=GBP"
            ```

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | list[RewardRecommendation]
    """

    return (
        await asyncio_detailed(
            client=client,
            workspace_id=workspace_id,
            currency=currency,
            screener_ids=screener_ids,
        )
    ).parsed
