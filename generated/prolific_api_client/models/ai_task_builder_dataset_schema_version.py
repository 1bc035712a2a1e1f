from typing import Literal

AiTaskBuilderDatasetSchemaVersion = Literal["3", "4"]

AI_TASK_BUILDER_DATASET_SCHEMA_VERSION_VALUES: set[AiTaskBuilderDatasetSchemaVersion] = {
    "3",
    "4",
}


def check_ai_task_builder_dataset_schema_version(value: str) -> AiTaskBuilderDatasetSchemaVersion:
    if value in AI_TASK_BUILDER_DATASET_SCHEMA_VERSION_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {AI_TASK_BUILDER_DATASET_SCHEMA_VERSION_VALUES!r}")
