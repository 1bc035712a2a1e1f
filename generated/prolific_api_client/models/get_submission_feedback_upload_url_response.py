from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.get_dataset_upload_url_response_http_method import (
    GetDatasetUploadUrlResponseHttpMethod,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="GetSubmissionFeedbackUploadUrlResponse")


@_attrs_define
class GetSubmissionFeedbackUploadUrlResponse:
    """
    Attributes:
        upload_url (str | Unset): The temporary, pre-signed URL to upload your file to with an HTTP `PUT` request.
        http_method (GetDatasetUploadUrlResponseHttpMethod | str | Unset): The HTTP method to use when uploading to
            `upload_url`.
        expires_at (datetime.datetime | Unset): The time at which the pre-signed `upload_url` expires.
    """

    upload_url: str | Unset = UNSET
    http_method: GetDatasetUploadUrlResponseHttpMethod | str | Unset = UNSET
    expires_at: datetime.datetime | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:

        upload_url = self.upload_url

        http_method: str | Unset
        if isinstance(self.http_method, Unset):
            http_method = UNSET
        elif isinstance(self.http_method, str):
            http_method = self.http_method
        else:
            http_method = self.http_method

        expires_at: str | Unset = UNSET
        if not isinstance(self.expires_at, Unset):
            expires_at = self.expires_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if upload_url is not UNSET:
            field_dict["upload_url"] = upload_url
        if http_method is not UNSET:
            field_dict["http_method"] = http_method
        if expires_at is not UNSET:
            field_dict["expires_at"] = expires_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:

        d = dict(src_dict)
        upload_url = d.pop("upload_url", UNSET)

        http_method = d.pop("http_method", UNSET)

        _expires_at = d.pop("expires_at", UNSET)
        expires_at: datetime.datetime | Unset
        if isinstance(_expires_at, Unset):
            expires_at = UNSET
        else:
            expires_at = datetime.datetime.fromisoformat(_expires_at)

        get_submission_feedback_upload_url_response = cls(
            upload_url=upload_url,
            http_method=http_method,
            expires_at=expires_at,
        )

        get_submission_feedback_upload_url_response.additional_properties = d
        return get_submission_feedback_upload_url_response

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
