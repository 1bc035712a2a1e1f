from typing import Literal

BaseStudySubmissionsConfigAutoRejectionCategory = Literal["EXCEPTIONALLY_FAST"]

BASE_STUDY_SUBMISSIONS_CONFIG_AUTO_REJECTION_CATEGORY_VALUES: set[BaseStudySubmissionsConfigAutoRejectionCategory] = {
    "EXCEPTIONALLY_FAST",
}


def check_base_study_submissions_config_auto_rejection_category(
    value: str,
) -> BaseStudySubmissionsConfigAutoRejectionCategory:
    if value in BASE_STUDY_SUBMISSIONS_CONFIG_AUTO_REJECTION_CATEGORY_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {BASE_STUDY_SUBMISSIONS_CONFIG_AUTO_REJECTION_CATEGORY_VALUES!r}"
    )
