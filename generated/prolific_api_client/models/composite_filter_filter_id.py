from typing import Literal

CompositeFilterFilterId = Literal["and", "or"]

COMPOSITE_FILTER_FILTER_ID_VALUES: set[CompositeFilterFilterId] = {
    "and",
    "or",
}


def check_composite_filter_filter_id(value: str) -> CompositeFilterFilterId:
    if value in COMPOSITE_FILTER_FILTER_ID_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {COMPOSITE_FILTER_FILTER_ID_VALUES!r}")
