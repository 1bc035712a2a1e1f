from typing import Literal

AutomaticallyApproveAction = Literal["AUTOMATICALLY_APPROVE"]

AUTOMATICALLY_APPROVE_ACTION_VALUES: set[AutomaticallyApproveAction] = {
    "AUTOMATICALLY_APPROVE",
}


def check_automatically_approve_action(value: str) -> AutomaticallyApproveAction:
    if value in AUTOMATICALLY_APPROVE_ACTION_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {AUTOMATICALLY_APPROVE_ACTION_VALUES!r}")
