from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.request_return_action import (
    RequestReturnAction,
    check_request_return_action,
)

T = TypeVar("T", bound="RequestReturn")


@_attrs_define
class RequestReturn:
    """
    Attributes:
        action (RequestReturnAction): Requests the participant to return their study
        return_reason (str): The reason you would like to request a return
    """

    action: RequestReturnAction
    return_reason: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:

        action: str = self.action

        return_reason = self.return_reason

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "action": action,
                "return_reason": return_reason,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:

        d = dict(src_dict)
        action = check_request_return_action(d.pop("action"))

        return_reason = d.pop("return_reason")

        request_return = cls(
            action=action,
            return_reason=return_reason,
        )

        request_return.additional_properties = d
        return request_return

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
