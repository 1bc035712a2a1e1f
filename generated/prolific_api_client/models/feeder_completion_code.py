from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.feeder_completion_code_action import (
    FeederCompletionCodeAction,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="FeederCompletionCode")


@_attrs_define
class FeederCompletionCode:
    """The code within this study that interacts with the participant group.

    Attributes:
        code (str | Unset): The code that will modify the participants in this group.
        code_type (str | Unset): The label or code type given to this code within the context of the study.
        action (FeederCompletionCodeAction | str | Unset): The action that will be taken when this code is used.
    """

    code: str | Unset = UNSET
    code_type: str | Unset = UNSET
    action: FeederCompletionCodeAction | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:

        code = self.code

        code_type = self.code_type

        action: str | Unset
        if isinstance(self.action, Unset):
            action = UNSET
        elif isinstance(self.action, str):
            action = self.action
        else:
            action = self.action

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if code is not UNSET:
            field_dict["code"] = code
        if code_type is not UNSET:
            field_dict["code_type"] = code_type
        if action is not UNSET:
            field_dict["action"] = action

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:

        d = dict(src_dict)
        code = d.pop("code", UNSET)

        code_type = d.pop("code_type", UNSET)

        action = d.pop("action", UNSET)

        feeder_completion_code = cls(
            code=code,
            code_type=code_type,
            action=action,
        )

        feeder_completion_code.additional_properties = d
        return feeder_completion_code

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
