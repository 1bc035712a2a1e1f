"""FakeProlific: credential pools listed, studies (drafts, attach, publish), redeem, the report, submissions, surveys.

Every test runs twice (the ``api`` fixture): through the in-process transport and over ``serve()``.
Each JSON answer is checked against the merged spec and parsed with its generated model.
"""

from __future__ import annotations

import csv
import io
from typing import Any

import httpx
import pytest
from fake_checks import call, check_spec, error_detail

from prolific.testing import FakeProlific
from prolific_api_client.models import (
    CredentialPoolList,
    GetAllSurveysResponse,
    StudiesListResponse,
    Study,
    SubmissionListResponse,
    SurveyOut,
)

PASSWORD = "pw-SECRET-5a6b"
PARTICIPANTS = [f"{n:024x}" for n in range(0xA1, 0xA6)]
STUDY_FIELDS: dict[str, Any] = {
    "name": "Pilot",
    "description": "A pilot study",
    "external_study_url": "https://example.org/survey",
    "prolific_id_option": "url_parameters",
    "total_available_places": 3,
    "estimated_completion_time": 5,
    "reward": 150,
}


def make_pool(api: httpx.Client, workspace: str = "ws1", users: int = 2) -> str:
    credentials = "\n".join(f"user{n},{PASSWORD}{n}" for n in range(users))
    response = call(api, "create-credential-pool", json={"credentials": credentials, "workspace_id": workspace})
    assert response.status_code == 201, response.text
    return str(check_spec("create-credential-pool", response)["credential_pool_id"])


def make_study(api: httpx.Client, **fields: Any) -> dict[str, Any]:
    body = {**STUDY_FIELDS, "workspace_id": "ws1", **fields}
    response = call(api, "create-study", json=body)
    assert response.status_code == 201, response.text
    study: dict[str, Any] = check_spec("create-study", response)
    return study


def attach(api: httpx.Client, study_id: str, pool_id: str | None) -> httpx.Response:
    return call(api, "update-study", json={"credential_pool_id": pool_id}, id=study_id)


def transition(api: httpx.Client, study_id: str, action: str) -> httpx.Response:
    return call(api, "publish-study", json={"action": action}, id=study_id)


def report_rows(api: httpx.Client, study_id: str) -> list[dict[str, str]]:
    response = call(api, "download-study-credential-report", id=study_id)
    assert response.status_code == 200, response.text
    text = check_spec("download-study-credential-report", response)
    assert text.splitlines()[0] == "Participant Id,Submission Id,Username,Status"
    return list(csv.DictReader(io.StringIO(text)))


def published(api: httpx.Client, users: int = 2) -> tuple[str, str]:
    pool_id = make_pool(api, users=users)
    study = make_study(api)
    assert attach(api, study["id"], pool_id).status_code == 200
    assert transition(api, study["id"], "PUBLISH").status_code == 200
    return study["id"], pool_id


# -- credential pools: list -----------------------------------------------------------------------


def test_list_credential_pools(api: httpx.Client, fake: FakeProlific) -> None:
    first, second = make_pool(api, users=3), make_pool(api, users=1)
    make_pool(api, workspace="ws2")
    response = call(api, "list-credential-pools", params={"workspace_id": "ws1"})
    assert response.status_code == 200
    body = check_spec("list-credential-pools", response)
    assert body == {
        "credential_pools": [
            {"credential_pool_id": first, "total_credentials": 3, "available_credentials": 3, "workspace_id": "ws1"},
            {"credential_pool_id": second, "total_credentials": 1, "available_credentials": 1, "workspace_id": "ws1"},
        ]
    }
    parsed = CredentialPoolList.from_dict(body)
    assert [(p.credential_pool_id, p.total_credentials) for p in parsed.credential_pools] == [(first, 3), (second, 1)]
    empty = call(api, "list-credential-pools", params={"workspace_id": "elsewhere"})
    assert check_spec("list-credential-pools", empty) == {"credential_pools": []}
    assert error_detail("list-credential-pools", call(api, "list-credential-pools"), 400) == {
        "workspace_id": ["This field is required."]
    }
    assert PASSWORD not in response.text


# -- studies: create, get, list, update -----------------------------------------------------------


