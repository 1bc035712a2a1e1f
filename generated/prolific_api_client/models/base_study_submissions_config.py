from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.base_study_submissions_config_auto_rejection_category import (
    BaseStudySubmissionsConfigAutoRejectionCategory,
)
from ..types import UNSET, Unset, whole_number

T = TypeVar("T", bound="BaseStudySubmissionsConfig")


@_attrs_define
class BaseStudySubmissionsConfig:
    """**Advanced**: This helps with faster data collection. Your survey system will need to handle providing a
    unique experience each time the participant takes the study.

    Configuration related to study submissions. The purpose of this field is to capture any configuration options that
    impact the submissions made by participants in a study.

        Attributes:
            max_submissions_per_participant (int | None | Unset): - **1** is the default Prolific experience. This means one
                submission, per participant, per study. If you do
                  not specify this field, the **default is 1**.
                - **1+** turns your study into a multi-submission study, meaning a participant can create many submissions per
                study.
                  As noted above, your survey system will need to handle providing a
                unique experience each time the participant takes the study.
                - **-1** will allow an indefinite number of submissions from a single participant, up to
                `total_available_places`. Default: 1.
            max_concurrent_submissions (int | None | Unset): - **-1** is the default value, meaning unlimited concurrent
                active/reserved submissions per study.
                - **1+** limits the number of concurrent active/reserved submissions a study can have at one time. Default: -1.
            auto_rejection_categories (list[BaseStudySubmissionsConfigAutoRejectionCategory | str] | Unset): List of
                rejection categories that trigger automatic submission rejections.

                **Available Categories:**
                - **EXCEPTIONALLY_FAST**: Automatically reject submissions completed in an exceptionally short time

                **Important Notes:**
                - **This feature is currently in an evaluation period and can be activated for your workspace upon request.**
                - Auto-rejections only apply to submissions in "AWAITING REVIEW" status
                - Submissions with return requests will not be auto-rejected
                - Auto-rejected submissions do not count towards your rejection limit
                - Set to an empty array `[]` or omit this field to disable auto-rejection
    """

    max_submissions_per_participant: int | None | Unset = 1
    max_concurrent_submissions: int | None | Unset = -1
    auto_rejection_categories: list[BaseStudySubmissionsConfigAutoRejectionCategory | str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:

        max_submissions_per_participant: int | None | Unset
        if isinstance(self.max_submissions_per_participant, Unset):
            max_submissions_per_participant = UNSET
        else:
            max_submissions_per_participant = self.max_submissions_per_participant

        max_concurrent_submissions: int | None | Unset
        if isinstance(self.max_concurrent_submissions, Unset):
            max_concurrent_submissions = UNSET
        else:
            max_concurrent_submissions = self.max_concurrent_submissions

        auto_rejection_categories: list[str] | Unset = UNSET
        if not isinstance(self.auto_rejection_categories, Unset):
            auto_rejection_categories = []
            for auto_rejection_categories_item_data in self.auto_rejection_categories:
                auto_rejection_categories_item: str
                if isinstance(auto_rejection_categories_item_data, str):
                    auto_rejection_categories_item = auto_rejection_categories_item_data
                else:
                    auto_rejection_categories_item = auto_rejection_categories_item_data
                auto_rejection_categories.append(auto_rejection_categories_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if max_submissions_per_participant is not UNSET:
            field_dict["max_submissions_per_participant"] = max_submissions_per_participant
        if max_concurrent_submissions is not UNSET:
            field_dict["max_concurrent_submissions"] = max_concurrent_submissions
        if auto_rejection_categories is not UNSET:
            field_dict["auto_rejection_categories"] = auto_rejection_categories

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:

        d = dict(src_dict)
        max_submissions_per_participant = whole_number(d.pop("max_submissions_per_participant", UNSET))

        max_concurrent_submissions = whole_number(d.pop("max_concurrent_submissions", UNSET))

        _auto_rejection_categories = d.pop("auto_rejection_categories", UNSET)
        auto_rejection_categories: list[BaseStudySubmissionsConfigAutoRejectionCategory | str] | Unset = UNSET
        if _auto_rejection_categories is not UNSET:
            auto_rejection_categories = []
            for auto_rejection_categories_item_data in _auto_rejection_categories:
                auto_rejection_categories_item = auto_rejection_categories_item_data

                auto_rejection_categories.append(auto_rejection_categories_item)

        base_study_submissions_config = cls(
            max_submissions_per_participant=max_submissions_per_participant,
            max_concurrent_submissions=max_concurrent_submissions,
            auto_rejection_categories=auto_rejection_categories,
        )

        base_study_submissions_config.additional_properties = d
        return base_study_submissions_config

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
