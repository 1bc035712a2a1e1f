"""Status → exception class, readable messages from every error-body shape, and the tree of the classes."""

from __future__ import annotations

import inspect
import re
import textwrap

import httpx
import pytest

import prolific
import prolific._errors  # private: the module's docstring tree, compared with the classes
from prolific._failures import error_detail, status_error  # private: the status and body mapping, tested directly
from prolific.credentials import decode_text

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


# -- the tree of classes ---------------------------------------------------------------------------

_TREE_LINE = re.compile(r"^(?P<indent>[│├└─ ]*)(?P<name>[A-Z]\w+)(?: \((?P<extra>[A-Za-z, ]+)\))?(?:\s{2,}.*)?$")


def _docstring_tree() -> list[tuple[int, str, tuple[str, ...]]]:
    """``(depth, name, other bases)`` of each line of the tree drawn in ``prolific._errors``'s docstring."""
    text = (prolific._errors.__doc__ or "").split("::\n", 1)[1]
    rows = []
    for line in textwrap.dedent(text.strip("\n").split("\n\n", 1)[0]).splitlines():
        match = _TREE_LINE.match(line)
        assert match, f"not a line of the tree: {line!r}"
        extra = tuple(part.strip() for part in (match["extra"] or "").split(",") if part.strip())
        rows.append((len(match["indent"]) // 4, match["name"], extra))
    return rows


def _class_tree() -> list[tuple[int, str, tuple[str, ...]]]:
    """The same, built from the classes: each under its first ``ProlificError`` base, in definition order."""

    def parent(cls: type) -> type | None:
        return next((base for base in cls.__bases__ if issubclass(base, prolific.ProlificError)), None)

    def line(cls: type) -> int:
        return inspect.getsourcelines(cls)[1]

    def walk(cls: type, depth: int) -> list[tuple[int, str, tuple[str, ...]]]:
        extra = tuple(base.__name__ for base in cls.__bases__ if base is not parent(cls) and base is not Exception)
        children = {c for c in cls.__subclasses__() if c.__module__ == "prolific._errors" and parent(c) is cls}
        rows = [(depth, cls.__name__, extra)]
        for child in sorted(children, key=line):
            rows += walk(child, depth + 1)
        return rows

    return walk(prolific.ProlificError, 0)


def test_the_docstring_tree_is_the_class_tree_and_the_module_reads_in_its_order() -> None:
    tree = _class_tree()
    assert _docstring_tree() == tree
    classes = [v for v in vars(prolific._errors).values() if isinstance(v, type) and v.__module__ == "prolific._errors"]
    exceptions = [c for c in classes if issubclass(c, prolific.ProlificError)]
    assert [c.__name__ for c in sorted(exceptions, key=lambda c: inspect.getsourcelines(c)[1])] == [
        name for _, name, _ in tree
    ]
    assert set(prolific._errors.__all__) == {c.__name__ for c in classes}  # one __all__, every class in it
    assert set(prolific._errors.__all__) <= set(prolific.__all__)


def test_every_value_error_is_marked_in_the_tree() -> None:
    marked = {name for _, name, extra in _docstring_tree() if "ValueError" in extra}
    value_errors = {name for _, name, _ in _class_tree() if issubclass(getattr(prolific, name), ValueError)}
    # A subclass of a marked class is a ValueError through it.
    inherited = {
        name
        for name in value_errors - marked
        if any(issubclass(getattr(prolific, name), getattr(prolific, m)) for m in marked)
    }
    assert value_errors == marked | inherited


# -- one input-problem type ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "cls",
    [
        prolific.CredentialsFormatError,
        prolific.ReportFormatError,
        prolific.BonusFormatError,
        prolific.ReviewsFormatError,
    ],
)
def test_every_file_error_is_an_input_file_error_and_the_decoder_raises_it(cls: type[prolific.InputFileError]) -> None:
    with pytest.raises(cls) as info:
        decode_text(b"ok,1\nj\xfcrgen,2", source="in.csv", error=cls)
    error = info.value
    assert isinstance(error, prolific.InputFileError) and isinstance(error, ValueError)
    (problem,) = error.problems
    assert isinstance(problem, prolific.InputProblem)
    assert (problem.file, problem.line, problem.field) == ("in.csv", 2, None)
    assert (error.source, error.line, error.field, error.reason) == ("in.csv", 2, None, problem.message)
    assert problem.source == problem.file and problem.reason == problem.message
    assert str(error).startswith("in.csv, line 2: not UTF-8 text (byte 2 of the line)")


def test_a_list_of_problems_reads_as_file_line_field_message() -> None:
    problems = [
        prolific.InputProblem("empty amount", file="b.csv", line=3, field="amount"),
        prolific.InputProblem("expected 2 fields (id,amount), found 1", file="b.csv", line=5),
    ]
    error = prolific.BonusFormatError(problems, source="b.csv")
    assert str(error).splitlines() == [
        "b.csv: 2 problems; nothing was sent",
        "  b.csv, line 3, amount: empty amount",
        "  b.csv, line 5: expected 2 fields (id,amount), found 1",
    ]
    assert error.problems == problems and (error.line, error.field) == (3, "amount")


def test_bonus_problem_is_the_input_problem_with_a_deprecation_warning() -> None:
    with pytest.warns(DeprecationWarning, match="InputProblem"):
        from prolific import BonusProblem
    assert BonusProblem is prolific.InputProblem
    assert str(BonusProblem("bad", source="b.csv", line=2)) == "b.csv, line 2: bad"


# -- one base for workflows that stop part way ------------------------------------------------------


def test_every_stop_part_way_is_a_partial_failure_with_its_old_names() -> None:
    upload = prolific.UploadError("x", pool_id="ws_1", uploaded=2, total=5, remaining=[("c", "p")] * 3)
    members = prolific.MembershipError("x", group_id="g", action="remove", done=1, total=3, remaining=["b", "c"])
    review = prolific.ReviewError("x", action="apply", done=0, total=1, remaining=["r"])
    bonus = prolific.BonusPaymentError("x", study_id="s", paid=["b1"], remaining=["b2", "b3"])  # type: ignore[list-item]
    interrupted = prolific.UploadInterrupted("x", pool_id=None, uploaded=0, total=1, remaining=[("a", "p")])
    for error in (upload, members, review, bonus, interrupted):
        assert isinstance(error, prolific.PartialFailure) and error.resume
    assert (upload.done, upload.uploaded, upload.total, len(upload.remaining)) == (2, 2, 5, 3)
    assert upload.resume == "client.credentials.upload(err.remaining, pool_id='ws_1')"
    assert members.resume == "client.participant_groups.remove_participants('g', err.remaining)"
    assert (bonus.done, bonus.total, bonus.paid, bonus.remaining) == (1, 3, ["b1"], ["b2", "b3"])
    assert review.resume == "client.submissions.apply(err.remaining)"
    assert isinstance(interrupted, KeyboardInterrupt) and interrupted.uploaded == 0
