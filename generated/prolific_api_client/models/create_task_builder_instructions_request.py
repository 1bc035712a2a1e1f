from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.create_task_builder_instructions_request_instruction import (
        CreateTaskBuilderInstructionsRequestInstruction,
    )


T = TypeVar("T", bound="CreateTaskBuilderInstructionsRequest")


@_attrs_define
class CreateTaskBuilderInstructionsRequest:
    """
    Attributes:
        instructions (list[CreateTaskBuilderInstructionsRequestInstruction]): The instructions to create for the AI Task
            Builder batch.
    """

    instructions: list[CreateTaskBuilderInstructionsRequestInstruction]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        if not _lazy_imported:
            _import_lazy()

        instructions = []
        for instructions_item_data in self.instructions:
            instructions_item = instructions_item_data.to_dict()
            instructions.append(instructions_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "instructions": instructions,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if not _lazy_imported:
            _import_lazy()

        d = dict(src_dict)
        instructions = []
        _instructions = d.pop("instructions")
        for instructions_item_data in _instructions:
            instructions_item = CreateTaskBuilderInstructionsRequestInstruction.from_dict(instructions_item_data)

            instructions.append(instructions_item)

        create_task_builder_instructions_request = cls(
            instructions=instructions,
        )

        create_task_builder_instructions_request.additional_properties = d
        return create_task_builder_instructions_request

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
    global _lazy_imported, CreateTaskBuilderInstructionsRequestInstruction
    from ..models.create_task_builder_instructions_request_instruction import (
        CreateTaskBuilderInstructionsRequestInstruction,  # noqa: PLC0415
    )

    _lazy_imported = True
