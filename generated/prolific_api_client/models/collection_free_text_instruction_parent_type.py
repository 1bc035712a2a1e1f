from typing import Literal

CollectionFreeTextInstructionParentType = Literal["batch", "collection"]

COLLECTION_FREE_TEXT_INSTRUCTION_PARENT_TYPE_VALUES: set[CollectionFreeTextInstructionParentType] = {
    "batch",
    "collection",
}


def check_collection_free_text_instruction_parent_type(value: str) -> CollectionFreeTextInstructionParentType:
    if value in COLLECTION_FREE_TEXT_INSTRUCTION_PARENT_TYPE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {COLLECTION_FREE_TEXT_INSTRUCTION_PARENT_TYPE_VALUES!r}"
    )
