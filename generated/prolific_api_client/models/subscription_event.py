from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.subscription_event_status import (
    SubscriptionEventStatus,
)
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.subscription_event_payload import SubscriptionEventPayload


T = TypeVar("T", bound="SubscriptionEvent")


@_attrs_define
class SubscriptionEvent:
    """
    Attributes:
        id (str): The ID of the subscription event.
        status (str | SubscriptionEventStatus): The status of the event. Will be `FAILED` if the `target_url` response
            is not 2xx.
        datetime_created (str | Unset): The time the event was created.
        datetime_updated (str | Unset): The last time the event was updated.
        event_type (str | Unset): The event type that was triggered.
        resource_id (str | Unset): The Prolific Resource ID that the event is linked to.
        target_url (str | Unset): The URL where the event payload is sent.
        payload (None | SubscriptionEventPayload | Unset): The event payload that was sent to the target url.
    """

    id: str
    status: str | SubscriptionEventStatus
    datetime_created: str | Unset = UNSET
    datetime_updated: str | Unset = UNSET
    event_type: str | Unset = UNSET
    resource_id: str | Unset = UNSET
    target_url: str | Unset = UNSET
    payload: None | SubscriptionEventPayload | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        if not _lazy_imported:
            _import_lazy()

        id = self.id

        status: str
        if isinstance(self.status, str):
            status = self.status
        else:
            status = self.status

        datetime_created = self.datetime_created

        datetime_updated = self.datetime_updated

        event_type = self.event_type

        resource_id = self.resource_id

        target_url = self.target_url

        payload: dict[str, Any] | None | Unset
        if isinstance(self.payload, Unset):
            payload = UNSET
        elif isinstance(self.payload, SubscriptionEventPayload):
            payload = self.payload.to_dict()
        else:
            payload = self.payload

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "status": status,
            }
        )
        if datetime_created is not UNSET:
            field_dict["datetime_created"] = datetime_created
        if datetime_updated is not UNSET:
            field_dict["datetime_updated"] = datetime_updated
        if event_type is not UNSET:
            field_dict["event_type"] = event_type
        if resource_id is not UNSET:
            field_dict["resource_id"] = resource_id
        if target_url is not UNSET:
            field_dict["target_url"] = target_url
        if payload is not UNSET:
            field_dict["payload"] = payload

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if not _lazy_imported:
            _import_lazy()

        d = dict(src_dict)
        id = d.pop("id")

        status = d.pop("status")

        datetime_created = d.pop("datetime_created", UNSET)

        datetime_updated = d.pop("datetime_updated", UNSET)

        event_type = d.pop("event_type", UNSET)

        resource_id = d.pop("resource_id", UNSET)

        target_url = d.pop("target_url", UNSET)

        payload = _parse_payload(d.pop("payload", UNSET))

        subscription_event = cls(
            id=id,
            status=status,
            datetime_created=datetime_created,
            datetime_updated=datetime_updated,
            event_type=event_type,
            resource_id=resource_id,
            target_url=target_url,
            payload=payload,
        )

        subscription_event.additional_properties = d
        return subscription_event

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


def _parse_payload(data: object) -> None | SubscriptionEventPayload | Unset:
    if data is None:
        return data
    if isinstance(data, Unset):
        return data
    if isinstance(data, dict):
        try:
            payload_type_0 = SubscriptionEventPayload.from_dict(data)

            return payload_type_0
        except (TypeError, ValueError, AttributeError, KeyError):
            pass
    return cast(None | SubscriptionEventPayload | Unset, data)


_lazy_imported = False


def _import_lazy() -> None:
    global _lazy_imported, SubscriptionEventPayload
    from ..models.subscription_event_payload import SubscriptionEventPayload  # noqa: PLC0415

    _lazy_imported = True
