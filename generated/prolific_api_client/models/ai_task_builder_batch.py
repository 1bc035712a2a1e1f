from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.ai_task_builder_batch_status import (
    AiTaskBuilderBatchStatus,
)
from ..types import UNSET, Unset, whole_number

if TYPE_CHECKING:
    from ..models.ai_task_builder_batch_dataset import AiTaskBuilderBatchDataset
    from ..models.batch_items_page import BatchItemsPage
    from ..models.task_details import TaskDetails


T = TypeVar("T", bound="AITaskBuilderBatch")


@_attrs_define
class AITaskBuilderBatch:
    """
    Attributes:
        id (UUID):
        created_at (datetime.datetime): An ISO-8601 formatted string representing the batch creation time, in UTC.
        created_by (str): User ID of the Prolific user that created the resource.
        datasets (list[AiTaskBuilderBatchDataset]):
        name (str):
        status (AiTaskBuilderBatchStatus | str):
        total_task_count (int):
        total_instruction_count (int):
        workspace_id (str):
        schema_version (int):
        task_details (TaskDetails): Task metadata displayed to participants
        total_task_groups (int):
        batch_items (list[BatchItemsPage] | None | Unset): The persisted `batch_items` layout, populated when the batch
            was created with
            `batch_items`. `null` for legacy batches authored via the standalone instructions
            endpoint. Every page, row, column, and item carries a server-assigned `id`.
        auto_sync_enabled (bool | Unset): When `true`, datapoints appended to the batch's attached dataset automatically
            trigger a
            sync that materialises tasks for them. Optional — absent on batches that have never
            enabled auto-sync. Absent or `false` mean auto-sync is off.
    """

    id: UUID
    created_at: datetime.datetime
    created_by: str
    datasets: list[AiTaskBuilderBatchDataset]
    name: str
    status: AiTaskBuilderBatchStatus | str
    total_task_count: int
    total_instruction_count: int
    workspace_id: str
    schema_version: int
    task_details: TaskDetails
    total_task_groups: int
    batch_items: list[BatchItemsPage] | None | Unset = UNSET
    auto_sync_enabled: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        if not _lazy_imported:
            _import_lazy()

        id = str(self.id)

        created_at = self.created_at.isoformat()

        created_by = self.created_by

        datasets = []
        for datasets_item_data in self.datasets:
            datasets_item = datasets_item_data.to_dict()
            datasets.append(datasets_item)

        name = self.name

        status: str
        if isinstance(self.status, str):
            status = self.status
        else:
            status = self.status

        total_task_count = self.total_task_count

        total_instruction_count = self.total_instruction_count

        workspace_id = self.workspace_id

        schema_version = self.schema_version

        task_details = self.task_details.to_dict()

        total_task_groups = self.total_task_groups

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
        field_dict.update(
            {
                "id": id,
                "created_at": created_at,
                "created_by": created_by,
                "datasets": datasets,
                "name": name,
                "status": status,
                "total_task_count": total_task_count,
                "total_instruction_count": total_instruction_count,
                "workspace_id": workspace_id,
                "schema_version": schema_version,
                "task_details": task_details,
                "total_task_groups": total_task_groups,
            }
        )
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
        id = UUID(d.pop("id"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        created_by = d.pop("created_by")

        datasets = []
        _datasets = d.pop("datasets")
        for datasets_item_data in _datasets:
            datasets_item = AiTaskBuilderBatchDataset.from_dict(datasets_item_data)

            datasets.append(datasets_item)

        name = d.pop("name")

        status = d.pop("status")

        total_task_count = whole_number(d.pop("total_task_count"))

        total_instruction_count = whole_number(d.pop("total_instruction_count"))

        workspace_id = d.pop("workspace_id")

        schema_version = whole_number(d.pop("schema_version"))

        task_details = TaskDetails.from_dict(d.pop("task_details"))

        total_task_groups = whole_number(d.pop("total_task_groups"))

        batch_items = _parse_batch_items(d.pop("batch_items", UNSET))

        auto_sync_enabled = d.pop("auto_sync_enabled", UNSET)

        ai_task_builder_batch = cls(
            id=id,
            created_at=created_at,
            created_by=created_by,
            datasets=datasets,
            name=name,
            status=status,
            total_task_count=total_task_count,
            total_instruction_count=total_instruction_count,
            workspace_id=workspace_id,
            schema_version=schema_version,
            task_details=task_details,
            total_task_groups=total_task_groups,
            batch_items=batch_items,
            auto_sync_enabled=auto_sync_enabled,
        )

        ai_task_builder_batch.additional_properties = d
        return ai_task_builder_batch

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
    global _lazy_imported, AiTaskBuilderBatchDataset, BatchItemsPage, TaskDetails
    from ..models.ai_task_builder_batch_dataset import AiTaskBuilderBatchDataset  # noqa: PLC0415
    from ..models.batch_items_page import BatchItemsPage  # noqa: PLC0415
    from ..models.task_details import TaskDetails  # noqa: PLC0415

    _lazy_imported = True
