from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.get_dataset_upload_url_response import GetDatasetUploadUrlResponse
from ...types import Response


def _get_kwargs(
    dataset_id: str,
    filename: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/data-collection/datasets/{dataset_id}/upload-url/{filename}".format(
            dataset_id=quote(str(dataset_id), safe=""),
            filename=quote(str(filename), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | GetDatasetUploadUrlResponse | None:
    if response.status_code == 201:
        response_201 = GetDatasetUploadUrlResponse.from_dict(response.json())

        return response_201

    if response.status_code == 400:
        response_400 = Error.from_dict(response.json())

        return response_400

    if response.status_code == 403:
        response_403 = Error.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = Error.from_dict(response.json())

        return response_404

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
) -> Response[Error | GetDatasetUploadUrlResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    dataset_id: str,
    filename: str,
    *,
    client: AuthenticatedClient,
) -> Response[Error | GetDatasetUploadUrlResponse]:
    """Get Dataset Upload URL

     Generates a presigned S3 URL for uploading a file to the dataset. Use the returned URL to PUT the
    file directly to S3.

    **V3 datasets** (CSV/ZIP): returns `upload_url` and `http_method`. After the upload completes, poll
    `GET /datasets/{dataset_id}/status` for processing status.

    **V4 datasets** (JSONL/CSV): additionally returns `import_id`. After the upload completes, poll `GET
    /datasets/{dataset_id}/imports/{import_id}` for per-upload status. Multiple upload URLs can be
    requested before any upload completes — each creates a distinct import job and S3 key.

    Supported file types:
    - V3: `.csv`, `.zip`
    - V4: `.csv`, `.jsonl`

    Args:
        dataset_id (str): The ID of the dataset to upload files to
        filename (str): The name of the file to upload (e.g. `data.jsonl`)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | GetDatasetUploadUrlResponse]
    """

    kwargs = _get_kwargs(
        dataset_id=dataset_id,
        filename=filename,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    dataset_id: str,
    filename: str,
    *,
    client: AuthenticatedClient,
) -> Error | GetDatasetUploadUrlResponse | None:
    """Get Dataset Upload URL

     Generates a presigned S3 URL for uploading a file to the dataset. Use the returned URL to PUT the
    file directly to S3.

    **V3 datasets** (CSV/ZIP): returns `upload_url` and `http_method`. After the upload completes, poll
    `GET /datasets/{dataset_id}/status` for processing status.

    **V4 datasets** (JSONL/CSV): additionally returns `import_id`. After the upload completes, poll `GET
    /datasets/{dataset_id}/imports/{import_id}` for per-upload status. Multiple upload URLs can be
    requested before any upload completes — each creates a distinct import job and S3 key.

    Supported file types:
    - V3: `.csv`, `.zip`
    - V4: `.csv`, `.jsonl`

    Args:
        dataset_id (str): The ID of the dataset to upload files to
        filename (str): The name of the file to upload (e.g. `data.jsonl`)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | GetDatasetUploadUrlResponse
    """

    return sync_detailed(
        dataset_id=dataset_id,
        filename=filename,
        client=client,
    ).parsed


async def asyncio_detailed(
    dataset_id: str,
    filename: str,
    *,
    client: AuthenticatedClient,
) -> Response[Error | GetDatasetUploadUrlResponse]:
    """Get Dataset Upload URL

     Generates a presigned S3 URL for uploading a file to the dataset. Use the returned URL to PUT the
    file directly to S3.

    **V3 datasets** (CSV/ZIP): returns `upload_url` and `http_method`. After the upload completes, poll
    `GET /datasets/{dataset_id}/status` for processing status.

    **V4 datasets** (JSONL/CSV): additionally returns `import_id`. After the upload completes, poll `GET
    /datasets/{dataset_id}/imports/{import_id}` for per-upload status. Multiple upload URLs can be
    requested before any upload completes — each creates a distinct import job and S3 key.

    Supported file types:
    - V3: `.csv`, `.zip`
    - V4: `.csv`, `.jsonl`

    Args:
        dataset_id (str): The ID of the dataset to upload files to
        filename (str): The name of the file to upload (e.g. `data.jsonl`)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | GetDatasetUploadUrlResponse]
    """

    kwargs = _get_kwargs(
        dataset_id=dataset_id,
        filename=filename,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    dataset_id: str,
    filename: str,
    *,
    client: AuthenticatedClient,
) -> Error | GetDatasetUploadUrlResponse | None:
    """Get Dataset Upload URL

     Generates a presigned S3 URL for uploading a file to the dataset. Use the returned URL to PUT the
    file directly to S3.

    **V3 datasets** (CSV/ZIP): returns `upload_url` and `http_method`. After the upload completes, poll
    `GET /datasets/{dataset_id}/status` for processing status.

    **V4 datasets** (JSONL/CSV): additionally returns `import_id`. After the upload completes, poll `GET
    /datasets/{dataset_id}/imports/{import_id}` for per-upload status. Multiple upload URLs can be
    requested before any upload completes — each creates a distinct import job and S3 key.

    Supported file types:
    - V3: `.csv`, `.zip`
    - V4: `.csv`, `.jsonl`

    Args:
        dataset_id (str): The ID of the dataset to upload files to
        filename (str): The name of the file to upload (e.g. `data.jsonl`)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | GetDatasetUploadUrlResponse
    """

    return (
        await asyncio_detailed(
            dataset_id=dataset_id,
            filename=filename,
            client=client,
        )
    ).parsed
