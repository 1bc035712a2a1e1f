from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.project_type import ProjectType, check_project_type
from ..types import UNSET, Unset, whole_number

if TYPE_CHECKING:
    from ..models.public_details import PublicDetails


T = TypeVar("T", bound="UpdateProject")


@_attrs_define
class UpdateProject:
    """Partial update payload for a project. All fields are optional.

    Attributes:
        title (str | Unset): Name of project
        description (str | Unset): What is this project used for
        owner (str | Unset): User id of the creator of the project.
        position (int | Unset): Position of the project within a workspace.
        hidden (bool | Unset): Whether the project is hidden in workspace listings.
        type_ (ProjectType | Unset): Project visibility type.
        public_details (PublicDetails | Unset):
        is_sequential (bool | Unset): Whether the project is configured as sequential.
    """

    title: str | Unset = UNSET
    description: str | Unset = UNSET
    owner: str | Unset = UNSET
    position: int | Unset = UNSET
    hidden: bool | Unset = UNSET
    type_: ProjectType | Unset = UNSET
    public_details: PublicDetails | Unset = UNSET
    is_sequential: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        if not _lazy_imported:
            _import_lazy()

        title = self.title

        description = self.description

        owner = self.owner

        position = self.position

        hidden = self.hidden

        type_: str | Unset = UNSET
        if not isinstance(self.type_, Unset):
            type_ = self.type_

        public_details: dict[str, Any] | Unset = UNSET
        if not isinstance(self.public_details, Unset):
            public_details = self.public_details.to_dict()

        is_sequential = self.is_sequential

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if title is not UNSET:
            field_dict["title"] = title
        if description is not UNSET:
            field_dict["description"] = description
        if owner is not UNSET:
            field_dict["owner"] = owner
        if position is not UNSET:
            field_dict["position"] = position
        if hidden is not UNSET:
            field_dict["hidden"] = hidden
        if type_ is not UNSET:
            field_dict["type"] = type_
        if public_details is not UNSET:
            field_dict["public_details"] = public_details
        if is_sequential is not UNSET:
            field_dict["is_sequential"] = is_sequential

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if not _lazy_imported:
            _import_lazy()

        d = dict(src_dict)
        title = d.pop("title", UNSET)

        description = d.pop("description", UNSET)

        owner = d.pop("owner", UNSET)

        position = whole_number(d.pop("position", UNSET))

        hidden = d.pop("hidden", UNSET)

        _type_ = d.pop("type", UNSET)
        type_: ProjectType | Unset
        if isinstance(_type_, Unset):
            type_ = UNSET
        else:
            type_ = check_project_type(_type_)

        _public_details = d.pop("public_details", UNSET)
        public_details: PublicDetails | Unset
        if isinstance(_public_details, Unset):
            public_details = UNSET
        else:
            public_details = PublicDetails.from_dict(_public_details)

        is_sequential = d.pop("is_sequential", UNSET)

        update_project = cls(
            title=title,
            description=description,
            owner=owner,
            position=position,
            hidden=hidden,
            type_=type_,
            public_details=public_details,
            is_sequential=is_sequential,
        )

        update_project.additional_properties = d
        return update_project

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


_lazy_imported = False


def _import_lazy() -> None:
    global _lazy_imported, PublicDetails
    from ..models.public_details import PublicDetails  # noqa: PLC0415

    _lazy_imported = True
