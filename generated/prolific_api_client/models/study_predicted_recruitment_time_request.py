from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.base_study_peripheral_requirement import (
    BaseStudyPeripheralRequirement,
    check_base_study_peripheral_requirement,
)
from ..models.base_study_study_label import (
    BaseStudyStudyLabel,
    check_base_study_study_label,
)
from ..models.device_compatibility import (
    DeviceCompatibility,
    check_device_compatibility,
)
from ..models.study_predicted_recruitment_time_request_study_type import (
    StudyPredictedRecruitmentTimeRequestStudyType,
    check_study_predicted_recruitment_time_request_study_type,
)
from ..types import UNSET, Unset, whole_number

if TYPE_CHECKING:
    from ..models.composite_filter import CompositeFilter
    from ..models.range_filter import RangeFilter
    from ..models.select_filter import SelectFilter


T = TypeVar("T", bound="StudyPredictedRecruitmentTimeRequest")


@_attrs_define
class StudyPredictedRecruitmentTimeRequest:
    """
    Attributes:
        filters (list[CompositeFilter | RangeFilter | SelectFilter]): List of filters to apply to the count. This
            parameter uses the new, simplified
            filters schema for interacting with eligibility.
        workspace_id (str): The ID of the workspace the study will be created in.
        reward (float): How much are you going to pay the participants in cents. We use the currency of the workspace
        study_type (StudyPredictedRecruitmentTimeRequestStudyType): Type of study.
        total_available_places (int): How many participants are you looking to recruit
        estimated_completion_time (int): Estimated duration in minutes of the experiment or survey
        device_compatibility (list[DeviceCompatibility] | Unset): Add all devices that participants can use.
            You can include one or more options.
        peripheral_requirements (list[BaseStudyPeripheralRequirement] | Unset): Add all requirements that participants
            have to meet.
        study_labels (BaseStudyStudyLabel | Unset): The field that the study is about to get tagged with.
    """

    filters: list[CompositeFilter | RangeFilter | SelectFilter]
    workspace_id: str
    reward: float
    study_type: StudyPredictedRecruitmentTimeRequestStudyType
    total_available_places: int
    estimated_completion_time: int
    device_compatibility: list[DeviceCompatibility] | Unset = UNSET
    peripheral_requirements: list[BaseStudyPeripheralRequirement] | Unset = UNSET
    study_labels: BaseStudyStudyLabel | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        if not _lazy_imported:
            _import_lazy()

        filters = []
        for filters_item_data in self.filters:
            filters_item: dict[str, Any]
            if isinstance(filters_item_data, SelectFilter):
                filters_item = filters_item_data.to_dict()
            elif isinstance(filters_item_data, RangeFilter):
                filters_item = filters_item_data.to_dict()
            else:
                filters_item = filters_item_data.to_dict()

            filters.append(filters_item)

        workspace_id = self.workspace_id

        reward = self.reward

        study_type: str = self.study_type

        total_available_places = self.total_available_places

        estimated_completion_time = self.estimated_completion_time

        device_compatibility: list[str] | Unset = UNSET
        if not isinstance(self.device_compatibility, Unset):
            device_compatibility = []
            for device_compatibility_item_data in self.device_compatibility:
                device_compatibility_item: str = device_compatibility_item_data
                device_compatibility.append(device_compatibility_item)

        peripheral_requirements: list[str] | Unset = UNSET
        if not isinstance(self.peripheral_requirements, Unset):
            peripheral_requirements = []
            for peripheral_requirements_item_data in self.peripheral_requirements:
                peripheral_requirements_item: str = peripheral_requirements_item_data
                peripheral_requirements.append(peripheral_requirements_item)

        study_labels: str | Unset = UNSET
        if not isinstance(self.study_labels, Unset):
            study_labels = self.study_labels

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "filters": filters,
                "workspace_id": workspace_id,
                "reward": reward,
                "study_type": study_type,
                "total_available_places": total_available_places,
                "estimated_completion_time": estimated_completion_time,
            }
        )
        if device_compatibility is not UNSET:
            field_dict["device_compatibility"] = device_compatibility
        if peripheral_requirements is not UNSET:
            field_dict["peripheral_requirements"] = peripheral_requirements
        if study_labels is not UNSET:
            field_dict["study_labels"] = study_labels

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if not _lazy_imported:
            _import_lazy()

        d = dict(src_dict)
        filters = []
        _filters = d.pop("filters")
        for filters_item_data in _filters:
            filters_item = _parse_filters_item(filters_item_data)

            filters.append(filters_item)

        workspace_id = d.pop("workspace_id")

        reward = d.pop("reward")

        study_type = check_study_predicted_recruitment_time_request_study_type(d.pop("study_type"))

        total_available_places = whole_number(d.pop("total_available_places"))

        estimated_completion_time = whole_number(d.pop("estimated_completion_time"))

        _device_compatibility = d.pop("device_compatibility", UNSET)
        device_compatibility: list[DeviceCompatibility] | Unset = UNSET
        if _device_compatibility is not UNSET:
            device_compatibility = []
            for device_compatibility_item_data in _device_compatibility:
                device_compatibility_item = check_device_compatibility(device_compatibility_item_data)

                device_compatibility.append(device_compatibility_item)

        _peripheral_requirements = d.pop("peripheral_requirements", UNSET)
        peripheral_requirements: list[BaseStudyPeripheralRequirement] | Unset = UNSET
        if _peripheral_requirements is not UNSET:
            peripheral_requirements = []
            for peripheral_requirements_item_data in _peripheral_requirements:
                peripheral_requirements_item = check_base_study_peripheral_requirement(
                    peripheral_requirements_item_data
                )

                peripheral_requirements.append(peripheral_requirements_item)

        _study_labels = d.pop("study_labels", UNSET)
        study_labels: BaseStudyStudyLabel | Unset
        if isinstance(_study_labels, Unset):
            study_labels = UNSET
        else:
            study_labels = check_base_study_study_label(_study_labels)

        study_predicted_recruitment_time_request = cls(
            filters=filters,
            workspace_id=workspace_id,
            reward=reward,
            study_type=study_type,
            total_available_places=total_available_places,
            estimated_completion_time=estimated_completion_time,
            device_compatibility=device_compatibility,
            peripheral_requirements=peripheral_requirements,
            study_labels=study_labels,
        )

        study_predicted_recruitment_time_request.additional_properties = d
        return study_predicted_recruitment_time_request

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


