from typing import Literal

DeviceCompatibility = Literal["desktop", "mobile", "tablet"]

DEVICE_COMPATIBILITY_VALUES: set[DeviceCompatibility] = {
    "desktop",
    "mobile",
    "tablet",
}


def check_device_compatibility(value: str) -> DeviceCompatibility:
    if value in DEVICE_COMPATIBILITY_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {DEVICE_COMPATIBILITY_VALUES!r}")
