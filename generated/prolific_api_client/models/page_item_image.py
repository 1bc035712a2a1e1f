from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.collection_schema_version import (
    CollectionSchemaVersion,
    check_collection_schema_version,
)
from ..models.image_content_block_parent_type import (
    ImageContentBlockParentType,
)
from ..models.image_content_block_type import (
    ImageContentBlockType,
    check_image_content_block_type,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="PageItemImage")


@_attrs_define
class PageItemImage:
    """image variant

    Attributes:
        type_ (ImageContentBlockType):
        id (UUID):
        created_at (datetime.datetime):
        parent_id (UUID): ID of the parent collection item (page)
        parent_type (ImageContentBlockParentType | str):
        created_by (str):
        schema_version (CollectionSchemaVersion):
        url (str): HTTPS URL of the image
        alt_text (str): Alt text for accessibility
        caption (str | Unset): Optional caption displayed below the image
    """

    type_: ImageContentBlockType
    id: UUID
    created_at: datetime.datetime
    parent_id: UUID
    parent_type: ImageContentBlockParentType | str
    created_by: str
    schema_version: CollectionSchemaVersion
    url: str
    alt_text: str
    caption: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:

        type_: str = self.type_

        id = str(self.id)

        created_at = self.created_at.isoformat()

        parent_id = str(self.parent_id)

        parent_type: str
        if isinstance(self.parent_type, str):
            parent_type = self.parent_type
        else:
            parent_type = self.parent_type

        created_by = self.created_by

        schema_version: str = self.schema_version

        url = self.url

        alt_text = self.alt_text

        caption = self.caption

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "id": id,
                "created_at": created_at,
                "parent_id": parent_id,
                "parent_type": parent_type,
                "created_by": created_by,
                "schema_version": schema_version,
                "url": url,
                "alt_text": alt_text,
            }
        )
        if caption is not UNSET:
            field_dict["caption"] = caption

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:

        d = dict(src_dict)
        type_ = check_image_content_block_type(d.pop("type"))

        id = UUID(d.pop("id"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        parent_id = UUID(d.pop("parent_id"))

        parent_type = d.pop("parent_type")

        created_by = d.pop("created_by")

        schema_version = check_collection_schema_version(d.pop("schema_version"))

        url = d.pop("url")

        alt_text = d.pop("alt_text")

        caption = d.pop("caption", UNSET)

        page_item_image = cls(
            type_=type_,
            id=id,
            created_at=created_at,
            parent_id=parent_id,
            parent_type=parent_type,
            created_by=created_by,
            schema_version=schema_version,
            url=url,
            alt_text=alt_text,
            caption=caption,
        )

        page_item_image.additional_properties = d
        return page_item_image

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
