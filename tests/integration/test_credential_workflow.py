"""The credential-pool workflow and participant-group membership, against FakeProlific.

Sync and async, each in-process and over loopback HTTP (the ``client``/``aclient`` fixtures):
create → attach → capacity short → top up → publish → redeem → report → reconcile, and the edge
cases (a non-draft study, a pool of another workspace, an empty report, a username the user's
file lacks, a bad participant id).
"""

from __future__ import annotations

import httpx
import pytest

import prolific
from prolific import (
    AsyncProlific,
    Credential,
    MembershipError,
    PoolSummary,
    Prolific,
    StudyStateError,
    generate_credentials,
)
from prolific.testing import FakeProlific, FakeRequest
from prolific_api_client.models import ParticipantGroupMembership, Study, StudyTransition

WS = "ws_workflow"
PARTICIPANTS = [f"{0x5E9B0000 + i:024x}" for i in range(4)]


def logins(n: int, prefix: str = "login") -> list[Credential]:
    return [Credential(f"{prefix}{i}", f"pw-SECRET-{prefix}-{i:04d}") for i in range(1, n + 1)]


def methods(fake: FakeProlific, since: int = 0) -> list[tuple[str, str | None]]:
    return [(r.method, r.operation_id) for r in fake.requests[since:]]


# -- the whole workflow ---------------------------------------------------------------------------


def test_the_whole_workflow(client: Prolific, fake: FakeProlific) -> None:
    mine = logins(8)
    pool_id = client.credentials.create_pool(workspace_id=WS, credentials=mine)
    study_id = fake.add_study(workspace_id=WS, total_available_places=6)

    assert client.credentials.list_pools(WS) == [PoolSummary(pool_id, 8, 8, WS)]
    study = client.credentials.attach(study_id, pool_id)
    assert isinstance(study, Study) and study.credential_pool_id == pool_id and study.has_credentials is True

    capacity = client.credentials.capacity(study_id)
    assert (capacity.places, capacity.pool_id, capacity.available, capacity.used) == (6, pool_id, 8, 0)
    assert (capacity.required, capacity.shortfall, capacity.meets_advice) == (9, 1, False)

    extra = generate_credentials(capacity.shortfall, prefix="topup")
    client.credentials.add(pool_id, credentials=extra)
    assert client.credentials.capacity(study_id).meets_advice

    published = client.studies.publish_study(study_id, body=StudyTransition(action="PUBLISH"))
    assert published.status == "ACTIVE"
    handed = [fake.redeem(study_id, participant) for participant in PARTICIPANTS[:3]]
    assert [username for username, _ in handed] == ["login1", "login2", "login3"]

    report = client.credentials.report(study_id)
    assert (len(report), report.used, report.unused) == (9, 3, 6)
    assert [row.participant_id for row in report.rows[:3]] == PARTICIPANTS[:3]
    assert all(row.submission_id for row in report.rows[:3]) and report.rows[3].participant_id == ""
    after = client.credentials.capacity(study_id)
    assert (after.used, after.available, after.meets_advice) == (3, 6, True)
    assert client.credentials.list_pools(WS)[0].used == 3

    result = client.credentials.reconcile(study_id, mine)
    assert [(r.participant_id, r.username) for r in result.assigned] == list(
        zip(PARTICIPANTS[:3], ["login1", "login2", "login3"], strict=True)
    )
    assert result.unused == [f"login{i}" for i in range(4, 9)]
    assert [r.username for r in result.not_in_file] == ["topup1"]  # the top-up is not in the user's file
    assert result.not_in_report == [] and result.passwords is None
    assert "pw-SECRET" not in repr(result) + repr(report)
    with_passwords = client.credentials.reconcile(study_id, mine, with_passwords=True)
    assert with_passwords.password("login2") == handed[1][1]


