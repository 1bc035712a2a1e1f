from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import whole_number

T = TypeVar("T", bound="DatasetAppendError")


@_attrs_define
class DatasetAppendError:
    """A record-level validation error from a synchronous JSONL append request.

    Attributes:
        record_index (int): One-based index of the rejected non-blank JSONL record in the append request body.
        field (str): The schema field key that caused the rejection. The special value `_raw` indicates a
            whole-record parse failure (for example malformed JSON) rather than a field-level error.
        reason (str): Human-readable description of why the record was rejected.
    """

    record_index: int
    field: str
    reason: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:

        record_index = self.record_index

        field = self.field

        reason = self.reason

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "record_index": record_index,
                "field": field,
                "reason": reason,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:

        d = dict(src_dict)
        record_index = whole_number(d.pop("record_index"))

        field = d.pop("field")

        reason = d.pop("reason")

        dataset_append_error = cls(
            record_index=record_index,
            field=field,
            reason=reason,
        )

        dataset_append_error.additional_properties = d
        return dataset_append_error

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
