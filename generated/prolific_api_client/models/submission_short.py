from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.submission_short_status import (
    SubmissionShortStatus,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="SubmissionShort")


@_attrs_define
class SubmissionShort:
    """
    Attributes:
        id (str): Submission id.
        participant_id (str): Participant id.
        status (str | SubmissionShortStatus): Status of the submission.
        started_at (datetime.datetime): Date started
        has_siblings (bool): Whether or not the submission has sibling submissions (sharing the same study).
        completed_at (datetime.datetime | None | Unset): Date completed
        study_code (None | str | Unset): The completion code used by the participant to complete the study.
        return_requested (datetime.datetime | None | Unset): The date and time when a return request for the submission
            was made.
    """

    id: str
    participant_id: str
    status: str | SubmissionShortStatus
    started_at: datetime.datetime
    has_siblings: bool
    completed_at: datetime.datetime | None | Unset = UNSET
    study_code: None | str | Unset = UNSET
    return_requested: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:

        id = self.id

        participant_id = self.participant_id

        status: str
        if isinstance(self.status, str):
            status = self.status
        else:
            status = self.status

        started_at = self.started_at.isoformat()

        has_siblings = self.has_siblings

        completed_at: None | str | Unset
        if isinstance(self.completed_at, Unset):
            completed_at = UNSET
        elif isinstance(self.completed_at, datetime.datetime):
            completed_at = self.completed_at.isoformat()
        else:
            completed_at = self.completed_at

        study_code: None | str | Unset
        if isinstance(self.study_code, Unset):
            study_code = UNSET
        else:
            study_code = self.study_code

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
                "participant_id": participant_id,
                "status": status,
                "started_at": started_at,
                "has_siblings": has_siblings,
            }
        )
        if completed_at is not UNSET:
            field_dict["completed_at"] = completed_at
        if study_code is not UNSET:
            field_dict["study_code"] = study_code
        if return_requested is not UNSET:
            field_dict["return_requested"] = return_requested

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:

        d = dict(src_dict)
        id = d.pop("id")

        participant_id = d.pop("participant_id")

        status = d.pop("status")

        started_at = datetime.datetime.fromisoformat(d.pop("started_at"))

        has_siblings = d.pop("has_siblings")

        completed_at = _parse_completed_at(d.pop("completed_at", UNSET))

        study_code = d.pop("study_code", UNSET)

        return_requested = _parse_return_requested(d.pop("return_requested", UNSET))

        submission_short = cls(
            id=id,
            participant_id=participant_id,
            status=status,
            started_at=started_at,
            has_siblings=has_siblings,
            completed_at=completed_at,
            study_code=study_code,
            return_requested=return_requested,
        )

        submission_short.additional_properties = d
        return submission_short

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


def _parse_completed_at(data: object) -> datetime.datetime | None | Unset:
    if data is None:
        return data
    if isinstance(data, Unset):
        return data
    if isinstance(data, str):
        try:
            completed_at_type_0 = datetime.datetime.fromisoformat(data)

            return completed_at_type_0
        except (TypeError, ValueError, AttributeError, KeyError):
            pass
    return cast(datetime.datetime | None | Unset, data)


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
