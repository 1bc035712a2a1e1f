from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.currency import Currency
from ..types import UNSET, Unset, whole_number

T = TypeVar("T", bound="RewardRecommendation")


@_attrs_define
class RewardRecommendation:
    """
    Attributes:
        currency (Currency | str | Unset): An ISO 4217 currency code. Note that we only support a selection of currency
            codes as per the enum values.
        min_reward_per_hour (int | Unset): The **minimum** hourly reward rate that we recommend you pay to your study's
            participants.

            **Note that** this is returned as the hundredth subunit of the given currency i.e:

            * for USD, this will be the value in cents
            * for GBP, this will be the value in pence

            To display this as USD or GBP respectively, you'll need to divide this value by 100 and use an appropriate
            number formatting API e.g:

            JavaScript:

            ```js
            new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" }).format(2000/ 100); // "$20.00"
            ```
        recommended_reward_per_hour (int | Unset): The **good** hourly reward rate that we recommend you pay to your
            study's participants.

            **Note that** this is returned as the hundredth subunit of the given currency i.e:

            * for USD, this will be the value in cents
            * for GBP, this will be the value in pence

            To display this as USD or GBP respectively, you'll need to divide this value by 100 and use an appropriate
            number formatting API e.g:

            JavaScript:

            ```js
            new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" }).format(2000/ 100); // "$20.00"
            ```
    """

    currency: Currency | str | Unset = UNSET
    min_reward_per_hour: int | Unset = UNSET
    recommended_reward_per_hour: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:

        currency: str | Unset
        if isinstance(self.currency, Unset):
            currency = UNSET
        elif isinstance(self.currency, str):
            currency = self.currency
        else:
            currency = self.currency

        min_reward_per_hour = self.min_reward_per_hour

        recommended_reward_per_hour = self.recommended_reward_per_hour

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if currency is not UNSET:
            field_dict["currency"] = currency
        if min_reward_per_hour is not UNSET:
            field_dict["min_reward_per_hour"] = min_reward_per_hour
        if recommended_reward_per_hour is not UNSET:
            field_dict["recommended_reward_per_hour"] = recommended_reward_per_hour

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:

        d = dict(src_dict)
        currency = d.pop("currency", UNSET)

        min_reward_per_hour = whole_number(d.pop("min_reward_per_hour", UNSET))

        recommended_reward_per_hour = whole_number(d.pop("recommended_reward_per_hour", UNSET))

        reward_recommendation = cls(
            currency=currency,
            min_reward_per_hour=min_reward_per_hour,
            recommended_reward_per_hour=recommended_reward_per_hour,
        )

        reward_recommendation.additional_properties = d
        return reward_recommendation

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
