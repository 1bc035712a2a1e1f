from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, whole_number

if TYPE_CHECKING:
    from ..models.composite_filter import CompositeFilter
    from ..models.range_filter import RangeFilter
    from ..models.select_filter import SelectFilter


T = TypeVar("T", bound="GetFilterSetResponse")


@_attrs_define
class GetFilterSetResponse:
    """
    Attributes:
        id (str): ID of the filter set.
        version (int | Unset): An incrementing integer indicating the version of the filter set.
        is_deleted (bool | Unset): Whether the filter set has been deleted.
        is_locked (bool | Unset): Whether the filter set has been locked.
        workspace_id (None | str | Unset): ID of the workspace where the filter set can be used.
        organisation_id (None | str | Unset): ID of the workspace where the filter set can be used.
        name (str | Unset): Name of the filter set.
        filters (list[CompositeFilter | RangeFilter | SelectFilter] | Unset): List of all filters contained in the
            filter set.
        eligible_participant_count (int | Unset): The number of participants who match the filter sets filters. Please
            note that if the number is
            lower than 25 the count will be obscured to prevent identification of participants.
    """

    id: str
    version: int | Unset = UNSET
    is_deleted: bool | Unset = UNSET
    is_locked: bool | Unset = UNSET
    workspace_id: None | str | Unset = UNSET
    organisation_id: None | str | Unset = UNSET
    name: str | Unset = UNSET
    filters: list[CompositeFilter | RangeFilter | SelectFilter] | Unset = UNSET
    eligible_participant_count: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        if not _lazy_imported:
            _import_lazy()

        id = self.id

        version = self.version

        is_deleted = self.is_deleted

        is_locked = self.is_locked

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

        name = self.name

        filters: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.filters, Unset):
            filters = []
            for filters_item_data in self.filters:
                filters_item: dict[str, Any]
                if isinstance(filters_item_data, SelectFilter):
                    filters_item = filters_item_data.to_dict()
                elif isinstance(filters_item_data, RangeFilter):
                    filters_item = filters_item_data.to_dict()
                else:
                    filters_item = filters_item_data.to_dict()

                filters.append(filters_item)

        eligible_participant_count = self.eligible_participant_count

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
            }
        )
        if version is not UNSET:
            field_dict["version"] = version
        if is_deleted is not UNSET:
            field_dict["is_deleted"] = is_deleted
        if is_locked is not UNSET:
            field_dict["is_locked"] = is_locked
        if workspace_id is not UNSET:
            field_dict["workspace_id"] = workspace_id
        if organisation_id is not UNSET:
            field_dict["organisation_id"] = organisation_id
        if name is not UNSET:
            field_dict["name"] = name
        if filters is not UNSET:
            field_dict["filters"] = filters
        if eligible_participant_count is not UNSET:
            field_dict["eligible_participant_count"] = eligible_participant_count

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if not _lazy_imported:
            _import_lazy()

        d = dict(src_dict)
        id = d.pop("id")

        version = whole_number(d.pop("version", UNSET))

        is_deleted = d.pop("is_deleted", UNSET)

        is_locked = d.pop("is_locked", UNSET)

        workspace_id = d.pop("workspace_id", UNSET)

        organisation_id = d.pop("organisation_id", UNSET)

        name = d.pop("name", UNSET)

        _filters = d.pop("filters", UNSET)
        filters: list[CompositeFilter | RangeFilter | SelectFilter] | Unset = UNSET
        if _filters is not UNSET:
            filters = []
            for filters_item_data in _filters:
                filters_item = _parse_filters_item(filters_item_data)

                filters.append(filters_item)

        eligible_participant_count = whole_number(d.pop("eligible_participant_count", UNSET))

        get_filter_set_response = cls(
            id=id,
            version=version,
            is_deleted=is_deleted,
            is_locked=is_locked,
            workspace_id=workspace_id,
            organisation_id=organisation_id,
            name=name,
            filters=filters,
            eligible_participant_count=eligible_participant_count,
        )

        get_filter_set_response.additional_properties = d
        return get_filter_set_response

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


def _parse_filters_item(data: object) -> CompositeFilter | RangeFilter | SelectFilter:
    if isinstance(data, dict) and "filter_id" in data and "selected_values" in data:
        try:
            componentsschemas_base_study_filter_type_0 = SelectFilter.from_dict(data)

            return componentsschemas_base_study_filter_type_0
        except (TypeError, ValueError, AttributeError, KeyError):
            pass
    if isinstance(data, dict) and "filter_id" in data and "selected_range" in data:
        try:
            componentsschemas_base_study_filter_type_1 = RangeFilter.from_dict(data)

            return componentsschemas_base_study_filter_type_1
        except (TypeError, ValueError, AttributeError, KeyError):
            pass
    if not isinstance(data, dict):
        raise TypeError()
    componentsschemas_base_study_filter_type_2 = CompositeFilter.from_dict(data)

    return componentsschemas_base_study_filter_type_2


_lazy_imported = False


def _import_lazy() -> None:
    global _lazy_imported, CompositeFilter, RangeFilter, SelectFilter
    from ..models.composite_filter import CompositeFilter  # noqa: PLC0415
    from ..models.range_filter import RangeFilter  # noqa: PLC0415
    from ..models.select_filter import SelectFilter  # noqa: PLC0415

    _lazy_imported = True
