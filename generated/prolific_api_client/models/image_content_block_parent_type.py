from typing import Literal

ImageContentBlockParentType = Literal["batch", "collection"]

IMAGE_CONTENT_BLOCK_PARENT_TYPE_VALUES: set[ImageContentBlockParentType] = {
    "batch",
    "collection",
}


def check_image_content_block_parent_type(value: str) -> ImageContentBlockParentType:
    if value in IMAGE_CONTENT_BLOCK_PARENT_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {IMAGE_CONTENT_BLOCK_PARENT_TYPE_VALUES!r}")
