from typing import Literal

SubmissionShortStatus = Literal[
    "ACTIVE", "APPROVED", "AWAITING REVIEW", "REJECTED", "RESERVED", "RETURNED", "SCREENED OUT", "TIMED-OUT"
]

SUBMISSION_SHORT_STATUS_VALUES: set[SubmissionShortStatus] = {
    "ACTIVE",
    "APPROVED",
    "AWAITING REVIEW",
    "REJECTED",
    "RESERVED",
    "RETURNED",
    "SCREENED OUT",
    "TIMED-OUT",
}


def check_submission_short_status(value: str) -> SubmissionShortStatus:
    if value in SUBMISSION_SHORT_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {SUBMISSION_SHORT_STATUS_VALUES!r}")
