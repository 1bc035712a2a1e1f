from typing import Literal

Currency = Literal["GBP", "USD"]

CURRENCY_VALUES: set[Currency] = {
    "GBP",
    "USD",
}


def check_currency(value: str) -> Currency:
    if value in CURRENCY_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CURRENCY_VALUES!r}")
