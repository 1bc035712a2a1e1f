from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.batch_export_complete_status import (
    BatchExportCompleteStatus,
    check_batch_export_complete_status,
)

T = TypeVar("T", bound="BatchExportComplete")


@_attrs_define
class BatchExportComplete:
    """An export job that has completed successfully. The ZIP archive is ready to download.

    Attributes:
        status (BatchExportCompleteStatus):
        url (str): Presigned HTTPS URL for downloading the ZIP archive. Valid for 1 hour. Re-poll to get a refreshed URL
            if expired.
        expires_at (datetime.datetime): ISO 8601 timestamp indicating when the presigned URL expires.
    """

    status: BatchExportCompleteStatus
    url: str
    expires_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:

        status: str = self.status

        url = self.url

        expires_at = self.expires_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "status": status,
                "url": url,
                "expires_at": expires_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:

        d = dict(src_dict)
        status = check_batch_export_complete_status(d.pop("status"))

        url = d.pop("url")

        expires_at = datetime.datetime.fromisoformat(d.pop("expires_at"))

        batch_export_complete = cls(
            status=status,
            url=url,
            expires_at=expires_at,
        )

        batch_export_complete.additional_properties = d
        return batch_export_complete

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
