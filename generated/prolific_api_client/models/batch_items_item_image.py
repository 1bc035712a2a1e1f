from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.image_content_block_type import (
    ImageContentBlockType,
    check_image_content_block_type,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="BatchItemsItemImage")


@_attrs_define
class BatchItemsItemImage:
    """An image content block rendered inline within the batch layout.

    Attributes:
        type_ (ImageContentBlockType):
        url (str): HTTPS URL of the image. Non-HTTPS URLs are rejected.
        alt_text (str): Alt text shown to screen readers. Required for accessibility.
        id (str | Unset): Server-assigned identifier; present on responses. Include to preserve an existing item when
            updating.
        caption (str | Unset): Optional caption displayed below the image.
    """

    type_: ImageContentBlockType
    url: str
    alt_text: str
    id: str | Unset = UNSET
    caption: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:

        type_: str = self.type_

        url = self.url

        alt_text = self.alt_text

        id = self.id

        caption = self.caption

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "url": url,
                "alt_text": alt_text,
            }
        )
        if id is not UNSET:
            field_dict["id"] = id
        if caption is not UNSET:
            field_dict["caption"] = caption

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:

        d = dict(src_dict)
        type_ = check_image_content_block_type(d.pop("type"))

        url = d.pop("url")

        alt_text = d.pop("alt_text")

        id = d.pop("id", UNSET)

        caption = d.pop("caption", UNSET)

        batch_items_item_image = cls(
            type_=type_,
            url=url,
            alt_text=alt_text,
            id=id,
            caption=caption,
        )

        batch_items_item_image.additional_properties = d
        return batch_items_item_image

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
