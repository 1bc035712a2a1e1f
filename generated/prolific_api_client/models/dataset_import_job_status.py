from typing import Literal

DatasetImportJobStatus = Literal[
    "complete", "failed", "partial", "pending_schema", "processing", "queued", "uninitialised"
]

DATASET_IMPORT_JOB_STATUS_VALUES: set[DatasetImportJobStatus] = {
    "complete",
    "failed",
    "partial",
    "pending_schema",
    "processing",
    "queued",
    "uninitialised",
}


def check_dataset_import_job_status(value: str) -> DatasetImportJobStatus:
    if value in DATASET_IMPORT_JOB_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {DATASET_IMPORT_JOB_STATUS_VALUES!r}")
