from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.collection_free_text_instruction_parent_type import (
    CollectionFreeTextInstructionParentType,
)
from ..models.dataset_import_job_type import (
    DatasetImportJobType,
    check_dataset_import_job_type,
)
from ..types import UNSET, Unset, whole_number

T = TypeVar("T", bound="TaskBuilderFileUploadInstruction")


@_attrs_define
class TaskBuilderFileUploadInstruction:
    """file_upload variant

    Attributes:
        type_ (DatasetImportJobType): The type of import. Currently always `file_upload`.
        id (UUID):
        created_at (datetime.datetime):
        parent_id (UUID): ID of the parent batch or collection
        parent_type (CollectionFreeTextInstructionParentType | str):
        created_by (str):
        description (str): The prompt describing what to upload
        helper_text (str | Unset): Additional guidance text displayed below the question
        placeholder_text_input (str | Unset): Placeholder text displayed in the input field
        accepted_file_types (list[str] | Unset): File extensions to accept (e.g., [".jpg", ".png", ".pdf"]). Each
            extension must start with a dot. Defaults to [".jpg", ".jpeg", ".png", ".heic", ".heif"] if not specified.
        max_file_size_mb (float | Unset): Maximum file size in megabytes per file. Must be a positive number. Defaults
            to 25.
        min_file_count (int | Unset): Minimum number of files required. Must be at least 1. Defaults to 1.
        max_file_count (int | Unset): Maximum number of files allowed. Must be at least 1 and greater than or equal to
            min_file_count. Defaults to 10.
    """

    type_: DatasetImportJobType
    id: UUID
    created_at: datetime.datetime
    parent_id: UUID
    parent_type: CollectionFreeTextInstructionParentType | str
    created_by: str
    description: str
    helper_text: str | Unset = UNSET
    placeholder_text_input: str | Unset = UNSET
    accepted_file_types: list[str] | Unset = UNSET
    max_file_size_mb: float | Unset = UNSET
    min_file_count: int | Unset = UNSET
    max_file_count: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:

        type_: str = self.type_

        id = str(self.id)

        created_at = self.created_at.isoformat()

        parent_id = str(self.parent_id)

        parent_type: str
        if isinstance(self.parent_type, str):
            parent_type = self.parent_type
        else:
            parent_type = self.parent_type

        created_by = self.created_by

        description = self.description

        helper_text = self.helper_text

        placeholder_text_input = self.placeholder_text_input

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
                "id": id,
                "created_at": created_at,
                "parent_id": parent_id,
                "parent_type": parent_type,
                "created_by": created_by,
                "description": description,
            }
        )
        if helper_text is not UNSET:
            field_dict["helper_text"] = helper_text
        if placeholder_text_input is not UNSET:
            field_dict["placeholder_text_input"] = placeholder_text_input
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

        id = UUID(d.pop("id"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        parent_id = UUID(d.pop("parent_id"))

        parent_type = d.pop("parent_type")

        created_by = d.pop("created_by")

        description = d.pop("description")

        helper_text = d.pop("helper_text", UNSET)

        placeholder_text_input = d.pop("placeholder_text_input", UNSET)

        accepted_file_types = cast(list[str], d.pop("accepted_file_types", UNSET))

        max_file_size_mb = d.pop("max_file_size_mb", UNSET)

        min_file_count = whole_number(d.pop("min_file_count", UNSET))

        max_file_count = whole_number(d.pop("max_file_count", UNSET))

        task_builder_file_upload_instruction = cls(
            type_=type_,
            id=id,
            created_at=created_at,
            parent_id=parent_id,
            parent_type=parent_type,
            created_by=created_by,
            description=description,
            helper_text=helper_text,
            placeholder_text_input=placeholder_text_input,
            accepted_file_types=accepted_file_types,
            max_file_size_mb=max_file_size_mb,
            min_file_count=min_file_count,
            max_file_count=max_file_count,
        )

        task_builder_file_upload_instruction.additional_properties = d
        return task_builder_file_upload_instruction

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
