from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, whole_number

T = TypeVar("T", bound="SetupTaskBuilderBatchRequest")


@_attrs_define
class SetupTaskBuilderBatchRequest:
    """
    Attributes:
        dataset_id (UUID | Unset): The ID of the dataset to use for task generation. Optional if a dataset was already
            attached at batch creation time.
        tasks_per_group (int | Unset): The number of tasks to randomly assign to each task group. Participants complete
            one task group per submission.
            If your dataset includes a META_TASK_GROUP_ID column, those groupings take precedence over this parameter.
            Default: 1.
    """

    dataset_id: UUID | Unset = UNSET
    tasks_per_group: int | Unset = 1
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:

        dataset_id: str | Unset = UNSET
        if not isinstance(self.dataset_id, Unset):
            dataset_id = str(self.dataset_id)

        tasks_per_group = self.tasks_per_group

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if dataset_id is not UNSET:
            field_dict["dataset_id"] = dataset_id
        if tasks_per_group is not UNSET:
            field_dict["tasks_per_group"] = tasks_per_group

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:

        d = dict(src_dict)
        _dataset_id = d.pop("dataset_id", UNSET)
        dataset_id: UUID | Unset
        if isinstance(_dataset_id, Unset):
            dataset_id = UNSET
        else:
            dataset_id = UUID(_dataset_id)

        tasks_per_group = whole_number(d.pop("tasks_per_group", UNSET))

        setup_task_builder_batch_request = cls(
            dataset_id=dataset_id,
            tasks_per_group=tasks_per_group,
        )

        setup_task_builder_batch_request.additional_properties = d
        return setup_task_builder_batch_request

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
