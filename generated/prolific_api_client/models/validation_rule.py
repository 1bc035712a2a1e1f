from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.validation_rule_type import ValidationRuleType
from ..types import UNSET, Unset

T = TypeVar("T", bound="ValidationRule")


@_attrs_define
class ValidationRule:
    """Optional validation constraints for input values

    Attributes:
        type_ (str | ValidationRuleType): The expected input type. When "number", the input must be numeric and min/max
            constrain the numeric value. When "string", the input is treated as text and min/max constrain the character
            count.
        min_ (float | None | Unset): Minimum value (for type "number") or minimum character count (for type "string").
            Null means unbounded. When type is "string", must be a non-negative integer. If both min and max are provided,
            min must be less than or equal to max.
        max_ (float | None | Unset): Maximum value (for type "number") or maximum character count (for type "string").
            Null means unbounded. When type is "string", must be a non-negative integer. If both min and max are provided,
            max must be greater than or equal to min.
    """

    type_: str | ValidationRuleType
    min_: float | None | Unset = UNSET
    max_: float | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:

        type_: str
        if isinstance(self.type_, str):
            type_ = self.type_
        else:
            type_ = self.type_

        min_: float | None | Unset
        if isinstance(self.min_, Unset):
            min_ = UNSET
        else:
            min_ = self.min_

        max_: float | None | Unset
        if isinstance(self.max_, Unset):
            max_ = UNSET
        else:
            max_ = self.max_

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
            }
        )
        if min_ is not UNSET:
            field_dict["min"] = min_
        if max_ is not UNSET:
            field_dict["max"] = max_

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:

        d = dict(src_dict)
        type_ = d.pop("type")

        min_ = d.pop("min", UNSET)

        max_ = d.pop("max", UNSET)

        validation_rule = cls(
            type_=type_,
            min_=min_,
            max_=max_,
        )

        validation_rule.additional_properties = d
        return validation_rule

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
