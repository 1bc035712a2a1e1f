from typing import Literal

ChoiceWithFreeTextInstructionType = Literal["multiple_choice_with_free_text"]

CHOICE_WITH_FREE_TEXT_INSTRUCTION_TYPE_VALUES: set[ChoiceWithFreeTextInstructionType] = {
    "multiple_choice_with_free_text",
}


def check_choice_with_free_text_instruction_type(value: str) -> ChoiceWithFreeTextInstructionType:
    if value in CHOICE_WITH_FREE_TEXT_INSTRUCTION_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CHOICE_WITH_FREE_TEXT_INSTRUCTION_TYPE_VALUES!r}")
