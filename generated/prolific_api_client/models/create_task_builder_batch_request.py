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


T = TypeVar("T", bound="CreateTaskBuilderBatchRequest")


@_attrs_define
class CreateTaskBuilderBatchRequest:
    """
    Attributes:
        name (str): The name of the batch
        workspace_id (str): The ID of the Prolific workspace
        task_details (TaskDetails): Task metadata displayed to participants
        dataset_id (UUID | Unset): The ID of the dataset to attach (optional at creation time)
        batch_items (list[BatchItemsPage] | None | Unset): Inline pages of instructions and content shown to
            participants. Each entry is a page
            containing rows of columns of items (dataset field references, content blocks, or
            instructions). When supplied, this is the recommended way to author instructions —
            the legacy `POST /batches/{batch_id}/instructions` endpoint is rejected for batches
            created with `batch_items`.
    """

    name: str
    workspace_id: str
    task_details: TaskDetails
    dataset_id: UUID | Unset = UNSET
    batch_items: list[BatchItemsPage] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        if not _lazy_imported:
            _import_lazy()

        name = self.name

        workspace_id = self.workspace_id

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

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "workspace_id": workspace_id,
                "task_details": task_details,
            }
        )
        if dataset_id is not UNSET:
            field_dict["dataset_id"] = dataset_id
        if batch_items is not UNSET:
            field_dict["batch_items"] = batch_items

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if not _lazy_imported:
            _import_lazy()

        d = dict(src_dict)
        name = d.pop("name")

        workspace_id = d.pop("workspace_id")

        task_details = TaskDetails.from_dict(d.pop("task_details"))

        _dataset_id = d.pop("dataset_id", UNSET)
        dataset_id: UUID | Unset
        if isinstance(_dataset_id, Unset):
            dataset_id = UNSET
        else:
            dataset_id = UUID(_dataset_id)

        batch_items = _parse_batch_items(d.pop("batch_items", UNSET))

        create_task_builder_batch_request = cls(
            name=name,
            workspace_id=workspace_id,
            task_details=task_details,
            dataset_id=dataset_id,
            batch_items=batch_items,
        )

        create_task_builder_batch_request.additional_properties = d
        return create_task_builder_batch_request

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
