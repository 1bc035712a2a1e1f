"""What a new user hits (issue 24): each test here failed before its fix.

Header-like first lines, a file name given as CSV text, a token pasted with its scheme, 404s for ids
that cannot be ids, DNS failures, a 501 that changed nothing, the reprs, a missing file; and the
fake: workspaces and projects from state, the demo world, surveys, the group message, and the
spec's checks of each request.
"""

from __future__ import annotations

import socket
from pathlib import Path

import httpx
import pytest
from fake_checks import call, check_spec, error_detail

import prolific
from prolific import (
    APIConnectionError,
    Capacity,
    ConfigurationError,
    CredentialsFileNotFoundError,
    CredentialsFormatError,
    NotFoundError,
    PoolSummary,
    Prolific,
    RetryPolicy,
    ServerError,
    coerce_credentials,
    find_problems,
    parse_credentials,
    read_credentials,
)
from prolific.credentials import header_line
from prolific.testing import FakeProlific, error_response
from prolific_api_client.models import Project, Workspace

SECRET = "hunter2-SECRET-pw"

# -- 1. a first line of column names ------------------------------------------------------------


@pytest.mark.parametrize("header", ["Login,Password", "email,password", "User,Pass", "E-mail,PWD", "user_id,secret"])
def test_a_header_of_column_names_is_taken_as_the_header(header: str, tmp_path: Path) -> None:
    text = f"{header}\nalice,{SECRET}\n"
    assert [c.username for c in parse_credentials(text)] == ["alice"]
    assert [c.username for c in coerce_credentials(text)] == ["alice"]
    path = tmp_path / "logins.csv"
    path.write_text(text)
    assert [c.username for c in read_credentials(path)] == ["alice"]
    valid, problems = find_problems(text)
    assert [c.username for c in valid] == ["alice"] and problems == []
    assert header_line(text) == header


def test_a_half_header_is_refused_with_the_fix_never_uploaded() -> None:
    text = f"Login,{SECRET}\nalice,pw-1\n"
    with pytest.raises(CredentialsFormatError) as info:
        parse_credentials(text)
    assert info.value.line == 1 and "username,password" in str(info.value) and SECRET not in str(info.value)
    _, problems = find_problems(text)
    assert [p.line for p in problems] == [1]
    assert header_line(text) is None
    # A real login whose password is "password" is a login, not a header.
    assert [c.username for c in parse_credentials("alice,password\nbob,pw")] == ["alice", "bob"]


