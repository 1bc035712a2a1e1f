from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ChoiceOption")


@_attrs_define
class ChoiceOption:
    """
    Attributes:
        label (str): Display text shown to participants
        value (bool | float | str): Value returned in responses / The value associated with the unit.
        exclusive (bool | Unset): When true, selecting this option deselects all other options. Useful for "None of the
            above" style options. / When true, selecting this option deselects all other options. Useful for "None of the
            above" style options. Not allowed when `answer_limit` is 1, and at least one non-exclusive option must remain if
            any option is exclusive.
    """

    label: str
    value: bool | float | str
    exclusive: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:

        label = self.label

        value: bool | float | str
        value = self.value

        exclusive = self.exclusive

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "label": label,
                "value": value,
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

        exclusive = d.pop("exclusive", UNSET)

        choice_option = cls(
            label=label,
            value=value,
            exclusive=exclusive,
        )

        choice_option.additional_properties = d
        return choice_option

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
