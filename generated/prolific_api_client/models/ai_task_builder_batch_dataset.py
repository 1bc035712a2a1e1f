from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import whole_number

T = TypeVar("T", bound="AiTaskBuilderBatchDataset")


@_attrs_define
class AiTaskBuilderBatchDataset:
    """
    Attributes:
        id (UUID):
        total_datapoint_count (int):
        filename (str): The filename of the dataset
    """

    id: UUID
    total_datapoint_count: int
    filename: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:

        id = str(self.id)

        total_datapoint_count = self.total_datapoint_count

        filename = self.filename

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "total_datapoint_count": total_datapoint_count,
                "filename": filename,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        total_datapoint_count = whole_number(d.pop("total_datapoint_count"))

        filename = d.pop("filename")

        ai_task_builder_batch_dataset = cls(
            id=id,
            total_datapoint_count=total_datapoint_count,
            filename=filename,
        )

        ai_task_builder_batch_dataset.additional_properties = d
        return ai_task_builder_batch_dataset

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
