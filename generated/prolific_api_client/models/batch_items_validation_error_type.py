from typing import Literal

BatchItemsValidationErrorType = Literal["INVALID_BATCH_ITEMS"]

BATCH_ITEMS_VALIDATION_ERROR_TYPE_VALUES: set[BatchItemsValidationErrorType] = {
    "INVALID_BATCH_ITEMS",
}


def check_batch_items_validation_error_type(value: str) -> BatchItemsValidationErrorType:
    if value in BATCH_ITEMS_VALIDATION_ERROR_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {BATCH_ITEMS_VALIDATION_ERROR_TYPE_VALUES!r}")
