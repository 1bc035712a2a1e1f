from typing import Literal

BaseStudyDataCollectionMethod = Literal["AI_TASK_BUILDER_BATCH", "AI_TASK_BUILDER_COLLECTION"]

BASE_STUDY_DATA_COLLECTION_METHOD_VALUES: set[BaseStudyDataCollectionMethod] = {
    "AI_TASK_BUILDER_BATCH",
    "AI_TASK_BUILDER_COLLECTION",
}


def check_base_study_data_collection_method(value: str) -> BaseStudyDataCollectionMethod:
    if value in BASE_STUDY_DATA_COLLECTION_METHOD_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {BASE_STUDY_DATA_COLLECTION_METHOD_VALUES!r}")
