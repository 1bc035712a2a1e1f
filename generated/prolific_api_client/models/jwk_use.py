from typing import Literal

JwkUse = Literal["sig"]

JWK_USE_VALUES: set[JwkUse] = {
    "sig",
}


def check_jwk_use(value: str) -> JwkUse:
    if value in JWK_USE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {JWK_USE_VALUES!r}")
