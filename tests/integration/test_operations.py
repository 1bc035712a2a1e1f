"""Every operation against FakeProlific, sync and async, in-process and over loopback HTTP."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

import prolific
from prolific import AsyncProlific, Credential, Prolific, generate_credentials
from prolific.testing import FakeProlific
from prolific_api_client.models import Invitation, ParticipantGroup


def test_create_pool_and_add(client: Prolific, fake: FakeProlific) -> None:
    pool_id = client.credentials.create_pool(workspace_id="ws1", credentials="alice,pw-1\nbob,pw-2")
    assert pool_id.startswith("ws1_")
    assert client.credentials.add(pool_id, credentials=[("carol", "pw-3")]) == pool_id
    assert fake.pools[pool_id] == [("alice", "pw-1"), ("bob", "pw-2"), ("carol", "pw-3")]


def test_all_credential_input_forms(client: Prolific, fake: FakeProlific, tmp_path: Path) -> None:
    csv_file = tmp_path / "c.csv"
    csv_file.write_text("username,password\r\nf1,p1\r\n", encoding="utf-8")
    pool = client.credentials.create_pool(workspace_id="ws", credentials=csv_file)
    client.credentials.add(pool, credentials=[Credential("f2", "p2")])
    client.credentials.add(pool, credentials={"f3": "p3"})
    client.credentials.add(pool, credentials=(pair for pair in [("f4", "p4")]))
    client.credentials.add(pool, credentials="f5,p5")
    assert [u for u, _ in fake.pools[pool]] == ["f1", "f2", "f3", "f4", "f5"]


def test_duplicate_add_is_409_and_stores_nothing(client: Prolific, fake: FakeProlific) -> None:
    pool = client.credentials.create_pool(workspace_id="ws", credentials="alice,pw-1")
    with pytest.raises(prolific.ConflictError) as info:
        client.credentials.add(pool, credentials="zed,pw-9\nalice,other-pw")
    assert info.value.status_code == 409
    assert "other-pw" not in str(info.value)
    assert fake.pools[pool] == [("alice", "pw-1")]


def test_unknown_pool_is_404(client: Prolific) -> None:
    with pytest.raises(prolific.NotFoundError):
        client.credentials.add("ws_nope", credentials="a,b")


def test_wrong_token_is_401(fake: FakeProlific) -> None:
    with (
        fake.serve() as url,
        Prolific(token="not-the-token", base_url=url) as c,
        pytest.raises(prolific.AuthenticationError),
    ):
        c.credentials.create_pool(workspace_id="ws", credentials="a,b")


def test_participant_group(client: Prolific, fake: FakeProlific) -> None:
    group = client.participant_groups.create(
        name="Pilot",
        workspace_id="ws1",
        description="first wave",
        participant_ids=["5e9b9c9b0f9c9a0001b0b1a1", "5e9b9c9b0f9c9a0001b0b1a2"],
    )
    assert isinstance(group, ParticipantGroup)
    assert group.name == "Pilot" and group.workspace_id == "ws1" and group.participant_count == 2
    assert group.id in fake.participant_groups
    org = client.participant_groups.create(name="Org", organisation_id="org1")
    assert org.organisation_id == "org1"


def test_invitations(client: Prolific, fake: FakeProlific) -> None:
    invitations = client.invitations.create(workspace_id="ws1", emails=["a@example.org", "b@example.org"], role="admin")
    assert [type(i) for i in invitations] == [Invitation, Invitation]
    assert [i.invitee.email for i in invitations] == ["a@example.org", "b@example.org"]  # type: ignore[union-attr]
    assert {i.role for i in invitations} == {"WORKSPACE_ADMIN"}
    assert len(fake.invitations) == 2


@pytest.mark.parametrize(
    ("call", "match"),
    [
        (lambda c: c.participant_groups.create(name="x"), "exactly one of workspace_id / organisation_id"),
        (lambda c: c.participant_groups.create(name="x", workspace_id="w", organisation_id="o"), "exactly one"),
        (lambda c: c.participant_groups.create(name="  ", workspace_id="w"), "name"),
        (lambda c: c.participant_groups.create(name="x", workspace_id="w", participant_ids="p1"), "list"),
        (lambda c: c.invitations.create(workspace_id="w", emails=[]), "at least one"),
        (lambda c: c.invitations.create(workspace_id="w", emails=["ok@example.org", "not-an-email"]), "not-an-email"),
        (lambda c: c.invitations.create(workspace_id="w", emails="a@example.org"), "list"),
        (lambda c: c.invitations.create(workspace_id="w", emails=["a@example.org"], role="owner"), "owner"),
        (lambda c: c.credentials.create_pool(workspace_id="", credentials="a,b"), "workspace_id"),
        (lambda c: c.credentials.add("", credentials="a,b"), "pool_id"),
        (lambda c: c.credentials.upload("a,b"), "exactly one of workspace_id / pool_id"),
        (lambda c: c.credentials.upload("a,b", workspace_id="w", batch_size=0), "batch_size"),
    ],
)
def test_argument_rules_checked_before_any_request(client: Prolific, fake: FakeProlific, call, match: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValueError, match=match) as info:
        call(client)
    assert isinstance(info.value, prolific.ProlificError)
    assert fake.requests == []


@pytest.mark.parametrize("role", ["WORKSPACE_COLLABORATOR", "collaborator", "Collaborator", "workspace_collaborator"])
def test_role_forms(client: Prolific, role: str) -> None:
    [invitation] = client.invitations.create(workspace_id="w", emails=["a@example.org"], role=role)
    assert invitation.role == "WORKSPACE_COLLABORATOR"


def test_bad_credentials_never_reach_the_api(client: Prolific, fake: FakeProlific) -> None:
    with pytest.raises(prolific.CredentialsFormatError) as info:
        client.credentials.create_pool(workspace_id="ws", credentials="alice,pw-1\nbob, SPACEYpw")
    assert info.value.line == 2 and "SPACEYpw" not in str(info.value)
    assert fake.requests == []


def test_upload_25000_in_batches_with_progress(client: Prolific, fake: FakeProlific) -> None:
    creds = generate_credentials(25_000)
    progress: list[tuple[int, int]] = []
    result = client.credentials.upload(
        creds, workspace_id="ws", batch_size=5_000, on_progress=lambda u, t: progress.append((u, t))
    )
    assert result.uploaded == 25_000
    assert progress == [(n, 25_000) for n in range(5_000, 25_001, 5_000)]
    assert fake.pools[result.pool_id] == [tuple(c) for c in creds]
    assert [r.method for r in fake.requests] == ["POST"] + ["PATCH"] * 4


def test_upload_failure_mid_way_and_resume(client: Prolific, fake: FakeProlific) -> None:
    creds = generate_credentials(10_000)
    fake.fail_next(400, method="PATCH")  # the 2nd batch is refused
    with pytest.raises(prolific.UploadError) as info:
        client.credentials.upload(creds, workspace_id="ws", batch_size=4_000)
    err = info.value
    assert err.uploaded == 4_000 and err.total == 10_000 and err.pool_id is not None
    assert isinstance(err.__cause__, prolific.BadRequestError)
    assert f"pool_id={err.pool_id!r}" in str(err)
    assert list(err.remaining) == creds[4_000:]
    resumed = client.credentials.upload(err.remaining, pool_id=err.pool_id, batch_size=4_000)
    assert resumed.uploaded == 6_000
    assert fake.pools[err.pool_id] == [tuple(c) for c in creds]


def test_upload_failure_before_pool_exists(client: Prolific, fake: FakeProlific) -> None:
    fake.fail_next(403)
    with pytest.raises(prolific.UploadError) as info:
        client.credentials.upload("a,b", workspace_id="ws")
    assert info.value.pool_id is None and info.value.uploaded == 0
    assert "Nothing was stored" in str(info.value)
    assert fake.pools == {}


def test_429_and_503_are_retried(client: Prolific, fake: FakeProlific, caplog: pytest.LogCaptureFixture) -> None:
    fake.fail_next(429, retry_after="0")
    fake.fail_next(503)
    with caplog.at_level(logging.INFO, logger="prolific"):
        pool = client.credentials.create_pool(workspace_id="ws", credentials="a,b")
    assert fake.pools[pool] == [("a", "b")]
    assert len(fake.requests) == 3
    assert sum("retrying POST" in r.getMessage() for r in caplog.records) == 2


@pytest.mark.parametrize("status", [500, 502, 504])
def test_maybe_applied_statuses_are_not_retried(client: Prolific, fake: FakeProlific, status: int) -> None:
    fake.fail_next(status, apply=True)
    with pytest.raises(prolific.ServerError) as info:
        client.credentials.create_pool(workspace_id="ws", credentials="a,b")
    assert info.value.may_have_been_applied
    assert len(fake.requests) == 1
    assert len(fake.pools) == 1  # it was applied: exactly once


def test_retries_give_up_after_max(client: Prolific, fake: FakeProlific) -> None:
    fake.fail_next(503, times=5)
    with pytest.raises(prolific.ServerError, match="after 3 attempts"):
        client.credentials.create_pool(workspace_id="ws", credentials="a,b")
    assert len(fake.requests) == 3


async def test_async_operations(aclient: AsyncProlific, fake: FakeProlific) -> None:
    pool = await aclient.credentials.create_pool(workspace_id="ws", credentials="a,b")
    await aclient.credentials.add(pool, credentials={"c": "d"})
    group = await aclient.participant_groups.create(name="G", workspace_id="ws")
    [inv] = await aclient.invitations.create(workspace_id="ws", emails=["x@example.org"])
    assert fake.pools[pool] == [("a", "b"), ("c", "d")]
    assert isinstance(group, ParticipantGroup) and isinstance(inv, Invitation)
    with pytest.raises(prolific.ConflictError):
        await aclient.credentials.add(pool, credentials="a,zzz")


async def test_async_upload_with_failure_and_resume(aclient: AsyncProlific, fake: FakeProlific) -> None:
    creds = generate_credentials(3_000)
    fake.fail_next(502, method="PATCH")
    with pytest.raises(prolific.UploadError) as info:
        await aclient.credentials.upload(creds, workspace_id="ws", batch_size=1_000)
    err = info.value
    assert err.uploaded == 1_000 and "may or may not have been stored" in str(err)
    result = await aclient.credentials.upload(err.remaining, pool_id=err.pool_id, batch_size=1_000)
    assert result.uploaded == 2_000
    assert fake.pools[err.pool_id] == [tuple(c) for c in creds]


async def test_async_retry(aclient: AsyncProlific, fake: FakeProlific) -> None:
    fake.fail_next(429, retry_after="0")
    await aclient.credentials.create_pool(workspace_id="ws", credentials="a,b")
    assert len(fake.requests) == 2


def test_token_in_header_only(client: Prolific, fake: FakeProlific, token: str) -> None:
    client.credentials.create_pool(workspace_id="ws", credentials="a,b")
    assert token not in repr(fake.requests)


# -- a refused batch names the user's file lines and usernames (not lines within the request) ------


def _file(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "logins.csv"
    path.write_text(text)
    return path


def test_409_in_a_batch_names_the_file_line_and_username(client: Prolific, fake: FakeProlific, tmp_path: Path) -> None:
    pool = client.credentials.create_pool(workspace_id="ws1", credentials=[("u4", "pw-old")])
    path = _file(tmp_path, "username,password\nu1,pw-1\nu2,pw-2\n\nu3,pw-3\nu4,pw-4\nu5,pw-5\n")  # u4: line 6
    with pytest.raises(prolific.UploadError) as info:
        client.credentials.upload(path, pool_id=pool, batch_size=2)
    err, cause = info.value, info.value.__cause__
    assert isinstance(cause, prolific.ConflictError)
    assert f"({path} line 6: 'u4')" in str(cause) and f"({path} line 6: 'u4')" in str(err)
    assert "(line 2)" not in str(cause)  # the line within the request
    assert "(line 2)" in str(cause.detail)  # the server's own words are kept
    assert err.batch_lines == (5, 6) and err.rejected == {6: "u4"} and err.rejected_count == 1
    assert err.uploaded == 2 and [c.username for c in err.remaining] == ["u3", "u4", "u5"]
    assert err.remaining.source == str(path) and err.remaining.line(0) == 5  # type: ignore[attr-defined]
    assert "remove or rename the usernames" in str(err)
    # Resumed with the remaining credentials (u4 renamed): a second failure still names file lines.
    fake.fail_next(409, body={"error": {"detail": "Conflict."}}, method="PATCH")
    with pytest.raises(prolific.UploadError) as info:
        client.credentials.upload(err.remaining, pool_id=pool, batch_size=2)
    assert f"(the request held {path} lines 5-6)" in str(info.value.__cause__)
    assert info.value.batch_lines == (5, 6)


def test_409_with_a_header_names_file_lines_not_request_lines(client: Prolific, tmp_path: Path) -> None:
    pool = client.credentials.create_pool(workspace_id="ws1", credentials="u1,pw-a\nu2,pw-b")
    path = _file(tmp_path, "username,password\nu1,pw-1\nu2,pw-2\nu3,pw-3\n")
    with pytest.raises(prolific.ConflictError) as info:
        client.credentials.add(pool, credentials=path)
    assert "(lines 1, 2)" not in str(info.value) and f"({path} lines 2, 3: 'u1', 'u2')" in str(info.value)
    with pytest.raises(prolific.UploadError) as upload_info:
        client.credentials.upload(path, pool_id=pool, batch_size=2)
    assert upload_info.value.rejected == {2: "u1", 3: "u2"} and upload_info.value.rejected_count == 2
    assert "Every credential of the failed batch" in str(upload_info.value)  # so: resume after it


def test_409_naming_usernames_or_from_pairs(client: Prolific, fake: FakeProlific) -> None:
    pool = client.credentials.create_pool(workspace_id="ws1", credentials="u0,pw-0")
    pairs = [(f"u{i}", f"pw-{i}") for i in range(1, 7)]
    fake.fail_next(409, body={"error": {"detail": "Username u2 already exists."}}, method="PATCH")
    with pytest.raises(prolific.UploadError) as info:
        client.credentials.upload(pairs, pool_id=pool, batch_size=3)
    assert "already exists. (credential 2 of the input: 'u2')" in str(info.value.__cause__)
    assert info.value.batch_lines is None and info.value.rejected == {2: "u2"}
    fake.fail_next(409, body={"error": {"detail": "Conflict (lines 1 and 3)."}}, method="PATCH")
    with pytest.raises(prolific.ConflictError) as conflict:
        client.credentials.add(pool, credentials=pairs[2:])
    assert "(credentials 1, 3 of the input: 'u3', 'u5')" in str(conflict.value)
