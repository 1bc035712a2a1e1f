"""``prolific-client api``: any operation by its operationId, against real HTTP servers on 127.0.0.1.

GETs, CSV and empty bodies come from a small canned-answer server (a stdlib ``http.server`` in a
thread, recording what it was sent); writes go to FakeProlific over loopback. Every run checks that
no stream holds the token or a password.
"""

from __future__ import annotations

import io
import json
import socket
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from source_document import published_operation_count

from prolific.cli import main
from prolific.testing import FakeProlific
from prolific_api_client.operations import OPERATIONS

TOKEN = "tok-SECRET-api-7c41d9e2"
PASSWORDS = ("pw-SECRET-one-Zq", "pw-SECRET-two-Zq")
STUDY_ID = "65a1b2c3d4e5f60718293a4b"
# A study as the server sends it: key order is the server's, not alphabetical.
STUDY = {
    "id": STUDY_ID,
    "name": "Reaction times",
    "internal_name": "rt-pilot",
    "description": "A short task.",
    "external_study_url": "https://example.org/task",
    "prolific_id_option": "url_parameters",
    "completion_codes": [],
    "total_available_places": 30,
    "estimated_completion_time": 5,
    "reward": 150,
    "status": "UNPUBLISHED",
    "étiquette": "ünïcode stays as sent",
}
REPORT = "Participant Id,Submission Id,Username,Status\r\np1,s1,user001,USED\r\n,,user002,UNUSED\r\n"
NOT_FOUND = {"error": {"status": 404, "error_code": 140400, "title": "Not Found", "detail": "Study not found."}}


@dataclass
class Canned:
    """A loopback HTTP server answering ``(method, path)`` from a table; 404 (Prolific's shape) otherwise."""

    url: str = ""
    routes: dict[tuple[str, str], tuple[int, str, bytes]] = field(default_factory=dict)
    requests: list[dict[str, Any]] = field(default_factory=list)

    def answer(self, method: str, path: str, status: int, body: Any = None, content_type: str = "") -> None:
        if isinstance(body, (dict, list)):
            raw, content_type = json.dumps(body).encode(), content_type or "application/json"
        else:
            raw = (body or "").encode()
        self.routes[(method, path)] = (status, content_type, raw)


@pytest.fixture(scope="module")
def canned_server() -> Iterator[Canned]:
    state = Canned()

    class Handler(BaseHTTPRequestHandler):
        def handle_one(self) -> None:
            parts = urlsplit(self.path)
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else b""
            state.requests.append(
                {"method": self.command, "path": parts.path, "query": parse_qs(parts.query),
                 "headers": dict(self.headers), "body": body}
            )  # fmt: skip
            status, kind, raw = state.routes.get(
                (self.command, parts.path), (404, "application/json", json.dumps(NOT_FOUND).encode())
            )
            self.send_response(status)
            if kind:
                self.send_header("Content-Type", kind)
            if status != 204:
                self.send_header("Content-Length", str(len(raw)))
            self.end_headers()
            if status != 204:
                self.wfile.write(raw)

        do_GET = do_POST = do_PATCH = do_DELETE = do_PUT = handle_one

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)
    thread.start()
    state.url = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


@pytest.fixture
def canned(canned_server: Canned) -> Canned:
    """The module's canned server, with no routes and no recorded requests."""
    canned_server.routes.clear()
    canned_server.requests.clear()
    return canned_server


