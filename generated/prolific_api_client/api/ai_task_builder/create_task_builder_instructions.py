from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.create_task_builder_instructions_request import (
    CreateTaskBuilderInstructionsRequest,
)
from ...models.error import Error
from ...models.task_builder_file_upload_instruction import (
    TaskBuilderFileUploadInstruction,
)
from ...models.task_builder_free_text_instruction import TaskBuilderFreeTextInstruction
from ...models.task_builder_free_text_with_unit_instruction import (
    TaskBuilderFreeTextWithUnitInstruction,
)
from ...models.task_builder_multiple_choice_instruction import (
    TaskBuilderMultipleChoiceInstruction,
)
from ...models.task_builder_multiple_choice_with_free_text_instruction import (
    TaskBuilderMultipleChoiceWithFreeTextInstruction,
)
from ...types import Response, UnknownVariant


def _get_kwargs(
    batch_id: str,
    *,
    body: CreateTaskBuilderInstructionsRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/data-collection/batches/{batch_id}/instructions".format(
            batch_id=quote(str(batch_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> (
    Error
    | list[
        TaskBuilderMultipleChoiceInstruction
        | TaskBuilderFreeTextInstruction
        | TaskBuilderFreeTextWithUnitInstruction
        | TaskBuilderMultipleChoiceWithFreeTextInstruction
        | TaskBuilderFileUploadInstruction
        | UnknownVariant
    ]
    | None
):
    if response.status_code == 201:
        response_201 = []
        _response_201 = response.json()
        for response_201_item_data in _response_201:

            def _parse_response_201_item(
                data: object,
            ) -> (
                TaskBuilderMultipleChoiceInstruction
                | TaskBuilderFreeTextInstruction
                | TaskBuilderFreeTextWithUnitInstruction
                | TaskBuilderMultipleChoiceWithFreeTextInstruction
                | TaskBuilderFileUploadInstruction
                | UnknownVariant
            ):
                if isinstance(data, dict):
                    tag = data.get("type")
                    if tag == "multiple_choice":
                        return TaskBuilderMultipleChoiceInstruction.from_dict(data)
                    if tag == "free_text":
                        return TaskBuilderFreeTextInstruction.from_dict(data)
                    if tag == "free_text_with_unit":
                        return TaskBuilderFreeTextWithUnitInstruction.from_dict(data)
                    if tag == "multiple_choice_with_free_text":
                        return TaskBuilderMultipleChoiceWithFreeTextInstruction.from_dict(data)
                    if tag == "file_upload":
                        return TaskBuilderFileUploadInstruction.from_dict(data)
                    if isinstance(tag, str):
                        return UnknownVariant(raw=data)
                raise TypeError(f"Unexpected value {data!r} for response_201_item")

            response_201_item = _parse_response_201_item(response_201_item_data)

            response_201.append(response_201_item)

        return response_201

    if response.status_code == 400:
        response_400 = Error.from_dict(response.json())

        return response_400

    if response.status_code == 422:
        response_422 = Error.from_dict(response.json())

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
) -> Response[
    Error
    | list[
        TaskBuilderMultipleChoiceInstruction
        | TaskBuilderFreeTextInstruction
        | TaskBuilderFreeTextWithUnitInstruction
        | TaskBuilderMultipleChoiceWithFreeTextInstruction
        | TaskBuilderFileUploadInstruction
        | UnknownVariant
    ]
]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    batch_id: str,
    *,
    client: AuthenticatedClient,
    body: CreateTaskBuilderInstructionsRequest,
) -> Response[
    Error
    | list[
        TaskBuilderMultipleChoiceInstruction
        | TaskBuilderFreeTextInstruction
        | TaskBuilderFreeTextWithUnitInstruction
        | TaskBuilderMultipleChoiceWithFreeTextInstruction
        | TaskBuilderFileUploadInstruction
        | UnknownVariant
    ]
]:
    """Create Batch Instructions

     Create instructions for a Task Builder batch.

    <Error title="Important">

    **Deprecated for batches that use `batch_items`.**

    All responses include the [RFC 8594](https://www.rfc-editor.org/rfc/rfc8594) headers `Deprecation:
    true` and `Sunset: Tue, 01 Sep 2026 23:59:59 GMT`.

    If the target batch was created with `batch_items` (the per-item instructions flow), this endpoint
    will respond with **`422 Unprocessable Entity`** and an error message directing you to manage
    instructions via the `batch_items` payload instead.

    Legacy batches (where `batch_items` is `null`) continue to work and return `201 Created`.

    </Error>

    Args:
        batch_id (str): The unique identifier of the AI Task Builder batch
        body (CreateTaskBuilderInstructionsRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | list[TaskBuilderMultipleChoiceInstruction | TaskBuilderFreeTextInstruction | TaskBuilderFreeTextWithUnitInstruction | TaskBuilderMultipleChoiceWithFreeTextInstruction | TaskBuilderFileUploadInstruction | UnknownVariant]]
    """

    kwargs = _get_kwargs(
        batch_id=batch_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    batch_id: str,
    *,
    client: AuthenticatedClient,
    body: CreateTaskBuilderInstructionsRequest,
) -> (
    Error
    | list[
        TaskBuilderMultipleChoiceInstruction
        | TaskBuilderFreeTextInstruction
        | TaskBuilderFreeTextWithUnitInstruction
        | TaskBuilderMultipleChoiceWithFreeTextInstruction
        | TaskBuilderFileUploadInstruction
        | UnknownVariant
    ]
    | None
):
    """Create Batch Instructions

     Create instructions for a Task Builder batch.

    <Error title="Important">

    **Deprecated for batches that use `batch_items`.**

    All responses include the [RFC 8594](https://www.rfc-editor.org/rfc/rfc8594) headers `Deprecation:
    true` and `Sunset: Tue, 01 Sep 2026 23:59:59 GMT`.

    If the target batch was created with `batch_items` (the per-item instructions flow), this endpoint
    will respond with **`422 Unprocessable Entity`** and an error message directing you to manage
    instructions via the `batch_items` payload instead.

    Legacy batches (where `batch_items` is `null`) continue to work and return `201 Created`.

    </Error>

    Args:
        batch_id (str): The unique identifier of the AI Task Builder batch
        body (CreateTaskBuilderInstructionsRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | list[TaskBuilderMultipleChoiceInstruction | TaskBuilderFreeTextInstruction | TaskBuilderFreeTextWithUnitInstruction | TaskBuilderMultipleChoiceWithFreeTextInstruction | TaskBuilderFileUploadInstruction | UnknownVariant]
    """

    return sync_detailed(
        batch_id=batch_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    batch_id: str,
    *,
    client: AuthenticatedClient,
    body: CreateTaskBuilderInstructionsRequest,
) -> Response[
    Error
    | list[
        TaskBuilderMultipleChoiceInstruction
        | TaskBuilderFreeTextInstruction
        | TaskBuilderFreeTextWithUnitInstruction
        | TaskBuilderMultipleChoiceWithFreeTextInstruction
        | TaskBuilderFileUploadInstruction
        | UnknownVariant
    ]
]:
    """Create Batch Instructions

     Create instructions for a Task Builder batch.

    <Error title="Important">

    **Deprecated for batches that use `batch_items`.**

    All responses include the [RFC 8594](https://www.rfc-editor.org/rfc/rfc8594) headers `Deprecation:
    true` and `Sunset: Tue, 01 Sep 2026 23:59:59 GMT`.

    If the target batch was created with `batch_items` (the per-item instructions flow), this endpoint
    will respond with **`422 Unprocessable Entity`** and an error message directing you to manage
    instructions via the `batch_items` payload instead.

    Legacy batches (where `batch_items` is `null`) continue to work and return `201 Created`.

    </Error>

    Args:
        batch_id (str): The unique identifier of the AI Task Builder batch
        body (CreateTaskBuilderInstructionsRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | list[TaskBuilderMultipleChoiceInstruction | TaskBuilderFreeTextInstruction | TaskBuilderFreeTextWithUnitInstruction | TaskBuilderMultipleChoiceWithFreeTextInstruction | TaskBuilderFileUploadInstruction | UnknownVariant]]
    """

    kwargs = _get_kwargs(
        batch_id=batch_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    batch_id: str,
    *,
    client: AuthenticatedClient,
    body: CreateTaskBuilderInstructionsRequest,
) -> (
    Error
    | list[
        TaskBuilderMultipleChoiceInstruction
        | TaskBuilderFreeTextInstruction
        | TaskBuilderFreeTextWithUnitInstruction
        | TaskBuilderMultipleChoiceWithFreeTextInstruction
        | TaskBuilderFileUploadInstruction
        | UnknownVariant
    ]
    | None
):
    """Create Batch Instructions

     Create instructions for a Task Builder batch.

    <Error title="Important">

    **Deprecated for batches that use `batch_items`.**

    All responses include the [RFC 8594](https://www.rfc-editor.org/rfc/rfc8594) headers `Deprecation:
    true` and `Sunset: Tue, 01 Sep 2026 23:59:59 GMT`.

    If the target batch was created with `batch_items` (the per-item instructions flow), this endpoint
    will respond with **`422 Unprocessable Entity`** and an error message directing you to manage
    instructions via the `batch_items` payload instead.

    Legacy batches (where `batch_items` is `null`) continue to work and return `201 Created`.

    </Error>

    Args:
        batch_id (str): The unique identifier of the AI Task Builder batch
        body (CreateTaskBuilderInstructionsRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | list[TaskBuilderMultipleChoiceInstruction | TaskBuilderFreeTextInstruction | TaskBuilderFreeTextWithUnitInstruction | TaskBuilderMultipleChoiceWithFreeTextInstruction | TaskBuilderFileUploadInstruction | UnknownVariant]
    """

    return (
        await asyncio_detailed(
            batch_id=batch_id,
            client=client,
            body=body,
        )
    ).parsed
