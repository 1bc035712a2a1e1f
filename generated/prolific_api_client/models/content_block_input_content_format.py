from typing import Literal

ContentBlockInputContentFormat = Literal["html", "markdown"]

CONTENT_BLOCK_INPUT_CONTENT_FORMAT_VALUES: set[ContentBlockInputContentFormat] = {
    "html",
    "markdown",
}


def check_content_block_input_content_format(value: str) -> ContentBlockInputContentFormat:
    if value in CONTENT_BLOCK_INPUT_CONTENT_FORMAT_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CONTENT_BLOCK_INPUT_CONTENT_FORMAT_VALUES!r}")
