from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import whole_number

T = TypeVar("T", bound="CredentialPoolSummary")


@_attrs_define
class CredentialPoolSummary:
    """
    Attributes:
        credential_pool_id (str): The unique identifier for the credential pool
        total_credentials (int): Total number of credentials in the pool
        available_credentials (int): Number of unredeemed credentials available
    """

    credential_pool_id: str
    total_credentials: int
    available_credentials: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:

        credential_pool_id = self.credential_pool_id

        total_credentials = self.total_credentials

        available_credentials = self.available_credentials

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "credential_pool_id": credential_pool_id,
                "total_credentials": total_credentials,
                "available_credentials": available_credentials,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:

        d = dict(src_dict)
        credential_pool_id = d.pop("credential_pool_id")

        total_credentials = whole_number(d.pop("total_credentials"))

        available_credentials = whole_number(d.pop("available_credentials"))

        credential_pool_summary = cls(
            credential_pool_id=credential_pool_id,
            total_credentials=total_credentials,
            available_credentials=available_credentials,
        )

        credential_pool_summary.additional_properties = d
        return credential_pool_summary

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
