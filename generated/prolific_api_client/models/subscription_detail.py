from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="SubscriptionDetail")


@_attrs_define
class SubscriptionDetail:
    """
    Attributes:
        id (str): The ID of the subscription.
        event_type (str): The name of the event type associated to the subscription.
        target_url (str): The URL that the subscription will notify when your event type is triggered.
        workspace_id (str): The ID of the workspace we will create the subscription in.
        is_enabled (bool | Unset): Whether the subscription is enabled or not.
    """

    id: str
    event_type: str
    target_url: str
    workspace_id: str
    is_enabled: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:

        id = self.id

        event_type = self.event_type

        target_url = self.target_url

        workspace_id = self.workspace_id

        is_enabled = self.is_enabled

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "event_type": event_type,
                "target_url": target_url,
                "workspace_id": workspace_id,
            }
        )
        if is_enabled is not UNSET:
            field_dict["is_enabled"] = is_enabled

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:

        d = dict(src_dict)
        id = d.pop("id")

        event_type = d.pop("event_type")

        target_url = d.pop("target_url")

        workspace_id = d.pop("workspace_id")

        is_enabled = d.pop("is_enabled", UNSET)

        subscription_detail = cls(
            id=id,
            event_type=event_type,
            target_url=target_url,
            workspace_id=workspace_id,
            is_enabled=is_enabled,
        )

        subscription_detail.additional_properties = d
        return subscription_detail

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
