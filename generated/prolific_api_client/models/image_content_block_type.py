from typing import Literal

ImageContentBlockType = Literal["image"]

IMAGE_CONTENT_BLOCK_TYPE_VALUES: set[ImageContentBlockType] = {
    "image",
}


def check_image_content_block_type(value: str) -> ImageContentBlockType:
    if value in IMAGE_CONTENT_BLOCK_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {IMAGE_CONTENT_BLOCK_TYPE_VALUES!r}")
