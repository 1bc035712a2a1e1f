from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="SchemaMigrationError")


@_attrs_define
class SchemaMigrationError:
    """A single record-level failure — a field that was invalid under the new schema and so was nulled.

    Attributes:
        datapoint_id (UUID): The datapoint whose field could not be re-normalised.
        field (str): The schema field key that was nulled.
        reason (str): Human-readable description of why the field was nulled.
    """

    datapoint_id: UUID
    field: str
    reason: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:

        datapoint_id = str(self.datapoint_id)

        field = self.field

        reason = self.reason

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "datapoint_id": datapoint_id,
                "field": field,
                "reason": reason,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:

        d = dict(src_dict)
        datapoint_id = UUID(d.pop("datapoint_id"))

        field = d.pop("field")

        reason = d.pop("reason")

        schema_migration_error = cls(
            datapoint_id=datapoint_id,
            field=field,
            reason=reason,
        )

        schema_migration_error.additional_properties = d
        return schema_migration_error

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
