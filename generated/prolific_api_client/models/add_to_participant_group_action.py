from typing import Literal

AddToParticipantGroupAction = Literal["ADD_TO_PARTICIPANT_GROUP"]

ADD_TO_PARTICIPANT_GROUP_ACTION_VALUES: set[AddToParticipantGroupAction] = {
    "ADD_TO_PARTICIPANT_GROUP",
}


def check_add_to_participant_group_action(value: str) -> AddToParticipantGroupAction:
    if value in ADD_TO_PARTICIPANT_GROUP_ACTION_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {ADD_TO_PARTICIPANT_GROUP_ACTION_VALUES!r}")
