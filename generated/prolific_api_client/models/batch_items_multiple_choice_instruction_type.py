from typing import Literal

BatchItemsMultipleChoiceInstructionType = Literal["multiple_choice"]

BATCH_ITEMS_MULTIPLE_CHOICE_INSTRUCTION_TYPE_VALUES: set[BatchItemsMultipleChoiceInstructionType] = {
    "multiple_choice",
}


def check_batch_items_multiple_choice_instruction_type(value: str) -> BatchItemsMultipleChoiceInstructionType:
    if value in BATCH_ITEMS_MULTIPLE_CHOICE_INSTRUCTION_TYPE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {BATCH_ITEMS_MULTIPLE_CHOICE_INSTRUCTION_TYPE_VALUES!r}"
    )
