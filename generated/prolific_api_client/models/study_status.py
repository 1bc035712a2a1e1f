from typing import Literal

StudyStatus = Literal["ACTIVE", "AWAITING REVIEW", "COMPLETED", "PAUSED", "PUBLISHING", "SCHEDULED", "UNPUBLISHED"]

STUDY_STATUS_VALUES: set[StudyStatus] = {
    "ACTIVE",
    "AWAITING REVIEW",
    "COMPLETED",
    "PAUSED",
    "PUBLISHING",
    "SCHEDULED",
    "UNPUBLISHED",
}


def check_study_status(value: str) -> StudyStatus:
    if value in STUDY_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {STUDY_STATUS_VALUES!r}")
