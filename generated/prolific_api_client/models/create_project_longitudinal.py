from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.longitudinal_config import LongitudinalConfig


T = TypeVar("T", bound="CreateProjectLongitudinal")


@_attrs_define
class CreateProjectLongitudinal:
    """Longitudinal configuration. Only used when `is_longitudinal` is true.
    `waves` may not be set at creation — add studies via
    `POST /api/v1/projects/{project_id}/studies/` after creation.

        Attributes:
            config (LongitudinalConfig | Unset):
    """

    config: LongitudinalConfig | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        if not _lazy_imported:
            _import_lazy()

        config: dict[str, Any] | Unset = UNSET
        if not isinstance(self.config, Unset):
            config = self.config.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if config is not UNSET:
            field_dict["config"] = config

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if not _lazy_imported:
            _import_lazy()

        d = dict(src_dict)
        _config = d.pop("config", UNSET)
        config: LongitudinalConfig | Unset
        if isinstance(_config, Unset):
            config = UNSET
        else:
            config = LongitudinalConfig.from_dict(_config)

        create_project_longitudinal = cls(
            config=config,
        )

        create_project_longitudinal.additional_properties = d
        return create_project_longitudinal

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
    global _lazy_imported, LongitudinalConfig
    from ..models.longitudinal_config import LongitudinalConfig  # noqa: PLC0415

    _lazy_imported = True
