from typing import Literal

DynamicPaymentAction = Literal["DYNAMIC_PAYMENT"]

DYNAMIC_PAYMENT_ACTION_VALUES: set[DynamicPaymentAction] = {
    "DYNAMIC_PAYMENT",
}


def check_dynamic_payment_action(value: str) -> DynamicPaymentAction:
    if value in DYNAMIC_PAYMENT_ACTION_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {DYNAMIC_PAYMENT_ACTION_VALUES!r}")
