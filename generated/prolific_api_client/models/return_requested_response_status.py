from typing import Literal

ReturnRequestedResponseStatus = Literal[
    "ACTIVE", "APPROVED", "AWAITING REVIEW", "REJECTED", "RESERVED", "RETURNED", "SCREENED OUT", "TIMED-OUT", "UNKNOWN"
]

RETURN_REQUESTED_RESPONSE_STATUS_VALUES: set[ReturnRequestedResponseStatus] = {
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


def check_return_requested_response_status(value: str) -> ReturnRequestedResponseStatus:
    if value in RETURN_REQUESTED_RESPONSE_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {RETURN_REQUESTED_RESPONSE_STATUS_VALUES!r}")
