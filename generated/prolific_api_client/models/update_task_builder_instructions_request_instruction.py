from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.collection_instruction_input_type import (
    CollectionInstructionInputType,
    check_collection_instruction_input_type,
)
from ..models.collection_instruction_input_unit_position import (
    CollectionInstructionInputUnitPosition,
    check_collection_instruction_input_unit_position,
)
from ..types import UNSET, Unset, whole_number

if TYPE_CHECKING:
    from ..models.collection_instruction_input_unit_option import (
        CollectionInstructionInputUnitOption,
    )
    from ..models.instruction_option_input import InstructionOptionInput
    from ..models.validation_rule import ValidationRule


T = TypeVar("T", bound="UpdateTaskBuilderInstructionsRequestInstruction")


@_attrs_define
class UpdateTaskBuilderInstructionsRequestInstruction:
    """
    Attributes:
        type_ (CollectionInstructionInputType): The type of instruction.
        description (str): The question or prompt displayed to participants.
        id (UUID | Unset): Include to preserve an existing instruction.
        helper_text (str | Unset): Additional guidance text displayed below the question.
        placeholder_text_input (str | Unset): Placeholder text displayed in the input field.
        answer_limit (int | Unset): Number of options that can be selected (required for multiple_choice and
            multiple_choice_with_free_text). Use 1 for single-select, -1 for unlimited.
        disable_dropdown (bool | Unset): When true, always renders checkbox/radio elements instead of a dropdown select.
            Default: False.
        options (list[InstructionOptionInput] | Unset): The options (required for multiple_choice and
            multiple_choice_with_free_text).
        unit_options (list[CollectionInstructionInputUnitOption] | Unset): The unit options (required for
            free_text_with_unit). List of available units that participants can select from.
        default_unit (str | Unset): For free_text_with_unit. Default selected unit (must match a value from
            unit_options).
        unit_position (CollectionInstructionInputUnitPosition | Unset): Position of the unit selector relative to the
            text input. Use 'prefix' for units before the input (e.g., currency symbols) or 'suffix' for units after the
            input (e.g., measurements). / Required for free_text_with_unit. Position of the unit selector relative to the
            text input. Use 'prefix' for units before the input (e.g., currency symbols) or 'suffix' for units after the
            input (e.g., measurements). / Position of the unit selector relative to the text input. / Required for
            free_text_with_unit. Position of the unit selector relative to the text input.
        validation (ValidationRule | Unset): Optional validation constraints for input values
    """

    type_: CollectionInstructionInputType
    description: str
    id: UUID | Unset = UNSET
    helper_text: str | Unset = UNSET
    placeholder_text_input: str | Unset = UNSET
    answer_limit: int | Unset = UNSET
    disable_dropdown: bool | Unset = False
    options: list[InstructionOptionInput] | Unset = UNSET
    unit_options: list[CollectionInstructionInputUnitOption] | Unset = UNSET
    default_unit: str | Unset = UNSET
    unit_position: CollectionInstructionInputUnitPosition | Unset = UNSET
    validation: ValidationRule | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        if not _lazy_imported:
            _import_lazy()

        type_: str = self.type_

        description = self.description

        id: str | Unset = UNSET
        if not isinstance(self.id, Unset):
            id = str(self.id)

        helper_text = self.helper_text

        placeholder_text_input = self.placeholder_text_input

        answer_limit = self.answer_limit

        disable_dropdown = self.disable_dropdown

        options: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.options, Unset):
            options = []
            for options_item_data in self.options:
                options_item = options_item_data.to_dict()
                options.append(options_item)

        unit_options: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.unit_options, Unset):
            unit_options = []
            for unit_options_item_data in self.unit_options:
                unit_options_item = unit_options_item_data.to_dict()
                unit_options.append(unit_options_item)

        default_unit = self.default_unit

        unit_position: str | Unset = UNSET
        if not isinstance(self.unit_position, Unset):
            unit_position = self.unit_position

        validation: dict[str, Any] | Unset = UNSET
        if not isinstance(self.validation, Unset):
            validation = self.validation.to_dict()

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
        if placeholder_text_input is not UNSET:
            field_dict["placeholder_text_input"] = placeholder_text_input
        if answer_limit is not UNSET:
            field_dict["answer_limit"] = answer_limit
        if disable_dropdown is not UNSET:
            field_dict["disable_dropdown"] = disable_dropdown
        if options is not UNSET:
            field_dict["options"] = options
        if unit_options is not UNSET:
            field_dict["unit_options"] = unit_options
        if default_unit is not UNSET:
            field_dict["default_unit"] = default_unit
        if unit_position is not UNSET:
            field_dict["unit_position"] = unit_position
        if validation is not UNSET:
            field_dict["validation"] = validation

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if not _lazy_imported:
            _import_lazy()

        d = dict(src_dict)
        type_ = check_collection_instruction_input_type(d.pop("type"))

        description = d.pop("description")

        _id = d.pop("id", UNSET)
        id: UUID | Unset
        if isinstance(_id, Unset):
            id = UNSET
        else:
            id = UUID(_id)

        helper_text = d.pop("helper_text", UNSET)

        placeholder_text_input = d.pop("placeholder_text_input", UNSET)

        answer_limit = whole_number(d.pop("answer_limit", UNSET))

        disable_dropdown = d.pop("disable_dropdown", UNSET)

        _options = d.pop("options", UNSET)
        options: list[InstructionOptionInput] | Unset = UNSET
        if _options is not UNSET:
            options = []
            for options_item_data in _options:
                options_item = InstructionOptionInput.from_dict(options_item_data)

                options.append(options_item)

        _unit_options = d.pop("unit_options", UNSET)
        unit_options: list[CollectionInstructionInputUnitOption] | Unset = UNSET
        if _unit_options is not UNSET:
            unit_options = []
            for unit_options_item_data in _unit_options:
                unit_options_item = CollectionInstructionInputUnitOption.from_dict(unit_options_item_data)

                unit_options.append(unit_options_item)

        default_unit = d.pop("default_unit", UNSET)

        _unit_position = d.pop("unit_position", UNSET)
        unit_position: CollectionInstructionInputUnitPosition | Unset
        if isinstance(_unit_position, Unset):
            unit_position = UNSET
        else:
            unit_position = check_collection_instruction_input_unit_position(_unit_position)

        _validation = d.pop("validation", UNSET)
        validation: ValidationRule | Unset
        if isinstance(_validation, Unset):
            validation = UNSET
        else:
            validation = ValidationRule.from_dict(_validation)

        update_task_builder_instructions_request_instruction = cls(
            type_=type_,
            description=description,
            id=id,
            helper_text=helper_text,
            placeholder_text_input=placeholder_text_input,
            answer_limit=answer_limit,
            disable_dropdown=disable_dropdown,
            options=options,
            unit_options=unit_options,
            default_unit=default_unit,
            unit_position=unit_position,
            validation=validation,
        )

        update_task_builder_instructions_request_instruction.additional_properties = d
        return update_task_builder_instructions_request_instruction

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
    global _lazy_imported, CollectionInstructionInputUnitOption, InstructionOptionInput, ValidationRule
    from ..models.collection_instruction_input_unit_option import (
        CollectionInstructionInputUnitOption,  # noqa: PLC0415
    )
    from ..models.instruction_option_input import InstructionOptionInput  # noqa: PLC0415
    from ..models.validation_rule import ValidationRule  # noqa: PLC0415

    _lazy_imported = True
