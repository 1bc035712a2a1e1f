from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.survey_summary_question import SurveySummaryQuestion


T = TypeVar("T", bound="SurveySummary")


@_attrs_define
class SurveySummary:
    """Responsible for providing a base for all the aggregated answers for a survey.

    Attributes:
        survey_id (str): The survey ID.
        questions (list[SurveySummaryQuestion] | Unset): A list of questions for the given survey.
    """

    survey_id: str
    questions: list[SurveySummaryQuestion] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        if not _lazy_imported:
            _import_lazy()

        survey_id = self.survey_id

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
                "survey_id": survey_id,
            }
        )
        if questions is not UNSET:
            field_dict["questions"] = questions

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if not _lazy_imported:
            _import_lazy()

        d = dict(src_dict)
        survey_id = d.pop("survey_id")

        _questions = d.pop("questions", UNSET)
        questions: list[SurveySummaryQuestion] | Unset = UNSET
        if _questions is not UNSET:
            questions = []
            for questions_item_data in _questions:
                questions_item = SurveySummaryQuestion.from_dict(questions_item_data)

                questions.append(questions_item)

        survey_summary = cls(
            survey_id=survey_id,
            questions=questions,
        )

        survey_summary.additional_properties = d
        return survey_summary

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
    global _lazy_imported, SurveySummaryQuestion
    from ..models.survey_summary_question import SurveySummaryQuestion  # noqa: PLC0415

    _lazy_imported = True
