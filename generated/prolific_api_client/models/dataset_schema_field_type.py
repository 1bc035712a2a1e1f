from typing import Literal

DatasetSchemaFieldType = Literal["image_url", "metadata", "task_group_id", "text"]

DATASET_SCHEMA_FIELD_TYPE_VALUES: set[DatasetSchemaFieldType] = {
    "image_url",
    "metadata",
    "task_group_id",
    "text",
}


def check_dataset_schema_field_type(value: str) -> DatasetSchemaFieldType:
    if value in DATASET_SCHEMA_FIELD_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {DATASET_SCHEMA_FIELD_TYPE_VALUES!r}")
