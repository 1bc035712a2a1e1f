from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.base_study_completion_code_actor import (
    BaseStudyCompletionCodeActor,
)
from ..models.base_study_completion_code_code_type import (
    BaseStudyCompletionCodeCodeType,
)
from ..types import UNSET, UnknownVariant, Unset

if TYPE_CHECKING:
    from ..models.add_to_participant_group import AddToParticipantGroup
    from ..models.automatically_approve import AutomaticallyApprove
    from ..models.dynamic_payment import DynamicPayment
    from ..models.fixed_screen_out import FixedScreenOut
    from ..models.manually_review import ManuallyReview
    from ..models.remove_from_participant_group import RemoveFromParticipantGroup
    from ..models.request_return import RequestReturn


T = TypeVar("T", bound="BaseStudyCompletionCode")


@_attrs_define
class BaseStudyCompletionCode:
    """
    Attributes:
        code (None | str): The code the participant will either enter manually at the end of your study or be redirected
            as part of the return URL.

            If the code is null, then the participant will not be asked to submit a completion code when they return to
            Prolific.
            Null codes can only be provided when:
              - The actor is "participant"
              - There are no other completion codes with the "participant" actor
              - The actions array is empty

            The code must be unique within the study.
        code_type (BaseStudyCompletionCodeCodeType | str): A name for your code to make it easier to understand its
            intention. Either use one of the predefined options or any other free text.
        actions (list[AddToParticipantGroup | AutomaticallyApprove | DynamicPayment | FixedScreenOut | ManuallyReview |
            RemoveFromParticipantGroup | RequestReturn]): The actions that will be completed automatically when the
            submission is completed with this code by the participant.

            You have the ability to use one or multiple `actions` together - it's up to you and your desired automated
            journey.

            If you’re looking to keep things simple, we recommend setting the `{"action": "MANUALLY_REVIEW"}` option only,
            so all submissions wait for your manual approval.
        actor (BaseStudyCompletionCodeActor | str | Unset): The actor that can provide this completion code. Default:
            'participant'.
    """

    code: None | str
    code_type: BaseStudyCompletionCodeCodeType | str
    actions: list[
        AutomaticallyApprove
        | AddToParticipantGroup
        | RemoveFromParticipantGroup
        | ManuallyReview
        | RequestReturn
        | DynamicPayment
        | FixedScreenOut
        | UnknownVariant
    ]
    actor: BaseStudyCompletionCodeActor | str | Unset = "participant"
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        if not _lazy_imported:
            _import_lazy()

        code: None | str
        code = self.code

        code_type: str
        if isinstance(self.code_type, str):
            code_type = self.code_type
        else:
            code_type = self.code_type

        actions = []
        for actions_item_data in self.actions:
            actions_item: dict[str, Any]
            if isinstance(actions_item_data, UnknownVariant):
                actions_item = actions_item_data.to_dict()
            elif isinstance(actions_item_data, AutomaticallyApprove):
                actions_item = actions_item_data.to_dict()
            elif isinstance(actions_item_data, AddToParticipantGroup):
                actions_item = actions_item_data.to_dict()
            elif isinstance(actions_item_data, RemoveFromParticipantGroup):
                actions_item = actions_item_data.to_dict()
            elif isinstance(actions_item_data, ManuallyReview):
                actions_item = actions_item_data.to_dict()
            elif isinstance(actions_item_data, RequestReturn):
                actions_item = actions_item_data.to_dict()
            elif isinstance(actions_item_data, DynamicPayment):
                actions_item = actions_item_data.to_dict()
            else:
                actions_item = actions_item_data.to_dict()

            actions.append(actions_item)

        actor: str | Unset
        if isinstance(self.actor, Unset):
            actor = UNSET
        elif isinstance(self.actor, str):
            actor = self.actor
        else:
            actor = self.actor

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
                "code_type": code_type,
                "actions": actions,
            }
        )
        if actor is not UNSET:
            field_dict["actor"] = actor

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if not _lazy_imported:
            _import_lazy()

        d = dict(src_dict)
        code = d.pop("code")

        code_type = d.pop("code_type")

        actions = []
        _actions = d.pop("actions")
        for actions_item_data in _actions:
            actions_item = _parse_actions_item(actions_item_data)

            actions.append(actions_item)

        actor = d.pop("actor", UNSET)

        base_study_completion_code = cls(
            code=code,
            code_type=code_type,
            actions=actions,
            actor=actor,
        )

        base_study_completion_code.additional_properties = d
        return base_study_completion_code

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


def _parse_actions_item(
    data: object,
) -> (
    AutomaticallyApprove
    | AddToParticipantGroup
    | RemoveFromParticipantGroup
    | ManuallyReview
    | RequestReturn
    | DynamicPayment
    | FixedScreenOut
    | UnknownVariant
):
    if isinstance(data, dict):
        tag = data.get("action")
        if tag == "AUTOMATICALLY_APPROVE":
            return AutomaticallyApprove.from_dict(data)
        if tag == "ADD_TO_PARTICIPANT_GROUP":
            return AddToParticipantGroup.from_dict(data)
        if tag == "REMOVE_FROM_PARTICIPANT_GROUP":
            return RemoveFromParticipantGroup.from_dict(data)
        if tag == "MANUALLY_REVIEW":
            return ManuallyReview.from_dict(data)
        if tag == "REQUEST_RETURN":
            return RequestReturn.from_dict(data)
        if tag == "DYNAMIC_PAYMENT":
            return DynamicPayment.from_dict(data)
        if tag == "FIXED_SCREEN_OUT_PAYMENT":
            return FixedScreenOut.from_dict(data)
        if isinstance(tag, str):
            return UnknownVariant(raw=data)
    raise TypeError(f"Unexpected value {data!r} for actions_item")


_lazy_imported = False


def _import_lazy() -> None:
    global \
        _lazy_imported, \
        AddToParticipantGroup, \
        AutomaticallyApprove, \
        DynamicPayment, \
        FixedScreenOut, \
        ManuallyReview, \
        RemoveFromParticipantGroup, \
        RequestReturn
    from ..models.add_to_participant_group import AddToParticipantGroup  # noqa: PLC0415
    from ..models.automatically_approve import AutomaticallyApprove  # noqa: PLC0415
    from ..models.dynamic_payment import DynamicPayment  # noqa: PLC0415
    from ..models.fixed_screen_out import FixedScreenOut  # noqa: PLC0415
    from ..models.manually_review import ManuallyReview  # noqa: PLC0415
    from ..models.remove_from_participant_group import RemoveFromParticipantGroup  # noqa: PLC0415
    from ..models.request_return import RequestReturn  # noqa: PLC0415

    _lazy_imported = True
