from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.survey_question_response import SurveyQuestionResponse
    from ..models.survey_response_section import SurveyResponseSection


T = TypeVar("T", bound="SurveyResponseIn")


@_attrs_define
class SurveyResponseIn:
    """The model used to create a `Response`.

    Attributes:
        participant_id (str): The Prolific participant ID.
        submission_id (str): The Prolific submission ID.
        sections (list[SurveyResponseSection] | Unset): An array of sections from the survey, otherwise use `questions`.
        questions (list[SurveyQuestionResponse] | Unset): An array of questions from the survey, otherwise use
            `sections`.
    """

    participant_id: str
    submission_id: str
    sections: list[SurveyResponseSection] | Unset = UNSET
    questions: list[SurveyQuestionResponse] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        if not _lazy_imported:
            _import_lazy()

        participant_id = self.participant_id

        submission_id = self.submission_id

        sections: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.sections, Unset):
            sections = []
            for sections_item_data in self.sections:
                sections_item = sections_item_data.to_dict()
                sections.append(sections_item)

        questions: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.questions, Unset):
            questions = []
            for questions_item_data in self.questions:
                questions_item = questions_item_data.to_dict()
                questions.append(questions_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "participant_id": participant_id,
                "submission_id": submission_id,
            }
        )
        if sections is not UNSET:
            field_dict["sections"] = sections
        if questions is not UNSET:
            field_dict["questions"] = questions

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if not _lazy_imported:
            _import_lazy()

        d = dict(src_dict)
        participant_id = d.pop("participant_id")

        submission_id = d.pop("submission_id")

        _sections = d.pop("sections", UNSET)
        sections: list[SurveyResponseSection] | Unset = UNSET
        if _sections is not UNSET:
            sections = []
            for sections_item_data in _sections:
                sections_item = SurveyResponseSection.from_dict(sections_item_data)

                sections.append(sections_item)

        _questions = d.pop("questions", UNSET)
        questions: list[SurveyQuestionResponse] | Unset = UNSET
        if _questions is not UNSET:
            questions = []
            for questions_item_data in _questions:
                questions_item = SurveyQuestionResponse.from_dict(questions_item_data)

                questions.append(questions_item)

        survey_response_in = cls(
            participant_id=participant_id,
            submission_id=submission_id,
            sections=sections,
            questions=questions,
        )

        survey_response_in.additional_properties = d
        return survey_response_in

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
    global _lazy_imported, SurveyQuestionResponse, SurveyResponseSection
    from ..models.survey_question_response import SurveyQuestionResponse  # noqa: PLC0415
    from ..models.survey_response_section import SurveyResponseSection  # noqa: PLC0415

    _lazy_imported = True
