from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.dataset_import_job_status import (
    DatasetImportJobStatus,
)
from ..models.dataset_import_job_type import (
    DatasetImportJobType,
)
from ..types import UNSET, Unset, whole_number

if TYPE_CHECKING:
    from ..models.import_job_error import ImportJobError


T = TypeVar("T", bound="DatasetImportJob")


@_attrs_define
class DatasetImportJob:
    """Tracks the lifecycle of a single file upload to a V4 dataset.

    An import job is created when `GET /datasets/{dataset_id}/upload-url/{filename}` is called. It transitions through
    the following statuses:

    | Status | Meaning |
    |---|---|
    | `uninitialised` | Import job created; file not yet uploaded to S3 |
    | `queued` | File uploaded; queued for extraction |
    | `processing` | Extraction in progress |
    | `complete` | All records accepted |
    | `partial` | Some records accepted, some rejected — see `errors` |
    | `failed` | Extraction failed entirely — see `reason` |
    | `pending_schema` | Dataset has no schema; upload paused until schema is set |

    Poll `GET /datasets/{dataset_id}/imports/{import_id}` until a terminal status is reached (`complete`, `partial`,
    `failed`, or `pending_schema`).

        Attributes:
            dataset_id (UUID): The dataset this import job belongs to.
            import_id (UUID): The unique identifier of the import job.
            type_ (DatasetImportJobType | str): The type of import. Currently always `file_upload`.
            created_at (datetime.datetime): When the import job was created (ISO 8601, UTC).
            updated_at (datetime.datetime): When the import job was last updated (ISO 8601, UTC).
            status (DatasetImportJobStatus | str): Current status of the import job.
            filename (None | str | Unset): The original filename supplied when the upload URL was requested.
            accepted_count (int | Unset): Number of records successfully ingested. Present when status is `complete` or
                `partial`.
            rejected_count (int | Unset): Number of records rejected. Present when status is `partial`.
            errors (list[ImportJobError] | Unset): Record-level validation errors. Present when status is `partial`.
            reason (str | Unset): Human-readable reason for failure. Present when status is `failed`.
    """

    dataset_id: UUID
    import_id: UUID
    type_: DatasetImportJobType | str
    created_at: datetime.datetime
    updated_at: datetime.datetime
    status: DatasetImportJobStatus | str
    filename: None | str | Unset = UNSET
    accepted_count: int | Unset = UNSET
    rejected_count: int | Unset = UNSET
    errors: list[ImportJobError] | Unset = UNSET
    reason: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        if not _lazy_imported:
            _import_lazy()

        dataset_id = str(self.dataset_id)

        import_id = str(self.import_id)

        type_: str
        if isinstance(self.type_, str):
            type_ = self.type_
        else:
            type_ = self.type_

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        status: str
        if isinstance(self.status, str):
            status = self.status
        else:
            status = self.status

        filename: None | str | Unset
        if isinstance(self.filename, Unset):
            filename = UNSET
        else:
            filename = self.filename

        accepted_count = self.accepted_count

        rejected_count = self.rejected_count

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
                "import_id": import_id,
                "type": type_,
                "created_at": created_at,
                "updated_at": updated_at,
                "status": status,
            }
        )
        if filename is not UNSET:
            field_dict["filename"] = filename
        if accepted_count is not UNSET:
            field_dict["accepted_count"] = accepted_count
        if rejected_count is not UNSET:
            field_dict["rejected_count"] = rejected_count
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

        import_id = UUID(d.pop("import_id"))

        type_ = d.pop("type")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        status = d.pop("status")

        filename = d.pop("filename", UNSET)

        accepted_count = whole_number(d.pop("accepted_count", UNSET))

        rejected_count = whole_number(d.pop("rejected_count", UNSET))

        _errors = d.pop("errors", UNSET)
        errors: list[ImportJobError] | Unset = UNSET
        if _errors is not UNSET:
            errors = []
            for errors_item_data in _errors:
                errors_item = ImportJobError.from_dict(errors_item_data)

                errors.append(errors_item)

        reason = d.pop("reason", UNSET)

        dataset_import_job = cls(
            dataset_id=dataset_id,
            import_id=import_id,
            type_=type_,
            created_at=created_at,
            updated_at=updated_at,
            status=status,
            filename=filename,
            accepted_count=accepted_count,
            rejected_count=rejected_count,
            errors=errors,
            reason=reason,
        )

        dataset_import_job.additional_properties = d
        return dataset_import_job

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
    global _lazy_imported, ImportJobError
    from ..models.import_job_error import ImportJobError  # noqa: PLC0415

    _lazy_imported = True
