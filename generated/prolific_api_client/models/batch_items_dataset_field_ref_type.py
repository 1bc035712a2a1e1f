from typing import Literal

BatchItemsDatasetFieldRefType = Literal["dataset_field"]

BATCH_ITEMS_DATASET_FIELD_REF_TYPE_VALUES: set[BatchItemsDatasetFieldRefType] = {
    "dataset_field",
}


def check_batch_items_dataset_field_ref_type(value: str) -> BatchItemsDatasetFieldRefType:
    if value in BATCH_ITEMS_DATASET_FIELD_REF_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {BATCH_ITEMS_DATASET_FIELD_REF_TYPE_VALUES!r}")
