from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, whole_number

if TYPE_CHECKING:
    from ..models.feeder_study import FeederStudy


T = TypeVar("T", bound="ParticipantGroup")


@_attrs_define
class ParticipantGroup:
    """
    Attributes:
        id (str): The id of the participant group
        name (str): The name of the participant group
        project_id (None | str | Unset): The id of the project the participant group belongs to
        workspace_id (None | str | Unset): The id of the workspace the participant group belongs to. A participant group
            can only belong to either a workspace or an organisation.
        organisation_id (None | str | Unset): The id of the organisation the participant group belongs to. A participant
            group can only belong to either a workspace or an organisation.
        description (None | str | Unset): The user-provided description of the participant group
        participant_count (int | None | Unset): The number of participants in the participant group
        is_deleted (bool | None | Unset): Whether the participant group has been deleted
        feeder_studies (list[FeederStudy] | None | Unset): Details of all studies which are configured to modify the
            participants in this group through completion codes.
    """

    id: str
    name: str
    project_id: None | str | Unset = UNSET
    workspace_id: None | str | Unset = UNSET
    organisation_id: None | str | Unset = UNSET
    description: None | str | Unset = UNSET
    participant_count: int | None | Unset = UNSET
    is_deleted: bool | None | Unset = UNSET
    feeder_studies: list[FeederStudy] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        if not _lazy_imported:
            _import_lazy()

        id = self.id

        name = self.name

        project_id: None | str | Unset
        if isinstance(self.project_id, Unset):
            project_id = UNSET
        else:
            project_id = self.project_id

        workspace_id: None | str | Unset
        if isinstance(self.workspace_id, Unset):
            workspace_id = UNSET
        else:
            workspace_id = self.workspace_id

        organisation_id: None | str | Unset
        if isinstance(self.organisation_id, Unset):
            organisation_id = UNSET
        else:
            organisation_id = self.organisation_id

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        participant_count: int | None | Unset
        if isinstance(self.participant_count, Unset):
            participant_count = UNSET
        else:
            participant_count = self.participant_count

        is_deleted: bool | None | Unset
        if isinstance(self.is_deleted, Unset):
            is_deleted = UNSET
        else:
            is_deleted = self.is_deleted

        feeder_studies: list[dict[str, Any]] | None | Unset
        if isinstance(self.feeder_studies, Unset):
            feeder_studies = UNSET
        elif isinstance(self.feeder_studies, list):
            feeder_studies = []
            for feeder_studies_type_0_item_data in self.feeder_studies:
                feeder_studies_type_0_item = feeder_studies_type_0_item_data.to_dict()
                feeder_studies.append(feeder_studies_type_0_item)

        else:
            feeder_studies = self.feeder_studies

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
            }
        )
        if project_id is not UNSET:
            field_dict["project_id"] = project_id
        if workspace_id is not UNSET:
            field_dict["workspace_id"] = workspace_id
        if organisation_id is not UNSET:
            field_dict["organisation_id"] = organisation_id
        if description is not UNSET:
            field_dict["description"] = description
        if participant_count is not UNSET:
            field_dict["participant_count"] = participant_count
        if is_deleted is not UNSET:
            field_dict["is_deleted"] = is_deleted
        if feeder_studies is not UNSET:
            field_dict["feeder_studies"] = feeder_studies

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if not _lazy_imported:
            _import_lazy()

        d = dict(src_dict)
        id = d.pop("id")

        name = d.pop("name")

        project_id = d.pop("project_id", UNSET)

        workspace_id = d.pop("workspace_id", UNSET)

        organisation_id = d.pop("organisation_id", UNSET)

        description = d.pop("description", UNSET)

        participant_count = whole_number(d.pop("participant_count", UNSET))

        is_deleted = d.pop("is_deleted", UNSET)

        feeder_studies = _parse_feeder_studies(d.pop("feeder_studies", UNSET))

        participant_group = cls(
            id=id,
            name=name,
            project_id=project_id,
            workspace_id=workspace_id,
            organisation_id=organisation_id,
            description=description,
            participant_count=participant_count,
            is_deleted=is_deleted,
            feeder_studies=feeder_studies,
        )

        participant_group.additional_properties = d
        return participant_group

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


def _parse_feeder_studies(data: object) -> list[FeederStudy] | None | Unset:
    if data is None:
        return data
    if isinstance(data, Unset):
        return data
    if isinstance(data, list):
        try:
            feeder_studies_type_0 = []
            _feeder_studies_type_0 = data
            for feeder_studies_type_0_item_data in _feeder_studies_type_0:
                feeder_studies_type_0_item = FeederStudy.from_dict(feeder_studies_type_0_item_data)

                feeder_studies_type_0.append(feeder_studies_type_0_item)

            return feeder_studies_type_0
        except (TypeError, ValueError, AttributeError, KeyError):
            pass
    return cast(list[FeederStudy] | None | Unset, data)


_lazy_imported = False


def _import_lazy() -> None:
    global _lazy_imported, FeederStudy
    from ..models.feeder_study import FeederStudy  # noqa: PLC0415

    _lazy_imported = True
