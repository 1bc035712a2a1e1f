from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, whole_number

T = TypeVar("T", bound="SubmissionsCountResponse")


@_attrs_define
class SubmissionsCountResponse:
    """
    Attributes:
        active (int | Unset):
        approved (int | Unset):
        awaiting_review (int | Unset):
        rejected (int | Unset):
        reserved (int | Unset):
        returned (int | Unset):
        timed_out (int | Unset):
        partially_approved (int | Unset):
        screened_out (int | Unset):
        total (int | Unset): The total number of submissions in the study.
    """

    active: int | Unset = UNSET
    approved: int | Unset = UNSET
    awaiting_review: int | Unset = UNSET
    rejected: int | Unset = UNSET
    reserved: int | Unset = UNSET
    returned: int | Unset = UNSET
    timed_out: int | Unset = UNSET
    partially_approved: int | Unset = UNSET
    screened_out: int | Unset = UNSET
    total: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:

        active = self.active

        approved = self.approved

        awaiting_review = self.awaiting_review

        rejected = self.rejected

        reserved = self.reserved

        returned = self.returned

        timed_out = self.timed_out

        partially_approved = self.partially_approved

        screened_out = self.screened_out

        total = self.total

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if active is not UNSET:
            field_dict["ACTIVE"] = active
        if approved is not UNSET:
            field_dict["APPROVED"] = approved
        if awaiting_review is not UNSET:
            field_dict["AWAITING REVIEW"] = awaiting_review
        if rejected is not UNSET:
            field_dict["REJECTED"] = rejected
        if reserved is not UNSET:
            field_dict["RESERVED"] = reserved
        if returned is not UNSET:
            field_dict["RETURNED"] = returned
        if timed_out is not UNSET:
            field_dict["TIMED-OUT"] = timed_out
        if partially_approved is not UNSET:
            field_dict["PARTIALLY APPROVED"] = partially_approved
        if screened_out is not UNSET:
            field_dict["SCREENED OUT"] = screened_out
        if total is not UNSET:
            field_dict["TOTAL"] = total

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:

        d = dict(src_dict)
        active = whole_number(d.pop("ACTIVE", UNSET))

        approved = whole_number(d.pop("APPROVED", UNSET))

        awaiting_review = whole_number(d.pop("AWAITING REVIEW", UNSET))

        rejected = whole_number(d.pop("REJECTED", UNSET))

        reserved = whole_number(d.pop("RESERVED", UNSET))

        returned = whole_number(d.pop("RETURNED", UNSET))

        timed_out = whole_number(d.pop("TIMED-OUT", UNSET))

        partially_approved = whole_number(d.pop("PARTIALLY APPROVED", UNSET))

        screened_out = whole_number(d.pop("SCREENED OUT", UNSET))

        total = whole_number(d.pop("TOTAL", UNSET))

        submissions_count_response = cls(
            active=active,
            approved=approved,
            awaiting_review=awaiting_review,
            rejected=rejected,
            reserved=reserved,
            returned=returned,
            timed_out=timed_out,
            partially_approved=partially_approved,
            screened_out=screened_out,
            total=total,
        )

        submissions_count_response.additional_properties = d
        return submissions_count_response

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
