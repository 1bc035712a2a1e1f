from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.project_type import ProjectType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.project_longitudinal import ProjectLongitudinal
    from ..models.public_details import PublicDetails
    from ..models.workspace_user import WorkspaceUser


T = TypeVar("T", bound="Project")


@_attrs_define
class Project:
    """
    Attributes:
        id (str): Project id. It is created by Prolific.
        title (str): Name of project
        type_ (ProjectType | str):
        description (str | Unset): What is this project used for
        owner (str | Unset): User id of the creator of the project. It is created by Prolific.
        public_details (None | PublicDetails | Unset): Public metadata for `PUBLIC` projects. `null` for `PRIVATE`
            projects.
        users (list[WorkspaceUser] | Unset): Data for all users who have access to this project
        workspace (str | Unset): Id of the workspace this project is in. This is created by Prolific.
        naivety_distribution_rate (float | None | Unset): The rate at which the studies within this project are
            distributed.
        is_longitudinal (bool | Unset): Whether this is a longitudinal (multi-wave) project.
        longitudinal (None | ProjectLongitudinal | Unset): Only present when `is_longitudinal` is true.
    """

    id: str
    title: str
    type_: ProjectType | str
    description: str | Unset = UNSET
    owner: str | Unset = UNSET
    public_details: None | PublicDetails | Unset = UNSET
    users: list[WorkspaceUser] | Unset = UNSET
    workspace: str | Unset = UNSET
    naivety_distribution_rate: float | None | Unset = UNSET
    is_longitudinal: bool | Unset = UNSET
    longitudinal: None | ProjectLongitudinal | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        if not _lazy_imported:
            _import_lazy()

        id = self.id

        title = self.title

        type_: str
        if isinstance(self.type_, str):
            type_ = self.type_
        else:
            type_ = self.type_

        description = self.description

        owner = self.owner

        public_details: dict[str, Any] | None | Unset
        if isinstance(self.public_details, Unset):
            public_details = UNSET
        elif isinstance(self.public_details, PublicDetails):
            public_details = self.public_details.to_dict()
        else:
            public_details = self.public_details

        users: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.users, Unset):
            users = []
            for users_item_data in self.users:
                users_item = users_item_data.to_dict()
                users.append(users_item)

        workspace = self.workspace

        naivety_distribution_rate: float | None | Unset
        if isinstance(self.naivety_distribution_rate, Unset):
            naivety_distribution_rate = UNSET
        else:
            naivety_distribution_rate = self.naivety_distribution_rate

        is_longitudinal = self.is_longitudinal

        longitudinal: dict[str, Any] | None | Unset
        if isinstance(self.longitudinal, Unset):
            longitudinal = UNSET
        elif isinstance(self.longitudinal, ProjectLongitudinal):
            longitudinal = self.longitudinal.to_dict()
        else:
            longitudinal = self.longitudinal

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "title": title,
                "type": type_,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description
        if owner is not UNSET:
            field_dict["owner"] = owner
        if public_details is not UNSET:
            field_dict["public_details"] = public_details
        if users is not UNSET:
            field_dict["users"] = users
        if workspace is not UNSET:
            field_dict["workspace"] = workspace
        if naivety_distribution_rate is not UNSET:
            field_dict["naivety_distribution_rate"] = naivety_distribution_rate
        if is_longitudinal is not UNSET:
            field_dict["is_longitudinal"] = is_longitudinal
        if longitudinal is not UNSET:
            field_dict["longitudinal"] = longitudinal

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if not _lazy_imported:
            _import_lazy()

        d = dict(src_dict)
        id = d.pop("id")

        title = d.pop("title")

        type_ = d.pop("type")

        description = d.pop("description", UNSET)

        owner = d.pop("owner", UNSET)

        public_details = _parse_public_details(d.pop("public_details", UNSET))

        _users = d.pop("users", UNSET)
        users: list[WorkspaceUser] | Unset = UNSET
        if _users is not UNSET:
            users = []
            for users_item_data in _users:
                users_item = WorkspaceUser.from_dict(users_item_data)

                users.append(users_item)

        workspace = d.pop("workspace", UNSET)

        naivety_distribution_rate = d.pop("naivety_distribution_rate", UNSET)

        is_longitudinal = d.pop("is_longitudinal", UNSET)

        longitudinal = _parse_longitudinal(d.pop("longitudinal", UNSET))

        project = cls(
            id=id,
            title=title,
            type_=type_,
            description=description,
            owner=owner,
            public_details=public_details,
            users=users,
            workspace=workspace,
            naivety_distribution_rate=naivety_distribution_rate,
            is_longitudinal=is_longitudinal,
            longitudinal=longitudinal,
        )

        project.additional_properties = d
        return project

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


def _parse_public_details(data: object) -> None | PublicDetails | Unset:
    if data is None:
        return data
    if isinstance(data, Unset):
        return data
    if isinstance(data, dict):
        try:
            public_details_type_0 = PublicDetails.from_dict(data)

            return public_details_type_0
        except (TypeError, ValueError, AttributeError, KeyError):
            pass
    return cast(None | PublicDetails | Unset, data)


def _parse_longitudinal(data: object) -> None | ProjectLongitudinal | Unset:
    if data is None:
        return data
    if isinstance(data, Unset):
        return data
    if isinstance(data, dict):
        try:
            longitudinal_type_0 = ProjectLongitudinal.from_dict(data)

            return longitudinal_type_0
        except (TypeError, ValueError, AttributeError, KeyError):
            pass
    return cast(None | ProjectLongitudinal | Unset, data)


_lazy_imported = False


def _import_lazy() -> None:
    global _lazy_imported, ProjectLongitudinal, PublicDetails, WorkspaceUser
    from ..models.project_longitudinal import ProjectLongitudinal  # noqa: PLC0415
    from ..models.public_details import PublicDetails  # noqa: PLC0415
    from ..models.workspace_user import WorkspaceUser  # noqa: PLC0415

    _lazy_imported = True
