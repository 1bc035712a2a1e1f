"""FakeProlific's webhooks (documented shapes, delivery, retries) and ``client.webhooks`` against it."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterator
from typing import Any
from wsgiref.simple_server import WSGIRequestHandler, make_server

import httpx
import pytest
from fake_checks import AUTH, BASE, TOKEN, call, check_spec, error_detail

from prolific import AsyncProlific, Prolific, WebhookSubscriptionError
from prolific.testing import FakeProlific, FakeRequest
from prolific.webhooks import EventLog, WebhookEvent, verify, wsgi_app
from prolific_api_client.models import (
    SecretDetail,
    SecretList,
    SubscriptionDetail,
    SubscriptionEventList,
    SubscriptionList,
)

WS = "ws_hooks"


class _Quiet(WSGIRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


class Receiver:
    """A wsgi_app on loopback that records what it handled; ``fail_first`` answers 500 to the first N POSTs."""

    def __init__(self, secret: str, log: EventLog, fail_first: int = 0) -> None:
        self.handled: list[WebhookEvent] = []
        self.posts = 0
        self.fail_first = fail_first
        app = wsgi_app(self.handled.append, secret=secret, event_log=log)

        def counting(environ: dict[str, Any], start_response: Any) -> Any:
            self.posts += 1
            if self.posts <= self.fail_first:
                start_response("500 Internal Server Error", [("Content-Length", "0")])
                return [b""]
            return app(environ, start_response)

        self.server = make_server("127.0.0.1", 0, counting, handler_class=_Quiet)
        self.url = f"http://127.0.0.1:{self.server.server_port}/hooks"
        self.thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.01}, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def client(fake: FakeProlific) -> Iterator[Prolific]:
    with Prolific(TOKEN, http_client=httpx.Client(transport=fake.transport)) as c:
        yield c


def _published_study(fake: FakeProlific, api: httpx.Client, logins: str = "a,pw-1\nb,pw-2") -> str:
    study = fake.add_study(workspace_id=WS)
    pool = call(api, "create-credential-pool", json={"credentials": logins, "workspace_id": WS}).json()
    call(api, "update-study", json={"credential_pool_id": pool["credential_pool_id"]}, id=study)
    assert call(api, "publish-study", json={"action": "PUBLISH"}, id=study).status_code == 200
    return study


# -- the store's answers are the documented ones ---------------------------------------------------


def test_secrets_and_subscriptions_answer_the_documented_shapes(api: httpx.Client, fake: FakeProlific) -> None:
    assert (
        SecretList.from_dict(check_spec("get-secrets", call(api, "get-secrets", params={"workspace_id": WS}))).results
        == []
    )
    refused = call(api, "create-subscription", json={"workspace_id": WS, "event_type": "study.status.change",
                                                     "target_url": "http://127.0.0.1:1/"})  # fmt: skip
    assert "secret" in error_detail("create-subscription", refused, 400).lower()
    created = call(api, "create-secret", json={"workspace_id": WS})
    secret = SecretDetail.from_dict(check_spec("create-secret", created))
    assert created.status_code == 201 and secret.value == fake.webhook_secrets[WS]["value"]
    body = {"workspace_id": WS, "event_type": "study.status.change", "target_url": "http://127.0.0.1:1/"}
    response = call(api, "create-subscription", json=body)
    [subscription] = SubscriptionList.from_dict(check_spec("create-subscription", response)).results
    assert response.status_code == 201 and response.headers["X-Hook-Secret"]
    assert subscription.id is not None
    wrong = call(api, "confirm-subscription", json={"secret": "nope"}, subscription_id=subscription.id)
    assert "X-Hook-Secret" in str(error_detail("confirm-subscription", wrong, 400))
    ok = call(api, "confirm-subscription", json={"secret": response.headers["X-Hook-Secret"]},
              subscription_id=subscription.id)  # fmt: skip
    SubscriptionDetail.from_dict(check_spec("confirm-subscription", ok))
    listed = SubscriptionList.from_dict(check_spec("get-subscriptions", call(api, "get-subscriptions")))
    assert [s.id for s in listed.results] == [subscription.id]
    events = call(api, "get-events", subscription_id=subscription.id, params={"status": "FAILED"})
    assert SubscriptionEventList.from_dict(check_spec("get-events", events)).results == []
    assert check_spec("get-event-types", call(api, "get-event-types"))["results"]
    patched = call(api, "update-subscription", json={"is_enabled": False}, subscription_id=subscription.id)
    assert SubscriptionDetail.from_dict(check_spec("update-subscription", patched)).is_enabled is False
    assert call(api, "delete-subscription", subscription_id=subscription.id).status_code == 204
    assert fake.webhook_subscriptions == {}


def test_the_jwks_needs_no_token(fake: FakeProlific) -> None:
    with httpx.Client(transport=fake.transport, base_url=BASE) as anonymous:
        response = call(anonymous, "get-study-jwks")
    [key] = check_spec("get-study-jwks", response)["keys"]
    assert key["kty"] == "RSA" and key["alg"] == "RS256" and key["kid"]
    with httpx.Client(transport=fake.transport, base_url=BASE) as anonymous:
        assert call(anonymous, "get-secrets", params={"workspace_id": WS}).status_code == 401


# -- delivery ---------------------------------------------------------------------------------------


def test_deliveries_reach_a_wsgi_receiver_verified_in_order_each_handled_once(
    fake: FakeProlific, client: Prolific, tmp_path: Any
) -> None:
    secret = client.webhooks.ensure_secret(WS)
    receiver = Receiver(secret, EventLog(tmp_path / "events.sqlite3"))
    try:
        submissions = client.webhooks.subscribe(WS, "submission.status.change", receiver.url)
        studies = client.webhooks.subscribe(WS, "study.status.change", receiver.url)
        with httpx.Client(transport=fake.transport, base_url=BASE, headers=AUTH) as api:
            study = _published_study(fake, api, "a,pw-1")  # study ACTIVE
            fake.redeem(study, "5e9b9c9b0f9c9a0001b0b1f4")  # submission ACTIVE, then the pool is empty: PAUSED
        made = fake.deliver_pending()
        assert [d.status for d in made] == [200, 200, 200]
        seen = [(e.event_type, e.resource_id, e.status) for e in receiver.handled]
        [submission] = fake.submissions[study]
        assert seen == [
            ("study.status.change", study, "ACTIVE"),
            ("submission.status.change", submission["id"], "ACTIVE"),
            ("study.status.change", study, "PAUSED"),
        ]
        assert receiver.handled[1].participant_id == "5e9b9c9b0f9c9a0001b0b1f4"
        # At least once: the same event again is answered 200 and not handled a second time.
        again = fake.redeliver(made[1].event_id)
        assert [d.status for d in again] == [200] and len(receiver.handled) == 3
        assert fake.deliver_pending() == []  # nothing left
        for delivery in fake.deliveries:  # what was sent verifies with the workspace secret
            assert verify(delivery.body, delivery.headers, secret).event_id == delivery.event_id
        assert {e.status for e in client.webhooks.iter_events(studies.id or "")} == {"SUCCEEDED"}
        assert [e.status for e in client.webhooks.iter_events(submissions.id or "", status="SUCCEEDED")] == [
            "SUCCEEDED"
        ]
    finally:
        receiver.close()


def test_a_failed_delivery_is_retried_a_bounded_number_of_times_with_the_same_event_id(
    fake: FakeProlific, client: Prolific, tmp_path: Any
) -> None:
    secret = client.webhooks.ensure_secret(WS)
    receiver = Receiver(secret, EventLog(tmp_path / "events.sqlite3"), fail_first=1)
    try:
        sub = client.webhooks.subscribe(WS, "study.status.change", receiver.url)
        study = fake.add_study(workspace_id=WS)
        fake._studies.set_study_status(study, "ACTIVE")
        made = fake.deliver_pending()
        assert [(d.attempt, d.status) for d in made] == [(1, 500), (2, 200)]
        assert made[0].event_id == made[1].event_id and made[0].headers["X-Event-ID"] == made[1].headers["X-Event-ID"]
        assert len(receiver.handled) == 1
        receiver.fail_first = 100
        fake.delivery_attempts = 2
        fake._studies.set_study_status(study, "PAUSED")
        failed = fake.deliver_pending()
        assert [d.attempt for d in failed] == [1, 2] and not any(d.ok for d in failed)
        assert [e.status for e in client.webhooks.iter_events(sub.id or "", status="FAILED")] == ["FAILED"]
    finally:
        receiver.close()


def test_only_confirmed_enabled_loopback_subscriptions_of_the_workspace_get_events(
    fake: FakeProlific, client: Prolific
) -> None:
    client.webhooks.ensure_secret(WS)
    client.webhooks.ensure_secret("ws_other")
    with httpx.Client(transport=fake.transport, base_url=BASE, headers=AUTH) as api:
        unconfirmed = call(api, "create-subscription", json={"workspace_id": WS, "event_type": "study.status.change",
                                                             "target_url": "http://127.0.0.1:1/"})  # fmt: skip
    assert unconfirmed.status_code == 201
    client.webhooks.subscribe("ws_other", "study.status.change", "http://127.0.0.1:1/")
    remote = client.webhooks.subscribe(WS, "study.status.change", "https://example.org/hook")
    fake._studies.set_study_status(fake.add_study(workspace_id=WS), "ACTIVE")
    [delivery] = fake.deliver_pending()
    assert delivery.subscription_id == remote.id and delivery.status is None
    assert "loopback" in (delivery.error or "")


# -- client.webhooks ---------------------------------------------------------------------------------


def test_ensure_secret_creates_once_and_rotate_replaces(fake: FakeProlific, client: Prolific) -> None:
    first = client.webhooks.ensure_secret(WS)
    assert client.webhooks.ensure_secret(WS) == first
    creates = [r for r in fake.requests if r.operation_id == "create-secret"]
    assert len(creates) == 1
    rotated = client.webhooks.rotate_secret(WS)
    assert rotated != first and fake.webhook_secrets[WS]["value"] == rotated
    assert "breaks" in (type(client.webhooks).rotate_secret.__doc__ or "").lower()


def test_subscribe_accepts_one_object_instead_of_the_documented_list(fake: FakeProlific, client: Prolific) -> None:
    client.webhooks.ensure_secret(WS)

    def one_object(request: FakeRequest) -> httpx.Response:
        answer = fake._hooks.create_subscription(request)
        body = httpx.Response(200, content=answer.body).json()["results"][0]
        return httpx.Response(201, json=body, headers=dict(answer.headers))

    fake.route("create-subscription", one_object)
    sub = client.webhooks.subscribe(WS, "submission.status.change", "http://127.0.0.1:1/")
    assert sub.id in fake._hooks.confirmed
    assert [r.operation_id for r in fake.requests][-2:] == ["create-subscription", "confirm-subscription"]


def test_subscribe_without_the_header_says_which_subscription_is_left_unconfirmed(
    fake: FakeProlific, client: Prolific
) -> None:
    client.webhooks.ensure_secret(WS)

    def no_header(request: FakeRequest) -> httpx.Response:
        answer = fake._hooks.create_subscription(request)
        return httpx.Response(201, content=answer.body, headers={"Content-Type": "application/json"})

    fake.route("create-subscription", no_header)
    with pytest.raises(WebhookSubscriptionError) as caught:
        client.webhooks.subscribe(WS, "submission.status.change", "http://127.0.0.1:1/")
    [subscription_id] = fake.webhook_subscriptions
    assert caught.value.subscription_id == subscription_id and "X-Hook-Secret" in str(caught.value)
    assert sum(r.operation_id == "create-subscription" for r in fake.requests) == 1  # never resent


def test_events_reads_every_page(fake: FakeProlific, client: Prolific) -> None:
    client.webhooks.ensure_secret(WS)
    sub = client.webhooks.subscribe(WS, "study.status.change", "http://127.0.0.1:1/")
    study = fake.add_study(workspace_id=WS)
    for n in range(7):
        fake._studies.set_study_status(study, "ACTIVE" if n % 2 else "PAUSED")
    events = list(client.webhooks.iter_events(sub.id or "", status="PENDING"))
    assert len(events) == 7
    fake.requests.clear()
    pages = list(client.paginate(client.webhooks.get_events, sub.id or "", limit=3))
    assert len(pages) == 7 and sum(r.operation_id == "get-events" for r in fake.requests) == 3


def test_the_async_client_shares_the_flows(fake: FakeProlific) -> None:
    async def run() -> tuple[str, str | None, int]:
        async with AsyncProlific(TOKEN, http_client=httpx.AsyncClient(transport=fake.transport)) as c:
            secret = await c.webhooks.ensure_secret(WS)
            sub = await c.webhooks.subscribe(WS, "study.status.change", "http://127.0.0.1:1/")
            fake._studies.set_study_status(fake.add_study(workspace_id=WS), "ACTIVE")
            events = [e async for e in c.webhooks.iter_events(sub.id or "")]
            return secret, sub.id, len(events)

    secret, subscription_id, count = asyncio.run(run())
    assert secret == fake.webhook_secrets[WS]["value"] and subscription_id in fake._hooks.confirmed and count == 1