def test_check_says_which_line_is_taken_as_the_header(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    from prolific.cli import main

    path = tmp_path / "logins.csv"
    path.write_text(f"Login,Password\nalice,{SECRET}\n")
    assert main(["credentials", "check", str(path)]) == 0
    err = capsys.readouterr().err
    assert "line 1 (Login,Password) is taken as the header" in err and "1 valid credential," in err
    assert SECRET not in err


# -- 3. a file name given as text ---------------------------------------------------------------


def test_a_file_name_given_as_str_suggests_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(CredentialsFormatError, match=r"did you mean Path\('creds.csv'\)\?"):
        coerce_credentials("creds.csv")
    monkeypatch.chdir(tmp_path)
    (tmp_path / "logins").write_text("a,b\n")
    with pytest.raises(CredentialsFormatError, match=r"did you mean Path\('logins'\)\?"):
        coerce_credentials("logins")
    fake = FakeProlific()
    client = Prolific(token="t", http_client=httpx.Client(transport=fake.transport))
    with pytest.raises(CredentialsFormatError, match="did you mean Path"):
        client.credentials.upload("creds.csv", workspace_id="ws")
    assert fake.requests == []
    assert "Path(" in (prolific.resources.credentials.Credentials.upload.__doc__ or "")


# -- 7. a token pasted with its scheme ----------------------------------------------------------


@pytest.mark.parametrize("token", ["Token abc123SECRET", "Bearer abc123SECRET", "token abc123SECRET"])
def test_a_token_with_its_scheme_is_refused_locally(token: str, monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(ConfigurationError, match="give the token alone") as info:
        Prolific(token=token)
    assert "abc123SECRET" not in str(info.value)
    monkeypatch.setenv("PROLIFIC_TOKEN", token)
    with pytest.raises(ConfigurationError, match="PROLIFIC_TOKEN"):
        Prolific()


# -- 8. errors that say more --------------------------------------------------------------------


def _client(fake: FakeProlific) -> Prolific:
    return Prolific(token=fake.token or "t", http_client=httpx.Client(transport=fake.transport))


def test_a_404_for_an_id_that_is_not_24_hex_says_so() -> None:
    client = _client(FakeProlific())
    with pytest.raises(NotFoundError) as info:
        client.studies.get_study("65a1b2c3d4e5f60718293a4")  # 23 characters
    assert "is not a Prolific id (24 lower-case hexadecimal characters; this one has 23)" in str(info.value)
    with pytest.raises(NotFoundError) as info:
        client.studies.get_study("65a1b2c3d4e5f60718293a4b")
    assert "hexadecimal" not in str(info.value)


def _dns_failure(request: httpx.Request) -> httpx.Response:
    error = httpx.ConnectError("[Errno -2] Name or service not known", request=request)
    error.__cause__ = socket.gaierror(-2, "Name or service not known")
    raise error


def test_an_unknown_host_is_not_retried_and_the_message_names_it() -> None:
    attempts: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        attempts.append(request)
        return _dns_failure(request)

    client = Prolific(
        token="t", base_url="https://api.prolifc.com", http_client=httpx.Client(transport=httpx.MockTransport(handler)),
        retry_policy=RetryPolicy(max_retries=2, initial_delay=0),
    )  # fmt: skip
    with pytest.raises(APIConnectionError) as info:
        client.studies.get_study("65a1b2c3d4e5f60718293a4b")
    assert len(attempts) == 1
    assert "'api.prolifc.com' does not resolve" in str(info.value) and not info.value.may_have_been_applied
    refused = httpx.ConnectError("[Errno 111] Connection refused")
    assert RetryPolicy().retries("GET", error=refused)  # other connection failures still are retried


def test_a_501_does_not_say_the_write_may_have_been_applied() -> None:
    fake = FakeProlific()
    for operation_id in ("get-workspace-balance", "duplicate-study"):  # e.g. a gateway that does not know them
        fake.route(operation_id, lambda request: error_response(501, f"{request.path} is not implemented here."))
    client = _client(fake)
    with pytest.raises(ServerError) as info:
        client.workspaces.get_workspace_balance("ws")
    with pytest.raises(ServerError) as write:
        client.studies.duplicate_study("65a1b2c3d4e5f60718293a4b")  # a POST
    for error in (info.value, write.value):
        assert error.status_code == 501 and "not implemented" in str(error)
        assert "may have been applied" not in str(error) and "may or may not" not in str(error)
        assert not error.may_have_been_applied


def test_reprs_of_capacity_and_pool_summary_show_every_field() -> None:
    capacity = Capacity("s", "UNPUBLISHED", places=10, pool_id="p", used=2, available=4)
    for name in ("required=15", "shortfall=9", "meets_advice=False", "used=2", "available=4", "places=10"):
        assert name in repr(capacity)
    summary = PoolSummary("ws_1", total=10, available=4, workspace_id="ws")
    assert "used=6" in repr(summary) and "total=10" in repr(summary)


def test_a_missing_file_is_one_message_and_a_file_not_found_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from prolific.cli import main

    missing = tmp_path / "nope.csv"
    with pytest.raises(FileNotFoundError) as info:
        read_credentials(missing)
    assert isinstance(info.value, CredentialsFileNotFoundError) and isinstance(info.value, CredentialsFormatError)
    assert str(info.value).startswith(f"{missing}: no such file")
    messages = set()
    for argv in (
        ["credentials", "check", str(missing)],
        ["--token", "t", "credentials", "create", "--workspace", "ws", str(missing)],
        ["--token", "t", "credentials", "reconcile", "65a1b2c3d4e5f60718293a4b", str(missing)],
        ["--token", "t", "participant-groups", "add", "65a1b2c3d4e5f60718293a4b", "--participants-file", str(missing)],
    ):
        assert main(argv) == 2
        err = capsys.readouterr().err
        messages.add(err.strip().splitlines()[-1].partition(str(missing))[2])
    assert len(messages) == 1 and "no such file" in messages.pop()


def test_api_suggests_name_equals_value_and_shows_an_operations_help(capsys: pytest.CaptureFixture[str]) -> None:
    from prolific.cli import main

    assert main(["--token", "t", "api", "get-study", "65a1b2c3d4e5f60718293a4b"]) == 2
    assert "did you mean 'id=65a1b2c3d4e5f60718293a4b'?" in capsys.readouterr().err
    assert main(["api", "create-credential-pool", "--help"]) == 0
    out = capsys.readouterr().out
    assert "POST /api/v1/credentials/" in out
    assert "credentials (text, required)" in out and "workspace_id (text, required)" in out
    assert main(["api", "get-studies", "--help"]) == 0
    assert "state (query, ACTIVE|" in capsys.readouterr().out
    assert main(["api", "--help"]) == 0
    assert "OPERATION_ID" in capsys.readouterr().out  # without an operation: the command's own help


# -- 5. the fake can run a study ----------------------------------------------------------------


def test_workspaces_and_projects_answer_from_state(api: httpx.Client, fake: FakeProlific) -> None:
    created = check_spec("create-workspace", call(api, "create-workspace", json={"title": "Lab"}))
    workspace = Workspace.from_dict(created)
    listed = check_spec("get-workspaces", call(api, "get-workspaces"))
    assert [w["id"] for w in listed["results"]] == [workspace.id]
    project = Project.from_dict(
        check_spec("create-project", call(api, "create-project", json={"title": "P1"}, workspace_id=workspace.id))
    )
    assert fake.projects[project.id] == workspace.id  # create-study with this project finds the workspace
    got = check_spec("get-project", call(api, "get-project", project_id=project.id))
    assert got["workspace"] == workspace.id
    projects = check_spec("get-projects", call(api, "get-projects", workspace_id=workspace.id))
    assert [p["id"] for p in projects["results"]] == [project.id]
    one = check_spec("get-workspace", call(api, "get-workspace", workspace_id=workspace.id))
    assert [p["id"] for p in one["projects"]] == [project.id]
    assert error_detail("get-workspace", call(api, "get-workspace", workspace_id="nope"), 404)
    assert error_detail("create-workspace", call(api, "create-workspace", json={}), 400) == {
        "title": ["This field is required."]
    }


def test_seed_demo_then_take_part(fake: FakeProlific) -> None:
    world = fake.seed_demo()
    study = world["study_id"]
    client = _client(fake)
    assert client.studies.get_study(study).status == "UNPUBLISHED"
    pool = client.credentials.create_pool(workspace_id=world["workspace_id"], credentials="a,1\nb,2\nc,3\nd,4\ne,5")
    client.credentials.attach(study, pool)
    from prolific_api_client.models import StudyTransition

    client.studies.publish_study(study, body=StudyTransition(action="PUBLISH"))
    taken = fake.take_part(study, world["participant_ids"][:2])
    assert [t["username"] for t in taken] == ["a", "b"]
    assert [s["status"] for s in fake.submissions[study]] == ["AWAITING REVIEW"] * 2
    assert client.credentials.report(study).used == 2


def test_surveys_create_and_delete_and_the_group_message(api: httpx.Client, fake: FakeProlific) -> None:
    survey = check_spec("create-survey", call(api, "create-survey", json={"researcher_id": "r1", "title": "Q"}))
    assert fake.surveys[survey["_id"]]["title"] == "Q"
    assert call(api, "delete-survey", survey_id=survey["_id"]).status_code == 200
    assert fake.surveys == {}
    assert call(api, "delete-survey", survey_id=survey["_id"]).status_code == 404
    group = call(
        api, "create-participant-group", json={"name": "G", "workspace_id": "ws", "participant_ids": [f"{1:024x}"]}
    ).json()
    sent = call(api, "send-message-to-participant-group", json={"participant_group_id": group["id"], "body": "Hi"})
    assert sent.status_code == 204 and fake.messages and all(m["body"] == "Hi" for m in fake.messages)
    missing = call(api, "send-message-to-participant-group", json={"participant_group_id": "nope", "body": "Hi"})
    assert missing.status_code == 404


# -- 9. the fake refuses what the spec rules out ------------------------------------------------


def test_a_request_that_breaks_the_spec_gets_the_apis_400_naming_the_field(api: httpx.Client) -> None:
    detail = error_detail("get-studies", call(api, "get-studies", params={"state": "NOT-A-STATE"}), 400)
    assert list(detail) == ["state"] and "NOT-A-STATE" in detail["state"][0]
    assert call(api, "get-studies", params={"state": "ACTIVE"}).status_code == 200
    detail = error_detail("get-surveys", call(api, "get-surveys", params={"researcher_id": "r", "limit": "x"}), 400)
    assert list(detail) == ["limit"]
    body = {"credentials": 5, "workspace_id": "w"}
    assert error_detail("create-credential-pool", call(api, "create-credential-pool", json=body), 400) == {
        "credentials": ["Not a valid string."]
    }


def test_trace_is_405_with_allow(api: httpx.Client) -> None:
    answer = api.request("TRACE", "/api/v1/studies/")
    assert answer.status_code == 405 and answer.headers["allow"] == "GET, POST"
