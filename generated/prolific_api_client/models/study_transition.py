from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.study_transition_action import (
    StudyTransitionAction,
    check_study_transition_action,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="StudyTransition")


@_attrs_define
class StudyTransition:
    """
    Attributes:
        action (StudyTransitionAction): The transition action to execute on the study.
        publish_at (datetime.datetime | Unset): ISO 8601 datetime for when the study should be published. Required in
            the request when action is SCHEDULE_PUBLISH and the study does not already have a publish_at set.
    """

    action: StudyTransitionAction
    publish_at: datetime.datetime | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:

        action: str = self.action

        publish_at: str | Unset = UNSET
        if not isinstance(self.publish_at, Unset):
            publish_at = self.publish_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "action": action,
            }
        )
        if publish_at is not UNSET:
            field_dict["publish_at"] = publish_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:

        d = dict(src_dict)
        action = check_study_transition_action(d.pop("action"))

        _publish_at = d.pop("publish_at", UNSET)
        publish_at: datetime.datetime | Unset
        if isinstance(_publish_at, Unset):
            publish_at = UNSET
        else:
            publish_at = datetime.datetime.fromisoformat(_publish_at)

        study_transition = cls(
            action=action,
            publish_at=publish_at,
        )

        study_transition.additional_properties = d
        return study_transition

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
