from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.batch_items_row import BatchItemsRow


T = TypeVar("T", bound="BatchItemsPage")


@_attrs_define
class BatchItemsPage:
    """A single page of a batch's inline layout. Each page is rendered as one screen to participants
    and contains an ordered list of rows. On responses, includes a server-assigned `id`; omit
    `id` on create to add a new page.

        Attributes:
            rows (list[BatchItemsRow]):
            id (str | Unset): Server-assigned identifier; present on responses. Include to preserve an existing page when
                updating.
    """

    rows: list[BatchItemsRow]
    id: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        if not _lazy_imported:
            _import_lazy()

        rows = []
        for rows_item_data in self.rows:
            rows_item = rows_item_data.to_dict()
            rows.append(rows_item)

        id = self.id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "rows": rows,
            }
        )
        if id is not UNSET:
            field_dict["id"] = id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if not _lazy_imported:
            _import_lazy()

        d = dict(src_dict)
        rows = []
        _rows = d.pop("rows")
        for rows_item_data in _rows:
            rows_item = BatchItemsRow.from_dict(rows_item_data)

            rows.append(rows_item)

        id = d.pop("id", UNSET)

        batch_items_page = cls(
            rows=rows,
            id=id,
        )

        batch_items_page.additional_properties = d
        return batch_items_page

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
    global _lazy_imported, BatchItemsRow
    from ..models.batch_items_row import BatchItemsRow  # noqa: PLC0415

    _lazy_imported = True
