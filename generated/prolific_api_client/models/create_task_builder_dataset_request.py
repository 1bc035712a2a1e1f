from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.dataset_schema import DatasetSchema


T = TypeVar("T", bound="CreateTaskBuilderDatasetRequest")


@_attrs_define
class CreateTaskBuilderDatasetRequest:
    """
    Attributes:
        name (str): The name or identifier of the AI Task Builder dataset.
        workspace_id (str): The ID of the Prolific workspace the dataset will be created in.
        schema (DatasetSchema | Unset): A researcher-defined schema that specifies the fields in a V4 dataset. Each
            field has a type that determines how it is rendered to participants and how it can be referenced in
            `batch_items`.

            Constraints:
            - Maximum 200 fields per schema.
            - Field keys: 1–128 characters.
            - Field labels: maximum 255 characters.
    """

    name: str
    workspace_id: str
    schema: DatasetSchema | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        if not _lazy_imported:
            _import_lazy()

        name = self.name

        workspace_id = self.workspace_id

        schema: dict[str, Any] | Unset = UNSET
        if not isinstance(self.schema, Unset):
            schema = self.schema.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "workspace_id": workspace_id,
            }
        )
        if schema is not UNSET:
            field_dict["schema"] = schema

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if not _lazy_imported:
            _import_lazy()

        d = dict(src_dict)
        name = d.pop("name")

        workspace_id = d.pop("workspace_id")

        _schema = d.pop("schema", UNSET)
        schema: DatasetSchema | Unset
        if isinstance(_schema, Unset):
            schema = UNSET
        else:
            schema = DatasetSchema.from_dict(_schema)

        create_task_builder_dataset_request = cls(
            name=name,
            workspace_id=workspace_id,
            schema=schema,
        )

        create_task_builder_dataset_request.additional_properties = d
        return create_task_builder_dataset_request

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
