from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, whole_number

if TYPE_CHECKING:
    from ..models.field_errors import FieldErrors


T = TypeVar("T", bound="ErrorDetail")


@_attrs_define
class ErrorDetail:
    """
    Attributes:
        status (int | Unset): Status code as in the http standards
        error_code (int | Unset): Internal error code
        title (str | Unset): Error title
        detail (FieldErrors | list[str] | str | Unset): Error detail
        additional_information (str | Unset): Optional extra information
        traceback (str | Unset): Optional debug information
        interactive (bool | Unset):
    """

    status: int | Unset = UNSET
    error_code: int | Unset = UNSET
    title: str | Unset = UNSET
    detail: FieldErrors | list[str] | str | Unset = UNSET
    additional_information: str | Unset = UNSET
    traceback: str | Unset = UNSET
    interactive: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        if not _lazy_imported:
            _import_lazy()

        status = self.status

        error_code = self.error_code

        title = self.title

        detail: dict[str, Any] | list[str] | str | Unset
        if isinstance(self.detail, Unset):
            detail = UNSET
        elif isinstance(self.detail, list):
            detail = self.detail

        elif isinstance(self.detail, FieldErrors):
            detail = self.detail.to_dict()
        else:
            detail = self.detail

        additional_information = self.additional_information

        traceback = self.traceback

        interactive = self.interactive

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if status is not UNSET:
            field_dict["status"] = status
        if error_code is not UNSET:
            field_dict["error_code"] = error_code
        if title is not UNSET:
            field_dict["title"] = title
        if detail is not UNSET:
            field_dict["detail"] = detail
        if additional_information is not UNSET:
            field_dict["additional_information"] = additional_information
        if traceback is not UNSET:
            field_dict["traceback"] = traceback
        if interactive is not UNSET:
            field_dict["interactive"] = interactive

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if not _lazy_imported:
            _import_lazy()

        d = dict(src_dict)
        status = whole_number(d.pop("status", UNSET))

        error_code = whole_number(d.pop("error_code", UNSET))

        title = d.pop("title", UNSET)

        detail = _parse_detail(d.pop("detail", UNSET))

        additional_information = d.pop("additional_information", UNSET)

        traceback = d.pop("traceback", UNSET)

        interactive = d.pop("interactive", UNSET)

        error_detail = cls(
            status=status,
            error_code=error_code,
            title=title,
            detail=detail,
            additional_information=additional_information,
            traceback=traceback,
            interactive=interactive,
        )

        error_detail.additional_properties = d
        return error_detail

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


def _parse_detail(data: object) -> FieldErrors | list[str] | str | Unset:
    if isinstance(data, Unset):
        return data
    if isinstance(data, list):
        try:
            componentsschemas_error_detail_detail_type_1 = cast(list[str], data)

            return componentsschemas_error_detail_detail_type_1
        except (TypeError, ValueError, AttributeError, KeyError):
            pass
    if isinstance(data, dict):
        try:
            componentsschemas_error_detail_detail_type_2 = FieldErrors.from_dict(data)

            return componentsschemas_error_detail_detail_type_2
        except (TypeError, ValueError, AttributeError, KeyError):
            pass
    return cast(FieldErrors | list[str] | str | Unset, data)


_lazy_imported = False


def _import_lazy() -> None:
    global _lazy_imported, FieldErrors
    from ..models.field_errors import FieldErrors  # noqa: PLC0415

    _lazy_imported = True
