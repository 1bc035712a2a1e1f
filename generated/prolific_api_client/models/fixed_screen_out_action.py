from typing import Literal

FixedScreenOutAction = Literal["FIXED_SCREEN_OUT_PAYMENT"]

FIXED_SCREEN_OUT_ACTION_VALUES: set[FixedScreenOutAction] = {
    "FIXED_SCREEN_OUT_PAYMENT",
}


def check_fixed_screen_out_action(value: str) -> FixedScreenOutAction:
    if value in FIXED_SCREEN_OUT_ACTION_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {FIXED_SCREEN_OUT_ACTION_VALUES!r}")
