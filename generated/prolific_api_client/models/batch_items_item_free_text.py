from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.batch_items_free_text_instruction_type import (
    BatchItemsFreeTextInstructionType,
    check_batch_items_free_text_instruction_type,
)
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.validation_rule import ValidationRule


T = TypeVar("T", bound="BatchItemsItemFreeText")


@_attrs_define
class BatchItemsItemFreeText:
    """Free-text input instruction.

    Attributes:
        type_ (BatchItemsFreeTextInstructionType):
        description (str): The question or prompt displayed to participants.
        id (str | Unset): Server-assigned identifier; present on responses. Include to preserve an existing item when
            updating.
        helper_text (str | Unset): Additional guidance text displayed below the question.
        placeholder_text_input (str | Unset): Placeholder text displayed in the input field.
        validation (ValidationRule | Unset): Optional validation constraints for input values
    """

    type_: BatchItemsFreeTextInstructionType
    description: str
    id: str | Unset = UNSET
    helper_text: str | Unset = UNSET
    placeholder_text_input: str | Unset = UNSET
    validation: ValidationRule | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        if not _lazy_imported:
            _import_lazy()

        type_: str = self.type_

        description = self.description

        id = self.id

        helper_text = self.helper_text

        placeholder_text_input = self.placeholder_text_input

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
        if validation is not UNSET:
            field_dict["validation"] = validation

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if not _lazy_imported:
            _import_lazy()

        d = dict(src_dict)
        type_ = check_batch_items_free_text_instruction_type(d.pop("type"))

        description = d.pop("description")

        id = d.pop("id", UNSET)

        helper_text = d.pop("helper_text", UNSET)

        placeholder_text_input = d.pop("placeholder_text_input", UNSET)

        _validation = d.pop("validation", UNSET)
        validation: ValidationRule | Unset
        if isinstance(_validation, Unset):
            validation = UNSET
        else:
            validation = ValidationRule.from_dict(_validation)

        batch_items_item_free_text = cls(
            type_=type_,
            description=description,
            id=id,
            helper_text=helper_text,
            placeholder_text_input=placeholder_text_input,
            validation=validation,
        )

        batch_items_item_free_text.additional_properties = d
        return batch_items_item_free_text

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
    global _lazy_imported, ValidationRule
    from ..models.validation_rule import ValidationRule  # noqa: PLC0415

    _lazy_imported = True
