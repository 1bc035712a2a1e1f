from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.batch_export_status_failed_status import (
    BatchExportStatusFailedStatus,
    check_batch_export_status_failed_status,
)

T = TypeVar("T", bound="BatchExportStatusFailed")


@_attrs_define
class BatchExportStatusFailed:
    """An export job that failed to generate, or whose archive has since been deleted. Re-send `POST
    /batches/{batch_id}/export` to retry. / An export job that failed to generate, or whose archive has since been
    deleted. Re-send `POST /collections/{collection_id}/export` to retry.

        Attributes:
            status (BatchExportStatusFailedStatus):
    """

    status: BatchExportStatusFailedStatus
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:

        status: str = self.status

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "status": status,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:

        d = dict(src_dict)
        status = check_batch_export_status_failed_status(d.pop("status"))

        batch_export_status_failed = cls(
            status=status,
        )

        batch_export_status_failed.additional_properties = d
        return batch_export_status_failed

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
