from typing import Literal

BaseStudyCompletionCodeActor = Literal["participant", "researcher"]

BASE_STUDY_COMPLETION_CODE_ACTOR_VALUES: set[BaseStudyCompletionCodeActor] = {
    "participant",
    "researcher",
}


def check_base_study_completion_code_actor(value: str) -> BaseStudyCompletionCodeActor:
    if value in BASE_STUDY_COMPLETION_CODE_ACTOR_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {BASE_STUDY_COMPLETION_CODE_ACTOR_VALUES!r}")
