from typing import Literal

GetDatasetUploadUrlResponseHttpMethod = Literal["PUT"]

GET_DATASET_UPLOAD_URL_RESPONSE_HTTP_METHOD_VALUES: set[GetDatasetUploadUrlResponseHttpMethod] = {
    "PUT",
}


def check_get_dataset_upload_url_response_http_method(value: str) -> GetDatasetUploadUrlResponseHttpMethod:
    if value in GET_DATASET_UPLOAD_URL_RESPONSE_HTTP_METHOD_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {GET_DATASET_UPLOAD_URL_RESPONSE_HTTP_METHOD_VALUES!r}"
    )
