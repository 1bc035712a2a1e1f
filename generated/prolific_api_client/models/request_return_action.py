from typing import Literal

RequestReturnAction = Literal["REQUEST_RETURN"]

REQUEST_RETURN_ACTION_VALUES: set[RequestReturnAction] = {
    "REQUEST_RETURN",
}


def check_request_return_action(value: str) -> RequestReturnAction:
    if value in REQUEST_RETURN_ACTION_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {REQUEST_RETURN_ACTION_VALUES!r}")
