from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.filter_value_counts import FilterValueCounts


T = TypeVar("T", bound="FilterDistributionDistribution")


@_attrs_define
class FilterDistributionDistribution:
    """Distribution data for the specified `distribution_filters`"""

    additional_properties: dict[str, FilterValueCounts] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        if not _lazy_imported:
            _import_lazy()

        field_dict: dict[str, Any] = {}
        for prop_name, prop in self.additional_properties.items():
            if isinstance(prop, FilterValueCounts):
                field_dict[prop_name] = prop.to_dict()

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if not _lazy_imported:
            _import_lazy()

        d = dict(src_dict)
        filter_distribution_distribution = cls()

        additional_properties = {}
        for prop_name, prop_dict in d.items():
            additional_property = _parse_additional_property(prop_dict)

            additional_properties[prop_name] = additional_property

        filter_distribution_distribution.additional_properties = additional_properties
        return filter_distribution_distribution

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> FilterValueCounts:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: FilterValueCounts) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties


def _parse_additional_property(data: object) -> FilterValueCounts:
    if not isinstance(data, dict):
        raise TypeError()
    componentsschemas_filter_distribution_value_type_0 = FilterValueCounts.from_dict(data)

    return componentsschemas_filter_distribution_value_type_0


_lazy_imported = False


def _import_lazy() -> None:
    global _lazy_imported, FilterValueCounts
    from ..models.filter_value_counts import FilterValueCounts  # noqa: PLC0415

    _lazy_imported = True