@pytest.fixture(autouse=True)
def token(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PROLIFIC_TOKEN", TOKEN)
    monkeypatch.delenv("PROLIFIC_URL", raising=False)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """``main(argv)`` -> (exit code, stdout, stderr), having checked that no secret reached a stream."""
    code = main(list(argv))
    out, err = capsys.readouterr()
    for text in (out, err):
        assert TOKEN not in text
        for secret in PASSWORDS:
            assert secret not in text
    return code, out, err


# -- a GET ----------------------------------------------------------------------------------------


def test_get_prints_the_body_as_the_server_sent_it(capsys: pytest.CaptureFixture[str], canned: Canned) -> None:
    canned.answer("GET", f"/api/v1/studies/{STUDY_ID}/", 200, STUDY)
    code, out, err = run(capsys, "--base-url", canned.url, "api", "get-study", f"id={STUDY_ID}")
    assert (code, err) == (0, "")
    assert out == json.dumps(STUDY, indent=2, ensure_ascii=False) + "\n"  # server's key order, unicode as is
    [request] = canned.requests
    assert request["method"] == "GET" and request["path"] == f"/api/v1/studies/{STUDY_ID}/"
    assert request["headers"]["Authorization"] == f"Token {TOKEN}"
    # snake case, options after the parameters or between them, --json: the same document
    for argv in (["api", "get_study", f"id={STUDY_ID}", "--json"], ["api", "get-study", "--json", f"id={STUDY_ID}"]):
        code, again, _ = run(capsys, "--base-url", canned.url, *argv)
        assert (code, json.loads(again)) == (0, STUDY)


def test_query_values_are_converted_by_the_generated_signature(
    capsys: pytest.CaptureFixture[str], canned: Canned
) -> None:
    page = {"results": [{"id": "sub1", "status": "ACTIVE"}], "meta": {"count": 1}}
    canned.answer("GET", "/api/v1/submissions/", 200, page)
    code, out, _ = run(
        capsys, "--base-url", canned.url, "api", "get-submissions",
        "study=s1", "completed=TRUE", "page_size=5", "status=AWAITING_REVIEW", "ordering=-started_at",
    )  # fmt: skip
    assert code == 0 and json.loads(out) == page
    [request] = canned.requests
    assert request["query"] == {
        "study": ["s1"], "completed": ["true"], "page_size": ["5"], "status": ["AWAITING_REVIEW"],
        "ordering": ["-started_at"],
    }  # fmt: skip


def test_a_2xx_the_model_cannot_read_is_printed_as_received_with_a_note(
    capsys: pytest.CaptureFixture[str], canned: Canned
) -> None:
    partial = {"id": STUDY_ID, "name": "no other field"}  # Study.from_dict needs more
    canned.answer("GET", f"/api/v1/studies/{STUDY_ID}/", 200, partial)
    code, out, err = run(capsys, "--base-url", canned.url, "api", "get-study", f"id={STUDY_ID}")
    assert code == 0 and json.loads(out) == partial
    assert "not what the spec documents" in err and "printed as received" in err


def test_csv_and_empty_bodies(capsys: pytest.CaptureFixture[str], canned: Canned) -> None:
    canned.answer("GET", f"/api/v1/studies/{STUDY_ID}/credentials/report/", 200, REPORT, "text/csv")
    code, out, err = run(capsys, "--base-url", canned.url, "api", "download-study-credential-report", f"id={STUDY_ID}")
    assert (code, out, err) == (0, REPORT, "")  # byte for byte, CRLFs included
    code, out, _ = run(capsys, "--base-url", canned.url, "--json", "api", "download-study-credential-report",
                       f"id={STUDY_ID}")  # fmt: skip
    assert code == 0 and json.loads(out) == REPORT
    canned.answer("DELETE", "/api/v1/participant-groups/g1/", 204)
    assert run(capsys, "--base-url", canned.url, "api", "delete-participant-group", "id=g1") == (0, "", "")
    assert run(capsys, "--base-url", canned.url, "--json", "api", "delete-participant-group", "id=g1") == (
        0, "null\n", "",
    )  # fmt: skip
    assert [r["method"] for r in canned.requests] == ["GET", "GET", "DELETE", "DELETE"]


# -- errors from the server and the network ------------------------------------------------------


def test_404_is_exit_1_with_the_message_and_the_error_document(
    capsys: pytest.CaptureFixture[str], canned: Canned
) -> None:
    code, out, err = run(capsys, "--base-url", canned.url, "api", "get-study", "id=missing")
    assert (code, out) == (1, "")
    # The id cannot be a Prolific id: the message says so (issue 24), after Prolific's own words.
    assert err == "error: 404 Not Found on GET /api/v1/studies/missing/: Study not found." + HINT + "\n"
    code, out, err = run(capsys, "--base-url", canned.url, "--debug", "--json", "api", "get-study", "id=missing")
    assert code == 1
    assert json.loads(out) == {
        "error": {
            "type": "NotFoundError",
            "status": 404,
            "detail": "404 Not Found on GET /api/v1/studies/missing/: Study not found." + HINT,
        }
    }
    assert "GET /api/v1/studies/missing/ -> 404" in err  # --debug logs the request, never the token


HINT = " ('missing' is not a Prolific id (24 lower-case hexadecimal characters): check the id)"


def test_connection_refused_is_exit_1_like_the_rest_of_the_cli(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    waits: list[float] = []
    monkeypatch.setattr("time.sleep", waits.append)  # the retries' backoff, recorded instead of slept
    with socket.socket() as sock:  # a loopback port with nothing listening
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    base = f"http://127.0.0.1:{port}"
    code, out, err = run(capsys, "--base-url", base, "api", "get-study", "id=s1")
    assert (code, out) == (1, "")
    lines = err.strip().splitlines()
    assert [line.split(" in ")[0] for line in lines[:2]] == ["note: retrying GET /api/v1/studies/s1/"] * 2
    assert lines[-1].startswith("error: could not send GET /api/v1/studies/s1/: ConnectError")
    assert "nothing was sent [after 3 attempts]" in lines[-1] and len(waits) == 2
    code, out, _ = run(capsys, "--base-url", base, "--json", "api", "get-study", "id=s1")
    error = json.loads(out)["error"]
    assert code == 1 and error["type"] == "APIConnectionError" and error["status"] is None


# -- a POST with a body, against FakeProlific -----------------------------------------------------


def test_post_with_inline_body_file_and_stdin(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake = FakeProlific(token=TOKEN)
    credentials = f"user001,{PASSWORDS[0]}\nuser002,{PASSWORDS[1]}"
    with fake.serve() as base:
        body = json.dumps({"workspace_id": "ws1", "credentials": credentials})
        code, out, err = run(capsys, "--base-url", base, "--debug", "api", "create-credential-pool", "--body", body)
        assert (code, err.count("POST /api/v1/credentials/ -> 201")) == (0, 1)
        pool_id = json.loads(out)["credential_pool_id"]
        assert fake.pools == {pool_id: [("user001", PASSWORDS[0]), ("user002", PASSWORDS[1])]}

        # a repeat is refused (409): the error names usernames, the passwords are still never printed
        path = tmp_path / "more.json"
        path.write_text(json.dumps({"credentials": credentials}), encoding="utf-8")
        code, out, err = run(capsys, "--base-url", base, "--debug", "api", "update-credential-pool",
                             f"credential_pool_id={pool_id}", f"--body=@{path}")  # fmt: skip
        assert code == 1 and "409 Conflict" in err

        group = tmp_path / "group.json"
        group.write_text(json.dumps({"name": "Pilot", "workspace_id": "ws1"}), encoding="utf-8")
        code, out, _ = run(capsys, "--base-url", base, "api", "create-participant-group", "--body", f"@{group}")
        assert code == 0 and json.loads(out)["name"] == "Pilot"
        monkeypatch.setattr("sys.stdin", io.StringIO(json.dumps({"name": "From stdin", "workspace_id": "ws1"})))
        code, out, _ = run(capsys, "--base-url", base, "api", "create-participant-group", "--body", "@-")
        assert code == 0 and json.loads(out)["name"] == "From stdin"
    assert [(r.method, r.path, r.status) for r in fake.requests] == [
        ("POST", "/api/v1/credentials/", 201),
        ("PATCH", f"/api/v1/credentials/{pool_id}/", 409),
        ("POST", "/api/v1/participant-groups/", 201),
        ("POST", "/api/v1/participant-groups/", 201),
    ]


def test_token_given_with_token_is_never_printed(capsys: pytest.CaptureFixture[str], canned: Canned) -> None:
    code, _, err = run(capsys, "--token", TOKEN, "--base-url", canned.url, "--debug", "api", "get-study", "id=x")
    assert code == 1 and "404" in err
    assert canned.requests[0]["headers"]["Authorization"] == f"Token {TOKEN}"


# -- --list ---------------------------------------------------------------------------------------


def test_list_shows_every_operation_without_a_token(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("PROLIFIC_TOKEN")
    code, out, err = run(capsys, "api", "--list")
    lines = out.splitlines()
    count = published_operation_count()
    assert (code, err, len(lines), len(OPERATIONS)) == (0, "", count, count)
    for line, op in zip(lines, sorted(OPERATIONS.values(), key=lambda o: o.operation_id), strict=True):
        python = f"client.{op.tag}.{op.name}"
        assert line.split()[:4] == [op.operation_id, op.method, op.path, python] and line.endswith(op.summary)
    code, out, _ = run(capsys, "api", "--list", "--json")
    listed = json.loads(out)
    assert code == 0 and len(listed) == count
    get_study = next(item for item in listed if item["operation_id"] == "get-study")
    assert get_study == {
        "operation_id": "get-study", "method": "GET", "path": "/api/v1/studies/{id}/", "tag": "studies",
        "summary": OPERATIONS["get-study"].summary, "python": "client.studies.get_study",
        "path_parameters": ["id"], "query_parameters": [],
        "has_body": False,
    }  # fmt: skip
    code, out, _ = run(capsys, "api", "--list", "credentials")
    assert code == 0 and [line.split()[0] for line in out.splitlines()] == [
        "create-credential-pool", "list-credential-pools", "update-credential-pool",
    ]  # fmt: skip
    code, _, err = run(capsys, "api", "--list", "stdies")
    assert code == 2 and "unknown tag 'stdies' (did you mean studies?)" in err


# -- mistakes on the command line: exit 2, nothing sent -------------------------------------------


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["get-study", "idd=1"], "get-study: unknown parameter 'idd' (did you mean id?); valid parameters: id (path"),
        (
            ["list-credential-pools", "workspace=w"],
            "unknown parameter 'workspace' (did you mean workspace_id?); valid parameters: workspace_id (query",
        ),
        (["get-study"], "get-study: missing required parameter id (path, required)"),
        (["get-study", "id"], "get-study: expected NAME=VALUE, got 'id'"),
        (["get-study", "id=1", "id=2"], "get-study: id given 2 times; it takes one value"),
        (["get-study", "id="], "get-study: id is empty; a path parameter needs a value (/api/v1/studies/{id}/)"),
        (["get-studdy", "id=1"], "unknown operation 'get-studdy' (did you mean get-study"),
        (["get-submissions", "study=s", "page=two"], "get-submissions: page: expected a whole number, got 'two'"),
        (["get-submissions", "study=s", "completed=yes"], "completed: expected true or false, got 'yes'"),
        (["get-submissions", "study=s", "status=ACTIV"], "status: expected one of ACTIVE, APPROVED"),
        (["get-dataset-import-status", "dataset_id=x", "import_id=y"], "dataset_id: expected a UUID, got 'x'"),
        (["get-study", "id=1", "--body", "{}"], "get-study takes no request body"),
        (["create-participant-group", "body={}"], "the request body is given with --body"),
        (
            ["create-credential-pool"],
            "create-credential-pool needs a request body: --body JSON or --body @file.json "
            "(CreateCredentialPoolRequest: credentials, workspace_id)",
        ),
        ([], "give an OPERATION_ID"),
        (["--list", "studies", "get-study"], "--list takes no OPERATION_ID"),
    ],
)
def test_usage_mistakes_are_exit_2_and_say_what_to_do(
    capsys: pytest.CaptureFixture[str], canned: Canned, argv: list[str], message: str
) -> None:
    code, out, err = run(capsys, "--base-url", canned.url, "api", *argv)
    assert (code, out) == (2, "") and message in err, err
    assert canned.requests == []


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (
            '{"workspace_id": "w",',
            "--body: not valid JSON: Expecting property name enclosed in double quotes at line 1, column 22",
        ),
        ('{"workspace_id": "w"}', "--body: CreateCredentialPoolRequest: missing required field 'credentials'"),
        ('["w"]', "--body: CreateCredentialPoolRequest is a JSON object, got an array"),
    ],
)
def test_bad_body_is_exit_2_naming_what_is_wrong(
    capsys: pytest.CaptureFixture[str], canned: Canned, body: str, message: str
) -> None:
    code, out, err = run(capsys, "--base-url", canned.url, "api", "create-credential-pool", "--body", body)
    assert (code, out) == (2, "") and message in err, err
    assert canned.requests == []


