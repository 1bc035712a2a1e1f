from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="StudyPredictedRecruitmentTimeResponse")


@_attrs_define
class StudyPredictedRecruitmentTimeResponse:
    """
    Attributes:
        precise_recruitment_time_hours (float | Unset): The predicted recruitment time in hours
        lower_bound_hours (float | Unset): The lower bound of the predicted recruitment time in hours
        upper_bound_hours (float | Unset): The upper bound of the predicted recruitment time in hours
        display_string (str | Unset): A human-readable string representing the predicted recruitment time
        limit_at (float | Unset): The limit at which the accuracy of the prediction becomes unstable.
            This should be used when rendering the recruitment times in a GUI. For example if the limit_at is 10,
            and the predicted recruitment time is 12 hours, the display string should be "10 hours+". This
            has been done for you in the display_string field.
    """

    precise_recruitment_time_hours: float | Unset = UNSET
    lower_bound_hours: float | Unset = UNSET
    upper_bound_hours: float | Unset = UNSET
    display_string: str | Unset = UNSET
    limit_at: float | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:

        precise_recruitment_time_hours = self.precise_recruitment_time_hours

        lower_bound_hours = self.lower_bound_hours

        upper_bound_hours = self.upper_bound_hours

        display_string = self.display_string

        limit_at = self.limit_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if precise_recruitment_time_hours is not UNSET:
            field_dict["precise_recruitment_time_hours"] = precise_recruitment_time_hours
        if lower_bound_hours is not UNSET:
            field_dict["lower_bound_hours"] = lower_bound_hours
        if upper_bound_hours is not UNSET:
            field_dict["upper_bound_hours"] = upper_bound_hours
        if display_string is not UNSET:
            field_dict["display_string"] = display_string
        if limit_at is not UNSET:
            field_dict["limit_at"] = limit_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:

        d = dict(src_dict)
        precise_recruitment_time_hours = d.pop("precise_recruitment_time_hours", UNSET)

        lower_bound_hours = d.pop("lower_bound_hours", UNSET)

        upper_bound_hours = d.pop("upper_bound_hours", UNSET)

        display_string = d.pop("display_string", UNSET)

        limit_at = d.pop("limit_at", UNSET)

        study_predicted_recruitment_time_response = cls(
            precise_recruitment_time_hours=precise_recruitment_time_hours,
            lower_bound_hours=lower_bound_hours,
            upper_bound_hours=upper_bound_hours,
            display_string=display_string,
            limit_at=limit_at,
        )

        study_predicted_recruitment_time_response.additional_properties = d
        return study_predicted_recruitment_time_response

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
