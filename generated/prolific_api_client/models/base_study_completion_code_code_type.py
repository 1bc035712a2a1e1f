from typing import Literal

BaseStudyCompletionCodeCodeType = Literal[
    "COMPLETED",
    "FAILED_ATTENTION_CHECK",
    "FIXED_SCREENOUT",
    "FOLLOW_UP_STUDY",
    "GIVE_BONUS",
    "INCOMPATIBLE_DEVICE",
    "NO_CONSENT",
    "OTHER",
    "SCREENED_IN",
    "SCREENED_OUT",
]

BASE_STUDY_COMPLETION_CODE_CODE_TYPE_VALUES: set[BaseStudyCompletionCodeCodeType] = {
    "COMPLETED",
    "FAILED_ATTENTION_CHECK",
    "FIXED_SCREENOUT",
    "FOLLOW_UP_STUDY",
    "GIVE_BONUS",
    "INCOMPATIBLE_DEVICE",
    "NO_CONSENT",
    "OTHER",
    "SCREENED_IN",
    "SCREENED_OUT",
}


def check_base_study_completion_code_code_type(value: str) -> BaseStudyCompletionCodeCodeType:
    if value in BASE_STUDY_COMPLETION_CODE_CODE_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {BASE_STUDY_COMPLETION_CODE_CODE_TYPE_VALUES!r}")