def test_bad_body_file_names_the_file_and_line(
    capsys: pytest.CaptureFixture[str], canned: Canned, tmp_path: Path
) -> None:
    path = tmp_path / "pool.json"
    path.write_text('{\n  "workspace_id": "w",\n  "credentials": "a,b"\n  "extra": 1\n}\n', encoding="utf-8")
    code, _, err = run(capsys, "--base-url", canned.url, "api", "create-credential-pool", "--body", f"@{path}")
    assert code == 2 and f"{path}: not valid JSON: Expecting ',' delimiter at line 4, column 3" in err
    code, _, err = run(capsys, "--base-url", canned.url, "api", "create-credential-pool", "--body", "@nope.json")
    assert code == 2 and "nope.json: no such file" in err
    assert canned.requests == []


def test_a_union_body_and_a_misspelt_field(capsys: pytest.CaptureFixture[str], canned: Canned) -> None:
    code, _, err = run(capsys, "--base-url", canned.url, "api", "bulk-approve-submissions", "--body", '{"ids": []}')
    assert code == 2 and "fits none of the accepted bodies" in err and "missing required field 'submission_ids'" in err
    accepted = json.dumps("The request to bulk approve is being processed.")
    canned.answer("POST", "/api/v1/submissions/bulk-approve/", 200, accepted, "application/json")
    code, out, err = run(capsys, "--base-url", canned.url, "api", "bulk-approve-submissions",
                         "--body", '{"submission_ids": ["s1"], "message": 1}')  # fmt: skip
    assert code == 0 and json.loads(out) == json.loads(accepted)
    assert err == "note: --body: 'message': not a documented field of BulkApproveBySubmissions; sent as given\n"
    assert json.loads(canned.requests[-1]["body"]) == {"submission_ids": ["s1"], "message": 1}
    canned.answer("POST", "/api/v1/participant-groups/", 201, {"id": "g1", "name": "Pilot"})
    code, out, err = run(capsys, "--base-url", canned.url, "api", "create-participant-group",
                         "--body", '{"name": "Pilot", "workspace": "ws1"}')  # fmt: skip
    assert code == 0 and json.loads(out) == {"id": "g1", "name": "Pilot"}
    assert "'workspace' (did you mean workspace_id?): not a documented field" in err
