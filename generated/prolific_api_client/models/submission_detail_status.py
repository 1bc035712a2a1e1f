from typing import Literal

SubmissionDetailStatus = Literal[
    "ACTIVE",
    "APPROVED",
    "AWAITING REVIEW",
    "PARTIALLY APPROVED",
    "REJECTED",
    "RESERVED",
    "RETURNED",
    "SCREENED OUT",
    "TIMED-OUT",
    "UNKNOWN",
]

SUBMISSION_DETAIL_STATUS_VALUES: set[SubmissionDetailStatus] = {
    "ACTIVE",
    "APPROVED",
    "AWAITING REVIEW",
    "PARTIALLY APPROVED",
    "REJECTED",
    "RESERVED",
    "RETURNED",
    "SCREENED OUT",
    "TIMED-OUT",
    "UNKNOWN",
}


def check_submission_detail_status(value: str) -> SubmissionDetailStatus:
    if value in SUBMISSION_DETAIL_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {SUBMISSION_DETAIL_STATUS_VALUES!r}")
