from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="DuplicateTaskBuilderBatchRequest")


@_attrs_define
class DuplicateTaskBuilderBatchRequest:
    """
    Attributes:
        name (str | Unset): Optional name for the duplicated batch. If not provided, a default name will be generated.
        upload_new_dataset (bool | Unset): If true, creates the batch without copying the dataset (user must upload a
            new one). If false or omitted, duplicates with the existing dataset. Default: False.
    """

    name: str | Unset = UNSET
    upload_new_dataset: bool | Unset = False
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:

        name = self.name

        upload_new_dataset = self.upload_new_dataset

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name
        if upload_new_dataset is not UNSET:
            field_dict["upload_new_dataset"] = upload_new_dataset

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:

        d = dict(src_dict)
        name = d.pop("name", UNSET)

        upload_new_dataset = d.pop("upload_new_dataset", UNSET)

        duplicate_task_builder_batch_request = cls(
            name=name,
            upload_new_dataset=upload_new_dataset,
        )

        duplicate_task_builder_batch_request.additional_properties = d
        return duplicate_task_builder_batch_request

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