def _parse_filters_item(data: object) -> CompositeFilter | RangeFilter | SelectFilter:
    if isinstance(data, dict) and "filter_id" in data and "selected_values" in data:
        try:
            componentsschemas_base_study_filter_type_0 = SelectFilter.from_dict(data)

            return componentsschemas_base_study_filter_type_0
        except (TypeError, ValueError, AttributeError, KeyError):
            pass
    if isinstance(data, dict) and "filter_id" in data and "selected_range" in data:
        try:
            componentsschemas_base_study_filter_type_1 = RangeFilter.from_dict(data)

            return componentsschemas_base_study_filter_type_1
        except (TypeError, ValueError, AttributeError, KeyError):
            pass
    if not isinstance(data, dict):
        raise TypeError()
    componentsschemas_base_study_filter_type_2 = CompositeFilter.from_dict(data)

    return componentsschemas_base_study_filter_type_2


_lazy_imported = False


def _import_lazy() -> None:
    global _lazy_imported, CompositeFilter, RangeFilter, SelectFilter
    from ..models.composite_filter import CompositeFilter  # noqa: PLC0415
    from ..models.range_filter import RangeFilter  # noqa: PLC0415
    from ..models.select_filter import SelectFilter  # noqa: PLC0415

    _lazy_imported = True
