from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.dataset_import_job_type import (
    DatasetImportJobType,
    check_dataset_import_job_type,
)
from ..types import UNSET, Unset, whole_number

T = TypeVar("T", bound="BatchItemsItemFileUpload")


@_attrs_define
class BatchItemsItemFileUpload:
    """File upload instruction.

    Attributes:
        type_ (DatasetImportJobType): The type of import. Currently always `file_upload`.
        description (str):
        id (str | Unset): Server-assigned identifier; present on responses. Include to preserve an existing item when
            updating.
        helper_text (str | Unset):
        accepted_file_types (list[str] | Unset): File extensions to accept (each must start with a dot, e.g. `.jpg`).
            Defaults to `[".jpg", ".jpeg", ".png", ".heic", ".heif"]`.
        max_file_size_mb (float | Unset): Maximum size in megabytes per file. Defaults to 25.
        min_file_count (int | Unset): Minimum number of files required. Defaults to 1.
        max_file_count (int | Unset): Maximum number of files allowed. Defaults to 10. Must be greater than or equal to
            `min_file_count`.
    """

    type_: DatasetImportJobType
    description: str
    id: str | Unset = UNSET
    helper_text: str | Unset = UNSET
    accepted_file_types: list[str] | Unset = UNSET
    max_file_size_mb: float | Unset = UNSET
    min_file_count: int | Unset = UNSET
    max_file_count: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:

        type_: str = self.type_

        description = self.description

        id = self.id

        helper_text = self.helper_text

        accepted_file_types: list[str] | Unset = UNSET
        if not isinstance(self.accepted_file_types, Unset):
            accepted_file_types = self.accepted_file_types

        max_file_size_mb = self.max_file_size_mb

        min_file_count = self.min_file_count

        max_file_count = self.max_file_count

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "description": description,
            }
        )
        if id is not UNSET:
            field_dict["id"] = id
        if helper_text is not UNSET:
            field_dict["helper_text"] = helper_text
        if accepted_file_types is not UNSET:
            field_dict["accepted_file_types"] = accepted_file_types
        if max_file_size_mb is not UNSET:
            field_dict["max_file_size_mb"] = max_file_size_mb
        if min_file_count is not UNSET:
            field_dict["min_file_count"] = min_file_count
        if max_file_count is not UNSET:
            field_dict["max_file_count"] = max_file_count

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:

        d = dict(src_dict)
        type_ = check_dataset_import_job_type(d.pop("type"))

        description = d.pop("description")

        id = d.pop("id", UNSET)

        helper_text = d.pop("helper_text", UNSET)

        accepted_file_types = cast(list[str], d.pop("accepted_file_types", UNSET))

        max_file_size_mb = d.pop("max_file_size_mb", UNSET)

        min_file_count = whole_number(d.pop("min_file_count", UNSET))

        max_file_count = whole_number(d.pop("max_file_count", UNSET))

        batch_items_item_file_upload = cls(
            type_=type_,
            description=description,
            id=id,
            helper_text=helper_text,
            accepted_file_types=accepted_file_types,
            max_file_size_mb=max_file_size_mb,
            min_file_count=min_file_count,
            max_file_count=max_file_count,
        )

        batch_items_item_file_upload.additional_properties = d
        return batch_items_item_file_upload

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
