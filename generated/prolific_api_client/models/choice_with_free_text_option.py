from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ChoiceWithFreeTextOption")


@_attrs_define
class ChoiceWithFreeTextOption:
    """
    Attributes:
        label (str): Display text shown to participants
        value (bool | float | str): Value returned in responses / The value associated with the unit.
        heading (str): Section heading that groups this option / Required. Section heading that groups this option.
        exclusive (bool | Unset): When true, selecting this option deselects all other options. Useful for "None of the
            above" style options. / When true, selecting this option deselects all other options.
    """

    label: str
    value: bool | float | str
    heading: str
    exclusive: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:

        label = self.label

        value: bool | float | str
        value = self.value

        heading = self.heading

        exclusive = self.exclusive

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "label": label,
                "value": value,
                "heading": heading,
            }
        )
        if exclusive is not UNSET:
            field_dict["exclusive"] = exclusive

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:

        d = dict(src_dict)
        label = d.pop("label")

        value = d.pop("value")

        heading = d.pop("heading")

        exclusive = d.pop("exclusive", UNSET)

        choice_with_free_text_option = cls(
            label=label,
            value=value,
            heading=heading,
            exclusive=exclusive,
        )

        choice_with_free_text_option.additional_properties = d
        return choice_with_free_text_option

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
