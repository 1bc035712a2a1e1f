from typing import Literal

GetStudiesState = Literal[
    "ACTIVE", "AWAITING REVIEW", "COMPLETED", "PAUSED", "PUBLISHING", "SCHEDULED", "UNKNOWN", "UNPUBLISHED"
]

GET_STUDIES_STATE_VALUES: set[GetStudiesState] = {
    "ACTIVE",
    "AWAITING REVIEW",
    "COMPLETED",
    "PAUSED",
    "PUBLISHING",
    "SCHEDULED",
    "UNKNOWN",
    "UNPUBLISHED",
}


def check_get_studies_state(value: str) -> GetStudiesState:
    if value in GET_STUDIES_STATE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {GET_STUDIES_STATE_VALUES!r}")
