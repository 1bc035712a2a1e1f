from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.ai_task_builder_dataset_schema_version import (
    AiTaskBuilderDatasetSchemaVersion,
)
from ..models.ai_task_builder_dataset_status import (
    AiTaskBuilderDatasetStatus,
)
from ..types import UNSET, Unset, whole_number

if TYPE_CHECKING:
    from ..models.dataset_import_job import DatasetImportJob
    from ..models.dataset_schema import DatasetSchema


T = TypeVar("T", bound="UpdateTaskBuilderDatasetResponse")


@_attrs_define
class UpdateTaskBuilderDatasetResponse:
    """An AI Task Builder dataset. The shape of the response varies by `schema_version`:

    - **V3 datasets** include `status`, `filename`, and `has_predetermined_grouping_id`.
    - **V4 datasets** include `schema` (the researcher-defined field schema, or `null` if not yet set) and `imports`
    (the list of import jobs for this dataset). V4 datasets do not include `status` or `filename`.

        Attributes:
            id (UUID):
            name (str):
            created_at (datetime.datetime):
            created_by (str):
            workspace_id (str):
            total_datapoint_count (int):
            schema_version (AiTaskBuilderDatasetSchemaVersion | str): Internal dataset version. 3 = legacy CSV/ZIP; 4 =
                structured schema with JSONL/CSV import tracking.
            status (AiTaskBuilderDatasetStatus | str): Processing status. **V3 datasets only.** V4 datasets track status per
                import job via `imports`.
            filename (None | str | Unset): Filename of the uploaded data file. **V3 datasets only.**
            has_predetermined_grouping_id (bool | None | Unset): Whether the dataset contains a `META_TASK_GROUP_ID` column.
                **V3 datasets only.**
            schema (DatasetSchema | None | Unset): The researcher-defined field schema for this dataset. **V4 datasets
                only.**
                `null` if no schema has been set yet.
            imports (list[DatasetImportJob] | None | Unset): Import jobs for this dataset, most recent first. **V4 datasets
                only.** `null` for V3 datasets.
            migration_job_id (UUID | Unset): The schema migration job started by this update. Present only when the
                dataset already had a schema (i.e. the schema was changed, not set for the
                first time). Use with `GET /datasets/{dataset_id}/schema-migrations/{job_id}`.
    """

    id: UUID
    name: str
    created_at: datetime.datetime
    created_by: str
    workspace_id: str
    total_datapoint_count: int
    schema_version: AiTaskBuilderDatasetSchemaVersion | str
    status: AiTaskBuilderDatasetStatus | str
    filename: None | str | Unset = UNSET
    has_predetermined_grouping_id: bool | None | Unset = UNSET
    schema: DatasetSchema | None | Unset = UNSET
    imports: list[DatasetImportJob] | None | Unset = UNSET
    migration_job_id: UUID | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        if not _lazy_imported:
            _import_lazy()

        id = str(self.id)

        name = self.name

        created_at = self.created_at.isoformat()

        created_by = self.created_by

        workspace_id = self.workspace_id

        total_datapoint_count = self.total_datapoint_count

        schema_version: str
        if isinstance(self.schema_version, str):
            schema_version = self.schema_version
        else:
            schema_version = self.schema_version

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

        has_predetermined_grouping_id: bool | None | Unset
        if isinstance(self.has_predetermined_grouping_id, Unset):
            has_predetermined_grouping_id = UNSET
        else:
            has_predetermined_grouping_id = self.has_predetermined_grouping_id

        schema: dict[str, Any] | None | Unset
        if isinstance(self.schema, Unset):
            schema = UNSET
        elif isinstance(self.schema, DatasetSchema):
            schema = self.schema.to_dict()
        else:
            schema = self.schema

        imports: list[dict[str, Any]] | None | Unset
        if isinstance(self.imports, Unset):
            imports = UNSET
        elif isinstance(self.imports, list):
            imports = []
            for imports_type_0_item_data in self.imports:
                imports_type_0_item = imports_type_0_item_data.to_dict()
                imports.append(imports_type_0_item)

        else:
            imports = self.imports

        migration_job_id: str | Unset = UNSET
        if not isinstance(self.migration_job_id, Unset):
            migration_job_id = str(self.migration_job_id)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
                "created_at": created_at,
                "created_by": created_by,
                "workspace_id": workspace_id,
                "total_datapoint_count": total_datapoint_count,
                "schema_version": schema_version,
                "status": status,
            }
        )
        if filename is not UNSET:
            field_dict["filename"] = filename
        if has_predetermined_grouping_id is not UNSET:
            field_dict["has_predetermined_grouping_id"] = has_predetermined_grouping_id
        if schema is not UNSET:
            field_dict["schema"] = schema
        if imports is not UNSET:
            field_dict["imports"] = imports
        if migration_job_id is not UNSET:
            field_dict["migration_job_id"] = migration_job_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if not _lazy_imported:
            _import_lazy()

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        name = d.pop("name")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        created_by = d.pop("created_by")

        workspace_id = d.pop("workspace_id")

        total_datapoint_count = whole_number(d.pop("total_datapoint_count"))

        schema_version = d.pop("schema_version")

        status = d.pop("status")

        filename = d.pop("filename", UNSET)

        has_predetermined_grouping_id = d.pop("has_predetermined_grouping_id", UNSET)

        schema = _parse_schema(d.pop("schema", UNSET))

        imports = _parse_imports(d.pop("imports", UNSET))

        _migration_job_id = d.pop("migration_job_id", UNSET)
        migration_job_id: UUID | Unset
        if isinstance(_migration_job_id, Unset):
            migration_job_id = UNSET
        else:
            migration_job_id = UUID(_migration_job_id)

        update_task_builder_dataset_response = cls(
            id=id,
            name=name,
            created_at=created_at,
            created_by=created_by,
            workspace_id=workspace_id,
            total_datapoint_count=total_datapoint_count,
            schema_version=schema_version,
            status=status,
            filename=filename,
            has_predetermined_grouping_id=has_predetermined_grouping_id,
            schema=schema,
            imports=imports,
            migration_job_id=migration_job_id,
        )

        update_task_builder_dataset_response.additional_properties = d
        return update_task_builder_dataset_response

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


def _parse_schema(data: object) -> DatasetSchema | None | Unset:
    if data is None:
        return data
    if isinstance(data, Unset):
        return data
    if isinstance(data, dict) and "strict" in data and "fields" in data:
        try:
            schema_type_0 = DatasetSchema.from_dict(data)

            return schema_type_0
        except (TypeError, ValueError, AttributeError, KeyError):
            pass
    return cast(DatasetSchema | None | Unset, data)


def _parse_imports(data: object) -> list[DatasetImportJob] | None | Unset:
    if data is None:
        return data
    if isinstance(data, Unset):
        return data
    if isinstance(data, list):
        try:
            imports_type_0 = []
            _imports_type_0 = data
            for imports_type_0_item_data in _imports_type_0:
                imports_type_0_item = DatasetImportJob.from_dict(imports_type_0_item_data)

                imports_type_0.append(imports_type_0_item)

            return imports_type_0
        except (TypeError, ValueError, AttributeError, KeyError):
            pass
    return cast(list[DatasetImportJob] | None | Unset, data)


_lazy_imported = False


def _import_lazy() -> None:
    global _lazy_imported, DatasetImportJob, DatasetSchema
    from ..models.dataset_import_job import DatasetImportJob  # noqa: PLC0415
    from ..models.dataset_schema import DatasetSchema  # noqa: PLC0415

    _lazy_imported = True
