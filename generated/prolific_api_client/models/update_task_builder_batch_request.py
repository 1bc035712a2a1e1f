from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.batch_items_page import BatchItemsPage
    from ..models.task_details import TaskDetails


T = TypeVar("T", bound="UpdateTaskBuilderBatchRequest")


@_attrs_define
class UpdateTaskBuilderBatchRequest:
    """
    Attributes:
        name (str | Unset):
        task_details (TaskDetails | Unset): Task metadata displayed to participants
        dataset_id (UUID | Unset):
        batch_items (list[BatchItemsPage] | None | Unset): Replacement layout for the batch's instructions and content.
            Include the `id`
            of any existing pages, rows, columns, or items you want to preserve; omit `id`
            to add new entries. Items absent from the payload are removed.
        auto_sync_enabled (bool | Unset): When `true`, datapoints subsequently appended to the batch's attached dataset
            (via `POST /datasets/{dataset_id}/datapoints`) automatically trigger a sync that
            materialises tasks for them — no explicit `POST /batches/{batch_id}/sync` call is
            needed. When `false`, appended datapoints are only picked up by an explicit
            sync. If this field is omitted from the PATCH payload, the existing auto-sync
            setting is left unchanged.
    """

    name: str | Unset = UNSET
    task_details: TaskDetails | Unset = UNSET
    dataset_id: UUID | Unset = UNSET
    batch_items: list[BatchItemsPage] | None | Unset = UNSET
    auto_sync_enabled: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        if not _lazy_imported:
            _import_lazy()

        name = self.name

        task_details: dict[str, Any] | Unset = UNSET
        if not isinstance(self.task_details, Unset):
            task_details = self.task_details.to_dict()

        dataset_id: str | Unset = UNSET
        if not isinstance(self.dataset_id, Unset):
            dataset_id = str(self.dataset_id)

        batch_items: list[dict[str, Any]] | None | Unset
        if isinstance(self.batch_items, Unset):
            batch_items = UNSET
        elif isinstance(self.batch_items, list):
            batch_items = []
            for batch_items_type_0_item_data in self.batch_items:
                batch_items_type_0_item = batch_items_type_0_item_data.to_dict()
                batch_items.append(batch_items_type_0_item)

        else:
            batch_items = self.batch_items

        auto_sync_enabled = self.auto_sync_enabled

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name
        if task_details is not UNSET:
            field_dict["task_details"] = task_details
        if dataset_id is not UNSET:
            field_dict["dataset_id"] = dataset_id
        if batch_items is not UNSET:
            field_dict["batch_items"] = batch_items
        if auto_sync_enabled is not UNSET:
            field_dict["auto_sync_enabled"] = auto_sync_enabled

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if not _lazy_imported:
            _import_lazy()

        d = dict(src_dict)
        name = d.pop("name", UNSET)

        _task_details = d.pop("task_details", UNSET)
        task_details: TaskDetails | Unset
        if isinstance(_task_details, Unset):
            task_details = UNSET
        else:
            task_details = TaskDetails.from_dict(_task_details)

        _dataset_id = d.pop("dataset_id", UNSET)
        dataset_id: UUID | Unset
        if isinstance(_dataset_id, Unset):
            dataset_id = UNSET
        else:
            dataset_id = UUID(_dataset_id)

        batch_items = _parse_batch_items(d.pop("batch_items", UNSET))

        auto_sync_enabled = d.pop("auto_sync_enabled", UNSET)

        update_task_builder_batch_request = cls(
            name=name,
            task_details=task_details,
            dataset_id=dataset_id,
            batch_items=batch_items,
            auto_sync_enabled=auto_sync_enabled,
        )

        update_task_builder_batch_request.additional_properties = d
        return update_task_builder_batch_request

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


def _parse_batch_items(data: object) -> list[BatchItemsPage] | None | Unset:
    if data is None:
        return data
    if isinstance(data, Unset):
        return data
    if isinstance(data, list):
        try:
            batch_items_type_0 = []
            _batch_items_type_0 = data
            for batch_items_type_0_item_data in _batch_items_type_0:
                batch_items_type_0_item = BatchItemsPage.from_dict(batch_items_type_0_item_data)

                batch_items_type_0.append(batch_items_type_0_item)

            return batch_items_type_0
        except (TypeError, ValueError, AttributeError, KeyError):
            pass
    return cast(list[BatchItemsPage] | None | Unset, data)


_lazy_imported = False


def _import_lazy() -> None:
    global _lazy_imported, BatchItemsPage, TaskDetails
    from ..models.batch_items_page import BatchItemsPage  # noqa: PLC0415
    from ..models.task_details import TaskDetails  # noqa: PLC0415

    _lazy_imported = True
