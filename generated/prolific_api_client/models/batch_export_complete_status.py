from typing import Literal

BatchExportCompleteStatus = Literal["complete"]

BATCH_EXPORT_COMPLETE_STATUS_VALUES: set[BatchExportCompleteStatus] = {
    "complete",
}


def check_batch_export_complete_status(value: str) -> BatchExportCompleteStatus:
    if value in BATCH_EXPORT_COMPLETE_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {BATCH_EXPORT_COMPLETE_STATUS_VALUES!r}")
