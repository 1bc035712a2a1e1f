from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.feeder_completion_code import FeederCompletionCode


T = TypeVar("T", bound="FeederStudy")


@_attrs_define
class FeederStudy:
    """
    Attributes:
        id (str | Unset): The id of the study.
        name (str | Unset): The name of the study.
        internal_name (str | Unset): The internal name of the study.
        status (str | Unset): The current status of the study.
        feeder_completion_codes (list[FeederCompletionCode] | Unset): The completion codes which will modify the
            participants in this group.
    """

    id: str | Unset = UNSET
    name: str | Unset = UNSET
    internal_name: str | Unset = UNSET
    status: str | Unset = UNSET
    feeder_completion_codes: list[FeederCompletionCode] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        if not _lazy_imported:
            _import_lazy()

        id = self.id

        name = self.name

        internal_name = self.internal_name

        status = self.status

        feeder_completion_codes: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.feeder_completion_codes, Unset):
            feeder_completion_codes = []
            for feeder_completion_codes_item_data in self.feeder_completion_codes:
                feeder_completion_codes_item = feeder_completion_codes_item_data.to_dict()
                feeder_completion_codes.append(feeder_completion_codes_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if name is not UNSET:
            field_dict["name"] = name
        if internal_name is not UNSET:
            field_dict["internal_name"] = internal_name
        if status is not UNSET:
            field_dict["status"] = status
        if feeder_completion_codes is not UNSET:
            field_dict["feeder_completion_codes"] = feeder_completion_codes

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if not _lazy_imported:
            _import_lazy()

        d = dict(src_dict)
        id = d.pop("id", UNSET)

        name = d.pop("name", UNSET)

        internal_name = d.pop("internal_name", UNSET)

        status = d.pop("status", UNSET)

        _feeder_completion_codes = d.pop("feeder_completion_codes", UNSET)
        feeder_completion_codes: list[FeederCompletionCode] | Unset = UNSET
        if _feeder_completion_codes is not UNSET:
            feeder_completion_codes = []
            for feeder_completion_codes_item_data in _feeder_completion_codes:
                feeder_completion_codes_item = FeederCompletionCode.from_dict(feeder_completion_codes_item_data)

                feeder_completion_codes.append(feeder_completion_codes_item)

        feeder_study = cls(
            id=id,
            name=name,
            internal_name=internal_name,
            status=status,
            feeder_completion_codes=feeder_completion_codes,
        )

        feeder_study.additional_properties = d
        return feeder_study

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
    global _lazy_imported, FeederCompletionCode
    from ..models.feeder_completion_code import FeederCompletionCode  # noqa: PLC0415

    _lazy_imported = True
