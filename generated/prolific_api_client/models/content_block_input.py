from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.content_block_input_content_format import (
    ContentBlockInputContentFormat,
    check_content_block_input_content_format,
)
from ..models.content_block_input_type import (
    ContentBlockInputType,
    check_content_block_input_type,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="ContentBlockInput")


@_attrs_define
class ContentBlockInput:
    """Content block input for a collection page

    Attributes:
        type_ (ContentBlockInputType):
        id (UUID | Unset): Include to preserve an existing content block when updating
        url (str | Unset): HTTPS URL for image content blocks
        alt_text (str | Unset): Alt text for image content blocks (required for accessibility)
        caption (str | Unset): Optional caption for image content blocks
        content (str | Unset): Content for rich_text content blocks. Interpreted as HTML by default, or Markdown if
            content_format is set to "markdown".
        content_format (ContentBlockInputContentFormat | Unset): Format of the `content` field. Defaults to `html`. /
            Format of the content field. When set to "markdown", content is converted to HTML server-side before storage.
            Defaults to "html".
    """

    type_: ContentBlockInputType
    id: UUID | Unset = UNSET
    url: str | Unset = UNSET
    alt_text: str | Unset = UNSET
    caption: str | Unset = UNSET
    content: str | Unset = UNSET
    content_format: ContentBlockInputContentFormat | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:

        type_: str = self.type_

        id: str | Unset = UNSET
        if not isinstance(self.id, Unset):
            id = str(self.id)

        url = self.url

        alt_text = self.alt_text

        caption = self.caption

        content = self.content

        content_format: str | Unset = UNSET
        if not isinstance(self.content_format, Unset):
            content_format = self.content_format

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
            }
        )
        if id is not UNSET:
            field_dict["id"] = id
        if url is not UNSET:
            field_dict["url"] = url
        if alt_text is not UNSET:
            field_dict["alt_text"] = alt_text
        if caption is not UNSET:
            field_dict["caption"] = caption
        if content is not UNSET:
            field_dict["content"] = content
        if content_format is not UNSET:
            field_dict["content_format"] = content_format

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:

        d = dict(src_dict)
        type_ = check_content_block_input_type(d.pop("type"))

        _id = d.pop("id", UNSET)
        id: UUID | Unset
        if isinstance(_id, Unset):
            id = UNSET
        else:
            id = UUID(_id)

        url = d.pop("url", UNSET)

        alt_text = d.pop("alt_text", UNSET)

        caption = d.pop("caption", UNSET)

        content = d.pop("content", UNSET)

        _content_format = d.pop("content_format", UNSET)
        content_format: ContentBlockInputContentFormat | Unset
        if isinstance(_content_format, Unset):
            content_format = UNSET
        else:
            content_format = check_content_block_input_content_format(_content_format)

        content_block_input = cls(
            type_=type_,
            id=id,
            url=url,
            alt_text=alt_text,
            caption=caption,
            content=content,
            content_format=content_format,
        )

        content_block_input.additional_properties = d
        return content_block_input

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
