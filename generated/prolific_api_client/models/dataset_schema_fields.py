from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.dataset_schema_field import DatasetSchemaField


T = TypeVar("T", bound="DatasetSchemaFields")


@_attrs_define
class DatasetSchemaFields:
    """A map of field key to field descriptor. The key is used to reference the field in `batch_items` (`dataset_field`
    items) and in JSONL records.

    """

    additional_properties: dict[str, DatasetSchemaField] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        if not _lazy_imported:
            _import_lazy()

        field_dict: dict[str, Any] = {}
        for prop_name, prop in self.additional_properties.items():
            field_dict[prop_name] = prop.to_dict()

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if not _lazy_imported:
            _import_lazy()

        d = dict(src_dict)
        dataset_schema_fields = cls()

        additional_properties = {}
        for prop_name, prop_dict in d.items():
            additional_property = DatasetSchemaField.from_dict(prop_dict)

            additional_properties[prop_name] = additional_property

        dataset_schema_fields.additional_properties = additional_properties
        return dataset_schema_fields

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> DatasetSchemaField:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: DatasetSchemaField) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties


_lazy_imported = False


def _import_lazy() -> None:
    global _lazy_imported, DatasetSchemaField
    from ..models.dataset_schema_field import DatasetSchemaField  # noqa: PLC0415

    _lazy_imported = True
