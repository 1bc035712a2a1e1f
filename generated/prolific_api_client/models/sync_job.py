from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.sync_job_status import SyncJobStatus
from ..types import UNSET, Unset, whole_number

T = TypeVar("T", bound="SyncJob")


@_attrs_define
class SyncJob:
    """Tracks the asynchronous materialisation of tasks for datapoints appended to a batch's dataset
    since setup or the last sync. Created by `POST /batches/{batch_id}/sync`; poll
    `GET /batches/{batch_id}/syncs/{sync_id}` until a terminal status (`complete` or `failed`).

    The shape depends on `status`: the fields below marked as terminal-only are present only for
    the corresponding status.

        Attributes:
            batch_id (UUID): The batch this sync job belongs to.
            dataset_id (UUID): The dataset whose appended datapoints are being synced.
            sync_id (UUID): The unique identifier of the sync job.
            created_at (datetime.datetime): When the sync job was created (ISO 8601, UTC).
            updated_at (datetime.datetime): When the sync job was last updated (ISO 8601, UTC).
            status (str | SyncJobStatus): Current status of the sync job.
            tasks_created (int | Unset): Number of tasks created this sync. Present when status is `complete`.
            datapoints_processed (int | Unset): Number of datapoints processed this sync. Present when status is `complete`.
            groups_created (int | Unset): Number of new task groups created this sync. Present when status is `complete`.
            groups_expanded (int | Unset): Number of existing task groups grown this sync. Non-zero only for predetermined-
                grouping
                batches; always `0` for tasks-per-group batches. Present when status is `complete`.
            reason (str | Unset): Human-readable reason for failure. Present when status is `failed`.
    """

    batch_id: UUID
    dataset_id: UUID
    sync_id: UUID
    created_at: datetime.datetime
    updated_at: datetime.datetime
    status: str | SyncJobStatus
    tasks_created: int | Unset = UNSET
    datapoints_processed: int | Unset = UNSET
    groups_created: int | Unset = UNSET
    groups_expanded: int | Unset = UNSET
    reason: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:

        batch_id = str(self.batch_id)

        dataset_id = str(self.dataset_id)

        sync_id = str(self.sync_id)

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        status: str
        if isinstance(self.status, str):
            status = self.status
        else:
            status = self.status

        tasks_created = self.tasks_created

        datapoints_processed = self.datapoints_processed

        groups_created = self.groups_created

        groups_expanded = self.groups_expanded

        reason = self.reason

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "batch_id": batch_id,
                "dataset_id": dataset_id,
                "sync_id": sync_id,
                "created_at": created_at,
                "updated_at": updated_at,
                "status": status,
            }
        )
        if tasks_created is not UNSET:
            field_dict["tasks_created"] = tasks_created
        if datapoints_processed is not UNSET:
            field_dict["datapoints_processed"] = datapoints_processed
        if groups_created is not UNSET:
            field_dict["groups_created"] = groups_created
        if groups_expanded is not UNSET:
            field_dict["groups_expanded"] = groups_expanded
        if reason is not UNSET:
            field_dict["reason"] = reason

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:

        d = dict(src_dict)
        batch_id = UUID(d.pop("batch_id"))

        dataset_id = UUID(d.pop("dataset_id"))

        sync_id = UUID(d.pop("sync_id"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        status = d.pop("status")

        tasks_created = whole_number(d.pop("tasks_created", UNSET))

        datapoints_processed = whole_number(d.pop("datapoints_processed", UNSET))

        groups_created = whole_number(d.pop("groups_created", UNSET))

        groups_expanded = whole_number(d.pop("groups_expanded", UNSET))

        reason = d.pop("reason", UNSET)

        sync_job = cls(
            batch_id=batch_id,
            dataset_id=dataset_id,
            sync_id=sync_id,
            created_at=created_at,
            updated_at=updated_at,
            status=status,
            tasks_created=tasks_created,
            datapoints_processed=datapoints_processed,
            groups_created=groups_created,
            groups_expanded=groups_expanded,
            reason=reason,
        )

        sync_job.additional_properties = d
        return sync_job

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
