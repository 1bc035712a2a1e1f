from typing import Literal

SelectFilterListResponseDataType = Literal["ChoiceID", "ParticipantGroupID", "ParticipantID", "StudyID"]

SELECT_FILTER_LIST_RESPONSE_DATA_TYPE_VALUES: set[SelectFilterListResponseDataType] = {
    "ChoiceID",
    "ParticipantGroupID",
    "ParticipantID",
    "StudyID",
}


def check_select_filter_list_response_data_type(value: str) -> SelectFilterListResponseDataType:
    if value in SELECT_FILTER_LIST_RESPONSE_DATA_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {SELECT_FILTER_LIST_RESPONSE_DATA_TYPE_VALUES!r}")
