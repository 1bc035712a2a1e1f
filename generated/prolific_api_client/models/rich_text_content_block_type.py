from typing import Literal

RichTextContentBlockType = Literal["rich_text"]

RICH_TEXT_CONTENT_BLOCK_TYPE_VALUES: set[RichTextContentBlockType] = {
    "rich_text",
}


def check_rich_text_content_block_type(value: str) -> RichTextContentBlockType:
    if value in RICH_TEXT_CONTENT_BLOCK_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {RICH_TEXT_CONTENT_BLOCK_TYPE_VALUES!r}")
