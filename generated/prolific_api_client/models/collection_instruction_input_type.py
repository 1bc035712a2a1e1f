from typing import Literal

CollectionInstructionInputType = Literal[
    "file_upload", "free_text", "free_text_with_unit", "multiple_choice", "multiple_choice_with_free_text"
]

COLLECTION_INSTRUCTION_INPUT_TYPE_VALUES: set[CollectionInstructionInputType] = {
    "file_upload",
    "free_text",
    "free_text_with_unit",
    "multiple_choice",
    "multiple_choice_with_free_text",
}


def check_collection_instruction_input_type(value: str) -> CollectionInstructionInputType:
    if value in COLLECTION_INSTRUCTION_INPUT_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {COLLECTION_INSTRUCTION_INPUT_TYPE_VALUES!r}")
