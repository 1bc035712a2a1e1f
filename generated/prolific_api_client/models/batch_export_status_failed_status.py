from typing import Literal

BatchExportStatusFailedStatus = Literal["failed"]

BATCH_EXPORT_STATUS_FAILED_STATUS_VALUES: set[BatchExportStatusFailedStatus] = {
    "failed",
}


def check_batch_export_status_failed_status(value: str) -> BatchExportStatusFailedStatus:
    if value in BATCH_EXPORT_STATUS_FAILED_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {BATCH_EXPORT_STATUS_FAILED_STATUS_VALUES!r}")
