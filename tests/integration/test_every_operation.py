"""Every operation as a client method: retries by HTTP method, pagination, raw responses (issue 11).

Against a real HTTP server on 127.0.0.1 that answers from a script; assertions are on what was
sent and returned, never on time.
"""

from __future__ import annotations

import inspect
from collections.abc import Iterator

import pytest
from scripted_server import Answer, ScriptedServer, scripted_server
from source_document import published_operation_count

from prolific import AsyncProlific, NotFoundError, Prolific, RawResponse, RetryPolicy, ServerError
from prolific_api_client.api.credentials import create_credential_pool
from prolific_api_client.api.participant_groups import delete_participant_group
from prolific_api_client.api.studies import get_study
from prolific_api_client.models import CreateCredentialPoolRequest, Study, SubmissionShort
from prolific_api_client.operations import OPERATIONS, TAGS

TOKEN = "tok-SECRET-operations-77c1"
FAST = RetryPolicy(max_retries=2, initial_delay=0.0)
STUDY = {
    "id": "s1",
    "name": "Pilot",
    "description": "A pilot",
    "external_study_url": "https://example.org/survey",
    "prolific_id_option": "url_parameters",
    "total_available_places": 10,
    "estimated_completion_time": 5,
    "reward": 100,
    "status": "UNPUBLISHED",
}
POOL = CreateCredentialPoolRequest(credentials="alice,pw-1", workspace_id="ws1")


@pytest.fixture
def server() -> Iterator[ScriptedServer]:
    with scripted_server() as state:
        yield state


@pytest.fixture
def client(server: ScriptedServer) -> Iterator[Prolific]:
    with Prolific(token=TOKEN, base_url=server.url, retry_policy=FAST, timeout=0.5) as c:
        yield c


# --- a method per operation ------------------------------------------------------------------------


def test_every_operation_is_a_method_of_its_tag_on_both_clients() -> None:
    sync, other = Prolific(token=TOKEN), AsyncProlific(token=TOKEN)
    assert len(OPERATIONS) == published_operation_count()
    for op in OPERATIONS.values():
        method = getattr(getattr(sync, op.tag), op.name)
        assert callable(method) and op.path in (method.__doc__ or "")
        assert inspect.iscoroutinefunction(getattr(getattr(other, op.tag), op.name))
    assert set(TAGS) <= set(dir(sync))
    # The friendly methods live on the same objects as the tag's generated ones.
    assert callable(sync.credentials.create_pool) and callable(sync.credentials.list_credential_pools)
    assert callable(sync.participant_groups.create) and callable(sync.participant_groups.delete_participant_group)
    assert callable(sync.invitations.create) and callable(sync.invitations.create_invitation)


def test_a_method_returns_the_success_model_and_sends_what_the_generated_function_sends(client, server) -> None:
    server.answer(200, STUDY)
    study = client.studies.get_study("s1")
    assert isinstance(study, Study) and study.name == "Pilot"
    [seen] = server.seen
    assert (seen.method, seen.path, seen.headers["authorization"]) == ("GET", "/api/v1/studies/s1/", f"Token {TOKEN}")


def test_an_error_status_raises_the_typed_error(client, server) -> None:
    server.answer(404, {"error": {"status": 404, "title": "Not Found", "detail": "No such study."}})
    with pytest.raises(NotFoundError, match="No such study"):
        client.studies.get_study("nope")


# --- retries by HTTP method --------------------------------------------------------------------


def test_a_get_that_gets_502_then_200_returns_after_two_requests(client, server) -> None:
    server.answer(502, {"error": {"detail": "bad gateway"}})
    server.answer(200, STUDY)
    assert client.studies.get_study("s1").id == "s1"
    assert len(server.requests("GET")) == 2


def test_a_get_whose_first_answer_stalls_past_the_read_timeout_is_retried(client, server) -> None:
    server.stall()
    server.answer(200, STUDY)
    assert client.studies.get_study("s1").id == "s1"
    assert len(server.requests("GET")) == 2


def test_a_post_that_gets_502_raises_after_one_request_saying_it_may_have_been_applied(client, server) -> None:
    server.answer(502, {"error": {"detail": "bad gateway"}})
    server.answer(201, {"credential_pool_id": "ws1_p"})
    with pytest.raises(ServerError) as info:
        client.credentials.create_credential_pool(body=POOL)
    assert info.value.may_have_been_applied is True
    assert len(server.requests("POST")) == 1


