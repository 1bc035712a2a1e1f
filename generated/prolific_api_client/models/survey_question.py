from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.survey_question_type import SurveyQuestionType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.survey_answer_option import SurveyAnswerOption


T = TypeVar("T", bound="SurveyQuestion")


@_attrs_define
class SurveyQuestion:
    """Responsible for defining a question within a survey.

    Attributes:
        answers (list[SurveyAnswerOption]): An array of answer options for a question.
        title (str): The question title.
        type_ (str | SurveyQuestionType): The type of question being asked.
        id (UUID | Unset):
    """

    answers: list[SurveyAnswerOption]
    title: str
    type_: str | SurveyQuestionType
    id: UUID | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        if not _lazy_imported:
            _import_lazy()

        answers = []
        for answers_item_data in self.answers:
            answers_item = answers_item_data.to_dict()
            answers.append(answers_item)

        title = self.title

        type_: str
        if isinstance(self.type_, str):
            type_ = self.type_
        else:
            type_ = self.type_

        id: str | Unset = UNSET
        if not isinstance(self.id, Unset):
            id = str(self.id)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "answers": answers,
                "title": title,
                "type": type_,
            }
        )
        if id is not UNSET:
            field_dict["id"] = id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if not _lazy_imported:
            _import_lazy()

        d = dict(src_dict)
        answers = []
        _answers = d.pop("answers")
        for answers_item_data in _answers:
            answers_item = SurveyAnswerOption.from_dict(answers_item_data)

            answers.append(answers_item)

        title = d.pop("title")

        type_ = d.pop("type")

        _id = d.pop("id", UNSET)
        id: UUID | Unset
        if isinstance(_id, Unset):
            id = UNSET
        else:
            id = UUID(_id)

        survey_question = cls(
            answers=answers,
            title=title,
            type_=type_,
            id=id,
        )

        survey_question.additional_properties = d
        return survey_question

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
    global _lazy_imported, SurveyAnswerOption
    from ..models.survey_answer_option import SurveyAnswerOption  # noqa: PLC0415

    _lazy_imported = True
