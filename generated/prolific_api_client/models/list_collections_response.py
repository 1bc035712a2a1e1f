from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.collection import Collection
    from ..models.list_collections_response_meta import ListCollectionsResponseMeta


T = TypeVar("T", bound="ListCollectionsResponse")


@_attrs_define
class ListCollectionsResponse:
    """
    Attributes:
        results (list[Collection] | Unset):
        meta (ListCollectionsResponseMeta | Unset):
    """

    results: list[Collection] | Unset = UNSET
    meta: ListCollectionsResponseMeta | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        if not _lazy_imported:
            _import_lazy()

        results: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.results, Unset):
            results = []
            for results_item_data in self.results:
                results_item = results_item_data.to_dict()
                results.append(results_item)

        meta: dict[str, Any] | Unset = UNSET
        if not isinstance(self.meta, Unset):
            meta = self.meta.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if results is not UNSET:
            field_dict["results"] = results
        if meta is not UNSET:
            field_dict["meta"] = meta

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if not _lazy_imported:
            _import_lazy()

        d = dict(src_dict)
        _results = d.pop("results", UNSET)
        results: list[Collection] | Unset = UNSET
        if _results is not UNSET:
            results = []
            for results_item_data in _results:
                results_item = Collection.from_dict(results_item_data)

                results.append(results_item)

        _meta = d.pop("meta", UNSET)
        meta: ListCollectionsResponseMeta | Unset
        if isinstance(_meta, Unset):
            meta = UNSET
        else:
            meta = ListCollectionsResponseMeta.from_dict(_meta)

        list_collections_response = cls(
            results=results,
            meta=meta,
        )

        list_collections_response.additional_properties = d
        return list_collections_response

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
    global _lazy_imported, Collection, ListCollectionsResponseMeta
    from ..models.collection import Collection  # noqa: PLC0415
    from ..models.list_collections_response_meta import ListCollectionsResponseMeta  # noqa: PLC0415

    _lazy_imported = True
