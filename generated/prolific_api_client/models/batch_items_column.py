from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, UnknownVariant, Unset

if TYPE_CHECKING:
    from ..models.batch_items_item_dataset_field import BatchItemsItemDatasetField
    from ..models.batch_items_item_file_upload import BatchItemsItemFileUpload
    from ..models.batch_items_item_free_text import BatchItemsItemFreeText
    from ..models.batch_items_item_free_text_with_unit import (
        BatchItemsItemFreeTextWithUnit,
    )
    from ..models.batch_items_item_image import BatchItemsItemImage
    from ..models.batch_items_item_multiple_choice import BatchItemsItemMultipleChoice
    from ..models.batch_items_item_multiple_choice_with_free_text import (
        BatchItemsItemMultipleChoiceWithFreeText,
    )
    from ..models.batch_items_item_rich_text import BatchItemsItemRichText


T = TypeVar("T", bound="BatchItemsColumn")


@_attrs_define
class BatchItemsColumn:
    """A column within a row. Contains one or more items rendered top-to-bottom.

    Attributes:
        items (list[BatchItemsItemDatasetField | BatchItemsItemFileUpload | BatchItemsItemFreeText |
            BatchItemsItemFreeTextWithUnit | BatchItemsItemImage | BatchItemsItemMultipleChoice |
            BatchItemsItemMultipleChoiceWithFreeText | BatchItemsItemRichText]):
        id (str | Unset): Server-assigned identifier; present on responses. Include to preserve an existing column when
            updating.
    """

    items: list[
        BatchItemsItemDatasetField
        | BatchItemsItemImage
        | BatchItemsItemRichText
        | BatchItemsItemFreeText
        | BatchItemsItemFreeTextWithUnit
        | BatchItemsItemMultipleChoice
        | BatchItemsItemMultipleChoiceWithFreeText
        | BatchItemsItemFileUpload
        | UnknownVariant
    ]
    id: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        if not _lazy_imported:
            _import_lazy()

        items = []
        for items_item_data in self.items:
            items_item: dict[str, Any]
            if isinstance(items_item_data, UnknownVariant):
                items_item = items_item_data.to_dict()
            elif isinstance(items_item_data, BatchItemsItemDatasetField):
                items_item = items_item_data.to_dict()
            elif isinstance(items_item_data, BatchItemsItemImage):
                items_item = items_item_data.to_dict()
            elif isinstance(items_item_data, BatchItemsItemRichText):
                items_item = items_item_data.to_dict()
            elif isinstance(items_item_data, BatchItemsItemFreeText):
                items_item = items_item_data.to_dict()
            elif isinstance(items_item_data, BatchItemsItemFreeTextWithUnit):
                items_item = items_item_data.to_dict()
            elif isinstance(items_item_data, BatchItemsItemMultipleChoice):
                items_item = items_item_data.to_dict()
            elif isinstance(items_item_data, BatchItemsItemMultipleChoiceWithFreeText):
                items_item = items_item_data.to_dict()
            else:
                items_item = items_item_data.to_dict()

            items.append(items_item)

        id = self.id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "items": items,
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
        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = _parse_items_item(items_item_data)

            items.append(items_item)

        id = d.pop("id", UNSET)

        batch_items_column = cls(
            items=items,
            id=id,
        )

        batch_items_column.additional_properties = d
        return batch_items_column

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


def _parse_items_item(
    data: object,
) -> (
    BatchItemsItemDatasetField
    | BatchItemsItemImage
    | BatchItemsItemRichText
    | BatchItemsItemFreeText
    | BatchItemsItemFreeTextWithUnit
    | BatchItemsItemMultipleChoice
    | BatchItemsItemMultipleChoiceWithFreeText
    | BatchItemsItemFileUpload
    | UnknownVariant
):
    if isinstance(data, dict):
        tag = data.get("type")
        if tag == "dataset_field":
            return BatchItemsItemDatasetField.from_dict(data)
        if tag == "image":
            return BatchItemsItemImage.from_dict(data)
        if tag == "rich_text":
            return BatchItemsItemRichText.from_dict(data)
        if tag == "free_text":
            return BatchItemsItemFreeText.from_dict(data)
        if tag == "free_text_with_unit":
            return BatchItemsItemFreeTextWithUnit.from_dict(data)
        if tag == "multiple_choice":
            return BatchItemsItemMultipleChoice.from_dict(data)
        if tag == "multiple_choice_with_free_text":
            return BatchItemsItemMultipleChoiceWithFreeText.from_dict(data)
        if tag == "file_upload":
            return BatchItemsItemFileUpload.from_dict(data)
        if isinstance(tag, str):
            return UnknownVariant(raw=data)
    raise TypeError(f"Unexpected value {data!r} for items_item")


_lazy_imported = False


def _import_lazy() -> None:
    global \
        _lazy_imported, \
        BatchItemsItemDatasetField, \
        BatchItemsItemFileUpload, \
        BatchItemsItemFreeText, \
        BatchItemsItemFreeTextWithUnit, \
        BatchItemsItemImage, \
        BatchItemsItemMultipleChoice, \
        BatchItemsItemMultipleChoiceWithFreeText, \
        BatchItemsItemRichText
    from ..models.batch_items_item_dataset_field import BatchItemsItemDatasetField  # noqa: PLC0415
    from ..models.batch_items_item_file_upload import BatchItemsItemFileUpload  # noqa: PLC0415
    from ..models.batch_items_item_free_text import BatchItemsItemFreeText  # noqa: PLC0415
    from ..models.batch_items_item_free_text_with_unit import (
        BatchItemsItemFreeTextWithUnit,  # noqa: PLC0415
    )
    from ..models.batch_items_item_image import BatchItemsItemImage  # noqa: PLC0415
    from ..models.batch_items_item_multiple_choice import BatchItemsItemMultipleChoice  # noqa: PLC0415
    from ..models.batch_items_item_multiple_choice_with_free_text import (
        BatchItemsItemMultipleChoiceWithFreeText,  # noqa: PLC0415
    )
    from ..models.batch_items_item_rich_text import BatchItemsItemRichText  # noqa: PLC0415

    _lazy_imported = True
