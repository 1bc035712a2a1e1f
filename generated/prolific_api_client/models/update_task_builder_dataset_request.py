from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.dataset_schema import DatasetSchema


T = TypeVar("T", bound="UpdateTaskBuilderDatasetRequest")


@_attrs_define
class UpdateTaskBuilderDatasetRequest:
    """
    Attributes:
        schema (DatasetSchema): A researcher-defined schema that specifies the fields in a V4 dataset. Each field has a
            type that determines how it is rendered to participants and how it can be referenced in `batch_items`.

            Constraints:
            - Maximum 200 fields per schema.
            - Field keys: 1–128 characters.
            - Field labels: maximum 255 characters.
    """

    schema: DatasetSchema
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        if not _lazy_imported:
            _import_lazy()

        schema = self.schema.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "schema": schema,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if not _lazy_imported:
            _import_lazy()

        d = dict(src_dict)
        schema = DatasetSchema.from_dict(d.pop("schema"))

        update_task_builder_dataset_request = cls(
            schema=schema,
        )

        update_task_builder_dataset_request.additional_properties = d
        return update_task_builder_dataset_request

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
    global _lazy_imported, DatasetSchema
    from ..models.dataset_schema import DatasetSchema  # noqa: PLC0415

    _lazy_imported = True
