from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.content_block_input_content_format import (
    ContentBlockInputContentFormat,
)
from ..models.rich_text_content_block_type import (
    RichTextContentBlockType,
    check_rich_text_content_block_type,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="BatchItemsItemRichText")


@_attrs_define
class BatchItemsItemRichText:
    """A rich-text content block rendered inline within the batch layout.

    Attributes:
        type_ (RichTextContentBlockType):
        content (str): Rich text content. Interpreted as HTML by default, or as Markdown when `content_format` is set to
            `markdown` (converted to HTML server-side before storage).
        id (str | Unset): Server-assigned identifier; present on responses. Include to preserve an existing item when
            updating.
        content_format (ContentBlockInputContentFormat | str | Unset): Format of the `content` field. Defaults to
            `html`. Default: 'html'.
    """

    type_: RichTextContentBlockType
    content: str
    id: str | Unset = UNSET
    content_format: ContentBlockInputContentFormat | str | Unset = "html"
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:

        type_: str = self.type_

        content = self.content

        id = self.id

        content_format: str | Unset
        if isinstance(self.content_format, Unset):
            content_format = UNSET
        elif isinstance(self.content_format, str):
            content_format = self.content_format
        else:
            content_format = self.content_format

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "content": content,
            }
        )
        if id is not UNSET:
            field_dict["id"] = id
        if content_format is not UNSET:
            field_dict["content_format"] = content_format

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:

        d = dict(src_dict)
        type_ = check_rich_text_content_block_type(d.pop("type"))

        content = d.pop("content")

        id = d.pop("id", UNSET)

        content_format = d.pop("content_format", UNSET)

        batch_items_item_rich_text = cls(
            type_=type_,
            content=content,
            id=id,
            content_format=content_format,
        )

        batch_items_item_rich_text.additional_properties = d
        return batch_items_item_rich_text

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
