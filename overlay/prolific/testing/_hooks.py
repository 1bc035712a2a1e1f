"""Webhooks: workspace secrets, subscriptions (created, then confirmed with ``X-Hook-Secret``), their events.

A status change in :class:`~prolific.testing._studies.Studies` (a transition, a redeem, ...) becomes
one event per matching subscription: enabled, confirmed, of that event type, in the study's
workspace. Each new event is handed to the :attr:`Hooks.listeners` (:mod:`._delivery` queues it
for sending) and kept, with every attempt to deliver it, for ``get-events``.
"""

from __future__ import annotations

import secrets as _random
import threading
from collections.abc import Callable
from typing import Any, TypeAlias
from urllib.parse import urlsplit

from ._answers import NO_CONTENT, Answer, field_errors, json_answer, not_found, state_error
from ._fields import REQUIRED, Errors, new_id, now, query_int, text_field, unsupported_query
from ._routes import FakeRequest
from ._studies import Studies

EVENT_TYPES = {
    "submission.status.change": "A submission's status changed.",
    "study.status.change": "A study's status changed.",
    "study.progress.change": "A study's progress changed.",
    "study.has_high_return_rate": "A study has a high return rate.",
}
_EVENT_FILTERS = frozenset({"offset", "limit", "status", "resource_id"})
_EVENT_STATUSES = ("PENDING", "SUCCEEDED", "FAILED")

#: Told of each new event: ``listener(subscription_id, event)``, with the fake's lock held.
EventListener: TypeAlias = Callable[[str, dict[str, Any]], None]


def _url_problem(url: object) -> str | None:
    if not isinstance(url, str) or not url:
        return REQUIRED
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return "Enter a valid URL (http or https, with a host)."
    return None


