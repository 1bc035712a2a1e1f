from typing import Literal

AiTaskBuilderDatasetStatus = Literal["ERROR", "PROCESSING", "READY", "UNINITIALISED"]

AI_TASK_BUILDER_DATASET_STATUS_VALUES: set[AiTaskBuilderDatasetStatus] = {
    "ERROR",
    "PROCESSING",
    "READY",
    "UNINITIALISED",
}


def check_ai_task_builder_dataset_status(value: str) -> AiTaskBuilderDatasetStatus:
    if value in AI_TASK_BUILDER_DATASET_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {AI_TASK_BUILDER_DATASET_STATUS_VALUES!r}")
