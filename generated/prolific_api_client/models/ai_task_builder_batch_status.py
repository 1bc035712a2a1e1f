from typing import Literal

AiTaskBuilderBatchStatus = Literal["ERROR", "PROCESSING", "READY", "UNINITIALISED"]

AI_TASK_BUILDER_BATCH_STATUS_VALUES: set[AiTaskBuilderBatchStatus] = {
    "ERROR",
    "PROCESSING",
    "READY",
    "UNINITIALISED",
}


def check_ai_task_builder_batch_status(value: str) -> AiTaskBuilderBatchStatus:
    if value in AI_TASK_BUILDER_BATCH_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {AI_TASK_BUILDER_BATCH_STATUS_VALUES!r}")
