from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.study_short_study_type import (
    StudyShortStudyType,
)
from ..models.study_status import StudyStatus
from ..types import UNSET, Unset, whole_number

T = TypeVar("T", bound="StudyShort")


@_attrs_define
class StudyShort:
    """
    Attributes:
        id (str): Study id. It is created by Prolific.
        name (str): Public name or title of the study
        status (str | StudyStatus): Status of the study.
        internal_name (None | str | Unset): Internal name of the study, not shown to participants
        study_type (str | StudyShortStudyType | Unset): Deprecated. Type of study.
        estimated_completion_time (int | Unset): Estimated duration in minutes of the experiment or survey
        total_available_places (int | Unset): How many participants are you looking to recruit
        places_taken (int | Unset): Places already taken, number of submission started excluding timed out and returned
            submissions
        number_of_submissions (float | Unset):
        reward (float | Unset): How much are you going to pay the participants in cents. We use the currency of your
            account
        total_cost (float | Unset): Total cost of the study including fees
        published_at (datetime.datetime | None | Unset): Date time when the study was published.
        publish_at (datetime.datetime | None | Unset): Date time when the study was scheduled to be published.
        date_created (datetime.datetime | Unset): Date time when the study was created
        credential_pool_id (None | str | Unset): The ID of the credential pool associated with this study, if any
        is_ready_to_publish (bool | Unset): Whether the study has all required fields completed for publishing. Does not
            check wallet balance or funding — only study-level field completeness.
    """

    id: str
    name: str
    status: str | StudyStatus
    internal_name: None | str | Unset = UNSET
    study_type: str | StudyShortStudyType | Unset = UNSET
    estimated_completion_time: int | Unset = UNSET
    total_available_places: int | Unset = UNSET
    places_taken: int | Unset = UNSET
    number_of_submissions: float | Unset = UNSET
    reward: float | Unset = UNSET
    total_cost: float | Unset = UNSET
    published_at: datetime.datetime | None | Unset = UNSET
    publish_at: datetime.datetime | None | Unset = UNSET
    date_created: datetime.datetime | Unset = UNSET
    credential_pool_id: None | str | Unset = UNSET
    is_ready_to_publish: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:

        id = self.id

        name = self.name

        status: str
        if isinstance(self.status, str):
            status = self.status
        else:
            status = self.status

        internal_name: None | str | Unset
        if isinstance(self.internal_name, Unset):
            internal_name = UNSET
        else:
            internal_name = self.internal_name

        study_type: str | Unset
        if isinstance(self.study_type, Unset):
            study_type = UNSET
        elif isinstance(self.study_type, str):
            study_type = self.study_type
        else:
            study_type = self.study_type

        estimated_completion_time = self.estimated_completion_time

        total_available_places = self.total_available_places

        places_taken = self.places_taken

        number_of_submissions = self.number_of_submissions

        reward = self.reward

        total_cost = self.total_cost

        published_at: None | str | Unset
        if isinstance(self.published_at, Unset):
            published_at = UNSET
        elif isinstance(self.published_at, datetime.datetime):
            published_at = self.published_at.isoformat()
        else:
            published_at = self.published_at

        publish_at: None | str | Unset
        if isinstance(self.publish_at, Unset):
            publish_at = UNSET
        elif isinstance(self.publish_at, datetime.datetime):
            publish_at = self.publish_at.isoformat()
        else:
            publish_at = self.publish_at

        date_created: str | Unset = UNSET
        if not isinstance(self.date_created, Unset):
            date_created = self.date_created.isoformat()

        credential_pool_id: None | str | Unset
        if isinstance(self.credential_pool_id, Unset):
            credential_pool_id = UNSET
        else:
            credential_pool_id = self.credential_pool_id

        is_ready_to_publish = self.is_ready_to_publish

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
                "status": status,
            }
        )
        if internal_name is not UNSET:
            field_dict["internal_name"] = internal_name
        if study_type is not UNSET:
            field_dict["study_type"] = study_type
        if estimated_completion_time is not UNSET:
            field_dict["estimated_completion_time"] = estimated_completion_time
        if total_available_places is not UNSET:
            field_dict["total_available_places"] = total_available_places
        if places_taken is not UNSET:
            field_dict["places_taken"] = places_taken
        if number_of_submissions is not UNSET:
            field_dict["number_of_submissions"] = number_of_submissions
        if reward is not UNSET:
            field_dict["reward"] = reward
        if total_cost is not UNSET:
            field_dict["total_cost"] = total_cost
        if published_at is not UNSET:
            field_dict["published_at"] = published_at
        if publish_at is not UNSET:
            field_dict["publish_at"] = publish_at
        if date_created is not UNSET:
            field_dict["date_created"] = date_created
        if credential_pool_id is not UNSET:
            field_dict["credential_pool_id"] = credential_pool_id
        if is_ready_to_publish is not UNSET:
            field_dict["is_ready_to_publish"] = is_ready_to_publish

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:

        d = dict(src_dict)
        id = d.pop("id")

        name = d.pop("name")

        status = d.pop("status")

        internal_name = d.pop("internal_name", UNSET)

        study_type = d.pop("study_type", UNSET)

        estimated_completion_time = whole_number(d.pop("estimated_completion_time", UNSET))

        total_available_places = whole_number(d.pop("total_available_places", UNSET))

        places_taken = whole_number(d.pop("places_taken", UNSET))

        number_of_submissions = d.pop("number_of_submissions", UNSET)

        reward = d.pop("reward", UNSET)

        total_cost = d.pop("total_cost", UNSET)

        published_at = _parse_published_at(d.pop("published_at", UNSET))

        publish_at = _parse_publish_at(d.pop("publish_at", UNSET))

        _date_created = d.pop("date_created", UNSET)
        date_created: datetime.datetime | Unset
        if isinstance(_date_created, Unset):
            date_created = UNSET
        else:
            date_created = datetime.datetime.fromisoformat(_date_created)

        credential_pool_id = d.pop("credential_pool_id", UNSET)

        is_ready_to_publish = d.pop("is_ready_to_publish", UNSET)

        study_short = cls(
            id=id,
            name=name,
            status=status,
            internal_name=internal_name,
            study_type=study_type,
            estimated_completion_time=estimated_completion_time,
            total_available_places=total_available_places,
            places_taken=places_taken,
            number_of_submissions=number_of_submissions,
            reward=reward,
            total_cost=total_cost,
            published_at=published_at,
            publish_at=publish_at,
            date_created=date_created,
            credential_pool_id=credential_pool_id,
            is_ready_to_publish=is_ready_to_publish,
        )

        study_short.additional_properties = d
        return study_short

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


def _parse_published_at(data: object) -> datetime.datetime | None | Unset:
    if data is None:
        return data
    if isinstance(data, Unset):
        return data
    if isinstance(data, str):
        try:
            published_at_type_0 = datetime.datetime.fromisoformat(data)

            return published_at_type_0
        except (TypeError, ValueError, AttributeError, KeyError):
            pass
    return cast(datetime.datetime | None | Unset, data)


def _parse_publish_at(data: object) -> datetime.datetime | None | Unset:
    if data is None:
        return data
    if isinstance(data, Unset):
        return data
    if isinstance(data, str):
        try:
            publish_at_type_0 = datetime.datetime.fromisoformat(data)

            return publish_at_type_0
        except (TypeError, ValueError, AttributeError, KeyError):
            pass
    return cast(datetime.datetime | None | Unset, data)
