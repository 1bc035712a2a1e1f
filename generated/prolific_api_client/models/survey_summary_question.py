from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, whole_number

if TYPE_CHECKING:
    from ..models.survey_summary_answer import SurveySummaryAnswer


T = TypeVar("T", bound="SurveySummaryQuestion")


@_attrs_define
class SurveySummaryQuestion:
    """Responsible for housing the questions we want to aggregate for the summary.

    Attributes:
        question (str): The title of the question.
        question_id (UUID | Unset): The question ID.
        total_answers (int | Unset): The total number of answered responses for a given question. Default: 0.
        answers (list[SurveySummaryAnswer] | Unset): A list of aggregated answer information.
    """

    question: str
    question_id: UUID | Unset = UNSET
    total_answers: int | Unset = 0
    answers: list[SurveySummaryAnswer] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        if not _lazy_imported:
            _import_lazy()

        question = self.question

        question_id: str | Unset = UNSET
        if not isinstance(self.question_id, Unset):
            question_id = str(self.question_id)

        total_answers = self.total_answers

        answers: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.answers, Unset):
            answers = []
            for answers_item_data in self.answers:
                answers_item = answers_item_data.to_dict()
                answers.append(answers_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "question": question,
            }
        )
        if question_id is not UNSET:
            field_dict["question_id"] = question_id
        if total_answers is not UNSET:
            field_dict["total_answers"] = total_answers
        if answers is not UNSET:
            field_dict["answers"] = answers

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if not _lazy_imported:
            _import_lazy()

        d = dict(src_dict)
        question = d.pop("question")

        _question_id = d.pop("question_id", UNSET)
        question_id: UUID | Unset
        if isinstance(_question_id, Unset):
            question_id = UNSET
        else:
            question_id = UUID(_question_id)

        total_answers = whole_number(d.pop("total_answers", UNSET))

        _answers = d.pop("answers", UNSET)
        answers: list[SurveySummaryAnswer] | Unset = UNSET
        if _answers is not UNSET:
            answers = []
            for answers_item_data in _answers:
                answers_item = SurveySummaryAnswer.from_dict(answers_item_data)

                answers.append(answers_item)

        survey_summary_question = cls(
            question=question,
            question_id=question_id,
            total_answers=total_answers,
            answers=answers,
        )

        survey_summary_question.additional_properties = d
        return survey_summary_question

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
    global _lazy_imported, SurveySummaryAnswer
    from ..models.survey_summary_answer import SurveySummaryAnswer  # noqa: PLC0415

    _lazy_imported = True
