from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.invitation_role import InvitationRole
from ..models.invitation_status import InvitationStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.invitee import Invitee


T = TypeVar("T", bound="Invitation")


@_attrs_define
class Invitation:
    """
    Attributes:
        association (str | Unset): The ID of the workspace to which the invitee was invited.
        invitee (Invitee | Unset):
        invited_by (str | Unset): The ID of the user who sent the invitation.
        status (InvitationStatus | str | Unset): The current status of the invitation.
        invite_link (str | Unset): The link that the invitee can use to accept the invitation.
        role (InvitationRole | str | Unset): Assigned role for the user in this workspace.
    """

    association: str | Unset = UNSET
    invitee: Invitee | Unset = UNSET
    invited_by: str | Unset = UNSET
    status: InvitationStatus | str | Unset = UNSET
    invite_link: str | Unset = UNSET
    role: InvitationRole | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        if not _lazy_imported:
            _import_lazy()

        association = self.association

        invitee: dict[str, Any] | Unset = UNSET
        if not isinstance(self.invitee, Unset):
            invitee = self.invitee.to_dict()

        invited_by = self.invited_by

        status: str | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        elif isinstance(self.status, str):
            status = self.status
        else:
            status = self.status

        invite_link = self.invite_link

        role: str | Unset
        if isinstance(self.role, Unset):
            role = UNSET
        elif isinstance(self.role, str):
            role = self.role
        else:
            role = self.role

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if association is not UNSET:
            field_dict["association"] = association
        if invitee is not UNSET:
            field_dict["invitee"] = invitee
        if invited_by is not UNSET:
            field_dict["invited_by"] = invited_by
        if status is not UNSET:
            field_dict["status"] = status
        if invite_link is not UNSET:
            field_dict["invite_link"] = invite_link
        if role is not UNSET:
            field_dict["role"] = role

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if not _lazy_imported:
            _import_lazy()

        d = dict(src_dict)
        association = d.pop("association", UNSET)

        _invitee = d.pop("invitee", UNSET)
        invitee: Invitee | Unset
        if isinstance(_invitee, Unset):
            invitee = UNSET
        else:
            invitee = Invitee.from_dict(_invitee)

        invited_by = d.pop("invited_by", UNSET)

        status = d.pop("status", UNSET)

        invite_link = d.pop("invite_link", UNSET)

        role = d.pop("role", UNSET)

        invitation = cls(
            association=association,
            invitee=invitee,
            invited_by=invited_by,
            status=status,
            invite_link=invite_link,
            role=role,
        )

        invitation.additional_properties = d
        return invitation

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
    global _lazy_imported, Invitee
    from ..models.invitee import Invitee  # noqa: PLC0415

    _lazy_imported = True
