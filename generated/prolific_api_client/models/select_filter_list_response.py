from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.range_filter_list_response_type import (
    RangeFilterListResponseType,
)
from ..models.select_filter_list_response_data_type import (
    SelectFilterListResponseDataType,
)
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.select_filter_list_response_choices import (
        SelectFilterListResponseChoices,
    )


T = TypeVar("T", bound="SelectFilterListResponse")


@_attrs_define
class SelectFilterListResponse:
    """
    Attributes:
        filter_id (str | Unset): The ID of the filter, based on a slugified version of the title at the time the filter
            was created.
        title (str | Unset): The title of the filter.
        description (str | Unset): A description of the filter.
        type_ (RangeFilterListResponseType | str | Unset): The filter type.
        question (str | Unset): The question asked of participants to generate this filter.
        choices (SelectFilterListResponseChoices | Unset): An object containing all the filter's possible responses as
            key-value pairs, with sequential integer IDs or database ObjectIDs as the keys and the text of the response as
            the values.
        data_type (SelectFilterListResponseDataType | str | Unset): The format of the keys in the choices object. If the
            keys are strings representing sequential integers,
            the data format is integer. If the keys are database ObjectIDs, the type of ID is specified.
    """

    filter_id: str | Unset = UNSET
    title: str | Unset = UNSET
    description: str | Unset = UNSET
    type_: RangeFilterListResponseType | str | Unset = UNSET
    question: str | Unset = UNSET
    choices: SelectFilterListResponseChoices | Unset = UNSET
    data_type: SelectFilterListResponseDataType | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        if not _lazy_imported:
            _import_lazy()

        filter_id = self.filter_id

        title = self.title

        description = self.description

        type_: str | Unset
        if isinstance(self.type_, Unset):
            type_ = UNSET
        elif isinstance(self.type_, str):
            type_ = self.type_
        else:
            type_ = self.type_

        question = self.question

        choices: dict[str, Any] | Unset = UNSET
        if not isinstance(self.choices, Unset):
            choices = self.choices.to_dict()

        data_type: str | Unset
        if isinstance(self.data_type, Unset):
            data_type = UNSET
        elif isinstance(self.data_type, str):
            data_type = self.data_type
        else:
            data_type = self.data_type

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if filter_id is not UNSET:
            field_dict["filter_id"] = filter_id
        if title is not UNSET:
            field_dict["title"] = title
        if description is not UNSET:
            field_dict["description"] = description
        if type_ is not UNSET:
            field_dict["type"] = type_
        if question is not UNSET:
            field_dict["question"] = question
        if choices is not UNSET:
            field_dict["choices"] = choices
        if data_type is not UNSET:
            field_dict["data_type"] = data_type

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if not _lazy_imported:
            _import_lazy()

        d = dict(src_dict)
        filter_id = d.pop("filter_id", UNSET)

        title = d.pop("title", UNSET)

        description = d.pop("description", UNSET)

        type_ = d.pop("type", UNSET)

        question = d.pop("question", UNSET)

        _choices = d.pop("choices", UNSET)
        choices: SelectFilterListResponseChoices | Unset
        if isinstance(_choices, Unset):
            choices = UNSET
        else:
            choices = SelectFilterListResponseChoices.from_dict(_choices)

        data_type = d.pop("data_type", UNSET)

        select_filter_list_response = cls(
            filter_id=filter_id,
            title=title,
            description=description,
            type_=type_,
            question=question,
            choices=choices,
            data_type=data_type,
        )

        select_filter_list_response.additional_properties = d
        return select_filter_list_response

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
    global _lazy_imported, SelectFilterListResponseChoices
    from ..models.select_filter_list_response_choices import (
        SelectFilterListResponseChoices,  # noqa: PLC0415
    )

    _lazy_imported = True
