from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.dataset_schema_fields import DatasetSchemaFields


T = TypeVar("T", bound="DatasetSchema")


@_attrs_define
class DatasetSchema:
    """A researcher-defined schema that specifies the fields in a V4 dataset. Each field has a type that determines how it
    is rendered to participants and how it can be referenced in `batch_items`.

    Constraints:
    - Maximum 200 fields per schema.
    - Field keys: 1–128 characters.
    - Field labels: maximum 255 characters.

        Attributes:
            strict (bool): When `true`, records that are missing any field defined in the schema are rejected during import.
                When `false`, missing fields are allowed and treated as absent.
            fields (DatasetSchemaFields): A map of field key to field descriptor. The key is used to reference the field in
                `batch_items` (`dataset_field` items) and in JSONL records.
    """

    strict: bool
    fields: DatasetSchemaFields
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        if not _lazy_imported:
            _import_lazy()

        strict = self.strict

        fields = self.fields.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "strict": strict,
                "fields": fields,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if not _lazy_imported:
            _import_lazy()

        d = dict(src_dict)
        strict = d.pop("strict")

        fields = DatasetSchemaFields.from_dict(d.pop("fields"))

        dataset_schema = cls(
            strict=strict,
            fields=fields,
        )

        dataset_schema.additional_properties = d
        return dataset_schema

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


_lazy_imported = False


def _import_lazy() -> None:
    global _lazy_imported, DatasetSchemaFields
    from ..models.dataset_schema_fields import DatasetSchemaFields  # noqa: PLC0415

    _lazy_imported = True
