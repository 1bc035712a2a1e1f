from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.choice_with_free_text_instruction_type import (
    ChoiceWithFreeTextInstructionType,
    check_choice_with_free_text_instruction_type,
)
from ..models.collection_free_text_instruction_parent_type import (
    CollectionFreeTextInstructionParentType,
)
from ..types import UNSET, Unset, whole_number

if TYPE_CHECKING:
    from ..models.choice_with_free_text_option import ChoiceWithFreeTextOption


T = TypeVar("T", bound="PageItemMultipleChoiceWithFreeText")


@_attrs_define
class PageItemMultipleChoiceWithFreeText:
    """multiple_choice_with_free_text variant

    Attributes:
        type_ (ChoiceWithFreeTextInstructionType):
        id (UUID):
        created_at (datetime.datetime):
        parent_id (UUID): ID of the parent batch or collection
        parent_type (CollectionFreeTextInstructionParentType | str):
        created_by (str):
        description (str):
        order (int):
        answer_limit (int):
        options (list[ChoiceWithFreeTextOption]):
        helper_text (str | Unset): Additional guidance text displayed below the question
        placeholder_text_input (str | Unset): Placeholder text displayed in the input field
        disable_dropdown (bool | Unset):  Default: False.
    """

    type_: ChoiceWithFreeTextInstructionType
    id: UUID
    created_at: datetime.datetime
    parent_id: UUID
    parent_type: CollectionFreeTextInstructionParentType | str
    created_by: str
    description: str
    order: int
    answer_limit: int
    options: list[ChoiceWithFreeTextOption]
    helper_text: str | Unset = UNSET
    placeholder_text_input: str | Unset = UNSET
    disable_dropdown: bool | Unset = False
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

        answer_limit = self.answer_limit

        options = []
        for options_item_data in self.options:
            options_item = options_item_data.to_dict()
            options.append(options_item)

        helper_text = self.helper_text

        placeholder_text_input = self.placeholder_text_input

        disable_dropdown = self.disable_dropdown

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
                "answer_limit": answer_limit,
                "options": options,
            }
        )
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
        type_ = check_choice_with_free_text_instruction_type(d.pop("type"))

        id = UUID(d.pop("id"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        parent_id = UUID(d.pop("parent_id"))

        parent_type = d.pop("parent_type")

        created_by = d.pop("created_by")

        description = d.pop("description")

        order = whole_number(d.pop("order"))

        answer_limit = whole_number(d.pop("answer_limit"))

        options = []
        _options = d.pop("options")
        for options_item_data in _options:
            options_item = ChoiceWithFreeTextOption.from_dict(options_item_data)

            options.append(options_item)

        helper_text = d.pop("helper_text", UNSET)

        placeholder_text_input = d.pop("placeholder_text_input", UNSET)

        disable_dropdown = d.pop("disable_dropdown", UNSET)

        page_item_multiple_choice_with_free_text = cls(
            type_=type_,
            id=id,
            created_at=created_at,
            parent_id=parent_id,
            parent_type=parent_type,
            created_by=created_by,
            description=description,
            order=order,
            answer_limit=answer_limit,
            options=options,
            helper_text=helper_text,
            placeholder_text_input=placeholder_text_input,
            disable_dropdown=disable_dropdown,
        )

        page_item_multiple_choice_with_free_text.additional_properties = d
        return page_item_multiple_choice_with_free_text

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
    global _lazy_imported, ChoiceWithFreeTextOption
    from ..models.choice_with_free_text_option import ChoiceWithFreeTextOption  # noqa: PLC0415

    _lazy_imported = True
