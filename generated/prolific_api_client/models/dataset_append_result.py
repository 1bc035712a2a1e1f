from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import whole_number

if TYPE_CHECKING:
    from ..models.dataset_append_error import DatasetAppendError


T = TypeVar("T", bound="DatasetAppendResult")


@_attrs_define
class DatasetAppendResult:
    """Result of a synchronous append to a V4 dataset (`POST /datasets/{dataset_id}/datapoints`).
    `accepted` counts records that passed validation (newly written plus idempotent duplicates);
    `rejected` counts records that failed parsing or schema validation, each detailed in `errors`.

        Attributes:
            accepted (int): Number of records that passed validation (newly written or idempotent duplicates).
            rejected (int): Number of records rejected. Equal to the length of `errors`.
            errors (list[DatasetAppendError]): Record-level rejections. Empty when every record was accepted.
    """

    accepted: int
    rejected: int
    errors: list[DatasetAppendError]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        if not _lazy_imported:
            _import_lazy()

        accepted = self.accepted

        rejected = self.rejected

        errors = []
        for errors_item_data in self.errors:
            errors_item = errors_item_data.to_dict()
            errors.append(errors_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "accepted": accepted,
                "rejected": rejected,
                "errors": errors,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if not _lazy_imported:
            _import_lazy()

        d = dict(src_dict)
        accepted = whole_number(d.pop("accepted"))

        rejected = whole_number(d.pop("rejected"))

        errors = []
        _errors = d.pop("errors")
        for errors_item_data in _errors:
            errors_item = DatasetAppendError.from_dict(errors_item_data)

            errors.append(errors_item)

        dataset_append_result = cls(
            accepted=accepted,
            rejected=rejected,
            errors=errors,
        )

        dataset_append_result.additional_properties = d
        return dataset_append_result

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
    global _lazy_imported, DatasetAppendError
    from ..models.dataset_append_error import DatasetAppendError  # noqa: PLC0415

    _lazy_imported = True
