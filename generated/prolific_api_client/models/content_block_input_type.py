from typing import Literal

ContentBlockInputType = Literal["image", "rich_text"]

CONTENT_BLOCK_INPUT_TYPE_VALUES: set[ContentBlockInputType] = {
    "image",
    "rich_text",
}


def check_content_block_input_type(value: str) -> ContentBlockInputType:
    if value in CONTENT_BLOCK_INPUT_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CONTENT_BLOCK_INPUT_TYPE_VALUES!r}")
