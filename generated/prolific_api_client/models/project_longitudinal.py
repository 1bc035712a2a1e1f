from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.longitudinal_config import LongitudinalConfig
    from ..models.project_longitudinal_retention import ProjectLongitudinalRetention


T = TypeVar("T", bound="ProjectLongitudinal")


@_attrs_define
class ProjectLongitudinal:
    """Only present when `is_longitudinal` is true.

    Attributes:
        config (LongitudinalConfig | None | Unset):
        retention (ProjectLongitudinalRetention | Unset): Computed retention projections and actuals, keyed by wave
            study id.
    """

    config: LongitudinalConfig | None | Unset = UNSET
    retention: ProjectLongitudinalRetention | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        if not _lazy_imported:
            _import_lazy()

        config: dict[str, Any] | None | Unset
        if isinstance(self.config, Unset):
            config = UNSET
        elif isinstance(self.config, LongitudinalConfig):
            config = self.config.to_dict()
        else:
            config = self.config

        retention: dict[str, Any] | Unset = UNSET
        if not isinstance(self.retention, Unset):
            retention = self.retention.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if config is not UNSET:
            field_dict["config"] = config
        if retention is not UNSET:
            field_dict["retention"] = retention

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if not _lazy_imported:
            _import_lazy()

        d = dict(src_dict)
        config = _parse_config(d.pop("config", UNSET))

        _retention = d.pop("retention", UNSET)
        retention: ProjectLongitudinalRetention | Unset
        if isinstance(_retention, Unset):
            retention = UNSET
        else:
            retention = ProjectLongitudinalRetention.from_dict(_retention)

        project_longitudinal = cls(
            config=config,
            retention=retention,
        )

        project_longitudinal.additional_properties = d
        return project_longitudinal

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


def _parse_config(data: object) -> LongitudinalConfig | None | Unset:
    if data is None:
        return data
    if isinstance(data, Unset):
        return data
    if isinstance(data, dict) and "target_completions" in data and "retention_rate" in data:
        try:
            config_type_0 = LongitudinalConfig.from_dict(data)

            return config_type_0
        except (TypeError, ValueError, AttributeError, KeyError):
            pass
    return cast(LongitudinalConfig | None | Unset, data)


_lazy_imported = False


def _import_lazy() -> None:
    global _lazy_imported, LongitudinalConfig, ProjectLongitudinalRetention
    from ..models.longitudinal_config import LongitudinalConfig  # noqa: PLC0415
    from ..models.project_longitudinal_retention import ProjectLongitudinalRetention  # noqa: PLC0415

    _lazy_imported = True
