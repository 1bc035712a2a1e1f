from typing import Literal

SubmissionStatus = Literal[
    "ACTIVE", "APPROVED", "AWAITING REVIEW", "REJECTED", "RESERVED", "RETURNED", "SCREENED OUT", "TIMED-OUT", "UNKNOWN"
]

SUBMISSION_STATUS_VALUES: set[SubmissionStatus] = {
    "ACTIVE",
    "APPROVED",
    "AWAITING REVIEW",
    "REJECTED",
    "RESERVED",
    "RETURNED",
    "SCREENED OUT",
    "TIMED-OUT",
    "UNKNOWN",
}


def check_submission_status(value: str) -> SubmissionStatus:
    if value in SUBMISSION_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {SUBMISSION_STATUS_VALUES!r}")
