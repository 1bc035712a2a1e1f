from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

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
        | BatchItemsItemFileUpload
        | BatchItemsItemFreeText
        | BatchItemsItemFreeTextWithUnit
        | BatchItemsItemImage
        | BatchItemsItemMultipleChoice
        | BatchItemsItemMultipleChoiceWithFreeText
        | BatchItemsItemRichText
    ]
    id: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.batch_items_item_dataset_field import BatchItemsItemDatasetField  # noqa: PLC0415
        from ..models.batch_items_item_free_text import BatchItemsItemFreeText  # noqa: PLC0415
        from ..models.batch_items_item_free_text_with_unit import (
            BatchItemsItemFreeTextWithUnit,  # noqa: PLC0415
        )
        from ..models.batch_items_item_image import BatchItemsItemImage  # noqa: PLC0415
        from ..models.batch_items_item_multiple_choice import (
            BatchItemsItemMultipleChoice,  # noqa: PLC0415
        )
        from ..models.batch_items_item_multiple_choice_with_free_text import (
            BatchItemsItemMultipleChoiceWithFreeText,  # noqa: PLC0415
        )
        from ..models.batch_items_item_rich_text import BatchItemsItemRichText  # noqa: PLC0415

        items = []
        for items_item_data in self.items:
            items_item: dict[str, Any]
            if isinstance(items_item_data, BatchItemsItemDatasetField):
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
        from ..models.batch_items_item_dataset_field import BatchItemsItemDatasetField  # noqa: PLC0415
        from ..models.batch_items_item_file_upload import BatchItemsItemFileUpload  # noqa: PLC0415
        from ..models.batch_items_item_free_text import BatchItemsItemFreeText  # noqa: PLC0415
        from ..models.batch_items_item_free_text_with_unit import (
            BatchItemsItemFreeTextWithUnit,  # noqa: PLC0415
        )
        from ..models.batch_items_item_image import BatchItemsItemImage  # noqa: PLC0415
        from ..models.batch_items_item_multiple_choice import (
            BatchItemsItemMultipleChoice,  # noqa: PLC0415
        )
        from ..models.batch_items_item_multiple_choice_with_free_text import (
            BatchItemsItemMultipleChoiceWithFreeText,  # noqa: PLC0415
        )
        from ..models.batch_items_item_rich_text import BatchItemsItemRichText  # noqa: PLC0415

        d = dict(src_dict)
        items = []
        _items = d.pop("items")
        for items_item_data in _items:

            def _parse_items_item(
                data: object,
            ) -> (
                BatchItemsItemDatasetField
                | BatchItemsItemFileUpload
                | BatchItemsItemFreeText
                | BatchItemsItemFreeTextWithUnit
                | BatchItemsItemImage
                | BatchItemsItemMultipleChoice
                | BatchItemsItemMultipleChoiceWithFreeText
                | BatchItemsItemRichText
            ):
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_batch_items_item_type_0 = BatchItemsItemDatasetField.from_dict(data)

                    return componentsschemas_batch_items_item_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_batch_items_item_type_1 = BatchItemsItemImage.from_dict(data)

                    return componentsschemas_batch_items_item_type_1
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_batch_items_item_type_2 = BatchItemsItemRichText.from_dict(data)

                    return componentsschemas_batch_items_item_type_2
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_batch_items_item_type_3 = BatchItemsItemFreeText.from_dict(data)

                    return componentsschemas_batch_items_item_type_3
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_batch_items_item_type_4 = BatchItemsItemFreeTextWithUnit.from_dict(data)

                    return componentsschemas_batch_items_item_type_4
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_batch_items_item_type_5 = BatchItemsItemMultipleChoice.from_dict(data)

                    return componentsschemas_batch_items_item_type_5
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_batch_items_item_type_6 = BatchItemsItemMultipleChoiceWithFreeText.from_dict(data)

                    return componentsschemas_batch_items_item_type_6
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_batch_items_item_type_7 = BatchItemsItemFileUpload.from_dict(data)

                return componentsschemas_batch_items_item_type_7

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
