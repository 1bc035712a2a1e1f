from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.dataset_schema_field_type import (
    DatasetSchemaFieldType,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="DatasetSchemaField")


@_attrs_define
class DatasetSchemaField:
    """Descriptor for a single field in a dataset schema.

    Attributes:
        type_ (DatasetSchemaFieldType | str): Field type:
            - `text` — a text value shown to participants. Can be referenced by `dataset_field` items in `batch_items`.
            - `image_url` — a URL pointing to an image shown to participants. Can be referenced by `dataset_field` items in
            `batch_items`.
            - `metadata` — an internal value included in exports but not shown to participants (equivalent to the `META_`
            prefix in V3 CSV datasets).
            - `task_group_id` — groups datapoints into task groups. Rows with the same `task_group_id` value are assigned to
            the same participant. Equivalent to `META_TASK_GROUP_ID` in V3 CSV datasets. At most one field per schema may
            have this type.
        label (str | Unset): Optional human-readable label for the field, used in the participant interface.
    """

    type_: DatasetSchemaFieldType | str
    label: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:

        type_: str
        if isinstance(self.type_, str):
            type_ = self.type_
        else:
            type_ = self.type_

        label = self.label

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
            }
        )
        if label is not UNSET:
            field_dict["label"] = label

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:

        d = dict(src_dict)
        type_ = d.pop("type")

        label = d.pop("label", UNSET)

        dataset_schema_field = cls(
            type_=type_,
            label=label,
        )

        dataset_schema_field.additional_properties = d
        return dataset_schema_field

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