async def test_the_whole_workflow_async(aclient: AsyncProlific, fake: FakeProlific) -> None:
    mine = logins(4)
    pool_id = await aclient.credentials.create_pool(workspace_id=WS, credentials=mine)
    study_id = fake.add_study(workspace_id=WS, total_available_places=4)
    assert [p.pool_id for p in await aclient.credentials.list_pools(WS)] == [pool_id]
    assert (await aclient.credentials.attach(study_id, pool_id)).credential_pool_id == pool_id
    capacity = await aclient.credentials.capacity(study_id)
    assert (capacity.required, capacity.shortfall) == (6, 2)
    await aclient.credentials.add(pool_id, credentials=generate_credentials(capacity.shortfall, prefix="more"))
    assert (await aclient.credentials.capacity(study_id)).meets_advice
    await aclient.studies.publish_study(study_id, body=StudyTransition(action="PUBLISH"))
    fake.redeem(study_id, PARTICIPANTS[0])
    report = await aclient.credentials.report(study_id)
    assert (report.used, report.unused) == (1, 5)
    result = await aclient.credentials.reconcile(study_id, [*mine, Credential("never-sent", "pw-SECRET-x")])
    assert [r.username for r in result.assigned] == ["login1"] and result.unused == ["login2", "login3", "login4"]
    assert [r.username for r in result.not_in_file] == ["more1", "more2"] and result.not_in_report == ["never-sent"]
    with pytest.raises(StudyStateError):
        await aclient.credentials.attach(study_id, pool_id)


# -- edge cases -----------------------------------------------------------------------------------


def test_attach_to_a_study_that_is_not_a_draft_sends_no_patch(client: Prolific, fake: FakeProlific) -> None:
    pool_id = client.credentials.create_pool(workspace_id=WS, credentials=logins(3))
    study_id = fake.add_study(workspace_id=WS, total_available_places=1)
    client.credentials.attach(study_id, pool_id)
    client.studies.publish_study(study_id, body=StudyTransition(action="PUBLISH"))
    other = client.credentials.create_pool(workspace_id=WS, credentials=logins(3, "second"))
    before = len(fake.requests)
    with pytest.raises(StudyStateError) as info:
        client.credentials.attach(study_id, other)
    error = info.value
    assert (error.study_id, error.status, error.allowed) == (study_id, "ACTIVE", ("UNPUBLISHED",))
    assert "is ACTIVE" in str(error) and "draft" in str(error) and "Nothing was sent" in str(error)
    assert isinstance(error, prolific.ProlificError)
    assert methods(fake, before) == [("GET", "get-study")]  # no PATCH
    assert fake.studies[study_id]["credential_pool_id"] == pool_id


def test_attach_a_pool_of_another_workspace_is_the_apis_400(client: Prolific, fake: FakeProlific) -> None:
    foreign = client.credentials.create_pool(workspace_id="ws_other", credentials=logins(2))
    study_id = fake.add_study(workspace_id=WS)
    with pytest.raises(prolific.BadRequestError) as info:
        client.credentials.attach(study_id, foreign)
    assert info.value.status_code == 400 and "workspace ws_other" in str(info.value)
    assert methods(fake)[-2:] == [("GET", "get-study"), ("PATCH", "update-study")]
    assert fake.studies[study_id]["credential_pool_id"] is None


def test_capacity_of_a_study_without_a_pool_needs_one_request(client: Prolific, fake: FakeProlific) -> None:
    study_id = fake.add_study(workspace_id=WS, total_available_places=7)
    capacity = client.credentials.capacity(study_id)
    assert (capacity.pool_id, capacity.available, capacity.shortfall, capacity.status) == (None, 0, 11, "UNPUBLISHED")
    assert methods(fake) == [("GET", "get-study")]


@pytest.mark.parametrize("body", ["Participant Id,Submission Id,Username,Status\n", ""])
def test_an_empty_report(client: Prolific, fake: FakeProlific, body: str) -> None:
    fake.route("download-study-credential-report", lambda request: httpx.Response(200, text=body))
    study_id = fake.add_study(workspace_id=WS)
    report = client.credentials.report(study_id)
    assert (report.rows, report.used, report.unused) == ([], 0, 0)
    result = client.credentials.reconcile(study_id, logins(2))
    assert result.assigned == [] and result.not_in_report == ["login1", "login2"]


