from typing import Literal

SyncJobStatus = Literal["complete", "failed", "processing", "queued"]

SYNC_JOB_STATUS_VALUES: set[SyncJobStatus] = {
    "complete",
    "failed",
    "processing",
    "queued",
}


def check_sync_job_status(value: str) -> SyncJobStatus:
    if value in SYNC_JOB_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {SYNC_JOB_STATUS_VALUES!r}")
