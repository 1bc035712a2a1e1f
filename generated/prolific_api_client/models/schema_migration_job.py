from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.schema_migration_job_status import (
    SchemaMigrationJobStatus,
)
from ..types import UNSET, Unset, whole_number

if TYPE_CHECKING:
    from ..models.schema_migration_error import SchemaMigrationError


T = TypeVar("T", bound="SchemaMigrationJob")


@_attrs_define
class SchemaMigrationJob:
    """Tracks the asynchronous re-normalisation of a V4 dataset's datapoints against a newer schema
    version. Poll `GET /datasets/{dataset_id}/schema-migrations/{job_id}` until a terminal
    status (`complete`, `partial`, or `failed`).

    The shape depends on `status`: the fields below marked as terminal-only are present only for
    the corresponding status.

        Attributes:
            dataset_id (UUID): The dataset being migrated.
            job_id (UUID): The unique identifier of the schema migration job.
            schema_version (int): The schema version this job reprocesses datapoints up to.
            created_at (datetime.datetime): When the migration job was created (ISO 8601, UTC).
            updated_at (datetime.datetime): When the migration job was last updated (ISO 8601, UTC).
            status (SchemaMigrationJobStatus | str): Current status of the migration job.
            reprocessed_count (int | Unset): Number of datapoints reprocessed. Present when status is `complete` or
                `partial`.
            failed_count (int | Unset): Number of datapoints with at least one field that could not be re-normalised.
                Present when status is `partial`.
            errors (list[SchemaMigrationError] | Unset): Record-level failures — fields nulled because they were invalid
                under the new schema. Present when status is `partial`.
            reason (str | Unset): Human-readable reason for failure. Present when status is `failed`.
    """

    dataset_id: UUID
    job_id: UUID
    schema_version: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    status: SchemaMigrationJobStatus | str
    reprocessed_count: int | Unset = UNSET
    failed_count: int | Unset = UNSET
    errors: list[SchemaMigrationError] | Unset = UNSET
    reason: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        if not _lazy_imported:
            _import_lazy()

        dataset_id = str(self.dataset_id)

        job_id = str(self.job_id)

        schema_version = self.schema_version

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        status: str
        if isinstance(self.status, str):
            status = self.status
        else:
            status = self.status

        reprocessed_count = self.reprocessed_count

        failed_count = self.failed_count

        errors: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.errors, Unset):
            errors = []
            for errors_item_data in self.errors:
                errors_item = errors_item_data.to_dict()
                errors.append(errors_item)

        reason = self.reason

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "dataset_id": dataset_id,
                "job_id": job_id,
                "schema_version": schema_version,
                "created_at": created_at,
                "updated_at": updated_at,
                "status": status,
            }
        )
        if reprocessed_count is not UNSET:
            field_dict["reprocessed_count"] = reprocessed_count
        if failed_count is not UNSET:
            field_dict["failed_count"] = failed_count
        if errors is not UNSET:
            field_dict["errors"] = errors
        if reason is not UNSET:
            field_dict["reason"] = reason

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if not _lazy_imported:
            _import_lazy()

        d = dict(src_dict)
        dataset_id = UUID(d.pop("dataset_id"))

        job_id = UUID(d.pop("job_id"))

        schema_version = whole_number(d.pop("schema_version"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        status = d.pop("status")

        reprocessed_count = whole_number(d.pop("reprocessed_count", UNSET))

        failed_count = whole_number(d.pop("failed_count", UNSET))

        _errors = d.pop("errors", UNSET)
        errors: list[SchemaMigrationError] | Unset = UNSET
        if _errors is not UNSET:
            errors = []
            for errors_item_data in _errors:
                errors_item = SchemaMigrationError.from_dict(errors_item_data)

                errors.append(errors_item)

        reason = d.pop("reason", UNSET)

        schema_migration_job = cls(
            dataset_id=dataset_id,
            job_id=job_id,
            schema_version=schema_version,
            created_at=created_at,
            updated_at=updated_at,
            status=status,
            reprocessed_count=reprocessed_count,
            failed_count=failed_count,
            errors=errors,
            reason=reason,
        )

        schema_migration_job.additional_properties = d
        return schema_migration_job

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
    global _lazy_imported, SchemaMigrationError
    from ..models.schema_migration_error import SchemaMigrationError  # noqa: PLC0415

    _lazy_imported = True
