from typing import Literal

DatasetImportJobType = Literal["file_upload"]

DATASET_IMPORT_JOB_TYPE_VALUES: set[DatasetImportJobType] = {
    "file_upload",
}


def check_dataset_import_job_type(value: str) -> DatasetImportJobType:
    if value in DATASET_IMPORT_JOB_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {DATASET_IMPORT_JOB_TYPE_VALUES!r}")
