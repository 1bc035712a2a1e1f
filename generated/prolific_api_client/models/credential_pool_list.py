from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.credential_pool_summary import CredentialPoolSummary


T = TypeVar("T", bound="CredentialPoolList")


@_attrs_define
class CredentialPoolList:
    """
    Attributes:
        credential_pools (list[CredentialPoolSummary]):
    """

    credential_pools: list[CredentialPoolSummary]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        if not _lazy_imported:
            _import_lazy()

        credential_pools = []
        for credential_pools_item_data in self.credential_pools:
            credential_pools_item = credential_pools_item_data.to_dict()
            credential_pools.append(credential_pools_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "credential_pools": credential_pools,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if not _lazy_imported:
            _import_lazy()

        d = dict(src_dict)
        credential_pools = []
        _credential_pools = d.pop("credential_pools")
        for credential_pools_item_data in _credential_pools:
            credential_pools_item = CredentialPoolSummary.from_dict(credential_pools_item_data)

            credential_pools.append(credential_pools_item)

        credential_pool_list = cls(
            credential_pools=credential_pools,
        )

        credential_pool_list.additional_properties = d
        return credential_pool_list

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


_lazy_imported = False


def _import_lazy() -> None:
    global _lazy_imported, CredentialPoolSummary
    from ..models.credential_pool_summary import CredentialPoolSummary  # noqa: PLC0415

    _lazy_imported = True