def test_a_delete_that_gets_503_then_204_succeeds(client, server) -> None:
    server.answer(503, {"error": {"detail": "unavailable"}})
    server.answer(204)
    assert client.participant_groups.delete_participant_group("g1") is None
    assert len(server.requests("DELETE")) == 2


def test_a_get_that_keeps_failing_raises_after_every_attempt(client, server) -> None:
    for _ in range(3):
        server.answer(502, {"error": {"detail": "bad gateway"}})
    with pytest.raises(ServerError) as info:
        client.studies.get_study("s1")
    assert info.value.may_have_been_applied is False  # a GET changes nothing
    assert "[after 3 attempts]" in str(info.value)
    assert len(server.seen) == 3


def test_the_same_rules_apply_to_generated_functions_called_with_client_api(client, server) -> None:
    server.answer(502, {"error": {"detail": "bad gateway"}})
    server.answer(200, STUDY)
    assert isinstance(get_study.sync("s1", client=client.api), Study)
    server.stall()
    server.answer(200, STUDY)
    assert isinstance(get_study.sync("s1", client=client.api), Study)
    assert len(server.requests("GET")) == 4
    server.answer(502, {"error": {"detail": "bad gateway"}})
    with pytest.raises(ServerError) as info:
        create_credential_pool.sync(client=client.api, body=POOL)
    assert info.value.may_have_been_applied is True and len(server.requests("POST")) == 1
    server.answer(503, {"error": {"detail": "unavailable"}})
    server.answer(204)
    delete_participant_group.sync("g1", client=client.api)
    assert len(server.requests("DELETE")) == 2


async def test_the_async_client_follows_the_same_rules(server) -> None:
    server.answer(502, {"error": {"detail": "bad gateway"}})
    server.answer(200, STUDY)
    server.answer(502, {"error": {"detail": "bad gateway"}})
    async with AsyncProlific(token=TOKEN, base_url=server.url, retry_policy=FAST, timeout=0.5) as client:
        study = await client.studies.get_study("s1")
        with pytest.raises(ServerError):
            await client.credentials.create_credential_pool(body=POOL)
    assert study.id == "s1"
    assert [s.method for s in server.seen] == ["GET", "GET", "POST"]


def test_max_retries_and_a_policy_are_configured_on_the_client(server) -> None:
    for _ in range(2):
        server.answer(503, {"error": {"detail": "unavailable"}})
    with Prolific(token=TOKEN, base_url=server.url, max_retries=0) as client, pytest.raises(ServerError):
        client.studies.get_study("s1")
    assert len(server.seen) == 1
    assert Prolific(token=TOKEN, retry_policy=FAST).retry_policy is FAST
    with pytest.raises(ValueError, match="not both"):
        Prolific(token=TOKEN, max_retries=1, retry_policy=FAST)


# --- pagination --------------------------------------------------------------------------------


def _submission(n: int) -> dict[str, object]:
    return {
        "id": f"sub{n}",
        "participant_id": f"p{n}",
        "status": "APPROVED",
        "started_at": "2026-01-01T00:00:00Z",
        "has_siblings": False,
    }


def test_paginate_a_page_family_over_three_pages(client, server) -> None:
    everything = [_submission(n) for n in range(5)]

    def page(seen):  # page/page_size
        number, size = int(seen.query["page"][0]), int(seen.query["page_size"][0])
        return Answer(200, {"results": everything[(number - 1) * size : number * size]})

    server.always(page)
    got = list(client.paginate(client.submissions.get_submissions, study="s1", page_size=2))
    assert all(isinstance(s, SubmissionShort) for s in got)
    assert [s.id for s in got] == [f"sub{n}" for n in range(5)]
    assert [(s.query["page"], s.query["page_size"], s.query["study"]) for s in server.seen] == [
        (["1"], ["2"], ["s1"]),
        (["2"], ["2"], ["s1"]),
        (["3"], ["2"], ["s1"]),
    ]


