from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.batch_items_dataset_field_ref_type import (
    BatchItemsDatasetFieldRefType,
    check_batch_items_dataset_field_ref_type,
)

T = TypeVar("T", bound="BatchItemsItemDatasetField")


@_attrs_define
class BatchItemsItemDatasetField:
    """References a field in the batch's attached dataset. At task time, the dataset value
    for the current datapoint is rendered at this position. Only dataset schema fields of
    type `text` or `image_url` are permitted, and the same field may not be referenced more
    than once on the same page.

        Attributes:
            type_ (BatchItemsDatasetFieldRefType):
            field (str): Name of the dataset schema field to reference.
    """

    type_: BatchItemsDatasetFieldRefType
    field: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:

        type_: str = self.type_

        field = self.field

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "field": field,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:

        d = dict(src_dict)
        type_ = check_batch_items_dataset_field_ref_type(d.pop("type"))

        field = d.pop("field")

        batch_items_item_dataset_field = cls(
            type_=type_,
            field=field,
        )

        batch_items_item_dataset_field.additional_properties = d
        return batch_items_item_dataset_field

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
