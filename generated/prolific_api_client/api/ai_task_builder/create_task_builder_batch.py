from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.ai_task_builder_batch_create import AITaskBuilderBatchCreate
from ...models.batch_items_validation_error import BatchItemsValidationError
from ...models.create_task_builder_batch_request import CreateTaskBuilderBatchRequest
from ...models.error import Error
from ...types import Response


def _get_kwargs(
    *,
    body: CreateTaskBuilderBatchRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/data-collection/batches",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> AITaskBuilderBatchCreate | BatchItemsValidationError | Error | None:
    if response.status_code == 201:
        response_201 = AITaskBuilderBatchCreate.from_dict(response.json())

        return response_201

    if response.status_code == 400:
        response_400 = Error.from_dict(response.json())

        return response_400

    if response.status_code == 422:
        response_422 = BatchItemsValidationError.from_dict(response.json())

        return response_422

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
) -> Response[AITaskBuilderBatchCreate | BatchItemsValidationError | Error]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: CreateTaskBuilderBatchRequest,
) -> Response[AITaskBuilderBatchCreate | BatchItemsValidationError | Error]:
    """Create a Batch

     Create a new AI Task Builder batch. The dataset does not need to be in READY status at creation
    time.

    ### Configurable task layouts via `batch_items`

    You can configure a custom task layout using `batch_items` which also stores instructions and
    content as part of batch creation. It replaces the deprecated `POST /api/v1/data-
    collection/batches/{batch_id}/instructions` endpoint, which will reject requests on batches that
    were created with `batch_items`.

    `batch_items` is a nested layout describing what is shown to participants:

    - `batch_items` is an ordered array of **pages**. Each page is shown to participants as a single
    screen.
    - Each page has an ordered array of **rows**.
    - Each row has 1 or 2 **columns** rendered side-by-side.
    - Each column has one or more **items** — a dataset field reference, a content block (`image`,
    `rich_text`), or an instruction (`free_text`, `free_text_with_unit`, `multiple_choice`,
    `multiple_choice_with_free_text`, `file_upload`).

    Items are a discriminated union on `type`. Each `dataset_field` item references a field in the
    attached dataset by name — only fields with type `text` or `image_url` are permitted, and the same
    field may not be referenced more than once on the same page.

    On a successful response, every item in `batch_items` is returned with a server-assigned `id`.

    If `batch_items` fails server-side validation (for example: a `dataset_field` item used when no v4
    dataset with a populated schema is attached, an unknown `dataset_field`, the same `dataset_field`
    referenced more than once on a page, an `answer_limit` larger than the number of options, or a
    `default_unit` that does not match the supplied `unit_options`), the request fails with **`422
    Unprocessable Entity`** and an `INVALID_BATCH_ITEMS` payload containing per-item `page` / `row` /
    `column` / `item` locations. See the `BatchItemsValidationError` schema for the full shape.

    Args:
        body (CreateTaskBuilderBatchRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AITaskBuilderBatchCreate | BatchItemsValidationError | Error]
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
    body: CreateTaskBuilderBatchRequest,
) -> AITaskBuilderBatchCreate | BatchItemsValidationError | Error | None:
    """Create a Batch

     Create a new AI Task Builder batch. The dataset does not need to be in READY status at creation
    time.

    ### Configurable task layouts via `batch_items`

    You can configure a custom task layout using `batch_items` which also stores instructions and
    content as part of batch creation. It replaces the deprecated `POST /api/v1/data-
    collection/batches/{batch_id}/instructions` endpoint, which will reject requests on batches that
    were created with `batch_items`.

    `batch_items` is a nested layout describing what is shown to participants:

    - `batch_items` is an ordered array of **pages**. Each page is shown to participants as a single
    screen.
    - Each page has an ordered array of **rows**.
    - Each row has 1 or 2 **columns** rendered side-by-side.
    - Each column has one or more **items** — a dataset field reference, a content block (`image`,
    `rich_text`), or an instruction (`free_text`, `free_text_with_unit`, `multiple_choice`,
    `multiple_choice_with_free_text`, `file_upload`).

    Items are a discriminated union on `type`. Each `dataset_field` item references a field in the
    attached dataset by name — only fields with type `text` or `image_url` are permitted, and the same
    field may not be referenced more than once on the same page.

    On a successful response, every item in `batch_items` is returned with a server-assigned `id`.

    If `batch_items` fails server-side validation (for example: a `dataset_field` item used when no v4
    dataset with a populated schema is attached, an unknown `dataset_field`, the same `dataset_field`
    referenced more than once on a page, an `answer_limit` larger than the number of options, or a
    `default_unit` that does not match the supplied `unit_options`), the request fails with **`422
    Unprocessable Entity`** and an `INVALID_BATCH_ITEMS` payload containing per-item `page` / `row` /
    `column` / `item` locations. See the `BatchItemsValidationError` schema for the full shape.

    Args:
        body (CreateTaskBuilderBatchRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AITaskBuilderBatchCreate | BatchItemsValidationError | Error
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: CreateTaskBuilderBatchRequest,
) -> Response[AITaskBuilderBatchCreate | BatchItemsValidationError | Error]:
    """Create a Batch

     Create a new AI Task Builder batch. The dataset does not need to be in READY status at creation
    time.

    ### Configurable task layouts via `batch_items`

    You can configure a custom task layout using `batch_items` which also stores instructions and
    content as part of batch creation. It replaces the deprecated `POST /api/v1/data-
    collection/batches/{batch_id}/instructions` endpoint, which will reject requests on batches that
    were created with `batch_items`.

    `batch_items` is a nested layout describing what is shown to participants:

    - `batch_items` is an ordered array of **pages**. Each page is shown to participants as a single
    screen.
    - Each page has an ordered array of **rows**.
    - Each row has 1 or 2 **columns** rendered side-by-side.
    - Each column has one or more **items** — a dataset field reference, a content block (`image`,
    `rich_text`), or an instruction (`free_text`, `free_text_with_unit`, `multiple_choice`,
    `multiple_choice_with_free_text`, `file_upload`).

    Items are a discriminated union on `type`. Each `dataset_field` item references a field in the
    attached dataset by name — only fields with type `text` or `image_url` are permitted, and the same
    field may not be referenced more than once on the same page.

    On a successful response, every item in `batch_items` is returned with a server-assigned `id`.

    If `batch_items` fails server-side validation (for example: a `dataset_field` item used when no v4
    dataset with a populated schema is attached, an unknown `dataset_field`, the same `dataset_field`
    referenced more than once on a page, an `answer_limit` larger than the number of options, or a
    `default_unit` that does not match the supplied `unit_options`), the request fails with **`422
    Unprocessable Entity`** and an `INVALID_BATCH_ITEMS` payload containing per-item `page` / `row` /
    `column` / `item` locations. See the `BatchItemsValidationError` schema for the full shape.

    Args:
        body (CreateTaskBuilderBatchRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AITaskBuilderBatchCreate | BatchItemsValidationError | Error]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: CreateTaskBuilderBatchRequest,
) -> AITaskBuilderBatchCreate | BatchItemsValidationError | Error | None:
    """Create a Batch

     Create a new AI Task Builder batch. The dataset does not need to be in READY status at creation
    time.

    ### Configurable task layouts via `batch_items`

    You can configure a custom task layout using `batch_items` which also stores instructions and
    content as part of batch creation. It replaces the deprecated `POST /api/v1/data-
    collection/batches/{batch_id}/instructions` endpoint, which will reject requests on batches that
    were created with `batch_items`.

    `batch_items` is a nested layout describing what is shown to participants:

    - `batch_items` is an ordered array of **pages**. Each page is shown to participants as a single
    screen.
    - Each page has an ordered array of **rows**.
    - Each row has 1 or 2 **columns** rendered side-by-side.
    - Each column has one or more **items** — a dataset field reference, a content block (`image`,
    `rich_text`), or an instruction (`free_text`, `free_text_with_unit`, `multiple_choice`,
    `multiple_choice_with_free_text`, `file_upload`).

    Items are a discriminated union on `type`. Each `dataset_field` item references a field in the
    attached dataset by name — only fields with type `text` or `image_url` are permitted, and the same
    field may not be referenced more than once on the same page.

    On a successful response, every item in `batch_items` is returned with a server-assigned `id`.

    If `batch_items` fails server-side validation (for example: a `dataset_field` item used when no v4
    dataset with a populated schema is attached, an unknown `dataset_field`, the same `dataset_field`
    referenced more than once on a page, an `answer_limit` larger than the number of options, or a
    `default_unit` that does not match the supplied `unit_options`), the request fails with **`422
    Unprocessable Entity`** and an `INVALID_BATCH_ITEMS` payload containing per-item `page` / `row` /
    `column` / `item` locations. See the `BatchItemsValidationError` schema for the full shape.

    Args:
        body (CreateTaskBuilderBatchRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AITaskBuilderBatchCreate | BatchItemsValidationError | Error
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