def test_create_study_is_a_draft_echoing_its_fields(api: httpx.Client, fake: FakeProlific) -> None:
    study = make_study(
        api, internal_name="pilot-1", completion_codes=[{"code": "ABC", "code_type": "COMPLETED", "actions": []}]
    )
    assert study["status"] == "UNPUBLISHED" and len(study["id"]) == 24
    assert {k: study[k] for k in STUDY_FIELDS} == STUDY_FIELDS
    assert study["internal_name"] == "pilot-1" and study["completion_codes"][0]["code"] == "ABC"
    assert study["has_credentials"] is False and study["credential_pool_id"] is None
    assert "workspace_id" not in study and fake.projects[study["project"]] == "ws1"
    parsed = Study.from_dict(study)
    assert parsed.id == study["id"] and parsed.status == "UNPUBLISHED" and parsed.reward == 150
    assert fake.studies == {study["id"]: study}
    again = call(api, "get-study", id=study["id"])
    assert check_spec("get-study", again) == study
    assert "Study not found" in error_detail("get-study", call(api, "get-study", id="nope"), 404)


def test_create_study_in_a_project(api: httpx.Client, fake: FakeProlific) -> None:
    unknown = call(api, "create-study", json={**STUDY_FIELDS, "project": "p-1"})
    assert "add_project" in error_detail("create-study", unknown, 400)["project"][0]
    fake.add_project("p-1", "ws9")
    study = make_study(api, workspace_id=None, project="p-1")
    assert study["project"] == "p-1"
    mismatch = call(api, "create-study", json={**STUDY_FIELDS, "project": "p-1", "workspace_id": "ws1"})
    assert "ws9" in error_detail("create-study", mismatch, 400)["workspace_id"][0]
    # the default project of a workspace is made once
    assert make_study(api)["project"] == make_study(api)["project"]


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"name": ""}, "name"),
        ({"name": "   "}, "name"),
        ({"total_available_places": 0}, "total_available_places"),
        ({"total_available_places": 2.5}, "total_available_places"),
        ({"reward": "100"}, "reward"),
        ({"reward": True}, "reward"),
        ({"prolific_id_option": "email"}, "prolific_id_option"),
        ({"status": "ACTIVE"}, "status"),
        ({"id": "mine"}, "id"),
    ],
)
def test_create_study_field_errors(api: httpx.Client, fake: FakeProlific, change: Any, field: str) -> None:
    detail = error_detail(
        "create-study", call(api, "create-study", json={**STUDY_FIELDS, "workspace_id": "w", **change}), 400
    )
    assert list(detail) == [field]
    assert fake.studies == {}


def test_create_study_requires_its_fields(api: httpx.Client) -> None:
    detail = error_detail("create-study", call(api, "create-study", json={"workspace_id": "w"}), 400)
    assert sorted(detail) == sorted(STUDY_FIELDS)
    assert all(messages == ["This field is required."] for messages in detail.values())


def test_update_study_simple_fields(api: httpx.Client) -> None:
    study = make_study(api)
    response = call(api, "update-study", json={"name": "Pilot 2", "total_available_places": 40}, id=study["id"])
    updated = check_spec("update-study", response)
    assert (updated["name"], updated["total_available_places"], updated["status"]) == ("Pilot 2", 40, "UNPUBLISHED")
    assert Study.from_dict(updated).total_available_places == 40
    bad = call(api, "update-study", json={"total_available_places": -1, "status": "ACTIVE"}, id=study["id"])
    assert sorted(error_detail("update-study", bad, 400)) == ["status", "total_available_places"]
    assert error_detail("update-study", call(api, "update-study", json={}, id="nope"), 404)


def test_get_studies_lists_short_studies(api: httpx.Client) -> None:
    draft, (active, _) = make_study(api), published(api)
    body = check_spec("get-studies", call(api, "get-studies"))
    assert [s["id"] for s in body["results"]] == [draft["id"], active]
    parsed = StudiesListResponse.from_dict(body)
    assert [s.status for s in parsed.results] == ["UNPUBLISHED", "ACTIVE"]
    only = check_spec("get-studies", call(api, "get-studies", params={"state": "ACTIVE"}))
    assert [s["id"] for s in only["results"]] == [active]


# -- attaching a pool: the API's checks -----------------------------------------------------------


def test_attach_pool_sets_has_credentials(api: httpx.Client, fake: FakeProlific) -> None:
    pool_id, study = make_pool(api), make_study(api)
    response = attach(api, study["id"], pool_id)
    body = check_spec("update-study", response)
    assert body["credential_pool_id"] == pool_id and body["has_credentials"] is True
    assert fake.studies[study["id"]]["has_credentials"] is True
    detached = check_spec("update-study", attach(api, study["id"], None))
    assert detached["credential_pool_id"] is None and detached["has_credentials"] is False


