from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, whole_number

if TYPE_CHECKING:
    from ..models.ai_task_builder_task_response_metadata import (
        AITaskBuilderTaskResponseMetadata,
    )
    from ..models.collection_response_response import CollectionResponseResponse


T = TypeVar("T", bound="AITaskBuilderTaskResponse")


@_attrs_define
class AITaskBuilderTaskResponse:
    """
    Attributes:
        id (UUID):
        created_at (datetime.datetime):
        batch_id (str):
        participant_id (str):
        response (CollectionResponseResponse):
        task_id (str):
        submission_id (str | Unset): The Prolific submission ID
        correlation_id (str | Unset): Correlation ID for tracking
        metadata (AITaskBuilderTaskResponseMetadata | Unset):
        schema_version (int | Unset):
        no_submission (bool | Unset):
    """

    id: UUID
    created_at: datetime.datetime
    batch_id: str
    participant_id: str
    response: CollectionResponseResponse
    task_id: str
    submission_id: str | Unset = UNSET
    correlation_id: str | Unset = UNSET
    metadata: AITaskBuilderTaskResponseMetadata | Unset = UNSET
    schema_version: int | Unset = UNSET
    no_submission: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        if not _lazy_imported:
            _import_lazy()

        id = str(self.id)

        created_at = self.created_at.isoformat()

        batch_id = self.batch_id

        participant_id = self.participant_id

        response = self.response.to_dict()

        task_id = self.task_id

        submission_id = self.submission_id

        correlation_id = self.correlation_id

        metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.metadata, Unset):
            metadata = self.metadata.to_dict()

        schema_version = self.schema_version

        no_submission = self.no_submission

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "created_at": created_at,
                "batch_id": batch_id,
                "participant_id": participant_id,
                "response": response,
                "task_id": task_id,
            }
        )
        if submission_id is not UNSET:
            field_dict["submission_id"] = submission_id
        if correlation_id is not UNSET:
            field_dict["correlation_id"] = correlation_id
        if metadata is not UNSET:
            field_dict["metadata"] = metadata
        if schema_version is not UNSET:
            field_dict["schema_version"] = schema_version
        if no_submission is not UNSET:
            field_dict["no_submission"] = no_submission

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if not _lazy_imported:
            _import_lazy()

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        batch_id = d.pop("batch_id")

        participant_id = d.pop("participant_id")

        response = CollectionResponseResponse.from_dict(d.pop("response"))

        task_id = d.pop("task_id")

        submission_id = d.pop("submission_id", UNSET)

        correlation_id = d.pop("correlation_id", UNSET)

        _metadata = d.pop("metadata", UNSET)
        metadata: AITaskBuilderTaskResponseMetadata | Unset
        if isinstance(_metadata, Unset):
            metadata = UNSET
        else:
            metadata = AITaskBuilderTaskResponseMetadata.from_dict(_metadata)

        schema_version = whole_number(d.pop("schema_version", UNSET))

        no_submission = d.pop("no_submission", UNSET)

        ai_task_builder_task_response = cls(
            id=id,
            created_at=created_at,
            batch_id=batch_id,
            participant_id=participant_id,
            response=response,
            task_id=task_id,
            submission_id=submission_id,
            correlation_id=correlation_id,
            metadata=metadata,
            schema_version=schema_version,
            no_submission=no_submission,
        )

        ai_task_builder_task_response.additional_properties = d
        return ai_task_builder_task_response

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
    global _lazy_imported, AITaskBuilderTaskResponseMetadata, CollectionResponseResponse
    from ..models.ai_task_builder_task_response_metadata import (
        AITaskBuilderTaskResponseMetadata,  # noqa: PLC0415
    )
    from ..models.collection_response_response import CollectionResponseResponse  # noqa: PLC0415

    _lazy_imported = True
