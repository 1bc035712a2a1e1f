from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.collection_instruction_input_type import (
    CollectionInstructionInputType,
)

if TYPE_CHECKING:
    from ..models.response_answer import ResponseAnswer


T = TypeVar("T", bound="CollectionResponseResponse")


@_attrs_define
class CollectionResponseResponse:
    """
    Attributes:
        instruction_id (str):
        type_ (CollectionInstructionInputType | str):
        answer (list[ResponseAnswer]):
    """

    instruction_id: str
    type_: CollectionInstructionInputType | str
    answer: list[ResponseAnswer]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        if not _lazy_imported:
            _import_lazy()

        instruction_id = self.instruction_id

        type_: str
        if isinstance(self.type_, str):
            type_ = self.type_
        else:
            type_ = self.type_

        answer = []
        for answer_item_data in self.answer:
            answer_item = answer_item_data.to_dict()
            answer.append(answer_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "instruction_id": instruction_id,
                "type": type_,
                "answer": answer,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if not _lazy_imported:
            _import_lazy()

        d = dict(src_dict)
        instruction_id = d.pop("instruction_id")

        type_ = d.pop("type")

        answer = []
        _answer = d.pop("answer")
        for answer_item_data in _answer:
            answer_item = ResponseAnswer.from_dict(answer_item_data)

            answer.append(answer_item)

        collection_response_response = cls(
            instruction_id=instruction_id,
            type_=type_,
            answer=answer,
        )

        collection_response_response.additional_properties = d
        return collection_response_response

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
    global _lazy_imported, ResponseAnswer
    from ..models.response_answer import ResponseAnswer  # noqa: PLC0415

    _lazy_imported = True