class Hooks:
    """Secrets by workspace, subscriptions by id, events by subscription; new events go to the ``listeners``."""

    def __init__(self, lock: threading.RLock, studies: Studies) -> None:
        self._lock = lock
        self._studies = studies
        self.secrets: dict[str, dict[str, str]] = {}  # workspace id -> SecretDetail
        self.subscriptions: dict[str, dict[str, Any]] = {}  # id -> SubscriptionDetail
        self.confirmation: dict[str, str] = {}  # subscription id -> its X-Hook-Secret, until confirmed
        self.confirmed: set[str] = set()
        self.events: dict[str, list[dict[str, Any]]] = {}  # subscription id -> SubscriptionEvent, oldest first
        self.listeners: list[EventListener] = []
        studies.listeners.append(self._status_changed)

    def clear(self) -> None:
        self.secrets.clear()
        self.subscriptions.clear()
        self.confirmation.clear()
        self.confirmed.clear()
        self.events.clear()

    def handlers(self) -> dict[str, Callable[[FakeRequest], Answer]]:
        return {
            "get-event-types": self.event_types,
            "get-secrets": self.list_secrets,
            "create-secret": self.create_secret,
            "get-subscriptions": self.list_subscriptions,
            "create-subscription": self.create_subscription,
            "get-subscription": self.get_subscription,
            "confirm-subscription": self.confirm_subscription,
            "update-subscription": self.update_subscription,
            "delete-subscription": self.delete_subscription,
            "get-events": self.list_events,
        }

    # -- events -----------------------------------------------------------------------------------

    def _status_changed(self, kind: str, study: dict[str, Any], submission: dict[str, Any] | None) -> None:
        workspace = self._studies.workspace_of(study)
        if submission is not None:
            payload = {
                "event_type": "submission.status.change",
                "resource_id": submission["id"],
                "participant_id": submission["participant_id"],
                "status": submission["status"],
            }
        else:
            payload = {
                "event_type": "study.status.change",
                "resource_id": study["id"],
                "status": study["status"],
                "metadata": {},
            }
        self.emit(workspace, payload)

    def emit(self, workspace_id: str | None, payload: dict[str, Any]) -> list[str]:
        """One event per matching subscription for ``payload``, handed to the listeners. Returns the event ids.

        Besides the documented ``SubscriptionEvent`` fields, an event carries what FakeProlific did
        with it: ``attempts`` (one entry per POST: ``attempt``, ``datetime``, ``status_code``,
        ``error``) and ``next_attempt_at`` (when a failed delivery is tried again; ``None``: never).
        """
        created = []
        for subscription in self.subscriptions.values():
            if (
                subscription["id"] in self.confirmed
                and subscription.get("is_enabled", True)
                and subscription["event_type"] == payload["event_type"]
                and subscription["workspace_id"] == workspace_id
            ):
                stamp = now()
                event = {
                    "id": new_id(),
                    "datetime_created": stamp,
                    "datetime_updated": stamp,
                    "event_type": payload["event_type"],
                    "resource_id": payload["resource_id"],
                    "status": "PENDING",
                    "target_url": subscription["target_url"],
                    "payload": dict(payload),
                    "attempts": [],
                    "next_attempt_at": None,
                }
                self.events.setdefault(subscription["id"], []).append(event)
                for listener in self.listeners:
                    listener(subscription["id"], event)
                created.append(event["id"])
        return created

    def secret_of(self, subscription_id: str) -> str | None:
        """The signing secret of the subscription's workspace now (``None``: it has none)."""
        subscription = self.subscriptions.get(subscription_id)
        secret = self.secrets.get(subscription["workspace_id"]) if subscription is not None else None
        return secret["value"] if secret is not None else None

    def deliverable(self, subscription_id: str) -> bool:
        """Whether the subscription still exists, confirmed and enabled (else its waiting events are dropped)."""
        subscription = self.subscriptions.get(subscription_id)
        return subscription is not None and subscription_id in self.confirmed and subscription.get("is_enabled", True)

    def disable(self, target_url: str, event_type: str) -> list[str]:
        """Disable every enabled subscription of ``event_type`` to ``target_url`` (Prolific's rule); their ids."""
        disabled = []
        for subscription in self.subscriptions.values():
            if (
                subscription["target_url"] == target_url
                and subscription["event_type"] == event_type
                and subscription.get("is_enabled", True)
            ):
                subscription["is_enabled"] = False
                disabled.append(subscription["id"])
        return disabled

    # -- handlers ---------------------------------------------------------------------------------

    def event_types(self, request: FakeRequest) -> Answer:
        """``get-event-types``: ``{"results": [{"event_type", "description"}]}``."""
        results = [{"event_type": name, "description": text} for name, text in EVENT_TYPES.items()]
        return json_answer(200, {"results": results})

    def list_secrets(self, request: FakeRequest) -> Answer:
        """``get-secrets?workspace_id=``: the workspace's secret (none: an empty list)."""
        workspace = request.query.get("workspace_id")
        if not workspace:
            return field_errors({"workspace_id": [REQUIRED]})
        secret = self.secrets.get(workspace)
        return json_answer(200, {"results": [secret] if secret else []})

    def create_secret(self, request: FakeRequest) -> Answer:
        """``create-secret``: a new secret for the workspace, replacing the old one (running receivers fail)."""
        errors: Errors = {}
        workspace = text_field(request.body, "workspace_id", errors)
        if workspace is None:
            return field_errors(errors)
        secret = {"id": new_id(), "value": _random.token_urlsafe(32), "workspace_id": workspace}
        self.secrets[workspace] = secret
        return json_answer(201, secret)

    def list_subscriptions(self, request: FakeRequest) -> Answer:
        """``get-subscriptions?is_enabled=&workspace_id=``: ``{"results": [SubscriptionDetail]}``."""
        enabled = request.query.get("is_enabled", "true").lower() != "false"
        workspace = request.query.get("workspace_id")
        results = [
            s
            for s in self.subscriptions.values()
            if s.get("is_enabled", True) == enabled and (workspace is None or s["workspace_id"] == workspace)
        ]
        return json_answer(200, {"results": results})

    def create_subscription(self, request: FakeRequest) -> Answer:
        """``create-subscription``: ``SubscriptionList`` of the new one, with the ``X-Hook-Secret`` header."""
        body = request.body
        errors: Errors = {}
        event_type = text_field(body, "event_type", errors)
        workspace = text_field(body, "workspace_id", errors)
        problem = _url_problem(body.get("target_url"))
        if problem is not None:
            errors["target_url"] = [problem]
        if event_type is not None and event_type not in EVENT_TYPES:
            errors["event_type"] = [f'"{event_type}" is not a valid event type ({", ".join(EVENT_TYPES)}).']
        enabled = body.get("is_enabled", True)
        if not isinstance(enabled, bool):
            errors["is_enabled"] = ["Must be a boolean."]
        if errors:
            return field_errors(errors)
        assert workspace is not None and event_type is not None
        if workspace not in self.secrets:
            return state_error("Create a secret for this workspace (create-secret) before subscribing.")
        subscription = {
            "id": new_id(),
            "event_type": event_type,
            "target_url": body["target_url"],
            "workspace_id": workspace,
            "is_enabled": enabled,
        }
        self.subscriptions[subscription["id"]] = subscription
        token = _random.token_hex(16)
        self.confirmation[subscription["id"]] = token
        return json_answer(201, {"results": [subscription]}, (("X-Hook-Secret", token),))

    def get_subscription(self, request: FakeRequest) -> Answer:
        subscription = self.subscriptions.get(request.path_params["subscription_id"])
        return not_found("Subscription") if subscription is None else json_answer(200, subscription)

    def confirm_subscription(self, request: FakeRequest) -> Answer:
        """``confirm-subscription``: ``{"secret": <X-Hook-Secret>}`` turns delivery on."""
        subscription_id = request.path_params["subscription_id"]
        subscription = self.subscriptions.get(subscription_id)
        if subscription is None:
            return not_found("Subscription")
        given = request.body.get("secret")
        if not isinstance(given, str) or not given:
            return field_errors({"secret": [REQUIRED]})
        if subscription_id not in self.confirmed:
            if given != self.confirmation.get(subscription_id):
                return field_errors({"secret": ["Does not match the X-Hook-Secret sent when it was created."]})
            self.confirmed.add(subscription_id)
            del self.confirmation[subscription_id]
        return json_answer(200, subscription)

    def update_subscription(self, request: FakeRequest) -> Answer:
        subscription = self.subscriptions.get(request.path_params["subscription_id"])
        if subscription is None:
            return not_found("Subscription")
        body, errors = request.body, {}
        if "target_url" in body and (problem := _url_problem(body["target_url"])) is not None:
            errors["target_url"] = [problem]
        if "event_type" in body and body["event_type"] not in EVENT_TYPES:
            errors["event_type"] = ["Not a valid event type."]
        if "is_enabled" in body and not isinstance(body["is_enabled"], bool):
            errors["is_enabled"] = ["Must be a boolean."]
        if errors:
            return field_errors(errors)
        subscription.update({k: body[k] for k in ("target_url", "event_type", "is_enabled") if k in body})
        return json_answer(200, subscription)

    def delete_subscription(self, request: FakeRequest) -> Answer:
        subscription_id = request.path_params["subscription_id"]
        if self.subscriptions.pop(subscription_id, None) is None:
            return not_found("Subscription")
        self.confirmed.discard(subscription_id)
        self.confirmation.pop(subscription_id, None)
        return NO_CONTENT

    def list_events(self, request: FakeRequest) -> Answer:
        """``get-events?offset=&limit=&status=&resource_id=``: ``{"results": [SubscriptionEvent]}``, one slice."""
        subscription_id = request.path_params["subscription_id"]
        if subscription_id not in self.subscriptions:
            return not_found("Subscription")
        refused = unsupported_query(request, _EVENT_FILTERS)
        if refused is not None:
            return refused
        errors: Errors = {}
        offset = query_int(request, "offset", 0, errors, minimum=0)
        limit = query_int(request, "limit", 100, errors, minimum=1)
        status = request.query.get("status")
        if status is not None and status not in _EVENT_STATUSES:
            errors["status"] = [f'"{status}" is not a valid choice ({", ".join(_EVENT_STATUSES)}).']
        if errors:
            return field_errors(errors)
        resource = request.query.get("resource_id")
        events = [
            e
            for e in self.events.get(subscription_id, [])
            if (status is None or e["status"] == status) and (resource is None or e["resource_id"] == resource)
        ]
        return json_answer(200, {"results": events[offset : offset + limit]})
