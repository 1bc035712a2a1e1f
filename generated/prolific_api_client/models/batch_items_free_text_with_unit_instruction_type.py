from typing import Literal

BatchItemsFreeTextWithUnitInstructionType = Literal["free_text_with_unit"]

BATCH_ITEMS_FREE_TEXT_WITH_UNIT_INSTRUCTION_TYPE_VALUES: set[BatchItemsFreeTextWithUnitInstructionType] = {
    "free_text_with_unit",
}


def check_batch_items_free_text_with_unit_instruction_type(value: str) -> BatchItemsFreeTextWithUnitInstructionType:
    if value in BATCH_ITEMS_FREE_TEXT_WITH_UNIT_INSTRUCTION_TYPE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {BATCH_ITEMS_FREE_TEXT_WITH_UNIT_INSTRUCTION_TYPE_VALUES!r}"
    )
