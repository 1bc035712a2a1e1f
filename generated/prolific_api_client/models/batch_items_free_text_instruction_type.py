from typing import Literal

BatchItemsFreeTextInstructionType = Literal["free_text"]

BATCH_ITEMS_FREE_TEXT_INSTRUCTION_TYPE_VALUES: set[BatchItemsFreeTextInstructionType] = {
    "free_text",
}


def check_batch_items_free_text_instruction_type(value: str) -> BatchItemsFreeTextInstructionType:
    if value in BATCH_ITEMS_FREE_TEXT_INSTRUCTION_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {BATCH_ITEMS_FREE_TEXT_INSTRUCTION_TYPE_VALUES!r}")
