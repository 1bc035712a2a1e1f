from typing import Literal

RangeFilterListResponseDataType = Literal["date", "float", "integer"]

RANGE_FILTER_LIST_RESPONSE_DATA_TYPE_VALUES: set[RangeFilterListResponseDataType] = {
    "date",
    "float",
    "integer",
}


def check_range_filter_list_response_data_type(value: str) -> RangeFilterListResponseDataType:
    if value in RANGE_FILTER_LIST_RESPONSE_DATA_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {RANGE_FILTER_LIST_RESPONSE_DATA_TYPE_VALUES!r}")
