from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.workspace_user import WorkspaceUser


T = TypeVar("T", bound="WorkspaceShort")


@_attrs_define
class WorkspaceShort:
    """
    Attributes:
        id (str): Workspace id. It is created by Prolific.
        title (str): Name of workspace
        description (str | Unset): What is this workspace used for
        owner (str | Unset): User id of the creator of the workspace. It is created by Prolific.
        users (list[WorkspaceUser] | Unset): Data for all users who have access to this workspace
        naivety_distribution_rate (float | None | Unset): The rate at which the studies within this project are
            distributed.
    """

    id: str
    title: str
    description: str | Unset = UNSET
    owner: str | Unset = UNSET
    users: list[WorkspaceUser] | Unset = UNSET
    naivety_distribution_rate: float | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        if not _lazy_imported:
            _import_lazy()

        id = self.id

        title = self.title

        description = self.description

        owner = self.owner

        users: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.users, Unset):
            users = []
            for users_item_data in self.users:
                users_item = users_item_data.to_dict()
                users.append(users_item)

        naivety_distribution_rate: float | None | Unset
        if isinstance(self.naivety_distribution_rate, Unset):
            naivety_distribution_rate = UNSET
        else:
            naivety_distribution_rate = self.naivety_distribution_rate

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "title": title,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description
        if owner is not UNSET:
            field_dict["owner"] = owner
        if users is not UNSET:
            field_dict["users"] = users
        if naivety_distribution_rate is not UNSET:
            field_dict["naivety_distribution_rate"] = naivety_distribution_rate

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if not _lazy_imported:
            _import_lazy()

        d = dict(src_dict)
        id = d.pop("id")

        title = d.pop("title")

        description = d.pop("description", UNSET)

        owner = d.pop("owner", UNSET)

        _users = d.pop("users", UNSET)
        users: list[WorkspaceUser] | Unset = UNSET
        if _users is not UNSET:
            users = []
            for users_item_data in _users:
                users_item = WorkspaceUser.from_dict(users_item_data)

                users.append(users_item)

        naivety_distribution_rate = d.pop("naivety_distribution_rate", UNSET)

        workspace_short = cls(
            id=id,
            title=title,
            description=description,
            owner=owner,
            users=users,
            naivety_distribution_rate=naivety_distribution_rate,
        )

        workspace_short.additional_properties = d
        return workspace_short

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
    global _lazy_imported, WorkspaceUser
    from ..models.workspace_user import WorkspaceUser  # noqa: PLC0415

    _lazy_imported = True
