from typing import Literal

GetSubmissionsStatus = Literal[
    "ACTIVE",
    "APPROVED",
    "AWAITING_REVIEW",
    "PARTIALLY_APPROVED",
    "REJECTED",
    "RETURNED",
    "SCREENED_OUT",
    "TIMED-OUT",
    "UNKNOWN",
]

GET_SUBMISSIONS_STATUS_VALUES: set[GetSubmissionsStatus] = {
    "ACTIVE",
    "APPROVED",
    "AWAITING_REVIEW",
    "PARTIALLY_APPROVED",
    "REJECTED",
    "RETURNED",
    "SCREENED_OUT",
    "TIMED-OUT",
    "UNKNOWN",
}


def check_get_submissions_status(value: str) -> GetSubmissionsStatus:
    if value in GET_SUBMISSIONS_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {GET_SUBMISSIONS_STATUS_VALUES!r}")
