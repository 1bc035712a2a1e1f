from typing import Literal

BaseStudyStudyLabel = Literal[
    "ai_annotation",
    "ai_data_creation_audio",
    "ai_data_creation_images",
    "ai_data_creation_text",
    "ai_data_creation_video",
    "ai_evaluation",
    "ai_fact_checking",
    "ai_other",
    "ai_reasoning",
    "ai_safety",
    "annotation",
    "decision_making_task",
    "interview",
    "other",
    "survey",
    "writing_task",
]

BASE_STUDY_STUDY_LABEL_VALUES: set[BaseStudyStudyLabel] = {
    "ai_annotation",
    "ai_data_creation_audio",
    "ai_data_creation_images",
    "ai_data_creation_text",
    "ai_data_creation_video",
    "ai_evaluation",
    "ai_fact_checking",
    "ai_other",
    "ai_reasoning",
    "ai_safety",
    "annotation",
    "decision_making_task",
    "interview",
    "other",
    "survey",
    "writing_task",
}


def check_base_study_study_label(value: str) -> BaseStudyStudyLabel:
    if value in BASE_STUDY_STUDY_LABEL_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {BASE_STUDY_STUDY_LABEL_VALUES!r}")
