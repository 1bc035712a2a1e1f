from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.batch_items_free_text_with_unit_instruction_type import (
    BatchItemsFreeTextWithUnitInstructionType,
    check_batch_items_free_text_with_unit_instruction_type,
)
from ..models.collection_free_text_instruction_parent_type import (
    CollectionFreeTextInstructionParentType,
)
from ..models.collection_instruction_input_unit_position import (
    CollectionInstructionInputUnitPosition,
)
from ..types import UNSET, Unset, whole_number

if TYPE_CHECKING:
    from ..models.collection_instruction_input_unit_option import (
        CollectionInstructionInputUnitOption,
    )


T = TypeVar("T", bound="PageItemFreeTextWithUnit")


@_attrs_define
class PageItemFreeTextWithUnit:
    """free_text_with_unit variant

    Attributes:
        type_ (BatchItemsFreeTextWithUnitInstructionType):
        id (UUID):
        created_at (datetime.datetime):
        parent_id (UUID): ID of the parent batch or collection
        parent_type (CollectionFreeTextInstructionParentType | str):
        created_by (str):
        description (str):
        order (int):
        unit_options (list[CollectionInstructionInputUnitOption]): List of available units that participants can select
            from
        unit_position (CollectionInstructionInputUnitPosition | str): Position of the unit selector relative to the text
            input. Use 'prefix' for units before the input (e.g., currency symbols) or 'suffix' for units after the input
            (e.g., measurements).
        helper_text (str | Unset): Additional guidance text displayed below the question
        placeholder_text_input (str | Unset): Placeholder text displayed in the input field
        default_unit (str | Unset): Default selected unit (must match a value from unit_options)
    """

    type_: BatchItemsFreeTextWithUnitInstructionType
    id: UUID
    created_at: datetime.datetime
    parent_id: UUID
    parent_type: CollectionFreeTextInstructionParentType | str
    created_by: str
    description: str
    order: int
    unit_options: list[CollectionInstructionInputUnitOption]
    unit_position: CollectionInstructionInputUnitPosition | str
    helper_text: str | Unset = UNSET
    placeholder_text_input: str | Unset = UNSET
    default_unit: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        if not _lazy_imported:
            _import_lazy()

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

        order = self.order

        unit_options = []
        for unit_options_item_data in self.unit_options:
            unit_options_item = unit_options_item_data.to_dict()
            unit_options.append(unit_options_item)

        unit_position: str
        if isinstance(self.unit_position, str):
            unit_position = self.unit_position
        else:
            unit_position = self.unit_position

        helper_text = self.helper_text

        placeholder_text_input = self.placeholder_text_input

        default_unit = self.default_unit

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
                "order": order,
                "unit_options": unit_options,
                "unit_position": unit_position,
            }
        )
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

        id = UUID(d.pop("id"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        parent_id = UUID(d.pop("parent_id"))

        parent_type = d.pop("parent_type")

        created_by = d.pop("created_by")

        description = d.pop("description")

        order = whole_number(d.pop("order"))

        unit_options = []
        _unit_options = d.pop("unit_options")
        for unit_options_item_data in _unit_options:
            unit_options_item = CollectionInstructionInputUnitOption.from_dict(unit_options_item_data)

            unit_options.append(unit_options_item)

        unit_position = d.pop("unit_position")

        helper_text = d.pop("helper_text", UNSET)

        placeholder_text_input = d.pop("placeholder_text_input", UNSET)

        default_unit = d.pop("default_unit", UNSET)

        page_item_free_text_with_unit = cls(
            type_=type_,
            id=id,
            created_at=created_at,
            parent_id=parent_id,
            parent_type=parent_type,
            created_by=created_by,
            description=description,
            order=order,
            unit_options=unit_options,
            unit_position=unit_position,
            helper_text=helper_text,
            placeholder_text_input=placeholder_text_input,
            default_unit=default_unit,
        )

        page_item_free_text_with_unit.additional_properties = d
        return page_item_free_text_with_unit

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
