from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="TaskDetails")


@_attrs_define
class TaskDetails:
    """Task metadata displayed to participants

    Attributes:
        task_name (str): The title displayed to participants
        task_introduction (str): HTML formatted task introduction / HTML formatted introduction shown at the start of
            the task
        task_steps (str): HTML formatted task steps / HTML formatted step-by-step instructions
    """

    task_name: str
    task_introduction: str
    task_steps: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:

        task_name = self.task_name

        task_introduction = self.task_introduction

        task_steps = self.task_steps

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "task_name": task_name,
                "task_introduction": task_introduction,
                "task_steps": task_steps,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:

        d = dict(src_dict)
        task_name = d.pop("task_name")

        task_introduction = d.pop("task_introduction")

        task_steps = d.pop("task_steps")

        task_details = cls(
            task_name=task_name,
            task_introduction=task_introduction,
            task_steps=task_steps,
        )

        task_details.additional_properties = d
        return task_details

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
