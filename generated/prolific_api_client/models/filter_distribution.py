from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.filter_distribution_distribution import FilterDistributionDistribution


T = TypeVar("T", bound="FilterDistribution")


@_attrs_define
class FilterDistribution:
    """
    Attributes:
        distribution (FilterDistributionDistribution | Unset): Distribution data for the specified
            `distribution_filters`
    """

    distribution: FilterDistributionDistribution | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        if not _lazy_imported:
            _import_lazy()

        distribution: dict[str, Any] | Unset = UNSET
        if not isinstance(self.distribution, Unset):
            distribution = self.distribution.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if distribution is not UNSET:
            field_dict["distribution"] = distribution

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if not _lazy_imported:
            _import_lazy()

        d = dict(src_dict)
        _distribution = d.pop("distribution", UNSET)
        distribution: FilterDistributionDistribution | Unset
        if isinstance(_distribution, Unset):
            distribution = UNSET
        else:
            distribution = FilterDistributionDistribution.from_dict(_distribution)

        filter_distribution = cls(
            distribution=distribution,
        )

        filter_distribution.additional_properties = d
        return filter_distribution

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
    global _lazy_imported, FilterDistributionDistribution
    from ..models.filter_distribution_distribution import FilterDistributionDistribution  # noqa: PLC0415

    _lazy_imported = True
