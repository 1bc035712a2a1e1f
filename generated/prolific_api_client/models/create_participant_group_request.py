from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="CreateParticipantGroupRequest")


@_attrs_define
class CreateParticipantGroupRequest:
    """
    Attributes:
        name (str): The name of the participant group
        workspace_id (str | Unset): The id of the workspace to create the participant group in. Either a workspace or
            organisation ID must be specified.
        organisation_id (str | Unset): The id of the organisation to create the participant group in. Either a workspace
            or organisation ID must be specified.
        description (str | Unset): A description of the participant group
        participant_ids (list[str] | Unset): The ids of participants to be initially added to the group
    """

    name: str
    workspace_id: str | Unset = UNSET
    organisation_id: str | Unset = UNSET
    description: str | Unset = UNSET
    participant_ids: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:

        name = self.name

        workspace_id = self.workspace_id

        organisation_id = self.organisation_id

        description = self.description

        participant_ids: list[str] | Unset = UNSET
        if not isinstance(self.participant_ids, Unset):
            participant_ids = self.participant_ids

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
            }
        )
        if workspace_id is not UNSET:
            field_dict["workspace_id"] = workspace_id
        if organisation_id is not UNSET:
            field_dict["organisation_id"] = organisation_id
        if description is not UNSET:
            field_dict["description"] = description
        if participant_ids is not UNSET:
            field_dict["participant_ids"] = participant_ids

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:

        d = dict(src_dict)
        name = d.pop("name")

        workspace_id = d.pop("workspace_id", UNSET)

        organisation_id = d.pop("organisation_id", UNSET)

        description = d.pop("description", UNSET)

        participant_ids = cast(list[str], d.pop("participant_ids", UNSET))

        create_participant_group_request = cls(
            name=name,
            workspace_id=workspace_id,
            organisation_id=organisation_id,
            description=description,
            participant_ids=participant_ids,
        )

        create_participant_group_request.additional_properties = d
        return create_participant_group_request

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
