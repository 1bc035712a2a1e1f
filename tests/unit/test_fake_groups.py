"""FakeProlific: participant groups (list, get, update, delete) and their members (list, add, remove).

Every test runs twice (the ``api`` fixture): through the in-process transport and over ``serve()``.
"""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from fake_checks import SECRET_LIKE, call, check_spec, error_detail

from prolific.testing import FakeProlific
from prolific_api_client.models import (
    ParticipantGroup,
    ParticipantGroupListResponse,
    ParticipantGroupMembershipListResponse,
)

IDS = [f"{n:024x}" for n in range(0xB1, 0xB8)]


def make_group(api: httpx.Client, workspace: str = "ws1", members: list[str] | None = None) -> dict[str, Any]:
    body: dict[str, Any] = {"name": "Pilot", "workspace_id": workspace, "description": "first wave"}
    if members is not None:
        body["participant_ids"] = members
    response = call(api, "create-participant-group", json=body)
    assert response.status_code == 201, response.text
    group: dict[str, Any] = check_spec("create-participant-group", response)
    return group


def members(api: httpx.Client, group_id: str) -> list[str]:
    response = call(api, "get-participant-group-participants", id=group_id)
    parsed = ParticipantGroupMembershipListResponse.from_dict(
        check_spec("get-participant-group-participants", response)
    )
    return [str(m.participant_id) for m in parsed.results]  # type: ignore[union-attr]


def test_list_by_workspace_and_project(api: httpx.Client, fake: FakeProlific) -> None:
    first, second = make_group(api), make_group(api)
    make_group(api, workspace="ws2")
    body = check_spec("get-participant-groups", call(api, "get-participant-groups", params={"workspace_id": "ws1"}))
    assert [g["id"] for g in body["results"]] == [first["id"], second["id"]]
    parsed = ParticipantGroupListResponse.from_dict(body)
    assert [g.name for g in parsed.results] == ["Pilot", "Pilot"]  # type: ignore[union-attr]
    fake.add_project("proj-1", "ws2")
    by_project = call(api, "get-participant-groups", params={"project_id": "proj-1"})
    assert len(check_spec("get-participant-groups", by_project)["results"]) == 1
    inactive = call(api, "get-participant-groups", params={"workspace_id": "ws1", "active": "false"})
    assert check_spec("get-participant-groups", inactive)["results"] == []
    for params in ({}, {"workspace_id": "ws1", "project_id": "proj-1"}):
        assert error_detail("get-participant-groups", call(api, "get-participant-groups", params=params), 400)
    unknown = call(api, "get-participant-groups", params={"project_id": "nope"})
    assert "add_project" in error_detail("get-participant-groups", unknown, 400)["project_id"][0]


def test_get_update_delete(api: httpx.Client, fake: FakeProlific) -> None:
    group = make_group(api, members=IDS[:3])
    got = check_spec("get-participant-group", call(api, "get-participant-group", id=group["id"]))
    assert ParticipantGroup.from_dict(got).participant_count == 3
    response = call(
        api,
        "update-participant-group",
        json={"name": "Renamed", "description": None, "participant_ids": IDS[3:5]},
        id=group["id"],
    )
    updated = check_spec("update-participant-group", response)
    assert (updated["name"], updated["description"], updated["participant_count"]) == ("Renamed", None, 2)
    assert members(api, group["id"]) == IDS[3:5]  # participant_ids replaces the members
    cleared = call(api, "update-participant-group", json={"participant_ids": []}, id=group["id"])
    assert check_spec("update-participant-group", cleared)["participant_count"] == 0
    deleted = call(api, "delete-participant-group", id=group["id"])
    assert deleted.status_code == 204 and deleted.content == b""
    check_spec("delete-participant-group", deleted)
    assert group["id"] not in fake.participant_groups and group["id"] not in fake.participant_group_members
    for operation_id in ("get-participant-group", "delete-participant-group", "get-participant-group-participants"):
        assert "not found" in error_detail(operation_id, call(api, operation_id, id=group["id"]), 404)


def test_add_and_remove_members(api: httpx.Client, fake: FakeProlific) -> None:
    group = make_group(api)
    added = call(api, "add-to-participant-group", json={"participant_ids": IDS[:4]}, id=group["id"])
    assert [m["participant_id"] for m in check_spec("add-to-participant-group", added)["results"]] == IDS[:4]
    again = call(api, "add-to-participant-group", json={"participant_ids": [IDS[0], IDS[4]]}, id=group["id"])
    assert len(check_spec("add-to-participant-group", again)["results"]) == 5  # members already there stay once
    removed = call(api, "remove-from-participant-group", json={"participant_ids": [IDS[1], IDS[6]]}, id=group["id"])
    remaining = [m["participant_id"] for m in check_spec("remove-from-participant-group", removed)["results"]]
    assert remaining == [IDS[0], IDS[2], IDS[3], IDS[4]]
    assert members(api, group["id"]) == remaining
    assert list(fake.participant_group_members[group["id"]]) == remaining
    assert fake.participant_groups[group["id"]]["participant_count"] == 4
    assert (
        check_spec("get-participant-group", call(api, "get-participant-group", id=group["id"]))["participant_count"]
        == 4
    )


@pytest.mark.parametrize(
    ("operation_id", "ids", "words"),
    [
        (
            "add-to-participant-group",
            [IDS[0], SECRET_LIKE, IDS[1], "ABCDEF" * 4],
            "Items 2, 4 of the list are not participant ids",
        ),
        ("remove-from-participant-group", [SECRET_LIKE], "Item 1 of the list is not a participant id"),
        ("update-participant-group", [IDS[0], 7], "Item 2 of the list: Not a valid string."),  # the spec's check
        ("add-to-participant-group", [], "may not be empty"),
        ("add-to-participant-group", IDS[0], "Expected a list"),
    ],
)
def test_bad_participant_ids_are_400_by_position(
    api: httpx.Client, fake: FakeProlific, operation_id: str, ids: Any, words: str
) -> None:
    group = make_group(api, members=IDS[:2])
    response = call(api, operation_id, json={"participant_ids": ids}, id=group["id"])
    [message] = error_detail(operation_id, response, 400)["participant_ids"]
    assert words in message
    assert SECRET_LIKE not in response.text
    assert list(fake.participant_group_members[group["id"]]) == IDS[:2]  # nothing changed


def test_membership_of_unknown_group_is_404(api: httpx.Client) -> None:
    for operation_id in ("add-to-participant-group", "remove-from-participant-group", "update-participant-group"):
        response = call(api, operation_id, json={"participant_ids": IDS[:1]}, id="nope")
        assert "not found" in error_detail(operation_id, response, 404)


def test_remove_needs_a_json_body(api: httpx.Client) -> None:
    group = make_group(api)
    response = call(api, "remove-from-participant-group", id=group["id"])
    assert "JSON object" in error_detail("remove-from-participant-group", response, 400)
