from typing import Literal

BatchExportStatusGeneratingStatus = Literal["generating"]

BATCH_EXPORT_STATUS_GENERATING_STATUS_VALUES: set[BatchExportStatusGeneratingStatus] = {
    "generating",
}


def check_batch_export_status_generating_status(value: str) -> BatchExportStatusGeneratingStatus:
    if value in BATCH_EXPORT_STATUS_GENERATING_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {BATCH_EXPORT_STATUS_GENERATING_STATUS_VALUES!r}")
