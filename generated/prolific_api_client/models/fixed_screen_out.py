from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.fixed_screen_out_action import (
    FixedScreenOutAction,
    check_fixed_screen_out_action,
)
from ..types import whole_number

T = TypeVar("T", bound="FixedScreenOut")


@_attrs_define
class FixedScreenOut:
    """Use this action to set up a fixed screen out reward study.

    Attributes:
        action (FixedScreenOutAction): Use this action to set up a fixed screen out reward study. This feature is
            currently available to select workspaces only.
            - A fixed screen out reward study compensates participants with a predetermined amount when they do not qualify
            for the study.
            - This feature enables researchers to implement more precise participant screening while ensuring fair
            compensation for participants' time.
        fixed_screen_out_reward (int): The amount that you would like to pay for a screen-out submission (in
            subcurrency). This must be less that the study reward.
        slots (int): The slots field controls how many participants can be screened out of your study before it
            automatically pauses.

            #### What are slots?
              - Slots set a limit on screen-outs to help you budget upfront, by setting the limit to the maximum number of
            screen-outs you're comfortable paying for in your study.
              - When participants don't qualify for your study, they will receive a screen-out payment.
              - The slots limit prevents unexpected high costs created from too many screen-outs.
              - **Example**: If you set `slots: 50`, your study will pause after 50 participants are screened out, even if
            you still need more qualified participants.

            #### How slots work
              1. **Participants are screened out** - When they enter the completion code linked to this action. They will
            automatically receive the fixed screen out reward.
              2. **Study pauses automatically** - When the number of participants screened out reaches the slots limit, and
            there are still unfilled places in the study, the study will automatically pause.
              3. **You get notified** - Via email and webhook, notifying you that you’ve reached your slot limit, and that
            your study has been paused.  (Webhook notifications only if they’re enabled for `study.status.change` events)

            #### Resuming your study
              *To continue recruiting after hitting the slot limit:*

              1. **Increase the slot limit** using the [update study](#tag/Studies/operation/UpdateStudy) endpoint.
                 - Update the initial property to your new slot limit.
                 - Refer `update_slots` in the example of the [UpdateStudy](#tag/Studies/operation/UpdateStudy) endpoint.
                 - For example, if you started with 50 slots and want to add another 50 slots, set the `slots` property to
            100.
              ```json
                {
                  "completion_codes": [
                    {
                      "code": "ABC123",
                      "actions": [
                        {
                          "action": "FIXED_SCREEN_OUT_PAYMENT",
                          "slots": 100
                        }
                      ]
                    }
                  ]
                }
              ```
              2. **Resume the study** by transitioning it back to `START` state using the [transition
            study](#tag/Studies/operation/PublishStudy) endpoint.

              ```json
              {
                "action": "START"
              }
              ```
    """

    action: FixedScreenOutAction
    fixed_screen_out_reward: int
    slots: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:

        action: str = self.action

        fixed_screen_out_reward = self.fixed_screen_out_reward

        slots = self.slots

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "action": action,
                "fixed_screen_out_reward": fixed_screen_out_reward,
                "slots": slots,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:

        d = dict(src_dict)
        action = check_fixed_screen_out_action(d.pop("action"))

        fixed_screen_out_reward = whole_number(d.pop("fixed_screen_out_reward"))

        slots = whole_number(d.pop("slots"))

        fixed_screen_out = cls(
            action=action,
            fixed_screen_out_reward=fixed_screen_out_reward,
            slots=slots,
        )

        fixed_screen_out.additional_properties = d
        return fixed_screen_out

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
