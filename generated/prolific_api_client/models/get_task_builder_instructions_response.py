from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, UnknownVariant, Unset

if TYPE_CHECKING:
    from ..models.list_collections_response_meta import ListCollectionsResponseMeta
    from ..models.task_builder_file_upload_instruction import (
        TaskBuilderFileUploadInstruction,
    )
    from ..models.task_builder_free_text_instruction import TaskBuilderFreeTextInstruction
    from ..models.task_builder_free_text_with_unit_instruction import (
        TaskBuilderFreeTextWithUnitInstruction,
    )
    from ..models.task_builder_multiple_choice_instruction import (
        TaskBuilderMultipleChoiceInstruction,
    )
    from ..models.task_builder_multiple_choice_with_free_text_instruction import (
        TaskBuilderMultipleChoiceWithFreeTextInstruction,
    )


T = TypeVar("T", bound="GetTaskBuilderInstructionsResponse")


@_attrs_define
class GetTaskBuilderInstructionsResponse:
    """
    Attributes:
        results (list[TaskBuilderFileUploadInstruction | TaskBuilderFreeTextInstruction |
            TaskBuilderFreeTextWithUnitInstruction | TaskBuilderMultipleChoiceInstruction |
            TaskBuilderMultipleChoiceWithFreeTextInstruction] | Unset):
        meta (ListCollectionsResponseMeta | Unset):
    """

    results: (
        list[
            TaskBuilderMultipleChoiceInstruction
            | TaskBuilderFreeTextInstruction
            | TaskBuilderFreeTextWithUnitInstruction
            | TaskBuilderMultipleChoiceWithFreeTextInstruction
            | TaskBuilderFileUploadInstruction
            | UnknownVariant
        ]
        | Unset
    ) = UNSET
    meta: ListCollectionsResponseMeta | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        if not _lazy_imported:
            _import_lazy()

        results: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.results, Unset):
            results = []
            for results_item_data in self.results:
                results_item: dict[str, Any]
                if isinstance(results_item_data, UnknownVariant):
                    results_item = results_item_data.to_dict()
                elif isinstance(results_item_data, TaskBuilderMultipleChoiceInstruction):
                    results_item = results_item_data.to_dict()
                elif isinstance(results_item_data, TaskBuilderFreeTextInstruction):
                    results_item = results_item_data.to_dict()
                elif isinstance(results_item_data, TaskBuilderFreeTextWithUnitInstruction):
                    results_item = results_item_data.to_dict()
                elif isinstance(results_item_data, TaskBuilderMultipleChoiceWithFreeTextInstruction):
                    results_item = results_item_data.to_dict()
                else:
                    results_item = results_item_data.to_dict()

                results.append(results_item)

        meta: dict[str, Any] | Unset = UNSET
        if not isinstance(self.meta, Unset):
            meta = self.meta.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if results is not UNSET:
            field_dict["results"] = results
        if meta is not UNSET:
            field_dict["meta"] = meta

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if not _lazy_imported:
            _import_lazy()

        d = dict(src_dict)
        _results = d.pop("results", UNSET)
        results: (
            list[
                TaskBuilderMultipleChoiceInstruction
                | TaskBuilderFreeTextInstruction
                | TaskBuilderFreeTextWithUnitInstruction
                | TaskBuilderMultipleChoiceWithFreeTextInstruction
                | TaskBuilderFileUploadInstruction
                | UnknownVariant
            ]
            | Unset
        ) = UNSET
        if _results is not UNSET:
            results = []
            for results_item_data in _results:
                results_item = _parse_results_item(results_item_data)

                results.append(results_item)

        _meta = d.pop("meta", UNSET)
        meta: ListCollectionsResponseMeta | Unset
        if isinstance(_meta, Unset):
            meta = UNSET
        else:
            meta = ListCollectionsResponseMeta.from_dict(_meta)

        get_task_builder_instructions_response = cls(
            results=results,
            meta=meta,
        )

        get_task_builder_instructions_response.additional_properties = d
        return get_task_builder_instructions_response

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


def _parse_results_item(
    data: object,
) -> (
    TaskBuilderMultipleChoiceInstruction
    | TaskBuilderFreeTextInstruction
    | TaskBuilderFreeTextWithUnitInstruction
    | TaskBuilderMultipleChoiceWithFreeTextInstruction
    | TaskBuilderFileUploadInstruction
    | UnknownVariant
):
    if isinstance(data, dict):
        tag = data.get("type")
        if tag == "multiple_choice":
            return TaskBuilderMultipleChoiceInstruction.from_dict(data)
        if tag == "free_text":
            return TaskBuilderFreeTextInstruction.from_dict(data)
        if tag == "free_text_with_unit":
            return TaskBuilderFreeTextWithUnitInstruction.from_dict(data)
        if tag == "multiple_choice_with_free_text":
            return TaskBuilderMultipleChoiceWithFreeTextInstruction.from_dict(data)
        if tag == "file_upload":
            return TaskBuilderFileUploadInstruction.from_dict(data)
        if isinstance(tag, str):
            return UnknownVariant(raw=data)
    raise TypeError(f"Unexpected value {data!r} for results_item")


_lazy_imported = False


def _import_lazy() -> None:
    global \
        _lazy_imported, \
        ListCollectionsResponseMeta, \
        TaskBuilderFileUploadInstruction, \
        TaskBuilderFreeTextInstruction, \
        TaskBuilderFreeTextWithUnitInstruction, \
        TaskBuilderMultipleChoiceInstruction, \
        TaskBuilderMultipleChoiceWithFreeTextInstruction
    from ..models.list_collections_response_meta import ListCollectionsResponseMeta  # noqa: PLC0415
    from ..models.task_builder_file_upload_instruction import (
        TaskBuilderFileUploadInstruction,  # noqa: PLC0415
    )
    from ..models.task_builder_free_text_instruction import (
        TaskBuilderFreeTextInstruction,  # noqa: PLC0415
    )
    from ..models.task_builder_free_text_with_unit_instruction import (
        TaskBuilderFreeTextWithUnitInstruction,  # noqa: PLC0415
    )
    from ..models.task_builder_multiple_choice_instruction import (
        TaskBuilderMultipleChoiceInstruction,  # noqa: PLC0415
    )
    from ..models.task_builder_multiple_choice_with_free_text_instruction import (
        TaskBuilderMultipleChoiceWithFreeTextInstruction,  # noqa: PLC0415
    )

    _lazy_imported = True
