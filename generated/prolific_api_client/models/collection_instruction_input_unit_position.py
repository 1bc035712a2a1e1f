from typing import Literal

CollectionInstructionInputUnitPosition = Literal["prefix", "suffix"]

COLLECTION_INSTRUCTION_INPUT_UNIT_POSITION_VALUES: set[CollectionInstructionInputUnitPosition] = {
    "prefix",
    "suffix",
}


def check_collection_instruction_input_unit_position(value: str) -> CollectionInstructionInputUnitPosition:
    if value in COLLECTION_INSTRUCTION_INPUT_UNIT_POSITION_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {COLLECTION_INSTRUCTION_INPUT_UNIT_POSITION_VALUES!r}"
    )
