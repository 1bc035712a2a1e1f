from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.ai_task_builder_batch_status import (
    AiTaskBuilderBatchStatus,
)

T = TypeVar("T", bound="GetTaskBuilderBatchStatusResponse")


@_attrs_define
class GetTaskBuilderBatchStatusResponse:
    """
    Attributes:
        status (AiTaskBuilderBatchStatus | str): The status of the Batch - one of 'UNINITIALISED', 'PROCESSING',
            'READY', 'ERROR' / The status of the Dataset - one of 'UNINITIALISED', 'PROCESSING', 'READY', 'ERROR'
    """

    status: AiTaskBuilderBatchStatus | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:

        status: str
        if isinstance(self.status, str):
            status = self.status
        else:
            status = self.status

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
        status = d.pop("status")

        get_task_builder_batch_status_response = cls(
            status=status,
        )

        get_task_builder_batch_status_response.additional_properties = d
        return get_task_builder_batch_status_response

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