def test_attach_pool_of_another_workspace_is_400(api: httpx.Client, fake: FakeProlific) -> None:
    pool_id, study = make_pool(api, workspace="ws2"), make_study(api)
    [message] = error_detail("update-study", attach(api, study["id"], pool_id), 400)["credential_pool_id"]
    assert "workspace ws2" in message and "workspace ws1" in message
    assert fake.studies[study["id"]]["credential_pool_id"] is None
    at_creation = call(api, "create-study", json={**STUDY_FIELDS, "workspace_id": "ws1", "credential_pool_id": pool_id})
    assert "workspace ws2" in error_detail("create-study", at_creation, 400)["credential_pool_id"][0]
    assert len(fake.studies) == 1


def test_attach_to_a_non_draft_study_is_400(api: httpx.Client, fake: FakeProlific) -> None:
    study_id, pool_id = published(api)
    other = make_pool(api)
    [message] = error_detail("update-study", attach(api, study_id, other), 400)["credential_pool_id"]
    assert "draft" in message and "ACTIVE" in message
    assert fake.studies[study_id]["credential_pool_id"] == pool_id


@pytest.mark.parametrize(("pool", "words"), [("ws1_missing", "not found"), (7, "valid string")])
def test_attach_unknown_pool_is_400(api: httpx.Client, pool: Any, words: str) -> None:
    study = make_study(api)
    assert words in error_detail("update-study", attach(api, study["id"], pool), 400)["credential_pool_id"][0]


def test_attach_an_exhausted_pool_is_400(api: httpx.Client, fake: FakeProlific) -> None:
    study_id, pool_id = published(api, users=1)
    fake.redeem(study_id)
    draft = make_study(api)
    assert (
        "no unused credentials"
        in error_detail("update-study", attach(api, draft["id"], pool_id), 400)["credential_pool_id"][0]
    )


def test_has_credentials_must_agree_with_the_pool(api: httpx.Client) -> None:
    study = make_study(api)
    response = call(api, "update-study", json={"has_credentials": True}, id=study["id"])
    assert "credential_pool_id" in error_detail("update-study", response, 400)["has_credentials"][0]
    pool_id = make_pool(api)
    both = call(api, "update-study", json={"credential_pool_id": pool_id, "has_credentials": True}, id=study["id"])
    assert both.status_code == 200


# -- transitions ----------------------------------------------------------------------------------


def test_publish_and_other_transitions(api: httpx.Client) -> None:
    study_id, _ = published(api)
    study = check_spec("get-study", call(api, "get-study", id=study_id))
    assert study["status"] == "ACTIVE" and study["published_at"]
    assert "Cannot PUBLISH a study that is ACTIVE" in error_detail(
        "publish-study", transition(api, study_id, "PUBLISH"), 400
    )
    assert check_spec("publish-study", transition(api, study_id, "PAUSE"))["status"] == "PAUSED"
    assert check_spec("publish-study", transition(api, study_id, "START"))["status"] == "ACTIVE"
    stopped = check_spec("publish-study", transition(api, study_id, "STOP"))
    assert Study.from_dict(stopped).status == "COMPLETED"
    unknown = transition(api, study_id, "EXPLODE")
    assert "not a valid choice" in error_detail("publish-study", unknown, 400)["action"][0]
    missing = call(api, "publish-study", json={}, id=study_id)
    assert error_detail("publish-study", missing, 400) == {"action": ["This field is required."]}
    assert error_detail("publish-study", transition(api, "nope", "PUBLISH"), 404)


def test_schedule_and_cancel(api: httpx.Client) -> None:
    study = make_study(api)
    no_time = transition(api, study["id"], "SCHEDULE_PUBLISH")
    assert "publish_at" in error_detail("publish-study", no_time, 400)
    at = "2030-01-01T09:00:00Z"
    body = call(api, "publish-study", json={"action": "SCHEDULE_PUBLISH", "publish_at": at}, id=study["id"])
    assert check_spec("publish-study", body)["status"] == "SCHEDULED"
    assert check_spec("publish-study", transition(api, study["id"], "CANCEL_PUBLISH"))["status"] == "UNPUBLISHED"


# -- redeem and the credentials report ------------------------------------------------------------


