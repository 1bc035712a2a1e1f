from typing import Literal

GetTaskBuilderBatchReportResponseHttpMethod = Literal["GET"]

GET_TASK_BUILDER_BATCH_REPORT_RESPONSE_HTTP_METHOD_VALUES: set[GetTaskBuilderBatchReportResponseHttpMethod] = {
    "GET",
}


def check_get_task_builder_batch_report_response_http_method(value: str) -> GetTaskBuilderBatchReportResponseHttpMethod:
    if value in GET_TASK_BUILDER_BATCH_REPORT_RESPONSE_HTTP_METHOD_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {GET_TASK_BUILDER_BATCH_REPORT_RESPONSE_HTTP_METHOD_VALUES!r}"
    )
