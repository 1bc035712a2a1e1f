from typing import Literal

PublicProjectStatus = Literal["DISABLED", "ENABLED"]

PUBLIC_PROJECT_STATUS_VALUES: set[PublicProjectStatus] = {
    "DISABLED",
    "ENABLED",
}


def check_public_project_status(value: str) -> PublicProjectStatus:
    if value in PUBLIC_PROJECT_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {PUBLIC_PROJECT_STATUS_VALUES!r}")
