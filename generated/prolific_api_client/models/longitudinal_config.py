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


T = TypeVar("T", bound="LongitudinalConfig")


@_attrs_define
class LongitudinalConfig:
    """
    Attributes:
        target_completions (int): Target number of completions for the final wave.
        retention_rate (float): Expected retention rate between waves.
        filters (list[CompositeFilter | RangeFilter | SelectFilter] | Unset): Recruitment filters applied to
            participants entering the first wave.
            Uses the same filter shapes as study creation.
    """

    target_completions: int
    retention_rate: float
    filters: list[CompositeFilter | RangeFilter | SelectFilter] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        if not _lazy_imported:
            _import_lazy()

        target_completions = self.target_completions

        retention_rate = self.retention_rate

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

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "target_completions": target_completions,
                "retention_rate": retention_rate,
            }
        )
        if filters is not UNSET:
            field_dict["filters"] = filters

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if not _lazy_imported:
            _import_lazy()

        d = dict(src_dict)
        target_completions = whole_number(d.pop("target_completions"))

        retention_rate = d.pop("retention_rate")

        _filters = d.pop("filters", UNSET)
        filters: list[CompositeFilter | RangeFilter | SelectFilter] | Unset = UNSET
        if _filters is not UNSET:
            filters = []
            for filters_item_data in _filters:
                filters_item = _parse_filters_item(filters_item_data)

                filters.append(filters_item)

        longitudinal_config = cls(
            target_completions=target_completions,
            retention_rate=retention_rate,
            filters=filters,
        )

        longitudinal_config.additional_properties = d
        return longitudinal_config

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
