from typing import Literal

SubmissionTransitionRejectionCategory = Literal[
    "BAD_CODE",
    "FAILED_CHECK",
    "FAILED_INSTRUCTIONS",
    "INCOMP_LONGITUDINAL",
    "LOW_EFFORT",
    "MALINGERING",
    "NO_CODE",
    "NO_DATA",
    "OTHER",
    "TOO_QUICKLY",
    "TOO_SLOWLY",
    "UNSUPP_DEVICE",
]

SUBMISSION_TRANSITION_REJECTION_CATEGORY_VALUES: set[SubmissionTransitionRejectionCategory] = {
    "BAD_CODE",
    "FAILED_CHECK",
    "FAILED_INSTRUCTIONS",
    "INCOMP_LONGITUDINAL",
    "LOW_EFFORT",
    "MALINGERING",
    "NO_CODE",
    "NO_DATA",
    "OTHER",
    "TOO_QUICKLY",
    "TOO_SLOWLY",
    "UNSUPP_DEVICE",
}


def check_submission_transition_rejection_category(value: str) -> SubmissionTransitionRejectionCategory:
    if value in SUBMISSION_TRANSITION_REJECTION_CATEGORY_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {SUBMISSION_TRANSITION_REJECTION_CATEGORY_VALUES!r}")
