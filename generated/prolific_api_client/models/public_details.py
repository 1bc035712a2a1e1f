from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.public_project_status import (
    PublicProjectStatus,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="PublicDetails")


@_attrs_define
class PublicDetails:
    """
    Attributes:
        status (PublicProjectStatus | str | Unset): Status of the public project metadata. Defaults to `ENABLED`.
        title (str | Unset): Participant-facing title for the public project.
        short_description (str | Unset): Short participant-facing summary shown to participants for the public project.
        description (str | Unset): Additional participant-facing information shown to participants for the public
            project.
    """

    status: PublicProjectStatus | str | Unset = UNSET
    title: str | Unset = UNSET
    short_description: str | Unset = UNSET
    description: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:

        status: str | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        elif isinstance(self.status, str):
            status = self.status
        else:
            status = self.status

        title = self.title

        short_description = self.short_description

        description = self.description

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if status is not UNSET:
            field_dict["status"] = status
        if title is not UNSET:
            field_dict["title"] = title
        if short_description is not UNSET:
            field_dict["short_description"] = short_description
        if description is not UNSET:
            field_dict["description"] = description

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:

        d = dict(src_dict)
        status = d.pop("status", UNSET)

        title = d.pop("title", UNSET)

        short_description = d.pop("short_description", UNSET)

        description = d.pop("description", UNSET)

        public_details = cls(
            status=status,
            title=title,
            short_description=short_description,
            description=description,
        )

        public_details.additional_properties = d
        return public_details

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
