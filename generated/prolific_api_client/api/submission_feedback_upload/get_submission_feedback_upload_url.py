from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.get_submission_feedback_upload_url_response import (
    GetSubmissionFeedbackUploadUrlResponse,
)
from ...types import UNSET, Response


def _get_kwargs(
    filename: str,
    *,
    workspace_id: str,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["workspace_id"] = workspace_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/submissions/signals/upload-url/{filename}".format(
            filename=quote(str(filename), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | GetSubmissionFeedbackUploadUrlResponse | None:
    if response.status_code == 201:
        response_201 = GetSubmissionFeedbackUploadUrlResponse.from_dict(response.json())

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


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Error | GetSubmissionFeedbackUploadUrlResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    filename: str,
    *,
    client: AuthenticatedClient,
    workspace_id: str,
) -> Response[Error | GetSubmissionFeedbackUploadUrlResponse]:
    """Request a feedback upload URL

     Request a temporary, pre-signed URL to upload a feedback file for your completed studies.

    This is the first step of a two-step upload process:
      1. Call this endpoint to receive a pre-signed `upload_url`.
      2. Upload your file directly to that URL with an HTTP `PUT` request before it expires.

    <Note>
      Supported file formats are CSV, XLS, XLSX, JSON, TXT and PDF. The maximum file size is 5GB. Please
    check the [supported file formats](https://docs.prolific.com/api-reference/submission-feedback-
    upload#supported-file-formats) section for more details.
    </Note>

    Args:
        filename (str): The name of the file you want to upload, including its extension (e.g.
            `participant_feedback.csv`).
        workspace_id (str): The ID of the Prolific workspace the feedback belongs to.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | GetSubmissionFeedbackUploadUrlResponse]
    """

    kwargs = _get_kwargs(
        filename=filename,
        workspace_id=workspace_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    filename: str,
    *,
    client: AuthenticatedClient,
    workspace_id: str,
) -> Error | GetSubmissionFeedbackUploadUrlResponse | None:
    """Request a feedback upload URL

     Request a temporary, pre-signed URL to upload a feedback file for your completed studies.

    This is the first step of a two-step upload process:
      1. Call this endpoint to receive a pre-signed `upload_url`.
      2. Upload your file directly to that URL with an HTTP `PUT` request before it expires.

    <Note>
      Supported file formats are CSV, XLS, XLSX, JSON, TXT and PDF. The maximum file size is 5GB. Please
    check the [supported file formats](https://docs.prolific.com/api-reference/submission-feedback-
    upload#supported-file-formats) section for more details.
    </Note>

    Args:
        filename (str): The name of the file you want to upload, including its extension (e.g.
            `participant_feedback.csv`).
        workspace_id (str): The ID of the Prolific workspace the feedback belongs to.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | GetSubmissionFeedbackUploadUrlResponse
    """

    return sync_detailed(
        filename=filename,
        client=client,
        workspace_id=workspace_id,
    ).parsed


async def asyncio_detailed(
    filename: str,
    *,
    client: AuthenticatedClient,
    workspace_id: str,
) -> Response[Error | GetSubmissionFeedbackUploadUrlResponse]:
    """Request a feedback upload URL

     Request a temporary, pre-signed URL to upload a feedback file for your completed studies.

    This is the first step of a two-step upload process:
      1. Call this endpoint to receive a pre-signed `upload_url`.
      2. Upload your file directly to that URL with an HTTP `PUT` request before it expires.

    <Note>
      Supported file formats are CSV, XLS, XLSX, JSON, TXT and PDF. The maximum file size is 5GB. Please
    check the [supported file formats](https://docs.prolific.com/api-reference/submission-feedback-
    upload#supported-file-formats) section for more details.
    </Note>

    Args:
        filename (str): The name of the file you want to upload, including its extension (e.g.
            `participant_feedback.csv`).
        workspace_id (str): The ID of the Prolific workspace the feedback belongs to.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | GetSubmissionFeedbackUploadUrlResponse]
    """

    kwargs = _get_kwargs(
        filename=filename,
        workspace_id=workspace_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    filename: str,
    *,
    client: AuthenticatedClient,
    workspace_id: str,
) -> Error | GetSubmissionFeedbackUploadUrlResponse | None:
    """Request a feedback upload URL

     Request a temporary, pre-signed URL to upload a feedback file for your completed studies.

    This is the first step of a two-step upload process:
      1. Call this endpoint to receive a pre-signed `upload_url`.
      2. Upload your file directly to that URL with an HTTP `PUT` request before it expires.

    <Note>
      Supported file formats are CSV, XLS, XLSX, JSON, TXT and PDF. The maximum file size is 5GB. Please
    check the [supported file formats](https://docs.prolific.com/api-reference/submission-feedback-
    upload#supported-file-formats) section for more details.
    </Note>

    Args:
        filename (str): The name of the file you want to upload, including its extension (e.g.
            `participant_feedback.csv`).
        workspace_id (str): The ID of the Prolific workspace the feedback belongs to.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | GetSubmissionFeedbackUploadUrlResponse
    """

    return (
        await asyncio_detailed(
            filename=filename,
            client=client,
            workspace_id=workspace_id,
        )
    ).parsed
