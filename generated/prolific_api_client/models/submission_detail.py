from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.submission_detail_status import (
    SubmissionDetailStatus,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="SubmissionDetail")


@_attrs_define
class SubmissionDetail:
    """
    Attributes:
        id (str): The id of the submission
        started_at (str): The date and time that the user started the submission (UTC)
        status (str | SubmissionDetailStatus): The current status of the submission
        study_id (str): Study id.
        completed_at (None | str | Unset): The time the submission was completed at.
        entered_code (None | str | Unset): The completion code used by the participant to complete the study.
        participant (str | Unset): Participant id.
        parent_study_id (None | str | Unset): ID of the study's parent, if any. (This applies to representative sample
            and quota studies.)
        bonus_payments (list[float] | Unset): Bonus payments that have been paid on the submission. Returned in pence /
            cents.
        return_requested (datetime.datetime | None | Unset): The date and time when a return request for the submission
            was made.
    """

    id: str
    started_at: str
    status: str | SubmissionDetailStatus
    study_id: str
    completed_at: None | str | Unset = UNSET
    entered_code: None | str | Unset = UNSET
    participant: str | Unset = UNSET
    parent_study_id: None | str | Unset = UNSET
    bonus_payments: list[float] | Unset = UNSET
    return_requested: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:

        id = self.id

        started_at = self.started_at

        status: str
        if isinstance(self.status, str):
            status = self.status
        else:
            status = self.status

        study_id = self.study_id

        completed_at: None | str | Unset
        if isinstance(self.completed_at, Unset):
            completed_at = UNSET
        else:
            completed_at = self.completed_at

        entered_code: None | str | Unset
        if isinstance(self.entered_code, Unset):
            entered_code = UNSET
        else:
            entered_code = self.entered_code

        participant = self.participant

        parent_study_id: None | str | Unset
        if isinstance(self.parent_study_id, Unset):
            parent_study_id = UNSET
        else:
            parent_study_id = self.parent_study_id

        bonus_payments: list[float] | Unset = UNSET
        if not isinstance(self.bonus_payments, Unset):
            bonus_payments = self.bonus_payments

        return_requested: None | str | Unset
        if isinstance(self.return_requested, Unset):
            return_requested = UNSET
        elif isinstance(self.return_requested, datetime.datetime):
            return_requested = self.return_requested.isoformat()
        else:
            return_requested = self.return_requested

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "started_at": started_at,
                "status": status,
                "study_id": study_id,
            }
        )
        if completed_at is not UNSET:
            field_dict["completed_at"] = completed_at
        if entered_code is not UNSET:
            field_dict["entered_code"] = entered_code
        if participant is not UNSET:
            field_dict["participant"] = participant
        if parent_study_id is not UNSET:
            field_dict["parent_study_id"] = parent_study_id
        if bonus_payments is not UNSET:
            field_dict["bonus_payments"] = bonus_payments
        if return_requested is not UNSET:
            field_dict["return_requested"] = return_requested

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:

        d = dict(src_dict)
        id = d.pop("id")

        started_at = d.pop("started_at")

        status = d.pop("status")

        study_id = d.pop("study_id")

        completed_at = d.pop("completed_at", UNSET)

        entered_code = d.pop("entered_code", UNSET)

        participant = d.pop("participant", UNSET)

        parent_study_id = d.pop("parent_study_id", UNSET)

        bonus_payments = cast(list[float], d.pop("bonus_payments", UNSET))

        return_requested = _parse_return_requested(d.pop("return_requested", UNSET))

        submission_detail = cls(
            id=id,
            started_at=started_at,
            status=status,
            study_id=study_id,
            completed_at=completed_at,
            entered_code=entered_code,
            participant=participant,
            parent_study_id=parent_study_id,
            bonus_payments=bonus_payments,
            return_requested=return_requested,
        )

        submission_detail.additional_properties = d
        return submission_detail

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


def _parse_return_requested(data: object) -> datetime.datetime | None | Unset:
    if data is None:
        return data
    if isinstance(data, Unset):
        return data
    if isinstance(data, str):
        try:
            return_requested_type_0 = datetime.datetime.fromisoformat(data)

            return return_requested_type_0
        except (TypeError, ValueError, AttributeError, KeyError):
            pass
    return cast(datetime.datetime | None | Unset, data)
