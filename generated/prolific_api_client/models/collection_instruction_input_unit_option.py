from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.validation_rule import ValidationRule


T = TypeVar("T", bound="CollectionInstructionInputUnitOption")


@_attrs_define
class CollectionInstructionInputUnitOption:
    """
    Attributes:
        label (str): Display text shown to participants / The display label for the unit.
        value (bool | float | str): Value returned in responses / The value associated with the unit.
        validation (ValidationRule | Unset): Optional validation constraints for input values
    """

    label: str
    value: bool | float | str
    validation: ValidationRule | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        if not _lazy_imported:
            _import_lazy()

        label = self.label

        value: bool | float | str
        value = self.value

        validation: dict[str, Any] | Unset = UNSET
        if not isinstance(self.validation, Unset):
            validation = self.validation.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "label": label,
                "value": value,
            }
        )
        if validation is not UNSET:
            field_dict["validation"] = validation

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if not _lazy_imported:
            _import_lazy()

        d = dict(src_dict)
        label = d.pop("label")

        value = d.pop("value")

        _validation = d.pop("validation", UNSET)
        validation: ValidationRule | Unset
        if isinstance(_validation, Unset):
            validation = UNSET
        else:
            validation = ValidationRule.from_dict(_validation)

        collection_instruction_input_unit_option = cls(
            label=label,
            value=value,
            validation=validation,
        )

        collection_instruction_input_unit_option.additional_properties = d
        return collection_instruction_input_unit_option

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
    global _lazy_imported, ValidationRule
    from ..models.validation_rule import ValidationRule  # noqa: PLC0415

    _lazy_imported = True
