from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.collection_schema_version import (
    CollectionSchemaVersion,
)
from ..types import UnknownVariant

if TYPE_CHECKING:
    from ..models.page_item_file_upload import PageItemFileUpload
    from ..models.page_item_free_text import PageItemFreeText
    from ..models.page_item_free_text_with_unit import PageItemFreeTextWithUnit
    from ..models.page_item_image import PageItemImage
    from ..models.page_item_multiple_choice import PageItemMultipleChoice
    from ..models.page_item_multiple_choice_with_free_text import (
        PageItemMultipleChoiceWithFreeText,
    )
    from ..models.page_item_rich_text import PageItemRichText


T = TypeVar("T", bound="CollectionItem")


@_attrs_define
class CollectionItem:
    """A page within a collection containing instructions and content blocks

    Attributes:
        id (UUID):
        created_at (datetime.datetime):
        created_by (str):
        schema_version (CollectionSchemaVersion | str):
        page_items (list[PageItemFileUpload | PageItemFreeText | PageItemFreeTextWithUnit | PageItemImage |
            PageItemMultipleChoice | PageItemMultipleChoiceWithFreeText | PageItemRichText]): Instructions and content
            blocks on this page
    """

    id: UUID
    created_at: datetime.datetime
    created_by: str
    schema_version: CollectionSchemaVersion | str
    page_items: list[
        PageItemMultipleChoice
        | PageItemFreeText
        | PageItemFreeTextWithUnit
        | PageItemMultipleChoiceWithFreeText
        | PageItemFileUpload
        | PageItemImage
        | PageItemRichText
        | UnknownVariant
    ]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        if not _lazy_imported:
            _import_lazy()

        id = str(self.id)

        created_at = self.created_at.isoformat()

        created_by = self.created_by

        schema_version: str
        if isinstance(self.schema_version, str):
            schema_version = self.schema_version
        else:
            schema_version = self.schema_version

        page_items = []
        for page_items_item_data in self.page_items:
            page_items_item: dict[str, Any]
            if isinstance(page_items_item_data, UnknownVariant):
                page_items_item = page_items_item_data.to_dict()
            elif isinstance(page_items_item_data, PageItemMultipleChoice):
                page_items_item = page_items_item_data.to_dict()
            elif isinstance(page_items_item_data, PageItemFreeText):
                page_items_item = page_items_item_data.to_dict()
            elif isinstance(page_items_item_data, PageItemFreeTextWithUnit):
                page_items_item = page_items_item_data.to_dict()
            elif isinstance(page_items_item_data, PageItemMultipleChoiceWithFreeText):
                page_items_item = page_items_item_data.to_dict()
            elif isinstance(page_items_item_data, PageItemFileUpload):
                page_items_item = page_items_item_data.to_dict()
            elif isinstance(page_items_item_data, PageItemImage):
                page_items_item = page_items_item_data.to_dict()
            else:
                page_items_item = page_items_item_data.to_dict()

            page_items.append(page_items_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "created_at": created_at,
                "created_by": created_by,
                "schema_version": schema_version,
                "page_items": page_items,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if not _lazy_imported:
            _import_lazy()

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        created_by = d.pop("created_by")

        schema_version = d.pop("schema_version")

        page_items = []
        _page_items = d.pop("page_items")
        for page_items_item_data in _page_items:
            page_items_item = _parse_page_items_item(page_items_item_data)

            page_items.append(page_items_item)

        collection_item = cls(
            id=id,
            created_at=created_at,
            created_by=created_by,
            schema_version=schema_version,
            page_items=page_items,
        )

        collection_item.additional_properties = d
        return collection_item

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


def _parse_page_items_item(
    data: object,
) -> (
    PageItemMultipleChoice
    | PageItemFreeText
    | PageItemFreeTextWithUnit
    | PageItemMultipleChoiceWithFreeText
    | PageItemFileUpload
    | PageItemImage
    | PageItemRichText
    | UnknownVariant
):
    if isinstance(data, dict):
        tag = data.get("type")
        if tag == "multiple_choice":
            return PageItemMultipleChoice.from_dict(data)
        if tag == "free_text":
            return PageItemFreeText.from_dict(data)
        if tag == "free_text_with_unit":
            return PageItemFreeTextWithUnit.from_dict(data)
        if tag == "multiple_choice_with_free_text":
            return PageItemMultipleChoiceWithFreeText.from_dict(data)
        if tag == "file_upload":
            return PageItemFileUpload.from_dict(data)
        if tag == "image":
            return PageItemImage.from_dict(data)
        if tag == "rich_text":
            return PageItemRichText.from_dict(data)
        if isinstance(tag, str):
            return UnknownVariant(raw=data)
    raise TypeError(f"Unexpected value {data!r} for page_items_item")


_lazy_imported = False


def _import_lazy() -> None:
    global \
        _lazy_imported, \
        PageItemFileUpload, \
        PageItemFreeText, \
        PageItemFreeTextWithUnit, \
        PageItemImage, \
        PageItemMultipleChoice, \
        PageItemMultipleChoiceWithFreeText, \
        PageItemRichText
    from ..models.page_item_file_upload import PageItemFileUpload  # noqa: PLC0415
    from ..models.page_item_free_text import PageItemFreeText  # noqa: PLC0415
    from ..models.page_item_free_text_with_unit import PageItemFreeTextWithUnit  # noqa: PLC0415
    from ..models.page_item_image import PageItemImage  # noqa: PLC0415
    from ..models.page_item_multiple_choice import PageItemMultipleChoice  # noqa: PLC0415
    from ..models.page_item_multiple_choice_with_free_text import (
        PageItemMultipleChoiceWithFreeText,  # noqa: PLC0415
    )
    from ..models.page_item_rich_text import PageItemRichText  # noqa: PLC0415

    _lazy_imported = True
