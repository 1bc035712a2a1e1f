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
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.collection_item import CollectionItem
    from ..models.task_details import TaskDetails


T = TypeVar("T", bound="Collection")


@_attrs_define
class Collection:
    """
    Attributes:
        id (UUID):
        schema_version (CollectionSchemaVersion | str):
        created_at (datetime.datetime): ISO-8601 formatted creation timestamp in UTC
        created_by (str): User ID of the Prolific user that created the collection
        workspace_id (str): The ID of the Prolific workspace
        name (str): The name of the collection
        task_details (TaskDetails): Task metadata displayed to participants
        collection_items (list[CollectionItem]): Pages within the collection. Each collection item represents a page.
        last_modified_at (datetime.datetime | Unset): ISO-8601 formatted last modification timestamp in UTC
        last_modified_by (str | Unset): User ID of the Prolific user that last modified the collection
    """

    id: UUID
    schema_version: CollectionSchemaVersion | str
    created_at: datetime.datetime
    created_by: str
    workspace_id: str
    name: str
    task_details: TaskDetails
    collection_items: list[CollectionItem]
    last_modified_at: datetime.datetime | Unset = UNSET
    last_modified_by: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        if not _lazy_imported:
            _import_lazy()

        id = str(self.id)

        schema_version: str
        if isinstance(self.schema_version, str):
            schema_version = self.schema_version
        else:
            schema_version = self.schema_version

        created_at = self.created_at.isoformat()

        created_by = self.created_by

        workspace_id = self.workspace_id

        name = self.name

        task_details = self.task_details.to_dict()

        collection_items = []
        for collection_items_item_data in self.collection_items:
            collection_items_item = collection_items_item_data.to_dict()
            collection_items.append(collection_items_item)

        last_modified_at: str | Unset = UNSET
        if not isinstance(self.last_modified_at, Unset):
            last_modified_at = self.last_modified_at.isoformat()

        last_modified_by = self.last_modified_by

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "schema_version": schema_version,
                "created_at": created_at,
                "created_by": created_by,
                "workspace_id": workspace_id,
                "name": name,
                "task_details": task_details,
                "collection_items": collection_items,
            }
        )
        if last_modified_at is not UNSET:
            field_dict["last_modified_at"] = last_modified_at
        if last_modified_by is not UNSET:
            field_dict["last_modified_by"] = last_modified_by

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if not _lazy_imported:
            _import_lazy()

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        schema_version = d.pop("schema_version")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        created_by = d.pop("created_by")

        workspace_id = d.pop("workspace_id")

        name = d.pop("name")

        task_details = TaskDetails.from_dict(d.pop("task_details"))

        collection_items = []
        _collection_items = d.pop("collection_items")
        for collection_items_item_data in _collection_items:
            collection_items_item = CollectionItem.from_dict(collection_items_item_data)

            collection_items.append(collection_items_item)

        _last_modified_at = d.pop("last_modified_at", UNSET)
        last_modified_at: datetime.datetime | Unset
        if isinstance(_last_modified_at, Unset):
            last_modified_at = UNSET
        else:
            last_modified_at = datetime.datetime.fromisoformat(_last_modified_at)

        last_modified_by = d.pop("last_modified_by", UNSET)

        collection = cls(
            id=id,
            schema_version=schema_version,
            created_at=created_at,
            created_by=created_by,
            workspace_id=workspace_id,
            name=name,
            task_details=task_details,
            collection_items=collection_items,
            last_modified_at=last_modified_at,
            last_modified_by=last_modified_by,
        )

        collection.additional_properties = d
        return collection

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
    global _lazy_imported, CollectionItem, TaskDetails
    from ..models.collection_item import CollectionItem  # noqa: PLC0415
    from ..models.task_details import TaskDetails  # noqa: PLC0415

    _lazy_imported = True
