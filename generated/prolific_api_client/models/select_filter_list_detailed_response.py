from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.range_filter_list_response_type import (
    RangeFilterListResponseType,
)
from ..models.select_filter_list_response_data_type import (
    SelectFilterListResponseDataType,
)
from ..types import UNSET, Unset, whole_number

if TYPE_CHECKING:
    from ..models.select_filter_list_detailed_response_choices import (
        SelectFilterListDetailedResponseChoices,
    )


T = TypeVar("T", bound="SelectFilterListDetailedResponse")


@_attrs_define
class SelectFilterListDetailedResponse:
    """
    Attributes:
        filter_id (str | Unset): The ID of the filter, based on a slugified version of the title at the time the filter
            was created.
        title (str | Unset): The title of the filter.
        description (str | Unset): A description of the filter.
        type_ (RangeFilterListResponseType | str | Unset): The filter type.
        question (str | Unset): The question asked of participants to generate this filter.
        choices (SelectFilterListDetailedResponseChoices | Unset): An object containing all the filter's possible
            responses as key-value pairs, with sequential integer IDs or database ObjectIDs as the keys and the text of the
            response as the values.
        data_type (SelectFilterListResponseDataType | str | Unset): The format of the keys in the choices object. If the
            keys are strings representing sequential integers,
            the data format is integer. If the keys are database ObjectIDs, the type of ID is specified.
        researcher_help_text (None | str | Unset): Some help text to be displayed to researchers in the filter selection
            modal.
        participant_help_text (None | str | Unset): Some help text to be displayed to participants in the About You
            section.
        category (None | str | Unset): The category the filter is displayed in About You and the filter selection modal.
        subcategory (None | str | Unset): The sub-category the filter is displayed in the filter selection modal.
        display_order (int | None | Unset): The order in which the filter is displayed within its sub-category in the
            filter selection modal.
        tags (list[str] | None | Unset): Some additional tags that can be used to display the filter in a specific way,
            e.g. recommended, new, expiring.
    """

    filter_id: str | Unset = UNSET
    title: str | Unset = UNSET
    description: str | Unset = UNSET
    type_: RangeFilterListResponseType | str | Unset = UNSET
    question: str | Unset = UNSET
    choices: SelectFilterListDetailedResponseChoices | Unset = UNSET
    data_type: SelectFilterListResponseDataType | str | Unset = UNSET
    researcher_help_text: None | str | Unset = UNSET
    participant_help_text: None | str | Unset = UNSET
    category: None | str | Unset = UNSET
    subcategory: None | str | Unset = UNSET
    display_order: int | None | Unset = UNSET
    tags: list[str] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        if not _lazy_imported:
            _import_lazy()

        filter_id = self.filter_id

        title = self.title

        description = self.description

        type_: str | Unset
        if isinstance(self.type_, Unset):
            type_ = UNSET
        elif isinstance(self.type_, str):
            type_ = self.type_
        else:
            type_ = self.type_

        question = self.question

        choices: dict[str, Any] | Unset = UNSET
        if not isinstance(self.choices, Unset):
            choices = self.choices.to_dict()

        data_type: str | Unset
        if isinstance(self.data_type, Unset):
            data_type = UNSET
        elif isinstance(self.data_type, str):
            data_type = self.data_type
        else:
            data_type = self.data_type

        researcher_help_text: None | str | Unset
        if isinstance(self.researcher_help_text, Unset):
            researcher_help_text = UNSET
        else:
            researcher_help_text = self.researcher_help_text

        participant_help_text: None | str | Unset
        if isinstance(self.participant_help_text, Unset):
            participant_help_text = UNSET
        else:
            participant_help_text = self.participant_help_text

        category: None | str | Unset
        if isinstance(self.category, Unset):
            category = UNSET
        else:
            category = self.category

        subcategory: None | str | Unset
        if isinstance(self.subcategory, Unset):
            subcategory = UNSET
        else:
            subcategory = self.subcategory

        display_order: int | None | Unset
        if isinstance(self.display_order, Unset):
            display_order = UNSET
        else:
            display_order = self.display_order

        tags: list[str] | None | Unset
        if isinstance(self.tags, Unset):
            tags = UNSET
        elif isinstance(self.tags, list):
            tags = self.tags

        else:
            tags = self.tags

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if filter_id is not UNSET:
            field_dict["filter_id"] = filter_id
        if title is not UNSET:
            field_dict["title"] = title
        if description is not UNSET:
            field_dict["description"] = description
        if type_ is not UNSET:
            field_dict["type"] = type_
        if question is not UNSET:
            field_dict["question"] = question
        if choices is not UNSET:
            field_dict["choices"] = choices
        if data_type is not UNSET:
            field_dict["data_type"] = data_type
        if researcher_help_text is not UNSET:
            field_dict["researcher_help_text"] = researcher_help_text
        if participant_help_text is not UNSET:
            field_dict["participant_help_text"] = participant_help_text
        if category is not UNSET:
            field_dict["category"] = category
        if subcategory is not UNSET:
            field_dict["subcategory"] = subcategory
        if display_order is not UNSET:
            field_dict["display_order"] = display_order
        if tags is not UNSET:
            field_dict["tags"] = tags

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if not _lazy_imported:
            _import_lazy()

        d = dict(src_dict)
        filter_id = d.pop("filter_id", UNSET)

        title = d.pop("title", UNSET)

        description = d.pop("description", UNSET)

        type_ = d.pop("type", UNSET)

        question = d.pop("question", UNSET)

        _choices = d.pop("choices", UNSET)
        choices: SelectFilterListDetailedResponseChoices | Unset
        if isinstance(_choices, Unset):
            choices = UNSET
        else:
            choices = SelectFilterListDetailedResponseChoices.from_dict(_choices)

        data_type = d.pop("data_type", UNSET)

        researcher_help_text = d.pop("researcher_help_text", UNSET)

        participant_help_text = d.pop("participant_help_text", UNSET)

        category = d.pop("category", UNSET)

        subcategory = d.pop("subcategory", UNSET)

        display_order = whole_number(d.pop("display_order", UNSET))

        tags = _parse_tags(d.pop("tags", UNSET))

        select_filter_list_detailed_response = cls(
            filter_id=filter_id,
            title=title,
            description=description,
            type_=type_,
            question=question,
            choices=choices,
            data_type=data_type,
            researcher_help_text=researcher_help_text,
            participant_help_text=participant_help_text,
            category=category,
            subcategory=subcategory,
            display_order=display_order,
            tags=tags,
        )

        select_filter_list_detailed_response.additional_properties = d
        return select_filter_list_detailed_response

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


def _parse_tags(data: object) -> list[str] | None | Unset:
    if data is None:
        return data
    if isinstance(data, Unset):
        return data
    if isinstance(data, list):
        try:
            tags_type_0 = cast(list[str], data)

            return tags_type_0
        except (TypeError, ValueError, AttributeError, KeyError):
            pass
    return cast(list[str] | None | Unset, data)


_lazy_imported = False


def _import_lazy() -> None:
    global _lazy_imported, SelectFilterListDetailedResponseChoices
    from ..models.select_filter_list_detailed_response_choices import (
        SelectFilterListDetailedResponseChoices,  # noqa: PLC0415
    )

    _lazy_imported = True
