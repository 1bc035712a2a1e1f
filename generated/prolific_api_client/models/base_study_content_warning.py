from typing import Literal

BaseStudyContentWarning = Literal["explicit", "sensitive"]

BASE_STUDY_CONTENT_WARNING_VALUES: set[BaseStudyContentWarning] = {
    "explicit",
    "sensitive",
}


def check_base_study_content_warning(value: str) -> BaseStudyContentWarning:
    if value in BASE_STUDY_CONTENT_WARNING_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {BASE_STUDY_CONTENT_WARNING_VALUES!r}")
