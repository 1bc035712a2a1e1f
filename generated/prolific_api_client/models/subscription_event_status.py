from typing import Literal

SubscriptionEventStatus = Literal["FAILED", "PENDING", "SUCCEEDED"]

SUBSCRIPTION_EVENT_STATUS_VALUES: set[SubscriptionEventStatus] = {
    "FAILED",
    "PENDING",
    "SUCCEEDED",
}


def check_subscription_event_status(value: str) -> SubscriptionEventStatus:
    if value in SUBSCRIPTION_EVENT_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {SUBSCRIPTION_EVENT_STATUS_VALUES!r}")
