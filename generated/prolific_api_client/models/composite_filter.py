from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.composite_filter_filter_id import (
    CompositeFilterFilterId,
)

if TYPE_CHECKING:
    from ..models.range_filter import RangeFilter
    from ..models.select_filter import SelectFilter


T = TypeVar("T", bound="CompositeFilter")


@_attrs_define
class CompositeFilter:
    """
    Attributes:
        filter_id (CompositeFilterFilterId | str): Composite filter group operator. Use `and` when every child filter
            must match, or `or` when at least one child filter must match.
        selected_filters (list[CompositeFilter | RangeFilter | SelectFilter]): Child filters in this group. Children can
            be select filters, range filters, or supported nested composite groups.
    """

    filter_id: CompositeFilterFilterId | str
    selected_filters: list[CompositeFilter | RangeFilter | SelectFilter]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        if not _lazy_imported:
            _import_lazy()

        filter_id: str
        if isinstance(self.filter_id, str):
            filter_id = self.filter_id
        else:
            filter_id = self.filter_id

        selected_filters = []
        for selected_filters_item_data in self.selected_filters:
            selected_filters_item: dict[str, Any]
            if isinstance(selected_filters_item_data, SelectFilter):
                selected_filters_item = selected_filters_item_data.to_dict()
            elif isinstance(selected_filters_item_data, RangeFilter):
                selected_filters_item = selected_filters_item_data.to_dict()
            else:
                selected_filters_item = selected_filters_item_data.to_dict()

            selected_filters.append(selected_filters_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "filter_id": filter_id,
                "selected_filters": selected_filters,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if not _lazy_imported:
            _import_lazy()

        d = dict(src_dict)
        filter_id = d.pop("filter_id")

        selected_filters = []
        _selected_filters = d.pop("selected_filters")
        for selected_filters_item_data in _selected_filters:
            selected_filters_item = _parse_selected_filters_item(selected_filters_item_data)

            selected_filters.append(selected_filters_item)

        composite_filter = cls(
            filter_id=filter_id,
            selected_filters=selected_filters,
        )

        composite_filter.additional_properties = d
        return composite_filter

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


def _parse_selected_filters_item(data: object) -> CompositeFilter | RangeFilter | SelectFilter:
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
    global _lazy_imported, RangeFilter, SelectFilter
    from ..models.range_filter import RangeFilter  # noqa: PLC0415
    from ..models.select_filter import SelectFilter  # noqa: PLC0415

    _lazy_imported = True
