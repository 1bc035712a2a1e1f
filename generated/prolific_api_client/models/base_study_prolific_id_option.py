from typing import Literal

BaseStudyProlificIdOption = Literal["not_required", "question", "url_parameters"]

BASE_STUDY_PROLIFIC_ID_OPTION_VALUES: set[BaseStudyProlificIdOption] = {
    "not_required",
    "question",
    "url_parameters",
}


def check_base_study_prolific_id_option(value: str) -> BaseStudyProlificIdOption:
    if value in BASE_STUDY_PROLIFIC_ID_OPTION_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {BASE_STUDY_PROLIFIC_ID_OPTION_VALUES!r}")
