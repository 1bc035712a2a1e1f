from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.survey_question import SurveyQuestion
    from ..models.survey_section import SurveySection


T = TypeVar("T", bound="SurveyIn")


@_attrs_define
class SurveyIn:
    """The model used to create a `Survey`.

    Attributes:
        researcher_id (str): The Prolific researcher ID.
        title (str): The survey title.
        sections (list[SurveySection] | Unset): An array of sections in the survey, or use `questions`.
        questions (list[SurveyQuestion] | Unset): An array of questions in the survey, or use `sections`.
    """

    researcher_id: str
    title: str
    sections: list[SurveySection] | Unset = UNSET
    questions: list[SurveyQuestion] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        if not _lazy_imported:
            _import_lazy()

        researcher_id = self.researcher_id

        title = self.title

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
                "researcher_id": researcher_id,
                "title": title,
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
        researcher_id = d.pop("researcher_id")

        title = d.pop("title")

        _sections = d.pop("sections", UNSET)
        sections: list[SurveySection] | Unset = UNSET
        if _sections is not UNSET:
            sections = []
            for sections_item_data in _sections:
                sections_item = SurveySection.from_dict(sections_item_data)

                sections.append(sections_item)

        _questions = d.pop("questions", UNSET)
        questions: list[SurveyQuestion] | Unset = UNSET
        if _questions is not UNSET:
            questions = []
            for questions_item_data in _questions:
                questions_item = SurveyQuestion.from_dict(questions_item_data)

                questions.append(questions_item)

        survey_in = cls(
            researcher_id=researcher_id,
            title=title,
            sections=sections,
            questions=questions,
        )

        survey_in.additional_properties = d
        return survey_in

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
    global _lazy_imported, SurveyQuestion, SurveySection
    from ..models.survey_question import SurveyQuestion  # noqa: PLC0415
    from ..models.survey_section import SurveySection  # noqa: PLC0415

    _lazy_imported = True
