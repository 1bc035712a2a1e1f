from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.project_type import ProjectType, check_project_type
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.create_project_longitudinal import CreateProjectLongitudinal
    from ..models.public_details import PublicDetails


T = TypeVar("T", bound="CreateProject")


@_attrs_define
class CreateProject:
    """
    Attributes:
        title (str): Name of project
        description (str | Unset): What is this project used for
        type_ (ProjectType | Unset): Project visibility type.
        public_details (None | PublicDetails | Unset): Public metadata exposed for `PUBLIC` projects.
            Omit for `PRIVATE` projects.
            When creating a public project, `status` defaults to `ENABLED`.
        naivety_distribution_rate (float | None | Unset): Control the balance between speed of your studies and the
            naivety of the participants.

            If not defined, by default Prolific calculates the best rate for most studies
            taking into account the `filters` and the `total_available_places` needed for this study.

            Use 0 if your priority is speed. When this property is set to 0 all eligible participants will have access
            to your study at the same time, without any prioritization.

            You can also set this at a workspace and study level.
        is_longitudinal (bool | Unset): Whether this is a longitudinal (multi-wave) project. Default: False.
        longitudinal (CreateProjectLongitudinal | None | Unset): Longitudinal configuration. Only used when
            `is_longitudinal` is true.
            `waves` may not be set at creation — add studies via
            `POST /api/v1/projects/{project_id}/studies/` after creation.
    """

    title: str
    description: str | Unset = UNSET
    type_: ProjectType | Unset = UNSET
    public_details: None | PublicDetails | Unset = UNSET
    naivety_distribution_rate: float | None | Unset = UNSET
    is_longitudinal: bool | Unset = False
    longitudinal: CreateProjectLongitudinal | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        if not _lazy_imported:
            _import_lazy()

        title = self.title

        description = self.description

        type_: str | Unset = UNSET
        if not isinstance(self.type_, Unset):
            type_ = self.type_

        public_details: dict[str, Any] | None | Unset
        if isinstance(self.public_details, Unset):
            public_details = UNSET
        elif isinstance(self.public_details, PublicDetails):
            public_details = self.public_details.to_dict()
        else:
            public_details = self.public_details

        naivety_distribution_rate: float | None | Unset
        if isinstance(self.naivety_distribution_rate, Unset):
            naivety_distribution_rate = UNSET
        else:
            naivety_distribution_rate = self.naivety_distribution_rate

        is_longitudinal = self.is_longitudinal

        longitudinal: dict[str, Any] | None | Unset
        if isinstance(self.longitudinal, Unset):
            longitudinal = UNSET
        elif isinstance(self.longitudinal, CreateProjectLongitudinal):
            longitudinal = self.longitudinal.to_dict()
        else:
            longitudinal = self.longitudinal

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "title": title,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description
        if type_ is not UNSET:
            field_dict["type"] = type_
        if public_details is not UNSET:
            field_dict["public_details"] = public_details
        if naivety_distribution_rate is not UNSET:
            field_dict["naivety_distribution_rate"] = naivety_distribution_rate
        if is_longitudinal is not UNSET:
            field_dict["is_longitudinal"] = is_longitudinal
        if longitudinal is not UNSET:
            field_dict["longitudinal"] = longitudinal

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if not _lazy_imported:
            _import_lazy()

        d = dict(src_dict)
        title = d.pop("title")

        description = d.pop("description", UNSET)

        _type_ = d.pop("type", UNSET)
        type_: ProjectType | Unset
        if isinstance(_type_, Unset):
            type_ = UNSET
        else:
            type_ = check_project_type(_type_)

        public_details = _parse_public_details(d.pop("public_details", UNSET))

        naivety_distribution_rate = d.pop("naivety_distribution_rate", UNSET)

        is_longitudinal = d.pop("is_longitudinal", UNSET)

        longitudinal = _parse_longitudinal(d.pop("longitudinal", UNSET))

        create_project = cls(
            title=title,
            description=description,
            type_=type_,
            public_details=public_details,
            naivety_distribution_rate=naivety_distribution_rate,
            is_longitudinal=is_longitudinal,
            longitudinal=longitudinal,
        )

        create_project.additional_properties = d
        return create_project

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


def _parse_public_details(data: object) -> None | PublicDetails | Unset:
    if data is None:
        return data
    if isinstance(data, Unset):
        return data
    if isinstance(data, dict):
        try:
            public_details_type_0 = PublicDetails.from_dict(data)

            return public_details_type_0
        except (TypeError, ValueError, AttributeError, KeyError):
            pass
    return cast(None | PublicDetails | Unset, data)


def _parse_longitudinal(data: object) -> CreateProjectLongitudinal | None | Unset:
    if data is None:
        return data
    if isinstance(data, Unset):
        return data
    if isinstance(data, dict):
        try:
            longitudinal_type_0 = CreateProjectLongitudinal.from_dict(data)

            return longitudinal_type_0
        except (TypeError, ValueError, AttributeError, KeyError):
            pass
    return cast(CreateProjectLongitudinal | None | Unset, data)


_lazy_imported = False


def _import_lazy() -> None:
    global _lazy_imported, CreateProjectLongitudinal, PublicDetails
    from ..models.create_project_longitudinal import CreateProjectLongitudinal  # noqa: PLC0415
    from ..models.public_details import PublicDetails  # noqa: PLC0415

    _lazy_imported = True