def test_a_report_missing_a_column_says_which(client: Prolific, fake: FakeProlific) -> None:
    def handler(request: FakeRequest) -> httpx.Response:
        return httpx.Response(200, text="Participant Id,Username,Status\n,alice,UNUSED\n")

    fake.route("download-study-credential-report", handler)
    study_id = fake.add_study(workspace_id=WS)
    with pytest.raises(prolific.ReportFormatError) as info:
        client.credentials.report(study_id)
    assert info.value.missing == ("Submission Id",) and f"credentials report of study {study_id}" in str(info.value)


def test_a_report_row_whose_username_is_not_in_the_file(client: Prolific, fake: FakeProlific) -> None:
    pool_id = client.credentials.create_pool(workspace_id=WS, credentials=[*logins(2), Credential("stranger", "pw-x")])
    study_id = fake.add_study(workspace_id=WS, total_available_places=1)
    client.credentials.attach(study_id, pool_id)
    client.studies.publish_study(study_id, body=StudyTransition(action="PUBLISH"))
    result = client.credentials.reconcile(study_id, logins(2))
    assert [(r.username, r.status) for r in result.not_in_file] == [("stranger", "UNUSED")]


def test_reconcile_checks_the_file_before_any_request(client: Prolific, fake: FakeProlific) -> None:
    with pytest.raises(prolific.CredentialsFormatError, match="line 2"):
        client.credentials.reconcile("6540a1b2c3d4e5f607182939", "alice,pw-SECRET-1\nbob,\n")
    assert fake.requests == []


def test_a_report_of_a_study_without_credentials_is_the_apis_400(client: Prolific, fake: FakeProlific) -> None:
    study_id = fake.add_study(workspace_id=WS)
    with pytest.raises(prolific.BadRequestError, match="no credentials"):
        client.credentials.report(study_id)


# -- participant groups ---------------------------------------------------------------------------


def ids(n: int, start: int = 0) -> list[str]:
    return [f"{0x60A70000 + i:024x}" for i in range(start, start + n)]


def test_group_list_get_update_delete(client: Prolific, fake: FakeProlific) -> None:
    fake.add_project("proj_1", WS)
    group = client.participant_groups.create(name="Pilot", workspace_id=WS)
    assert group.id is not None
    assert [g.id for g in client.participant_groups.list_groups(workspace_id=WS)] == [group.id]
    assert [g.id for g in client.participant_groups.list_groups(project_id="proj_1")] == [group.id]
    assert client.participant_groups.get(group.id).name == "Pilot"
    updated = client.participant_groups.update(group.id, name="Wave 2", description="second", participant_ids=ids(3))
    assert (updated.name, updated.description, updated.participant_count) == ("Wave 2", "second", 3)
    assert [m.participant_id for m in client.participant_groups.iter_participants(group.id)] == ids(3)
    assert client.participant_groups.update(group.id, participant_ids=[]).participant_count == 0
    assert client.participant_groups.delete(group.id) is None
    assert fake.participant_groups == {}
    with pytest.raises(prolific.NotFoundError):
        client.participant_groups.get(group.id)
    with pytest.raises(prolific.InvalidArgumentError, match="exactly one"):
        client.participant_groups.list_groups()
    with pytest.raises(prolific.InvalidArgumentError, match="nothing to update"):
        client.participant_groups.update(group.id)


def test_members_are_added_and_removed_in_batches(client: Prolific, fake: FakeProlific) -> None:
    group = client.participant_groups.create(name="G", workspace_id=WS)
    assert group.id is not None
    progress: list[tuple[int, int]] = []
    members = client.participant_groups.add_participants(
        group.id, ids(2_500), batch_size=1_000, on_progress=lambda done, total: progress.append((done, total))
    )
    assert len(members) == 2_500 and isinstance(members[0], ParticipantGroupMembership)
    assert progress == [(1_000, 2_500), (2_000, 2_500), (2_500, 2_500)]
    posts = [r for r in fake.requests if r.operation_id == "add-to-participant-group"]
    assert [len(r.body["participant_ids"]) for r in posts] == [1_000, 1_000, 500]
    assert len(client.participant_groups.remove_participants(group.id, ids(600))) == 1_900
    assert list(fake.participant_group_members[group.id]) == ids(1_900, start=600)
    default = client.participant_groups.add_participants(group.id, ids(1))
    assert len(default) == 1_901 and prolific.DEFAULT_MEMBER_BATCH_SIZE == 1_000


