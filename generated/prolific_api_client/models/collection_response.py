from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.collection_response_response import CollectionResponseResponse


T = TypeVar("T", bound="CollectionResponse")


@_attrs_define
class CollectionResponse:
    """A participant's response to a collection

    Attributes:
        id (UUID):
        created_at (datetime.datetime):
        collection_id (UUID):
        participant_id (str):
        response (CollectionResponseResponse):
        submission_id (str | Unset):
    """

    id: UUID
    created_at: datetime.datetime
    collection_id: UUID
    participant_id: str
    response: CollectionResponseResponse
    submission_id: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        if not _lazy_imported:
            _import_lazy()

        id = str(self.id)

        created_at = self.created_at.isoformat()

        collection_id = str(self.collection_id)

        participant_id = self.participant_id

        response = self.response.to_dict()

        submission_id = self.submission_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "created_at": created_at,
                "collection_id": collection_id,
                "participant_id": participant_id,
                "response": response,
            }
        )
        if submission_id is not UNSET:
            field_dict["submission_id"] = submission_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if not _lazy_imported:
            _import_lazy()

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        collection_id = UUID(d.pop("collection_id"))

        participant_id = d.pop("participant_id")

        response = CollectionResponseResponse.from_dict(d.pop("response"))

        submission_id = d.pop("submission_id", UNSET)

        collection_response = cls(
            id=id,
            created_at=created_at,
            collection_id=collection_id,
            participant_id=participant_id,
            response=response,
            submission_id=submission_id,
        )

        collection_response.additional_properties = d
        return collection_response

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
    global _lazy_imported, CollectionResponseResponse
    from ..models.collection_response_response import CollectionResponseResponse  # noqa: PLC0415

    _lazy_imported = True
