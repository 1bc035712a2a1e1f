from typing import Literal

ValidationRuleType = Literal["number", "string"]

VALIDATION_RULE_TYPE_VALUES: set[ValidationRuleType] = {
    "number",
    "string",
}


def check_validation_rule_type(value: str) -> ValidationRuleType:
    if value in VALIDATION_RULE_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {VALIDATION_RULE_TYPE_VALUES!r}")
