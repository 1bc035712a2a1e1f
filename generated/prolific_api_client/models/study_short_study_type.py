from typing import Literal

StudyShortStudyType = Literal["SINGLE", "UK_REP_SAMPLE", "US_REP_SAMPLE"]

STUDY_SHORT_STUDY_TYPE_VALUES: set[StudyShortStudyType] = {
    "SINGLE",
    "UK_REP_SAMPLE",
    "US_REP_SAMPLE",
}


def check_study_short_study_type(value: str) -> StudyShortStudyType:
    if value in STUDY_SHORT_STUDY_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {STUDY_SHORT_STUDY_TYPE_VALUES!r}")
