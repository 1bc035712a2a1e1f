from typing import Literal

JwkKeyOp = Literal["verify"]

JWK_KEY_OP_VALUES: set[JwkKeyOp] = {
    "verify",
}


def check_jwk_key_op(value: str) -> JwkKeyOp:
    if value in JWK_KEY_OP_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {JWK_KEY_OP_VALUES!r}")
