from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.jwk_alg import JwkAlg
from ..models.jwk_key_op import JwkKeyOp
from ..models.jwk_kty import JwkKty
from ..models.jwk_use import JwkUse

T = TypeVar("T", bound="JWK")


@_attrs_define
class JWK:
    """
    Attributes:
        kty (JwkKty | str): Key type, always "RSA".
        kid (str): Key ID used to match the key to the JWT header.
        alg (JwkAlg | str): Algorithm used, always "RS256".
        n (str): The modulus of the RSA public key.
        e (str): The exponent of the RSA public key.
        use (JwkUse | str): The intended use of the public key.
        key_ops (list[JwkKeyOp | str]): The operations that the key is intended to be used for.
    """

    kty: JwkKty | str
    kid: str
    alg: JwkAlg | str
    n: str
    e: str
    use: JwkUse | str
    key_ops: list[JwkKeyOp | str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:

        kty: str
        if isinstance(self.kty, str):
            kty = self.kty
        else:
            kty = self.kty

        kid = self.kid

        alg: str
        if isinstance(self.alg, str):
            alg = self.alg
        else:
            alg = self.alg

        n = self.n

        e = self.e

        use: str
        if isinstance(self.use, str):
            use = self.use
        else:
            use = self.use

        key_ops = []
        for key_ops_item_data in self.key_ops:
            key_ops_item: str
            if isinstance(key_ops_item_data, str):
                key_ops_item = key_ops_item_data
            else:
                key_ops_item = key_ops_item_data
            key_ops.append(key_ops_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "kty": kty,
                "kid": kid,
                "alg": alg,
                "n": n,
                "e": e,
                "use": use,
                "key_ops": key_ops,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:

        d = dict(src_dict)
        kty = d.pop("kty")

        kid = d.pop("kid")

        alg = d.pop("alg")

        n = d.pop("n")

        e = d.pop("e")

        use = d.pop("use")

        key_ops = []
        _key_ops = d.pop("key_ops")
        for key_ops_item_data in _key_ops:
            key_ops_item = key_ops_item_data

            key_ops.append(key_ops_item)

        jwk = cls(
            kty=kty,
            kid=kid,
            alg=alg,
            n=n,
            e=e,
            use=use,
            key_ops=key_ops,
        )

        jwk.additional_properties = d
        return jwk

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
