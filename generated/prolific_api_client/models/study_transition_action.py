from typing import Literal

StudyTransitionAction = Literal["CANCEL_PUBLISH", "PAUSE", "PUBLISH", "SCHEDULE_PUBLISH", "START", "STOP"]

STUDY_TRANSITION_ACTION_VALUES: set[StudyTransitionAction] = {
    "CANCEL_PUBLISH",
    "PAUSE",
    "PUBLISH",
    "SCHEDULE_PUBLISH",
    "START",
    "STOP",
}


def check_study_transition_action(value: str) -> StudyTransitionAction:
    if value in STUDY_TRANSITION_ACTION_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {STUDY_TRANSITION_ACTION_VALUES!r}")
