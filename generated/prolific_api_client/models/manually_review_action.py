from typing import Literal

ManuallyReviewAction = Literal["MANUALLY_REVIEW"]

MANUALLY_REVIEW_ACTION_VALUES: set[ManuallyReviewAction] = {
    "MANUALLY_REVIEW",
}


def check_manually_review_action(value: str) -> ManuallyReviewAction:
    if value in MANUALLY_REVIEW_ACTION_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {MANUALLY_REVIEW_ACTION_VALUES!r}")
