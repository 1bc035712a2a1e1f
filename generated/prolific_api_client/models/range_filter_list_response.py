from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.range_filter_list_response_data_type import (
    RangeFilterListResponseDataType,
)
from ..models.range_filter_list_response_type import (
    RangeFilterListResponseType,
)
from ..types import UNSET, Unset, whole_number

T = TypeVar("T", bound="RangeFilterListResponse")


@_attrs_define
class RangeFilterListResponse:
    """
    Attributes:
        filter_id (str | Unset): The ID of the filter, based on a slugified version of the title at the time the filter
            was created.
        title (str | Unset): The title of the filter.
        description (str | Unset): A description of the filter.
        type_ (RangeFilterListResponseType | str | Unset): The filter type.
        question (str | Unset): The question asked of participants to generate this filter.
        min_ (float | int | str | Unset): The maximum valid value of the range. / Optional minimum allowed value for the
            selected_range upper bound. / The minimum valid value of the range. / Optional maximum allowed value for the
            selected_range lower bound.
        max_ (float | int | str | Unset): The maximum valid value of the range. / Optional minimum allowed value for the
            selected_range upper bound. / The minimum valid value of the range. / Optional maximum allowed value for the
            selected_range lower bound.
        data_type (RangeFilterListResponseDataType | str | Unset): The data type of the range.
            - If the data type is integer, the lower and upper values must be integers. Example: `70`.
            - If the data type is date, the lower and upper values must be ISO8601 dates. Example: `2025-07-11`.
            - If the data type is float, the lower and upper values can be provided as floats or integers. Returned values
            will be floats. Example: `70.5` or `80.0`.
        min_max (float | int | str | Unset): The maximum valid value of the range. / Optional minimum allowed value for
            the selected_range upper bound. / The minimum valid value of the range. / Optional maximum allowed value for the
            selected_range lower bound.
        max_min (float | int | str | Unset): The maximum valid value of the range. / Optional minimum allowed value for
            the selected_range upper bound. / The minimum valid value of the range. / Optional maximum allowed value for the
            selected_range lower bound.
    """

    filter_id: str | Unset = UNSET
    title: str | Unset = UNSET
    description: str | Unset = UNSET
    type_: RangeFilterListResponseType | str | Unset = UNSET
    question: str | Unset = UNSET
    min_: float | int | str | Unset = UNSET
    max_: float | int | str | Unset = UNSET
    data_type: RangeFilterListResponseDataType | str | Unset = UNSET
    min_max: float | int | str | Unset = UNSET
    max_min: float | int | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:

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

        min_: float | int | str | Unset
        if isinstance(self.min_, Unset):
            min_ = UNSET
        else:
            min_ = self.min_

        max_: float | int | str | Unset
        if isinstance(self.max_, Unset):
            max_ = UNSET
        else:
            max_ = self.max_

        data_type: str | Unset
        if isinstance(self.data_type, Unset):
            data_type = UNSET
        elif isinstance(self.data_type, str):
            data_type = self.data_type
        else:
            data_type = self.data_type

        min_max: float | int | str | Unset
        if isinstance(self.min_max, Unset):
            min_max = UNSET
        else:
            min_max = self.min_max

        max_min: float | int | str | Unset
        if isinstance(self.max_min, Unset):
            max_min = UNSET
        else:
            max_min = self.max_min

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
        if min_ is not UNSET:
            field_dict["min"] = min_
        if max_ is not UNSET:
            field_dict["max"] = max_
        if data_type is not UNSET:
            field_dict["data_type"] = data_type
        if min_max is not UNSET:
            field_dict["min_max"] = min_max
        if max_min is not UNSET:
            field_dict["max_min"] = max_min

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:

        d = dict(src_dict)
        filter_id = d.pop("filter_id", UNSET)

        title = d.pop("title", UNSET)

        description = d.pop("description", UNSET)

        type_ = d.pop("type", UNSET)

        question = d.pop("question", UNSET)

        min_ = whole_number(d.pop("min", UNSET))

        max_ = whole_number(d.pop("max", UNSET))

        data_type = d.pop("data_type", UNSET)

        min_max = whole_number(d.pop("min_max", UNSET))

        max_min = whole_number(d.pop("max_min", UNSET))

        range_filter_list_response = cls(
            filter_id=filter_id,
            title=title,
            description=description,
            type_=type_,
            question=question,
            min_=min_,
            max_=max_,
            data_type=data_type,
            min_max=min_max,
            max_min=max_min,
        )

        range_filter_list_response.additional_properties = d
        return range_filter_list_response

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
