from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, whole_number

T = TypeVar("T", bound="BatchItemsValidationErrorIssue")


@_attrs_define
class BatchItemsValidationErrorIssue:
    """
    Attributes:
        page (int): Zero-based index of the page containing the invalid item.
        row (int): Zero-based index of the row within the page.
        column (int): Zero-based index of the column within the row.
        item (int): Zero-based index of the item within the column.
        type_ (str): The item `type` that failed validation (e.g. `dataset_field`, `multiple_choice`, `file_upload`).
        message (str): Human-readable validation error message.
        field (str | Unset): Dataset field name. Present only for `dataset_field` validation issues.
    """

    page: int
    row: int
    column: int
    item: int
    type_: str
    message: str
    field: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:

        page = self.page

        row = self.row

        column = self.column

        item = self.item

        type_ = self.type_

        message = self.message

        field = self.field

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "page": page,
                "row": row,
                "column": column,
                "item": item,
                "type": type_,
                "message": message,
            }
        )
        if field is not UNSET:
            field_dict["field"] = field

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:

        d = dict(src_dict)
        page = whole_number(d.pop("page"))

        row = whole_number(d.pop("row"))

        column = whole_number(d.pop("column"))

        item = whole_number(d.pop("item"))

        type_ = d.pop("type")

        message = d.pop("message")

        field = d.pop("field", UNSET)

        batch_items_validation_error_issue = cls(
            page=page,
            row=row,
            column=column,
            item=item,
            type_=type_,
            message=message,
            field=field,
        )

        batch_items_validation_error_issue.additional_properties = d
        return batch_items_validation_error_issue

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
