from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, whole_number

T = TypeVar("T", bound="BaseStudyDataCollectionMetadata")


@_attrs_define
class BaseStudyDataCollectionMetadata:
    """**Optional.** Additional metadata for configuring AI Task Builder data annotation behavior. Only used when
    `data_collection_method` is set to `AI_TASK_BUILDER_BATCH`.

    **Properties:**

    - `annotators_per_task` (integer): Number of annotators per task. **This field must be provided if you want multiple
    annotators per task.** Without this field, the default value of 1 will be used.
      - Minimum: 1
      - Default: 1 (if not provided)

    **Example:**
    ```json
    {
      "annotators_per_task": 5
    }
    ```

    **Important:** You must include `annotators_per_task` to control how many participants annotate each task. After the
    study is published, this value can only be increased (not decreased), which will increase the total available places
    on the study.

        Attributes:
            annotators_per_task (int | Unset): Number of annotators required per task. Required for AI Task Builder Batch
                studies to set multiple annotators.
    """

    annotators_per_task: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:

        annotators_per_task = self.annotators_per_task

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if annotators_per_task is not UNSET:
            field_dict["annotators_per_task"] = annotators_per_task

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:

        d = dict(src_dict)
        annotators_per_task = whole_number(d.pop("annotators_per_task", UNSET))

        base_study_data_collection_metadata = cls(
            annotators_per_task=annotators_per_task,
        )

        base_study_data_collection_metadata.additional_properties = d
        return base_study_data_collection_metadata

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
