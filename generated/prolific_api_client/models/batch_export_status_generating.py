from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.batch_export_status_generating_status import (
    BatchExportStatusGeneratingStatus,
    check_batch_export_status_generating_status,
)

T = TypeVar("T", bound="BatchExportStatusGenerating")


@_attrs_define
class BatchExportStatusGenerating:
    """An export job that has been enqueued and is currently being generated.

    Attributes:
        status (BatchExportStatusGeneratingStatus):
        export_id (UUID): The export job ID. Use this with `GET /batches/{batch_id}/export/{export_id}` to poll for
            status. / The export job ID. Use this with `GET /collections/{collection_id}/export/{export_id}` to poll for
            status.
    """

    status: BatchExportStatusGeneratingStatus
    export_id: UUID
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:

        status: str = self.status

        export_id = str(self.export_id)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "status": status,
                "export_id": export_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:

        d = dict(src_dict)
        status = check_batch_export_status_generating_status(d.pop("status"))

        export_id = UUID(d.pop("export_id"))

        batch_export_status_generating = cls(
            status=status,
            export_id=export_id,
        )

        batch_export_status_generating.additional_properties = d
        return batch_export_status_generating

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
