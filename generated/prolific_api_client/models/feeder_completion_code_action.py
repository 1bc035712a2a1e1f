from typing import Literal

FeederCompletionCodeAction = Literal["ADD_TO_PARTICIPANT_GROUP", "REMOVE_FROM_PARTICIPANT_GROUP"]

FEEDER_COMPLETION_CODE_ACTION_VALUES: set[FeederCompletionCodeAction] = {
    "ADD_TO_PARTICIPANT_GROUP",
    "REMOVE_FROM_PARTICIPANT_GROUP",
}


def check_feeder_completion_code_action(value: str) -> FeederCompletionCodeAction:
    if value in FEEDER_COMPLETION_CODE_ACTION_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {FEEDER_COMPLETION_CODE_ACTION_VALUES!r}")
