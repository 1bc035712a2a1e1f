"""Status → exception class, and readable messages from every error-body shape."""

from __future__ import annotations

import httpx
import pytest

import prolific
from prolific._failures import error_detail, status_error  # private: the status and body mapping, tested directly

TOKEN = "tok-SECRET-0123456789"


def response(status: int, content: bytes | str = b"", headers: dict[str, str] | None = None) -> httpx.Response:
    request = httpx.Request(
        "POST", "https://api.prolific.com/api/v1/credentials/", headers={"Authorization": f"Token {TOKEN}"}
    )
    body = content.encode() if isinstance(content, str) else content
    return httpx.Response(status, content=body, headers=headers, request=request)


@pytest.mark.parametrize(
    ("status", "cls"),
    [
        (400, prolific.BadRequestError),
        (401, prolific.AuthenticationError),
        (403, prolific.PermissionDeniedError),
        (404, prolific.NotFoundError),
        (409, prolific.ConflictError),
        (422, prolific.BadRequestError),
        (429, prolific.RateLimitError),
        (500, prolific.ServerError),
        (502, prolific.ServerError),
        (503, prolific.ServerError),
        (504, prolific.ServerError),
        (520, prolific.ServerError),
        (599, prolific.ServerError),
        (499, prolific.APIStatusError),
        (418, prolific.APIStatusError),
        (302, prolific.APIStatusError),
    ],
)
def test_status_maps_to_class(status: int, cls: type[prolific.APIStatusError]) -> None:
    err = status_error(response(status), method="POST", path="/api/v1/credentials/")
    assert type(err) is cls
    assert isinstance(err, prolific.APIError) and isinstance(err, prolific.ProlificError)
    assert err.status_code == status
    assert str(err).startswith(f"{status} ")
    assert "POST /api/v1/credentials/" in str(err)


BODIES = [
    ({"error": {"status": 409, "title": "Conflict", "detail": "username exists"}}, "username exists"),
    ({"error": {"detail": ["first problem", "second problem"]}}, "first problem; second problem"),
    (
        {"error": {"detail": {"workspace_id": ["This field is required."], "credentials": ["Bad", "Worse"]}}},
        "workspace_id: This field is required.; credentials: Bad; Worse",
    ),
    ({"error": {"title": "Conflict"}}, "Conflict"),
    ({"error": {"detail": "x", "additional_information": "see docs"}}, "x (see docs)"),
    ({"detail": "Not found.", "message": "no pool"}, "Not found. (no pool)"),
    ({"detail": "Only detail"}, "Only detail"),
    ({"message": "Only message"}, "Only message"),
    ({"error": "plain string error"}, "plain string error"),
    ({"unexpected": 1}, None),
    ([1, 2, 3], None),
    ("just text", None),
    (None, None),
]


@pytest.mark.parametrize(("body", "expected"), BODIES)
def test_error_detail_shapes(body: object, expected: str | None) -> None:
    assert error_detail(body) == expected


def test_message_reads_well_and_traceback_is_hidden() -> None:
    body = b'{"error": {"status": 409, "title": "Conflict", "detail": "alice already exists", "traceback": "Traceback: secret internals"}}'
    err = status_error(response(409, body), method="POST", path="/api/v1/credentials/")
    assert str(err) == "409 Conflict on POST /api/v1/credentials/: alice already exists"
    assert err.detail == "alice already exists"
    assert isinstance(err.body, dict)
    assert "secret internals" not in str(err)


@pytest.mark.parametrize(
    "content",
    [
        b"<html><body><h1>502 Bad Gateway</h1></body></html>",
        b'{"error": {"detail": "trunc',
        b"",
        b"\xff\xfe\x00garbage",
        b"null",
        b"[]",
    ],
)
def test_odd_bodies_still_give_the_right_class(content: bytes) -> None:
    err = status_error(response(502, content), method="POST", path="/p/")
    assert isinstance(err, prolific.ServerError)
    assert err.may_have_been_applied
    assert "may or may not have been applied" in str(err)
    assert len(str(err)) < 1000


def test_huge_html_detail_is_not_in_message() -> None:
    err = status_error(response(500, "<html>" + "x" * 100_000 + "</html>"), method="POST", path="/p/")
    assert len(str(err)) < 700
    assert err.body.startswith("<html>")  # type: ignore[union-attr]


def test_huge_json_detail_is_shortened() -> None:
    err = status_error(response(400, '{"detail": "' + "y" * 5000 + '"}'), method="POST", path="/p/")
    assert len(str(err)) < 700 and str(err).endswith("…")


def test_redirect_names_location() -> None:
    err = status_error(response(302, headers={"Location": "https://evil.example/steal"}), method="POST", path="/p/")
    assert "https://evil.example/steal" in str(err)
    assert "not followed" in str(err)


def test_503_is_not_flagged_as_maybe_applied() -> None:
    assert not status_error(response(503), method="POST", path="/p/").may_have_been_applied


def test_token_and_request_body_never_in_message() -> None:
    request = httpx.Request(
        "POST", "https://api.prolific.com/api/v1/credentials/",
        headers={"Authorization": f"Token {TOKEN}"}, json={"credentials": "alice,hunter2-PASSWORD"},
    )  # fmt: skip
    resp = httpx.Response(400, json={"detail": "bad"}, request=request)
    err = status_error(resp, method="POST", path="/api/v1/credentials/")
    for text in (str(err), repr(err), repr(err.args)):
        assert TOKEN not in text
        assert "hunter2-PASSWORD" not in text


def test_hierarchy_value_errors() -> None:
    assert issubclass(prolific.ConfigurationError, ValueError)
    assert issubclass(prolific.CredentialsFormatError, ValueError)
    assert issubclass(prolific.InvalidArgumentError, ValueError)
    assert issubclass(prolific.APITimeoutError, prolific.APIConnectionError)
    assert not issubclass(prolific.APIError, ValueError)
