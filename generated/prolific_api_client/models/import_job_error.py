from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, whole_number

T = TypeVar("T", bound="ImportJobError")


@_attrs_define
class ImportJobError:
    """A record-level validation error from a partial import.

    Attributes:
        record_index (int | None | Unset): Zero-based index of the rejected record in the uploaded file.
        field (None | str | Unset): The schema field key that caused the rejection, or `null` if no specific field is
            implicated.
            The special value `_raw` indicates a whole-record parse failure (e.g. malformed JSON) rather than a field-level
            error.
        reason (None | str | Unset): Human-readable description of why the record was rejected.
    """

    record_index: int | None | Unset = UNSET
    field: None | str | Unset = UNSET
    reason: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:

        record_index: int | None | Unset
        if isinstance(self.record_index, Unset):
            record_index = UNSET
        else:
            record_index = self.record_index

        field: None | str | Unset
        if isinstance(self.field, Unset):
            field = UNSET
        else:
            field = self.field

        reason: None | str | Unset
        if isinstance(self.reason, Unset):
            reason = UNSET
        else:
            reason = self.reason

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if record_index is not UNSET:
            field_dict["record_index"] = record_index
        if field is not UNSET:
            field_dict["field"] = field
        if reason is not UNSET:
            field_dict["reason"] = reason

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:

        d = dict(src_dict)
        record_index = whole_number(d.pop("record_index", UNSET))

        field = d.pop("field", UNSET)

        reason = d.pop("reason", UNSET)

        import_job_error = cls(
            record_index=record_index,
            field=field,
            reason=reason,
        )

        import_job_error.additional_properties = d
        return import_job_error

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