def test_redeem_hands_out_credentials_and_pauses_when_out(api: httpx.Client, fake: FakeProlific) -> None:
    study_id, pool_id = published(api, users=2)
    assert fake.redeem(study_id, PARTICIPANTS[0]) == ("user0", f"{PASSWORD}0")
    pools = check_spec("list-credential-pools", call(api, "list-credential-pools", params={"workspace_id": "ws1"}))
    assert pools["credential_pools"][0]["available_credentials"] == 1
    assert fake.studies[study_id]["status"] == "ACTIVE"
    assert fake.redeem(study_id, PARTICIPANTS[1]) == ("user1", f"{PASSWORD}1")
    assert check_spec("get-study", call(api, "get-study", id=study_id))["status"] == "PAUSED"
    with pytest.raises(ValueError, match=r"no unused credentials left \(2 of 2 redeemed; the study is PAUSED\)"):
        fake.redeem(study_id, PARTICIPANTS[2])
    assert [p for p, _ in fake.redemptions[pool_id]] == PARTICIPANTS[:2]
    assert [s["participant_id"] for s in fake.submissions[study_id]] == PARTICIPANTS[:2]
    # topped up and started again, the study hands out the new credential
    assert (
        call(api, "update-credential-pool", json={"credentials": "user9,pw9"}, credential_pool_id=pool_id).status_code
        == 200
    )
    assert check_spec("publish-study", transition(api, study_id, "START"))["status"] == "ACTIVE"
    assert fake.redeem(study_id, PARTICIPANTS[2]) == ("user9", "pw9")
    assert fake.studies[study_id]["status"] == "PAUSED"


def test_start_with_an_empty_pool_is_400(api: httpx.Client, fake: FakeProlific) -> None:
    study_id, _ = published(api, users=1)
    fake.redeem(study_id)
    assert "no unused credentials" in error_detail("publish-study", transition(api, study_id, "START"), 400)


def test_redeem_refusals(api: httpx.Client, fake: FakeProlific) -> None:
    draft = make_study(api)
    with pytest.raises(ValueError, match="no credential pool"):
        fake.redeem(draft["id"])
    assert attach(api, draft["id"], make_pool(api)).status_code == 200
    with pytest.raises(ValueError, match="UNPUBLISHED: participants redeem credentials only in an ACTIVE study"):
        fake.redeem(draft["id"])
    with pytest.raises(ValueError, match="no study"):
        fake.redeem("nope")
    study_id, _ = published(api)
    with pytest.raises(ValueError, match="24 hexadecimal"):
        fake.redeem(study_id, "SECRET-like")
    fake.redeem(study_id, PARTICIPANTS[0])
    with pytest.raises(ValueError, match="already has a submission"):
        fake.redeem(study_id, PARTICIPANTS[0])
    assert len(fake.submissions[study_id]) == 1


def test_credentials_report(api: httpx.Client, fake: FakeProlific) -> None:
    study_id, _ = published(api, users=3)
    assert report_rows(api, study_id) == [
        {"Participant Id": "", "Submission Id": "", "Username": f"user{n}", "Status": "UNUSED"} for n in range(3)
    ]
    fake.redeem(study_id, PARTICIPANTS[0])
    rows = report_rows(api, study_id)
    submission_id = fake.submissions[study_id][0]["id"]
    assert rows[0] == {
        "Participant Id": PARTICIPANTS[0],
        "Submission Id": submission_id,
        "Username": "user0",
        "Status": "USED",
    }
    assert [r["Status"] for r in rows] == ["USED", "UNUSED", "UNUSED"]
    response = call(api, "download-study-credential-report", id=study_id)
    assert response.headers["content-type"].startswith("text/csv") and PASSWORD not in response.text


def test_report_of_a_study_without_credentials_is_400(api: httpx.Client) -> None:
    study = make_study(api)
    response = call(api, "download-study-credential-report", id=study["id"])
    assert "no credentials" in error_detail("download-study-credential-report", response, 400)
    assert error_detail("download-study-credential-report", call(api, "download-study-credential-report", id="x"), 404)


# -- submissions: page / page_size ----------------------------------------------------------------


def test_submissions_page_by_page(api: httpx.Client, fake: FakeProlific) -> None:
    study_id = fake.add_study(workspace_id="ws1")
    ids = fake.add_submissions(study_id, 250)
    seen: list[str] = []
    pages = 0
    page: int | None = 1
    while page is not None:
        response = call(api, "get-submissions", params={"study": study_id, "page": page, "page_size": 100})
        body = check_spec("get-submissions", response)
        parsed = SubmissionListResponse.from_dict(body)
        seen += [s.id for s in parsed.results]
        assert body["meta"] == {"count": 250}
        pages += 1
        page = page + 1 if body["_links"]["next"]["href"] else None
    assert pages == 3 and seen == ids
    last = call(api, "get-submissions", params={"study": study_id, "page": 3, "page_size": 100}).json()
    assert len(last["results"]) == 50 and last["_links"]["previous"]["href"].endswith("page=2")
    default = check_spec("get-submissions", call(api, "get-submissions", params={"study": study_id}))
    assert len(default["results"]) == 20  # the API's default page size


