"""What the fake sends back: the ``Answer`` value, Prolific's error shape, reason phrases, error codes."""

from __future__ import annotations

import json
from dataclasses import dataclass
from http import HTTPStatus
from typing import Any

Headers = tuple[tuple[str, str], ...]

JSON = ("Content-Type", "application/json")
CSV = ("Content-Type", "text/csv; charset=utf-8")
NO_BODY_STATUSES = frozenset({204, 205, 304})

# error_code values are the fake's own (Prolific does not document its codes).
CODE_VALIDATION = 40001
CODE_MALFORMED = 40002
CODE_STATE = 40003
CODE_UNAUTHENTICATED = 40101
CODE_NOT_FOUND = 40401
CODE_POOL_NOT_FOUND = 40402
CODE_METHOD = 40501
CODE_DUPLICATE_IN_REQUEST = 40901
CODE_DUPLICATE_IN_POOL = 40902
CODE_INTERNAL = 50001
CODE_NOT_IMPLEMENTED = 50101
CODE_INJECTED = 99999


def reason(status: int) -> str:
    """Reason phrase / error title for any status, including non-standard ones (499, 520, 599)."""
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        pass
    if status == 499:
        return "Client Closed Request"
    return {2: "Success", 3: "Redirection", 4: "Client Error", 5: "Server Error"}.get(status // 100, "Unknown")


def error_payload(status: int, detail: Any, code: int) -> dict[str, Any]:
    """Prolific's error body: ``{"error": {"status", "error_code", "title", "detail"}}``."""
    return {"error": {"status": status, "error_code": code, "title": reason(status), "detail": detail}}


@dataclass(frozen=True)
class Answer:
    """What to send back: a status, headers (without Content-Length) and the body bytes, or a drop."""

    status: int
    headers: Headers = ()
    body: bytes = b""
    drop: bool = False


DROPPED = Answer(0, drop=True)
NO_CONTENT = Answer(204)


def json_answer(status: int, payload: Any, headers: Headers = ()) -> Answer:
    """A JSON answer."""
    return Answer(status, (JSON, *headers), json.dumps(payload).encode())


def error_answer(status: int, detail: Any, code: int, headers: Headers = ()) -> Answer:
    """An error answer in Prolific's shape."""
    return json_answer(status, error_payload(status, detail, code), headers)


def not_found(what: str) -> Answer:
    """404 for a missing resource: ``"<what> not found."``."""
    return error_answer(404, f"{what} not found.", CODE_NOT_FOUND)


def field_errors(errors: dict[str, list[str]]) -> Answer:
    """400 with validation errors by field (``{"field": ["message", ...]}``)."""
    return error_answer(400, errors, CODE_VALIDATION)


def state_error(detail: str) -> Answer:
    """400 for a request the resource's current state refuses (e.g. a non-draft study)."""
    return error_answer(400, detail, CODE_STATE)
