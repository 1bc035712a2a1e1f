from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.collection_item_input import CollectionItemInput
    from ..models.task_details import TaskDetails


T = TypeVar("T", bound="CollectionCreateRequest")


@_attrs_define
class CollectionCreateRequest:
    """
    Attributes:
        name (str): The name of the collection
        workspace_id (str): The ID of the Prolific workspace
        task_details (TaskDetails): Task metadata displayed to participants
        collection_items (list[CollectionItemInput]): Pages within the collection
    """

    name: str
    workspace_id: str
    task_details: TaskDetails
    collection_items: list[CollectionItemInput]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        if not _lazy_imported:
            _import_lazy()

        name = self.name

        workspace_id = self.workspace_id

        task_details = self.task_details.to_dict()

        collection_items = []
        for collection_items_item_data in self.collection_items:
            collection_items_item = collection_items_item_data.to_dict()
            collection_items.append(collection_items_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "workspace_id": workspace_id,
                "task_details": task_details,
                "collection_items": collection_items,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if not _lazy_imported:
            _import_lazy()

        d = dict(src_dict)
        name = d.pop("name")

        workspace_id = d.pop("workspace_id")

        task_details = TaskDetails.from_dict(d.pop("task_details"))

        collection_items = []
        _collection_items = d.pop("collection_items")
        for collection_items_item_data in _collection_items:
            collection_items_item = CollectionItemInput.from_dict(collection_items_item_data)

            collection_items.append(collection_items_item)

        collection_create_request = cls(
            name=name,
            workspace_id=workspace_id,
            task_details=task_details,
            collection_items=collection_items,
        )

        collection_create_request.additional_properties = d
        return collection_create_request

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
    global _lazy_imported, CollectionItemInput, TaskDetails
    from ..models.collection_item_input import CollectionItemInput  # noqa: PLC0415
    from ..models.task_details import TaskDetails  # noqa: PLC0415

    _lazy_imported = True
