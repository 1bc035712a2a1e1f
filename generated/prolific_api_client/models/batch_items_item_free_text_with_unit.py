from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.batch_items_free_text_with_unit_instruction_type import (
    BatchItemsFreeTextWithUnitInstructionType,
    check_batch_items_free_text_with_unit_instruction_type,
)
from ..models.collection_instruction_input_unit_position import (
    CollectionInstructionInputUnitPosition,
)
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.collection_instruction_input_unit_option import (
        CollectionInstructionInputUnitOption,
    )


T = TypeVar("T", bound="BatchItemsItemFreeTextWithUnit")


@_attrs_define
class BatchItemsItemFreeTextWithUnit:
    """Free-text input instruction paired with a unit selector.

    Attributes:
        type_ (BatchItemsFreeTextWithUnitInstructionType):
        description (str): The question or prompt displayed to participants.
        unit_options (list[CollectionInstructionInputUnitOption]): Available units the participant can select from.
        unit_position (CollectionInstructionInputUnitPosition | str): Position of the unit selector relative to the text
            input.
        id (str | Unset): Server-assigned identifier; present on responses. Include to preserve an existing item when
            updating.
        helper_text (str | Unset):
        placeholder_text_input (str | Unset):
        default_unit (str | Unset): Default selected unit. Must match the `value` of one of the entries in
            `unit_options`.
    """

    type_: BatchItemsFreeTextWithUnitInstructionType
    description: str
    unit_options: list[CollectionInstructionInputUnitOption]
    unit_position: CollectionInstructionInputUnitPosition | str
    id: str | Unset = UNSET
    helper_text: str | Unset = UNSET
    placeholder_text_input: str | Unset = UNSET
    default_unit: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        if not _lazy_imported:
            _import_lazy()

        type_: str = self.type_

        description = self.description

        unit_options = []
        for unit_options_item_data in self.unit_options:
            unit_options_item = unit_options_item_data.to_dict()
            unit_options.append(unit_options_item)

        unit_position: str
        if isinstance(self.unit_position, str):
            unit_position = self.unit_position
        else:
            unit_position = self.unit_position

        id = self.id

        helper_text = self.helper_text

        placeholder_text_input = self.placeholder_text_input

        default_unit = self.default_unit

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "description": description,
                "unit_options": unit_options,
                "unit_position": unit_position,
            }
        )
        if id is not UNSET:
            field_dict["id"] = id
        if helper_text is not UNSET:
            field_dict["helper_text"] = helper_text
        if placeholder_text_input is not UNSET:
            field_dict["placeholder_text_input"] = placeholder_text_input
        if default_unit is not UNSET:
            field_dict["default_unit"] = default_unit

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if not _lazy_imported:
            _import_lazy()

        d = dict(src_dict)
        type_ = check_batch_items_free_text_with_unit_instruction_type(d.pop("type"))

        description = d.pop("description")

        unit_options = []
        _unit_options = d.pop("unit_options")
        for unit_options_item_data in _unit_options:
            unit_options_item = CollectionInstructionInputUnitOption.from_dict(unit_options_item_data)

            unit_options.append(unit_options_item)

        unit_position = d.pop("unit_position")

        id = d.pop("id", UNSET)

        helper_text = d.pop("helper_text", UNSET)

        placeholder_text_input = d.pop("placeholder_text_input", UNSET)

        default_unit = d.pop("default_unit", UNSET)

        batch_items_item_free_text_with_unit = cls(
            type_=type_,
            description=description,
            unit_options=unit_options,
            unit_position=unit_position,
            id=id,
            helper_text=helper_text,
            placeholder_text_input=placeholder_text_input,
            default_unit=default_unit,
        )

        batch_items_item_free_text_with_unit.additional_properties = d
        return batch_items_item_free_text_with_unit

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
    global _lazy_imported, CollectionInstructionInputUnitOption
    from ..models.collection_instruction_input_unit_option import (
        CollectionInstructionInputUnitOption,  # noqa: PLC0415
    )

    _lazy_imported = True
