from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.batch_items_validation_error_type import (
    BatchItemsValidationErrorType,
)

if TYPE_CHECKING:
    from ..models.batch_items_validation_error_issue import BatchItemsValidationErrorIssue


T = TypeVar("T", bound="BatchItemsValidationError")


@_attrs_define
class BatchItemsValidationError:
    """`422 Unprocessable Entity` payload returned when `batch_items` fails server-side
    validation on create or update. Each entry in `issues` pinpoints the offending item
    using zero-based `page` / `row` / `column` / `item` indices, and describes what was
    wrong (e.g. `dataset_field` used without a v4 dataset and populated schema attached,
    unknown dataset field, the same dataset field referenced more than once on a page,
    `answer_limit` exceeds options, `default_unit` does not match `unit_options`,
    `min_file_count` greater than `max_file_count`).

        Attributes:
            type_ (BatchItemsValidationErrorType | str):
            message (str):
            issues (list[BatchItemsValidationErrorIssue]):
    """

    type_: BatchItemsValidationErrorType | str
    message: str
    issues: list[BatchItemsValidationErrorIssue]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        if not _lazy_imported:
            _import_lazy()

        type_: str
        if isinstance(self.type_, str):
            type_ = self.type_
        else:
            type_ = self.type_

        message = self.message

        issues = []
        for issues_item_data in self.issues:
            issues_item = issues_item_data.to_dict()
            issues.append(issues_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "message": message,
                "issues": issues,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if not _lazy_imported:
            _import_lazy()

        d = dict(src_dict)
        type_ = d.pop("type")

        message = d.pop("message")

        issues = []
        _issues = d.pop("issues")
        for issues_item_data in _issues:
            issues_item = BatchItemsValidationErrorIssue.from_dict(issues_item_data)

            issues.append(issues_item)

        batch_items_validation_error = cls(
            type_=type_,
            message=message,
            issues=issues,
        )

        batch_items_validation_error.additional_properties = d
        return batch_items_validation_error

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
    global _lazy_imported, BatchItemsValidationErrorIssue
    from ..models.batch_items_validation_error_issue import (
        BatchItemsValidationErrorIssue,  # noqa: PLC0415
    )

    _lazy_imported = True
