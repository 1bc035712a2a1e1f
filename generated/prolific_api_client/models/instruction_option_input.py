from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="InstructionOptionInput")


@_attrs_define
class InstructionOptionInput:
    """
    Attributes:
        label (str): The display label for the option. / The display text for the option.
        value (str): The value associated with the option.
        heading (str | Unset): The heading for the option (required for multiple_choice_with_free_text).
    """

    label: str
    value: str
    heading: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:

        label = self.label

        value = self.value

        heading = self.heading

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "label": label,
                "value": value,
            }
        )
        if heading is not UNSET:
            field_dict["heading"] = heading

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:

        d = dict(src_dict)
        label = d.pop("label")

        value = d.pop("value")

        heading = d.pop("heading", UNSET)

        instruction_option_input = cls(
            label=label,
            value=value,
            heading=heading,
        )

        instruction_option_input.additional_properties = d
        return instruction_option_input

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
