from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.access_detail_progress import AccessDetailProgress
    from ..models.study_access_details_progress_links import (
        StudyAccessDetailsProgressLinks,
    )


T = TypeVar("T", bound="StudyAccessDetailsProgress")


@_attrs_define
class StudyAccessDetailsProgress:
    """
    Attributes:
        id (str): The access details collection ID for this study's Taskflow configuration.
        progress (list[AccessDetailProgress]): One row per `external_url` configured on the study.
        field_links (StudyAccessDetailsProgressLinks | Unset): HAL-style links; typically includes `self` pointing at
            this endpoint.
    """

    id: str
    progress: list[AccessDetailProgress]
    field_links: StudyAccessDetailsProgressLinks | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        if not _lazy_imported:
            _import_lazy()

        id = self.id

        progress = []
        for progress_item_data in self.progress:
            progress_item = progress_item_data.to_dict()
            progress.append(progress_item)

        field_links: dict[str, Any] | Unset = UNSET
        if not isinstance(self.field_links, Unset):
            field_links = self.field_links.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "progress": progress,
            }
        )
        if field_links is not UNSET:
            field_dict["_links"] = field_links

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if not _lazy_imported:
            _import_lazy()

        d = dict(src_dict)
        id = d.pop("id")

        progress = []
        _progress = d.pop("progress")
        for progress_item_data in _progress:
            progress_item = AccessDetailProgress.from_dict(progress_item_data)

            progress.append(progress_item)

        _field_links = d.pop("_links", UNSET)
        field_links: StudyAccessDetailsProgressLinks | Unset
        if isinstance(_field_links, Unset):
            field_links = UNSET
        else:
            field_links = StudyAccessDetailsProgressLinks.from_dict(_field_links)

        study_access_details_progress = cls(
            id=id,
            progress=progress,
            field_links=field_links,
        )

        study_access_details_progress.additional_properties = d
        return study_access_details_progress

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
    global _lazy_imported, AccessDetailProgress, StudyAccessDetailsProgressLinks
    from ..models.access_detail_progress import AccessDetailProgress  # noqa: PLC0415
    from ..models.study_access_details_progress_links import (
        StudyAccessDetailsProgressLinks,  # noqa: PLC0415
    )

    _lazy_imported = True
