from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.collection_instruction_input import CollectionInstructionInput
    from ..models.content_block_input import ContentBlockInput


T = TypeVar("T", bound="CollectionItemInput")


@_attrs_define
class CollectionItemInput:
    """A page within a collection. Include `id` to preserve an existing page when updating.

    Attributes:
        page_items (list[CollectionInstructionInput | ContentBlockInput]): Instructions and content blocks on this page
        id (UUID | Unset): Include to preserve an existing page when updating
    """

    page_items: list[CollectionInstructionInput | ContentBlockInput]
    id: UUID | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        if not _lazy_imported:
            _import_lazy()

        page_items = []
        for page_items_item_data in self.page_items:
            page_items_item: dict[str, Any]
            if isinstance(page_items_item_data, CollectionInstructionInput):
                page_items_item = page_items_item_data.to_dict()
            else:
                page_items_item = page_items_item_data.to_dict()

            page_items.append(page_items_item)

        id: str | Unset = UNSET
        if not isinstance(self.id, Unset):
            id = str(self.id)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "page_items": page_items,
            }
        )
        if id is not UNSET:
            field_dict["id"] = id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if not _lazy_imported:
            _import_lazy()

        d = dict(src_dict)
        page_items = []
        _page_items = d.pop("page_items")
        for page_items_item_data in _page_items:
            page_items_item = _parse_page_items_item(page_items_item_data)

            page_items.append(page_items_item)

        _id = d.pop("id", UNSET)
        id: UUID | Unset
        if isinstance(_id, Unset):
            id = UNSET
        else:
            id = UUID(_id)

        collection_item_input = cls(
            page_items=page_items,
            id=id,
        )

        collection_item_input.additional_properties = d
        return collection_item_input

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


def _parse_page_items_item(data: object) -> CollectionInstructionInput | ContentBlockInput:
    if isinstance(data, dict) and "type" in data and "description" in data and "order" in data:
        try:
            componentsschemas_page_item_input_type_0 = CollectionInstructionInput.from_dict(data)

            return componentsschemas_page_item_input_type_0
        except (TypeError, ValueError, AttributeError, KeyError):
            pass
    if not isinstance(data, dict):
        raise TypeError()
    componentsschemas_page_item_input_type_1 = ContentBlockInput.from_dict(data)

    return componentsschemas_page_item_input_type_1


_lazy_imported = False


def _import_lazy() -> None:
    global _lazy_imported, CollectionInstructionInput, ContentBlockInput
    from ..models.collection_instruction_input import CollectionInstructionInput  # noqa: PLC0415
    from ..models.content_block_input import ContentBlockInput  # noqa: PLC0415

    _lazy_imported = True
