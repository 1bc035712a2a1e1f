from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.filter_list_links import FilterListLinks
    from ..models.filter_list_meta import FilterListMeta
    from ..models.range_filter_list_detailed_response import (
        RangeFilterListDetailedResponse,
    )
    from ..models.range_filter_list_response import RangeFilterListResponse
    from ..models.select_filter_list_detailed_response import (
        SelectFilterListDetailedResponse,
    )
    from ..models.select_filter_list_response import SelectFilterListResponse


T = TypeVar("T", bound="FilterList")


@_attrs_define
class FilterList:
    """
    Attributes:
        results (list[RangeFilterListDetailedResponse | RangeFilterListResponse | SelectFilterListDetailedResponse |
            SelectFilterListResponse] | Unset):
        field_links (FilterListLinks | Unset):
        meta (FilterListMeta | Unset):
    """

    results: (
        list[
            RangeFilterListDetailedResponse
            | RangeFilterListResponse
            | SelectFilterListDetailedResponse
            | SelectFilterListResponse
        ]
        | Unset
    ) = UNSET
    field_links: FilterListLinks | Unset = UNSET
    meta: FilterListMeta | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        if not _lazy_imported:
            _import_lazy()

        results: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.results, Unset):
            results = []
            for results_item_data in self.results:
                results_item: dict[str, Any]
                if isinstance(results_item_data, SelectFilterListResponse):
                    results_item = results_item_data.to_dict()
                elif isinstance(results_item_data, SelectFilterListDetailedResponse):
                    results_item = results_item_data.to_dict()
                elif isinstance(results_item_data, RangeFilterListResponse):
                    results_item = results_item_data.to_dict()
                else:
                    results_item = results_item_data.to_dict()

                results.append(results_item)

        field_links: dict[str, Any] | Unset = UNSET
        if not isinstance(self.field_links, Unset):
            field_links = self.field_links.to_dict()

        meta: dict[str, Any] | Unset = UNSET
        if not isinstance(self.meta, Unset):
            meta = self.meta.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if results is not UNSET:
            field_dict["results"] = results
        if field_links is not UNSET:
            field_dict["_links"] = field_links
        if meta is not UNSET:
            field_dict["meta"] = meta

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if not _lazy_imported:
            _import_lazy()

        d = dict(src_dict)
        _results = d.pop("results", UNSET)
        results: (
            list[
                RangeFilterListDetailedResponse
                | RangeFilterListResponse
                | SelectFilterListDetailedResponse
                | SelectFilterListResponse
            ]
            | Unset
        ) = UNSET
        if _results is not UNSET:
            results = []
            for results_item_data in _results:
                results_item = _parse_results_item(results_item_data)

                results.append(results_item)

        _field_links = d.pop("_links", UNSET)
        field_links: FilterListLinks | Unset
        if isinstance(_field_links, Unset):
            field_links = UNSET
        else:
            field_links = FilterListLinks.from_dict(_field_links)

        _meta = d.pop("meta", UNSET)
        meta: FilterListMeta | Unset
        if isinstance(_meta, Unset):
            meta = UNSET
        else:
            meta = FilterListMeta.from_dict(_meta)

        filter_list = cls(
            results=results,
            field_links=field_links,
            meta=meta,
        )

        filter_list.additional_properties = d
        return filter_list

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


def _parse_results_item(
    data: object,
) -> (
    RangeFilterListDetailedResponse
    | RangeFilterListResponse
    | SelectFilterListDetailedResponse
    | SelectFilterListResponse
):
    if isinstance(data, dict):
        try:
            componentsschemas_filter_list_result_type_0 = SelectFilterListResponse.from_dict(data)

            return componentsschemas_filter_list_result_type_0
        except (TypeError, ValueError, AttributeError, KeyError):
            pass
    if isinstance(data, dict):
        try:
            componentsschemas_filter_list_result_type_1 = SelectFilterListDetailedResponse.from_dict(data)

            return componentsschemas_filter_list_result_type_1
        except (TypeError, ValueError, AttributeError, KeyError):
            pass
    if isinstance(data, dict):
        try:
            componentsschemas_filter_list_result_type_2 = RangeFilterListResponse.from_dict(data)

            return componentsschemas_filter_list_result_type_2
        except (TypeError, ValueError, AttributeError, KeyError):
            pass
    if not isinstance(data, dict):
        raise TypeError()
    componentsschemas_filter_list_result_type_3 = RangeFilterListDetailedResponse.from_dict(data)

    return componentsschemas_filter_list_result_type_3


_lazy_imported = False


def _import_lazy() -> None:
    global \
        _lazy_imported, \
        FilterListLinks, \
        FilterListMeta, \
        RangeFilterListDetailedResponse, \
        RangeFilterListResponse, \
        SelectFilterListDetailedResponse, \
        SelectFilterListResponse
    from ..models.filter_list_links import FilterListLinks  # noqa: PLC0415
    from ..models.filter_list_meta import FilterListMeta  # noqa: PLC0415
    from ..models.range_filter_list_detailed_response import (
        RangeFilterListDetailedResponse,  # noqa: PLC0415
    )
    from ..models.range_filter_list_response import RangeFilterListResponse  # noqa: PLC0415
    from ..models.select_filter_list_detailed_response import (
        SelectFilterListDetailedResponse,  # noqa: PLC0415
    )
    from ..models.select_filter_list_response import SelectFilterListResponse  # noqa: PLC0415

    _lazy_imported = True
