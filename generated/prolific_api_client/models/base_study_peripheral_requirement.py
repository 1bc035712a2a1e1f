from typing import Literal

BaseStudyPeripheralRequirement = Literal["audio", "camera", "download", "microphone"]

BASE_STUDY_PERIPHERAL_REQUIREMENT_VALUES: set[BaseStudyPeripheralRequirement] = {
    "audio",
    "camera",
    "download",
    "microphone",
}


def check_base_study_peripheral_requirement(value: str) -> BaseStudyPeripheralRequirement:
    if value in BASE_STUDY_PERIPHERAL_REQUIREMENT_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {BASE_STUDY_PERIPHERAL_REQUIREMENT_VALUES!r}")
