from typing import Literal

RangeFilterListResponseType = Literal["range", "select"]

RANGE_FILTER_LIST_RESPONSE_TYPE_VALUES: set[RangeFilterListResponseType] = {
    "range",
    "select",
}


def check_range_filter_list_response_type(value: str) -> RangeFilterListResponseType:
    if value in RANGE_FILTER_LIST_RESPONSE_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {RANGE_FILTER_LIST_RESPONSE_TYPE_VALUES!r}")
