from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.message_data_category import (
    MessageDataCategory,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="MessageData")


@_attrs_define
class MessageData:
    """Metadata for a message

    Attributes:
        study_id (str | Unset): What study the message relates to. In case this is not automatically filled for the
            participant, they can choose which study their message relates to.
        category (MessageDataCategory | str | Unset): Participants can self-categorise their message before sending it.
    """

    study_id: str | Unset = UNSET
    category: MessageDataCategory | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:

        study_id = self.study_id

        category: str | Unset
        if isinstance(self.category, Unset):
            category = UNSET
        elif isinstance(self.category, str):
            category = self.category
        else:
            category = self.category

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if study_id is not UNSET:
            field_dict["study_id"] = study_id
        if category is not UNSET:
            field_dict["category"] = category

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:

        d = dict(src_dict)
        study_id = d.pop("study_id", UNSET)

        category = d.pop("category", UNSET)

        message_data = cls(
            study_id=study_id,
            category=category,
        )

        message_data.additional_properties = d
        return message_data

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
