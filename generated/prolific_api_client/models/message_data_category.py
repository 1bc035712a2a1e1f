from typing import Literal

MessageDataCategory = Literal["feedback", "other", "payment-issues", "payment-timing", "rejections", "technical-issues"]

MESSAGE_DATA_CATEGORY_VALUES: set[MessageDataCategory] = {
    "feedback",
    "other",
    "payment-issues",
    "payment-timing",
    "rejections",
    "technical-issues",
}


def check_message_data_category(value: str) -> MessageDataCategory:
    if value in MESSAGE_DATA_CATEGORY_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {MESSAGE_DATA_CATEGORY_VALUES!r}")
