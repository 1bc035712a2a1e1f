from typing import Literal

GetSubmissionsOrdering = Literal[
    "-started_at", "-study_name", "-submission_reward", "started_at", "study_name", "submission_reward"
]

GET_SUBMISSIONS_ORDERING_VALUES: set[GetSubmissionsOrdering] = {
    "-started_at",
    "-study_name",
    "-submission_reward",
    "started_at",
    "study_name",
    "submission_reward",
}


def check_get_submissions_ordering(value: str) -> GetSubmissionsOrdering:
    if value in GET_SUBMISSIONS_ORDERING_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {GET_SUBMISSIONS_ORDERING_VALUES!r}")