def test_a_failure_mid_way_says_what_was_done_and_resumes(client: Prolific, fake: FakeProlific) -> None:
    group = client.participant_groups.create(name="G", workspace_id=WS)
    assert group.id is not None
    wanted = ids(3_000)

    def fail_the_second_batch(done: int, total: int) -> None:
        if done == 1_000:
            fake.fail_next(500, operation="add-to-participant-group")

    with pytest.raises(MembershipError) as info:
        client.participant_groups.add_participants(group.id, wanted, on_progress=fail_the_second_batch)
    error = info.value
    assert (error.group_id, error.action, error.done, error.total) == (group.id, "add", 1_000, 3_000)
    assert error.remaining == wanted[1_000:] and isinstance(error.__cause__, prolific.ServerError)
    assert "1,000 of 3,000 added" in str(error) and "err.remaining" in str(error)
    assert "may or may not have been applied" in str(error)  # a 500 on a POST
    assert len(fake.participant_group_members[group.id]) == 1_000
    client.participant_groups.add_participants(group.id, error.remaining)
    assert list(fake.participant_group_members[group.id]) == wanted


def test_participant_ids_are_checked_before_any_request(client: Prolific, fake: FakeProlific) -> None:
    group = client.participant_groups.create(name="G", workspace_id=WS)
    assert group.id is not None
    before = len(fake.requests)
    bad = [*ids(6), "5E9B9C9B0F9C9A0001B0B1F4", *ids(3, start=10)]
    for call in (
        lambda: client.participant_groups.add_participants(group.id, bad),  # type: ignore[arg-type]
        lambda: client.participant_groups.remove_participants(group.id, bad),  # type: ignore[arg-type]
        lambda: client.participant_groups.update(group.id, participant_ids=bad),  # type: ignore[arg-type]
    ):
        with pytest.raises(
            prolific.InvalidArgumentError, match=r"participant_ids item 7: '5E9B.*' is not a participant"
        ):
            call()
    with pytest.raises(prolific.InvalidArgumentError, match="empty"):
        client.participant_groups.add_participants(group.id, [])
    with pytest.raises(prolific.InvalidArgumentError, match="not a str"):
        client.participant_groups.add_participants(group.id, ids(1)[0])
    assert len(fake.requests) == before


async def test_groups_async(aclient: AsyncProlific, fake: FakeProlific) -> None:
    group = await aclient.participant_groups.create(name="G", workspace_id=WS)
    assert group.id is not None
    assert len(await aclient.participant_groups.add_participants(group.id, ids(5), batch_size=2)) == 5
    assert [m.participant_id async for m in aclient.participant_groups.iter_participants(group.id)] == ids(5)
    assert len(await aclient.participant_groups.remove_participants(group.id, ids(2))) == 3
    assert (await aclient.participant_groups.update(group.id, name="H")).name == "H"
    assert [g.name for g in await aclient.participant_groups.list_groups(workspace_id=WS)] == ["H"]
    assert (await aclient.participant_groups.get(group.id)).participant_count == 3
    fake.fail_next(403, operation="remove-from-participant-group")  # not retried (a DELETE's 502 would be)
    with pytest.raises(MembershipError) as info:
        await aclient.participant_groups.remove_participants(group.id, ids(3, start=2))
    assert info.value.done == 0 and info.value.remaining == ids(3, start=2)
    assert "Nothing was changed" in str(info.value) and isinstance(info.value.__cause__, prolific.PermissionDeniedError)
    await aclient.participant_groups.delete(group.id)
    assert fake.participant_groups == {}
