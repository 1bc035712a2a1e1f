from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.get_dataset_upload_url_response_http_method import (
    GetDatasetUploadUrlResponseHttpMethod,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="GetDatasetUploadUrlResponse")


@_attrs_define
class GetDatasetUploadUrlResponse:
    """
    Attributes:
        dataset_id (UUID): The ID of the dataset the upload URL was requested for.
        upload_url (str): Presigned S3 URL. Make a PUT request to this URL with your file as the body.
        http_method (GetDatasetUploadUrlResponseHttpMethod | str): HTTP method to use with the presigned URL.
        content_type (str): The `Content-Type` header value to use when making the S3 PUT request.
            Use this value exactly — e.g. `application/x-ndjson` for JSONL files.
        expires_at (datetime.datetime): When the presigned URL expires (ISO 8601, UTC). The URL cannot be used after
            this time.
        file_key (str | Unset): The S3 object key for the uploaded file. Provided for reference only.
        import_id (UUID | Unset): Import job ID. **V4 datasets only.** Use with `GET
            /datasets/{dataset_id}/imports/{import_id}` to poll for upload and processing status.
    """

    dataset_id: UUID
    upload_url: str
    http_method: GetDatasetUploadUrlResponseHttpMethod | str
    content_type: str
    expires_at: datetime.datetime
    file_key: str | Unset = UNSET
    import_id: UUID | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:

        dataset_id = str(self.dataset_id)

        upload_url = self.upload_url

        http_method: str
        if isinstance(self.http_method, str):
            http_method = self.http_method
        else:
            http_method = self.http_method

        content_type = self.content_type

        expires_at = self.expires_at.isoformat()

        file_key = self.file_key

        import_id: str | Unset = UNSET
        if not isinstance(self.import_id, Unset):
            import_id = str(self.import_id)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "dataset_id": dataset_id,
                "upload_url": upload_url,
                "http_method": http_method,
                "content_type": content_type,
                "expires_at": expires_at,
            }
        )
        if file_key is not UNSET:
            field_dict["file_key"] = file_key
        if import_id is not UNSET:
            field_dict["import_id"] = import_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:

        d = dict(src_dict)
        dataset_id = UUID(d.pop("dataset_id"))

        upload_url = d.pop("upload_url")

        http_method = d.pop("http_method")

        content_type = d.pop("content_type")

        expires_at = datetime.datetime.fromisoformat(d.pop("expires_at"))

        file_key = d.pop("file_key", UNSET)

        _import_id = d.pop("import_id", UNSET)
        import_id: UUID | Unset
        if isinstance(_import_id, Unset):
            import_id = UNSET
        else:
            import_id = UUID(_import_id)

        get_dataset_upload_url_response = cls(
            dataset_id=dataset_id,
            upload_url=upload_url,
            http_method=http_method,
            content_type=content_type,
            expires_at=expires_at,
            file_key=file_key,
            import_id=import_id,
        )

        get_dataset_upload_url_response.additional_properties = d
        return get_dataset_upload_url_response

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
