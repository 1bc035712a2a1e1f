from typing import Literal

SubmissionTransitionAction = Literal[
    "APPROVE", "COMPLETE", "REJECT", "RETURN", "SCREEN_OUT", "START", "UNREJECT", "UNRETURN"
]

SUBMISSION_TRANSITION_ACTION_VALUES: set[SubmissionTransitionAction] = {
    "APPROVE",
    "COMPLETE",
    "REJECT",
    "RETURN",
    "SCREEN_OUT",
    "START",
    "UNREJECT",
    "UNRETURN",
}


def check_submission_transition_action(value: str) -> SubmissionTransitionAction:
    if value in SUBMISSION_TRANSITION_ACTION_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {SUBMISSION_TRANSITION_ACTION_VALUES!r}")
