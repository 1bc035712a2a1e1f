from typing import Literal

SchemaMigrationJobStatus = Literal["complete", "failed", "partial", "processing"]

SCHEMA_MIGRATION_JOB_STATUS_VALUES: set[SchemaMigrationJobStatus] = {
    "complete",
    "failed",
    "partial",
    "processing",
}


def check_schema_migration_job_status(value: str) -> SchemaMigrationJobStatus:
    if value in SCHEMA_MIGRATION_JOB_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {SCHEMA_MIGRATION_JOB_STATUS_VALUES!r}")
