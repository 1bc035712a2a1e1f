from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.get_task_builder_batch_report_response_http_method import (
    GetTaskBuilderBatchReportResponseHttpMethod,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="GetTaskBuilderBatchReportResponse")


@_attrs_define
class GetTaskBuilderBatchReportResponse:
    """
    Attributes:
        url (str | Unset): Presigned URL to download the CSV report
        expires_at (datetime.datetime | Unset): When the presigned URL expires
        http_method (GetTaskBuilderBatchReportResponseHttpMethod | str | Unset): HTTP method to use with the presigned
            URL
    """

    url: str | Unset = UNSET
    expires_at: datetime.datetime | Unset = UNSET
    http_method: GetTaskBuilderBatchReportResponseHttpMethod | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:

        url = self.url

        expires_at: str | Unset = UNSET
        if not isinstance(self.expires_at, Unset):
            expires_at = self.expires_at.isoformat()

        http_method: str | Unset
        if isinstance(self.http_method, Unset):
            http_method = UNSET
        elif isinstance(self.http_method, str):
            http_method = self.http_method
        else:
            http_method = self.http_method

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if url is not UNSET:
            field_dict["url"] = url
        if expires_at is not UNSET:
            field_dict["expires_at"] = expires_at
        if http_method is not UNSET:
            field_dict["http_method"] = http_method

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:

        d = dict(src_dict)
        url = d.pop("url", UNSET)

        _expires_at = d.pop("expires_at", UNSET)
        expires_at: datetime.datetime | Unset
        if isinstance(_expires_at, Unset):
            expires_at = UNSET
        else:
            expires_at = datetime.datetime.fromisoformat(_expires_at)

        http_method = d.pop("http_method", UNSET)

        get_task_builder_batch_report_response = cls(
            url=url,
            expires_at=expires_at,
            http_method=http_method,
        )

        get_task_builder_batch_report_response.additional_properties = d
        return get_task_builder_batch_report_response

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