def test_paginate_an_offset_family_over_three_pages(client, server) -> None:
    surveys = [{"researcher_id": "r1", "title": f"Survey {n}"} for n in range(5)]

    def page(seen):  # offset/limit
        offset, limit = int(seen.query["offset"][0]), int(seen.query["limit"][0])
        return Answer(200, {"results": surveys[offset : offset + limit]})

    server.always(page)
    titles = [s.title for s in client.paginate(client.surveys.get_surveys, researcher_id="r1", limit=2)]
    assert titles == [f"Survey {n}" for n in range(5)]
    assert [s.query["offset"] for s in server.seen] == [["0"], ["2"], ["4"]]


def test_paginate_a_results_only_list_sends_one_request(client, server) -> None:
    server.answer(
        200, {"results": [{"id": "s1", "name": "A", "status": "ACTIVE"}, {"id": "s2", "name": "B", "status": "ACTIVE"}]}
    )
    assert [s.id for s in client.paginate(client.studies.get_studies)] == ["s1", "s2"]
    assert len(server.seen) == 1 and "page" not in server.seen[0].query


def test_paginate_stops_at_a_missing_next_link_or_when_meta_count_is_reached(client, server) -> None:
    full = [_submission(n) for n in range(2)]
    server.answer(200, {"results": full, "_links": {"next": None}})
    assert len(list(client.paginate(client.submissions.get_submissions, study="s1", page_size=2))) == 2
    server.answer(200, {"results": full, "meta": {"count": 2}})
    assert len(list(client.paginate(client.submissions.get_submissions, study="s1", page_size=2))) == 2
    server.answer(200, {"results": full, "_links": {"next": {"href": "/api/v1/submissions/?page=2"}}})
    server.answer(200, {"results": []})
    assert len(list(client.paginate(client.submissions.get_submissions, study="s1", page_size=2))) == 2
    assert len(server.seen) == 4


def test_paginate_holds_one_page_at_a_time(client, server) -> None:
    everything = [_submission(n) for n in range(6)]
    server.always(lambda seen: Answer(200, {"results": everything[(int(seen.query["page"][0]) - 1) * 2 :][:2]}))
    items = client.paginate(client.submissions.get_submissions, study="s1", page_size=2)
    assert next(items).id == "sub0"
    assert len(server.seen) == 1  # only the first page was fetched so far
    assert [s.id for s in items] == ["sub1", "sub2", "sub3", "sub4", "sub5"]


def test_paginate_refuses_what_is_not_a_list_operation(client) -> None:
    with pytest.raises(ValueError, match="does not return a list"):
        next(client.paginate(client.studies.get_study, "s1"))
    with pytest.raises(ValueError, match="client method for an API operation"):
        next(client.paginate(print))


async def test_the_async_client_paginates_with_an_async_iterator(server) -> None:
    everything = [_submission(n) for n in range(5)]
    server.always(lambda seen: Answer(200, {"results": everything[(int(seen.query["page"][0]) - 1) * 2 :][:2]}))
    async with AsyncProlific(token=TOKEN, base_url=server.url, retry_policy=FAST) as client:
        got = [s.id async for s in client.paginate(client.submissions.get_submissions, study="s1", page_size=2)]
    assert got == [f"sub{n}" for n in range(5)] and len(server.seen) == 3


# --- raw access --------------------------------------------------------------------------------


def test_with_raw_response_gives_the_http_response_with_the_result(client, server) -> None:
    server.answer(200, STUDY, headers={"X-Request-Id": "req-1"})
    raw = client.with_raw_response(client.studies.get_study, "s1")
    assert isinstance(raw, RawResponse)
    assert raw.status_code == 200 and raw.headers["x-request-id"] == "req-1"
    assert isinstance(raw.parsed, Study) and raw.http_response.request.url.path == "/api/v1/studies/s1/"


async def test_async_with_raw_response(server) -> None:
    server.answer(201, {"credential_pool_id": "ws1_p"}, headers={"X-Request-Id": "req-2"})
    async with AsyncProlific(token=TOKEN, base_url=server.url, retry_policy=FAST) as client:
        raw = await client.with_raw_response(client.credentials.create_pool, workspace_id="ws1", credentials="a,b")
    assert raw.parsed == "ws1_p" and raw.status_code == 201 and raw.headers["x-request-id"] == "req-2"
