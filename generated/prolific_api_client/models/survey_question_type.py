from typing import Literal

SurveyQuestionType = Literal["multiple", "single"]

SURVEY_QUESTION_TYPE_VALUES: set[SurveyQuestionType] = {
    "multiple",
    "single",
}


def check_survey_question_type(value: str) -> SurveyQuestionType:
    if value in SURVEY_QUESTION_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {SURVEY_QUESTION_TYPE_VALUES!r}")
