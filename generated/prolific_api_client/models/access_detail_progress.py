from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="AccessDetailProgress")


@_attrs_define
class AccessDetailProgress:
    """
    Attributes:
        external_url (str): URL of the task you want to send the participant to. You can pass URL search parameters as
            in `external_study_url`.
        total_allocation (float): The base number of places set by the researcher for this URL. This is the value used
            to determine the study's total available places and will match what was submitted when creating or updating the
            study.

            This value does not include screenout-driven capacity. For studies with custom screening (fixed screen-out
            reward), `allocated` may exceed `total_allocation` — use `capacity_increments` to understand why.
        allocated (float | Unset): The number of participants currently allocated to this URL.

            For studies with custom screening (fixed screen-out reward), this value may exceed `total_allocation`. This
            occurs when participants have been screened out — each screenout adds 1 to `capacity_increments`, allowing a
            replacement participant to be allocated. The relationship is always: `allocated ≤ total_allocation +
            capacity_increments`.
        capacity_increments (float | Unset): The cumulative number of additional capacity slots added to this URL by
            screenout events. Each time a participant is screened out, this value increases by 1, allowing a replacement
            participant to be allocated in their place.

            This field is read-only and system-managed — it cannot be set when creating or updating a study. It will be
            absent (or 0) for URLs where no screenouts have occurred.

            **Example:** If `total_allocation` is 10, `capacity_increments` is 3, and `allocated` is 11, it means 3
            participants were screened out, creating 3 extra slots, and 11 participants have been allocated in total — 2
            slots remain.
    """

    external_url: str
    total_allocation: float
    allocated: float | Unset = UNSET
    capacity_increments: float | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:

        external_url = self.external_url

        total_allocation = self.total_allocation

        allocated = self.allocated

        capacity_increments = self.capacity_increments

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "external_url": external_url,
                "total_allocation": total_allocation,
            }
        )
        if allocated is not UNSET:
            field_dict["allocated"] = allocated
        if capacity_increments is not UNSET:
            field_dict["capacity_increments"] = capacity_increments

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:

        d = dict(src_dict)
        external_url = d.pop("external_url")

        total_allocation = d.pop("total_allocation")

        allocated = d.pop("allocated", UNSET)

        capacity_increments = d.pop("capacity_increments", UNSET)

        access_detail_progress = cls(
            external_url=external_url,
            total_allocation=total_allocation,
            allocated=allocated,
            capacity_increments=capacity_increments,
        )

        access_detail_progress.additional_properties = d
        return access_detail_progress

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
