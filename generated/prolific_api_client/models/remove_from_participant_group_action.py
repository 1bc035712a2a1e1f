from typing import Literal

RemoveFromParticipantGroupAction = Literal["REMOVE_FROM_PARTICIPANT_GROUP"]

REMOVE_FROM_PARTICIPANT_GROUP_ACTION_VALUES: set[RemoveFromParticipantGroupAction] = {
    "REMOVE_FROM_PARTICIPANT_GROUP",
}


def check_remove_from_participant_group_action(value: str) -> RemoveFromParticipantGroupAction:
    if value in REMOVE_FROM_PARTICIPANT_GROUP_ACTION_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {REMOVE_FROM_PARTICIPANT_GROUP_ACTION_VALUES!r}")
