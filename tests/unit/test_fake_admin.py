"""The fake's admin surface over real HTTP (``fake.serve()``): seed, submissions, clock, faults, settings, records."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from fake_checks import AUTH, BASE, TOKEN, call

from prolific.testing import FakeProlific

ADMIN = "/__fake__/"


@pytest.fixture
def admin(fake: FakeProlific) -> Iterator[httpx.Client]:
    with fake.serve() as url, httpx.Client(base_url=url, headers=AUTH, timeout=10) as client:
        yield client


def ok(response: httpx.Response, status: int = 200) -> Any:
    assert response.status_code == status, response.text
    return response.json()


def refused(response: httpx.Response, status: int = 400) -> Any:
    assert response.status_code == status, response.text
    return response.json()["error"]["detail"]


def published_world(admin: httpx.Client, places: int = 2) -> dict[str, Any]:
    world = ok(admin.post(f"{ADMIN}seed", json={"participants": places}), 201)
    assert call(admin, "publish-study", json={"action": "PUBLISH"}, id=world["study_id"]).status_code == 200
    return dict(world)


def test_the_index_lists_every_path(admin: httpx.Client) -> None:
    index = ok(admin.get(ADMIN))
    paths = {(p["method"], p["path"]) for p in index["paths"]}
    for expected in [("POST", "/__fake__/seed"), ("POST", "/__fake__/clock"), ("DELETE", "/__fake__/faults"),
                     ("POST", "/__fake__/submissions/{id}/{action}"), ("GET", "/__fake__/records/{kind}")]:  # fmt: skip
        assert expected in paths
    assert index["record_kinds"] == ["payments", "transitions", "messages", "requests"]
    detail = refused(admin.get(f"{ADMIN}nothing-here"), 404)
    assert "/__fake__/seed" in detail and "GET /__fake__/ lists them" in detail
    assert admin.put(f"{ADMIN}clock", json={}).headers["Allow"] == "GET, POST"
    assert refused(admin.post(f"{ADMIN}clock", content=b"{not json"), 400) == "The request body is not JSON."


def test_participants_take_part_and_advance(admin: httpx.Client, fake: FakeProlific) -> None:
    world = published_world(admin, places=3)
    study_id = world["study_id"]
    submitted = ok(admin.post(f"{ADMIN}submissions", json={"study_id": study_id, "participants": world["participant_ids"][:1]}), 201)  # fmt: skip
    [entry] = submitted["submissions"]
    assert entry["participant_id"] == world["participant_ids"][0] and entry["status"] == "AWAITING REVIEW"
    assert entry["username"] is None  # the demo study has no credential pool
    started = ok(
        admin.post(f"{ADMIN}submissions", json={"study_id": study_id, "participants": 2, "submit": False}), 201
    )
    first, second = (s["submission_id"] for s in started["submissions"])
    assert {s["status"] for s in started["submissions"]} == {"ACTIVE"}

    full = refused(admin.post(f"{ADMIN}submissions", json={"study_id": study_id, "participants": 1}))
    assert "has no free place: 3 of 3 places are held" in full
    completed = ok(admin.post(f"{ADMIN}submissions/{first}/complete", json={"code": "ABC"}))
    assert (completed["status"], completed["study_code"]) == ("AWAITING REVIEW", "ABC")
    assert ok(admin.post(f"{ADMIN}submissions/{second}/return"))["status"] == "RETURNED"
    assert fake.studies[study_id]["status"] == "ACTIVE"
    third = ok(admin.post(f"{ADMIN}submissions", json={"study_id": study_id, "submit": False}), 201)["submissions"][0]
    assert ok(admin.post(f"{ADMIN}submissions/{third['submission_id']}/time-out"))["status"] == "TIMED-OUT"

    assert "only ACTIVE can" in refused(admin.post(f"{ADMIN}submissions/{first}/complete"))
    assert "no submission action 'finish'" in refused(admin.post(f"{ADMIN}submissions/{first}/finish"), 404)
    assert "no submission 'nope'" in refused(admin.post(f"{ADMIN}submissions/nope/return"))
    assert refused(admin.post(f"{ADMIN}submissions", json={"participants": 1})) == {
        "study_id": ["This field is required (the study's id)."]
    }
    assert "participants" in refused(admin.post(f"{ADMIN}submissions", json={"study_id": study_id, "participants": 0}))
    assert refused(admin.post(f"{ADMIN}submissions/{first}/return", json={"why": "x"})) == {
        "why": ["Unknown field (it takes no fields)."]
    }


def test_the_clock_advances_over_http(admin: httpx.Client, fake: FakeProlific) -> None:
    world = published_world(admin)
    fake.studies[world["study_id"]]["maximum_allowed_time"] = 10
    started = ok(admin.post(f"{ADMIN}submissions", json={"study_id": world["study_id"], "submit": False}), 201)
    before = ok(admin.get(f"{ADMIN}clock"))
    assert before == {"now": fake.clock.iso(), "advanced": 0.0}
    moved = ok(admin.post(f"{ADMIN}clock", json={"advance": 600}))
    assert moved["advanced"] == 600.0 and moved["now"] == fake.clock.iso() != before["now"]
    assert moved["timed_out"] == [started["submissions"][0]["submission_id"]] and moved["settled"] == []
    assert refused(admin.post(f"{ADMIN}clock", json={"advance": -5})) == {
        "advance": ["How many seconds to move the clock forward: a number >= 0."]
    }
    assert "advance" in refused(admin.post(f"{ADMIN}clock", json={"advance": "1h"}))


def test_bonus_settlement_over_http(admin: httpx.Client, fake: FakeProlific) -> None:
    world = published_world(admin, places=1)
    [entry] = ok(admin.post(f"{ADMIN}submissions", json={"study_id": world["study_id"]}), 201)["submissions"]
    assert ok(admin.post(f"{ADMIN}settings", json={"bonus_settlement_delay": 60})) == {
        "bonus_settlement_delay": 60.0,
        "bulk_approve_lag": 1,
    }
    bulk = call(admin, "create-bonus-payments", json={"study_id": world["study_id"], "csv_bonuses": f"{entry['participant_id']},2"})  # fmt: skip
    assert call(admin, "pay-bonus-payments", id=bulk.json()["id"]).status_code == 202
    assert call(admin, "get-submission", id=entry["submission_id"]).json()["bonus_payments"] == []
    assert ok(admin.post(f"{ADMIN}clock", json={"advance": 60}))["settled"] == [bulk.json()["id"]]
    assert call(admin, "get-submission", id=entry["submission_id"]).json()["bonus_payments"] == [200]
    assert refused(admin.post(f"{ADMIN}settings", json={"bonus_delay": 1})) == {
        "bonus_delay": ["Unknown field (it takes bonus_settlement_delay, bulk_approve_lag)."]
    }
    assert "bulk_approve_lag" in refused(admin.post(f"{ADMIN}settings", json={"bulk_approve_lag": -1}))
    assert ok(admin.get(f"{ADMIN}settings"))["bonus_settlement_delay"] == 60.0


def test_faults_over_http(admin: httpx.Client, fake: FakeProlific) -> None:
    world = published_world(admin, places=1)
    [entry] = ok(admin.post(f"{ADMIN}submissions", json={"study_id": world["study_id"]}), 201)["submissions"]
    bulk_id = call(admin, "create-bonus-payments", json={"study_id": world["study_id"], "csv_bonuses": f"{entry['submission_id']},1"}).json()["id"]  # fmt: skip
    queued = ok(admin.post(f"{ADMIN}faults", json={"status": 503, "after_apply": True, "operation": "pay-bonus-payments"}), 201)  # fmt: skip
    assert queued["fault"]["describe"] == "fail_next(503, after_apply=True)" and queued["pending"] == 1
    ok(admin.post(f"{ADMIN}faults", json={"status": 429, "retry_after": 3, "method": "GET", "times": 2}), 201)
    ok(admin.post(f"{ADMIN}faults", json={"kind": "drop", "after_apply": True, "path": "/api/v1/studies/*/"}), 201)
    ok(admin.post(f"{ADMIN}faults", json={"kind": "delay", "seconds": 0, "operation": "get-studies"}), 201)
    listed = ok(admin.get(f"{ADMIN}faults"))["faults"]  # an admin request never takes a fault
    assert [(f["kind"], f["status"], f["retry_after"], f["remaining"]) for f in listed] == [
        ("fail", 503, None, 1), ("fail", 429, "3", 2), ("drop", None, None, 1), ("stall", None, None, 1)
    ]  # fmt: skip

    assert call(admin, "pay-bonus-payments", id=bulk_id).status_code == 503
    assert fake.bonus_record == {entry["submission_id"]: [100]}  # applied although the client saw a 503
    throttled = call(admin, "get-study", id=world["study_id"])
    assert (throttled.status_code, throttled.headers["Retry-After"]) == (429, "3")
    assert call(admin, "get-studies").status_code == 429  # the second use of the 429 (the delay waits its turn)
    with pytest.raises(httpx.RemoteProtocolError):
        call(admin, "update-study", json={"internal_name": "renamed"}, id=world["study_id"])
    assert fake.studies[world["study_id"]]["internal_name"] == "renamed"  # dropped after it was applied
    assert call(admin, "get-studies").status_code == 200
    assert ok(admin.get(f"{ADMIN}faults")) == {"faults": []}

    ok(admin.post(f"{ADMIN}faults", json={"status": 500, "times": 3}), 201)
    assert ok(admin.delete(f"{ADMIN}faults")) == {"cleared": 3} and fake.pending_faults == 0
    assert refused(admin.post(f"{ADMIN}faults", json={"kind": "explode"})) == {"kind": ["One of fail, drop, delay (default fail)."]}  # fmt: skip
    assert refused(admin.post(f"{ADMIN}faults", json={})) == {"status": ["The HTTP status to answer, e.g. 503 or 429."]}
    assert refused(admin.post(f"{ADMIN}faults", json={"kind": "delay"})) == {
        "seconds": ["How long to wait before answering: a number of seconds."]
    }
    assert "seconds" in refused(admin.post(f"{ADMIN}faults", json={"kind": "drop", "seconds": 1}))
    assert "unknown operation 'pay-bonus'" in refused(admin.post(f"{ADMIN}faults", json={"status": 503, "operation": "pay-bonus"}))  # fmt: skip
    assert "status must be an int from 200 to 999" in refused(admin.post(f"{ADMIN}faults", json={"status": 42}))


def test_records_over_http_without_secrets(admin: httpx.Client, fake: FakeProlific) -> None:
    world = published_world(admin, places=1)
    [entry] = ok(admin.post(f"{ADMIN}submissions", json={"study_id": world["study_id"]}), 201)["submissions"]
    call(admin, "create-credential-pool", json={"credentials": "alice,pw-SECRET-1\nbob,pw-SECRET-2", "workspace_id": world["workspace_id"]})  # fmt: skip
    call(admin, "send-message", json={"recipient_id": entry["participant_id"], "body": "Thanks!", "study_id": world["study_id"]})  # fmt: skip
    bulk = call(admin, "create-bonus-payments", json={"study_id": world["study_id"], "csv_bonuses": f"{entry['participant_id']},1"})  # fmt: skip
    call(admin, "pay-bonus-payments", id=bulk.json()["id"])
    assert call(admin, "create-secret", json={"workspace_id": world["workspace_id"]}).status_code < 300
    subscription = call(admin, "create-subscription", json={"workspace_id": world["workspace_id"], "event_type": "study.status.change", "target_url": "https://example.org/hook"})  # fmt: skip
    hook_secret = subscription.headers["X-Hook-Secret"]
    confirmed = call(admin, "confirm-subscription", json={"secret": hook_secret}, subscription_id=subscription.json()["results"][0]["id"])  # fmt: skip
    assert confirmed.status_code == 200, confirmed.text

    records = ok(admin.get(f"{ADMIN}records"))
    assert set(records) == {"payments", "transitions", "messages", "requests"}
    [payment] = records["payments"]
    assert payment["bonuses"] == [[entry["participant_id"], "1"]] and payment["settled_at"] is not None
    assert [m["body"] for m in records["messages"]] == ["Thanks!"]
    assert [(t["kind"], t["to"]) for t in records["transitions"]] == [
        ("study", "ACTIVE"), ("submission", "ACTIVE"), ("submission", "AWAITING REVIEW"), ("study", "AWAITING REVIEW")
    ]  # fmt: skip
    operations = [r["operation_id"] for r in records["requests"]]
    assert operations[0] == "publish-study" and "confirm-subscription" in operations  # admin paths are not in it
    assert not any(r["path"].startswith(ADMIN) for r in records["requests"])
    text = admin.get(f"{ADMIN}records/requests").text
    for secret in ("pw-SECRET", hook_secret, TOKEN):
        assert secret not in text
    assert "<redacted: 2 lines>" in text
    [confirm] = [r for r in records["requests"] if r["operation_id"] == "confirm-subscription"]
    assert confirm["body"] == {"secret": "<redacted>"}
    later = ok(admin.get(f"{ADMIN}records/transitions", params={"since": 3}))
    assert later == {"transitions": records["transitions"][3:]}
    assert "no record 'bonuses'" in refused(admin.get(f"{ADMIN}records/bonuses"), 404)
    assert "since" in refused(admin.get(f"{ADMIN}records", params={"since": 1}))
    assert "since" in refused(admin.get(f"{ADMIN}records/payments", params={"since": "-1"}))


def test_reset_and_loopback_only(admin: httpx.Client, fake: FakeProlific) -> None:
    published_world(admin)
    fake.advance(60)
    assert ok(admin.post(f"{ADMIN}reset")) == {"reset": True}
    assert fake.studies == {} and fake.transitions == [] and fake.clock.advanced == 0
    with httpx.Client(transport=fake.transport, base_url=BASE, headers=AUTH) as remote:  # not a loopback host
        assert "loopback only" in refused(remote.post(f"{ADMIN}seed", json={}), 404)
    with httpx.Client(base_url=str(admin.base_url)) as anonymous:
        assert anonymous.post(f"{ADMIN}seed", json={}).status_code == 401
