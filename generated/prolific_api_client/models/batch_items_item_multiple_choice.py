from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.batch_items_multiple_choice_instruction_type import (
    BatchItemsMultipleChoiceInstructionType,
    check_batch_items_multiple_choice_instruction_type,
)
from ..types import UNSET, Unset, whole_number

if TYPE_CHECKING:
    from ..models.choice_option import ChoiceOption


T = TypeVar("T", bound="BatchItemsItemMultipleChoice")


@_attrs_define
class BatchItemsItemMultipleChoice:
    """Multiple-choice instruction.

    Attributes:
        type_ (BatchItemsMultipleChoiceInstructionType):
        description (str): The question or prompt displayed to participants.
        answer_limit (int): Number of options that can be selected. Use `1` for single-select, `-1` for unlimited, or
            any number up to the total options.
        options (list[ChoiceOption]):
        id (str | Unset): Server-assigned identifier; present on responses. Include to preserve an existing item when
            updating.
        helper_text (str | Unset):
        placeholder_text_input (str | Unset):
        disable_dropdown (bool | Unset): When true, always renders checkbox/radio elements instead of a dropdown select.
            Default: False.
    """

    type_: BatchItemsMultipleChoiceInstructionType
    description: str
    answer_limit: int
    options: list[ChoiceOption]
    id: str | Unset = UNSET
    helper_text: str | Unset = UNSET
    placeholder_text_input: str | Unset = UNSET
    disable_dropdown: bool | Unset = False
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        if not _lazy_imported:
            _import_lazy()

        type_: str = self.type_

        description = self.description

        answer_limit = self.answer_limit

        options = []
        for options_item_data in self.options:
            options_item = options_item_data.to_dict()
            options.append(options_item)

        id = self.id

        helper_text = self.helper_text

        placeholder_text_input = self.placeholder_text_input

        disable_dropdown = self.disable_dropdown

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "description": description,
                "answer_limit": answer_limit,
                "options": options,
            }
        )
        if id is not UNSET:
            field_dict["id"] = id
        if helper_text is not UNSET:
            field_dict["helper_text"] = helper_text
        if placeholder_text_input is not UNSET:
            field_dict["placeholder_text_input"] = placeholder_text_input
        if disable_dropdown is not UNSET:
            field_dict["disable_dropdown"] = disable_dropdown

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if not _lazy_imported:
            _import_lazy()

        d = dict(src_dict)
        type_ = check_batch_items_multiple_choice_instruction_type(d.pop("type"))

        description = d.pop("description")

        answer_limit = whole_number(d.pop("answer_limit"))

        options = []
        _options = d.pop("options")
        for options_item_data in _options:
            options_item = ChoiceOption.from_dict(options_item_data)

            options.append(options_item)

        id = d.pop("id", UNSET)

        helper_text = d.pop("helper_text", UNSET)

        placeholder_text_input = d.pop("placeholder_text_input", UNSET)

        disable_dropdown = d.pop("disable_dropdown", UNSET)

        batch_items_item_multiple_choice = cls(
            type_=type_,
            description=description,
            answer_limit=answer_limit,
            options=options,
            id=id,
            helper_text=helper_text,
            placeholder_text_input=placeholder_text_input,
            disable_dropdown=disable_dropdown,
        )

        batch_items_item_multiple_choice.additional_properties = d
        return batch_items_item_multiple_choice

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
    global _lazy_imported, ChoiceOption
    from ..models.choice_option import ChoiceOption  # noqa: PLC0415

    _lazy_imported = True