def test_submissions_errors_and_filters(api: httpx.Client, fake: FakeProlific) -> None:
    study_id = fake.add_study(workspace_id="ws1")
    fake.add_submissions(study_id, 3)
    fake.add_submissions(study_id, 2, status="RETURNED")
    returned = call(api, "get-submissions", params={"study": study_id, "status": "RETURNED"})
    assert [s["status"] for s in check_spec("get-submissions", returned)["results"]] == ["RETURNED"] * 2
    assert error_detail("get-submissions", call(api, "get-submissions"), 400) == {"study": ["This field is required."]}
    out_of_range = call(api, "get-submissions", params={"study": study_id, "page": 2})
    assert error_detail("get-submissions", out_of_range, 404) == "Invalid page."
    bad_size = call(api, "get-submissions", params={"study": study_id, "page_size": 0})
    assert "page_size" in error_detail("get-submissions", bad_size, 400)
    assert error_detail("get-submissions", call(api, "get-submissions", params={"study": "nope"}), 404)
    ignored = call(api, "get-submissions", params={"study": study_id, "completed": "true"})
    assert ignored.status_code == 501 and "completed" in ignored.json()["error"]["detail"]
    empty = fake.add_study(workspace_id="ws1")
    assert check_spec("get-submissions", call(api, "get-submissions", params={"study": empty}))["results"] == []


def test_seeding_arguments_are_checked(fake: FakeProlific) -> None:
    with pytest.raises(ValueError, match="workspace_id= or project="):
        fake.add_study()
    with pytest.raises(ValueError, match="total_available_places"):
        fake.add_study(workspace_id="w", total_available_places=0)
    with pytest.raises(ValueError, match="no study"):
        fake.add_submissions("nope", 1)
    with pytest.raises(ValueError, match="count"):
        fake.add_submissions(fake.add_study(workspace_id="w"), -1)
    with pytest.raises(ValueError, match="already in workspace"):
        fake.add_project("p", "w1")
        fake.add_project("p", "w2")
    with pytest.raises(ValueError, match="researcher_id"):
        fake.add_surveys("", 1)


# -- surveys: offset / limit ----------------------------------------------------------------------


def test_surveys_offset_and_limit(api: httpx.Client, fake: FakeProlific) -> None:
    mine = fake.add_surveys("researcher-1", 7)
    fake.add_surveys("researcher-2", 2)
    seen: list[str] = []
    offset = 0
    while True:
        response = call(api, "get-surveys", params={"researcher_id": "researcher-1", "offset": offset, "limit": 3})
        page = GetAllSurveysResponse.from_dict(check_spec("get-surveys", response)).results
        seen += [str(s.field_id) for s in page]
        if len(page) < 3:
            break
        offset += len(page)
    assert seen == mine
    # researcher_id is required by the spec: the fake refuses what the API refuses.
    assert error_detail("get-surveys", call(api, "get-surveys"), 400) == {"researcher_id": ["This field is required."]}
    one = check_spec("get-survey", call(api, "get-survey", survey_id=mine[0]))
    assert SurveyOut.from_dict(one).researcher_id == "researcher-1"
    assert error_detail("get-survey", call(api, "get-survey", survey_id="nope"), 404)
    bad = call(api, "get-surveys", params={"researcher_id": "r", "offset": -1, "limit": "x"})
    assert sorted(error_detail("get-surveys", bad, 400)) == ["limit"]  # the spec's check comes first
    bad = call(api, "get-surveys", params={"researcher_id": "r", "offset": -1, "limit": 3})
    assert sorted(error_detail("get-surveys", bad, 400)) == ["offset"]  # then the fake's own


def test_reset_forgets_every_store(api: httpx.Client, fake: FakeProlific) -> None:
    study_id, _ = published(api)
    fake.redeem(study_id)
    fake.add_surveys("r", 1)
    fake.add_project("p", "w")
    fake.reset()
    assert (fake.pools, fake.studies, fake.submissions, fake.redemptions, fake.surveys, fake.projects) == (
        {},
        {},
        {},
        {},
        {},
        {},
    )
    assert make_study(api)["status"] == "UNPUBLISHED"
