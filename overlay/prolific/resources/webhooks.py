"""``client.webhooks``: subscribing in one call (create, read ``X-Hook-Secret``, confirm), the secret, events.

Subscribing is two requests: ``create-subscription`` answers the confirmation token in its
``X-Hook-Secret`` **header** (so the flow sends that call as a :class:`~prolific._flow.RawCall`,
which hands it the response too), then ``confirm-subscription`` sends it back. Prolific's document says
the creation answers a ``SubscriptionList``; Prolific's own CLI decodes one ``SubscriptionDetail``:
both are accepted.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Iterator
from typing import Any
from urllib.parse import urlsplit

import httpx

from prolific_api_client.models import (
    CreateSecret,
    CreateSubscription,
    SecretDetail,
    SecretList,
    SubscriptionConfirmation,
    SubscriptionDetail,
    SubscriptionEvent,
    SubscriptionList,
)
from prolific_api_client.operations.webhooks import (
    CONFIRM_SUBSCRIPTION,
    CREATE_SECRET,
    CREATE_SUBSCRIPTION,
    GET_EVENTS,
    GET_SECRETS,
    GET_SUBSCRIPTIONS,
    AsyncWebhooksOperations,
    WebhooksOperations,
)
from prolific_api_client.types import UNSET, Unset

from .. import _validation as check
from .._deprecation import deprecated_alias
from .._errors import APIResponseValidationError, InvalidArgumentError, WebhookSubscriptionError
from .._flow import Call, Flow, RawCall
from .._pagination import Pager
from ._base import AsyncResource, SyncResource

#: The header ``create-subscription`` answers the confirmation token in.
HOOK_SECRET_HEADER = "X-Hook-Secret"
EVENT_STATUSES = ("PENDING", "SUCCEEDED", "FAILED")


def _detail(data: Any) -> SubscriptionDetail:
    if isinstance(data, SubscriptionDetail):
        return data
    if isinstance(data, SubscriptionList):
        if not data.results:
            raise ValueError("create-subscription answered an empty SubscriptionList")
        return data.results[0]
    if isinstance(data, dict):  # the body as JSON: a list (as documented) or one object (as sent)
        return _detail(SubscriptionList.from_dict(data) if "results" in data else SubscriptionDetail.from_dict(data))
    raise TypeError(f"expected SubscriptionList or SubscriptionDetail, got {type(data).__name__}")


def _subscription_id(subscription: SubscriptionDetail) -> str:
    if not isinstance(subscription.id, str) or not subscription.id:
        raise KeyError("id")
    return subscription.id


def _body_of(response: httpx.Response) -> Any:
    try:
        return response.json()
    except (ValueError, UnicodeDecodeError):
        return None


def subscribe_flow(
    workspace_id: str, event_type: str, target_url: str, *, is_enabled: bool = True
) -> Flow[SubscriptionDetail]:
    """Create the subscription, confirm it with the ``X-Hook-Secret`` it answered, return it (confirmed)."""
    workspace_id = check.require_id(workspace_id, "workspace_id", "workspace id")
    if not isinstance(event_type, str) or not event_type.strip():
        raise InvalidArgumentError("event_type must be an event type such as 'submission.status.change'")
    if not isinstance(target_url, str) or urlsplit(target_url).scheme not in ("http", "https"):
        raise InvalidArgumentError(f"target_url must be an https:// URL your receiver listens on, got {target_url!r}")
    if not isinstance(is_enabled, bool):
        raise InvalidArgumentError("is_enabled must be a bool")
    body = CreateSubscription(
        event_type=str(event_type), target_url=target_url, workspace_id=workspace_id, is_enabled=is_enabled
    )
    try:
        raw = yield RawCall(CREATE_SUBSCRIPTION, {"body": body}, lambda raw: raw)
        response: httpx.Response = raw.http_response
        data: Any = raw.parsed
    except APIResponseValidationError as error:  # one object instead of the documented list
        response, data = error.response, _body_of(error.response)
        if not isinstance(data, dict):
            raise
    try:
        created = _detail(data)
        subscription_id = _subscription_id(created)
    except (KeyError, TypeError, ValueError) as exc:
        raise WebhookSubscriptionError(
            f"create-subscription answered {response.status_code} with a body that names no subscription "
            f"({type(exc).__name__}: {exc}); check client.webhooks.get_subscriptions(workspace_id={workspace_id!r})",
            subscription_id=None,
        ) from None
    token = response.headers.get(HOOK_SECRET_HEADER)
    if not token:
        raise WebhookSubscriptionError(
            f"subscription {subscription_id} was created but the answer has no {HOOK_SECRET_HEADER} header, "
            "so it cannot be confirmed (it receives nothing until it is); delete it with "
            f"client.webhooks.delete_subscription({subscription_id!r}) and subscribe again",
            subscription_id=subscription_id,
        )
    confirmation = SubscriptionConfirmation(secret=token)
    confirmed: SubscriptionDetail = yield Call(
        CONFIRM_SUBSCRIPTION, {"subscription_id": subscription_id, "body": confirmation}, lambda s: s
    )
    return confirmed


def _secret_value(secret: SecretDetail) -> str:
    if not isinstance(secret.value, str) or not secret.value:
        raise KeyError("value")
    return secret.value


def ensure_secret_flow(workspace_id: str) -> Flow[str]:
    """The workspace's secret; created only when it has none (creating replaces, so never otherwise)."""
    workspace_id = check.require_id(workspace_id, "workspace_id", "workspace id")
    secrets: SecretList = yield Call(GET_SECRETS, {"workspace_id": workspace_id}, lambda s: s)
    for secret in secrets.results if isinstance(secrets.results, list) else []:
        if secret.workspace_id in (workspace_id, UNSET) and isinstance(secret.value, str) and secret.value:
            return secret.value
    created: str = yield _create_secret(workspace_id)
    return created


def _create_secret(workspace_id: str) -> Call[str]:
    return Call(CREATE_SECRET, {"body": CreateSecret(workspace_id=workspace_id)}, _secret_value)


def rotate_call(workspace_id: str) -> Call[str]:
    """A new secret for the workspace (the old one stops verifying)."""
    return _create_secret(check.require_id(workspace_id, "workspace_id", "workspace id"))


def events_pager(subscription_id: str, status: str | list[str] | None, resource_id: str | None) -> Pager:
    """The pages of ``get-events`` (``offset``/``limit``)."""
    arguments: dict[str, Any] = {
        "subscription_id": check.require_id(subscription_id, "subscription_id", "subscription id")
    }
    if status is not None:
        statuses = [status] if isinstance(status, str) else list(status)
        wrong = [s for s in statuses if s not in EVENT_STATUSES]
        if wrong or not statuses:
            raise InvalidArgumentError(f"status must be one of {', '.join(EVENT_STATUSES)} (or a list), got {status!r}")
        # The API takes one status or a JSON array of them as a string.
        arguments["status"] = statuses[0] if len(statuses) == 1 else json.dumps(statuses)
    if resource_id is not None:
        arguments["resource_id"] = check.require_id(resource_id, "resource_id", "resource id")
    return Pager(GET_EVENTS, arguments)


def subscriptions_call(workspace_id: str | None, is_enabled: bool) -> Call[list[SubscriptionDetail]]:
    """The subscriptions (of a workspace, enabled or not)."""
    arguments: dict[str, Any] = {
        "workspace_id": UNSET
        if workspace_id is None
        else check.require_id(workspace_id, "workspace_id", "workspace id"),
        "is_enabled": is_enabled,
    }
    return Call(GET_SUBSCRIPTIONS, arguments, lambda page: list(page.results))


class Webhooks(SyncResource, WebhooksOperations):
    """Webhooks (``client.webhooks``): every generated operation of the tag, and ``subscribe``,
    ``ensure_secret``, ``rotate_secret``, ``list_subscriptions``, ``iter_events``."""

    def subscribe(
        self, workspace_id: str, event_type: str, target_url: str, *, is_enabled: bool = True
    ) -> SubscriptionDetail:
        """Subscribe ``target_url`` to ``event_type`` in a workspace, confirmed: it receives events from now on.

        Creates the subscription, reads the ``X-Hook-Secret`` header of the answer and confirms
        with it. The workspace needs a secret first (:meth:`ensure_secret`): events are signed with it.

        >>> secret = client.webhooks.ensure_secret("ws1")  # doctest: +SKIP
        >>> sub = client.webhooks.subscribe("ws1", "submission.status.change",  # doctest: +SKIP
        ...                                 "https://example.org/prolific/webhook")
        >>> sub.id  # doctest: +SKIP
        '6540...'
        """
        return self._drive(subscribe_flow(workspace_id, event_type, target_url, is_enabled=is_enabled))

    def ensure_secret(self, workspace_id: str) -> str:
        """The workspace's webhook secret (to verify deliveries with); created only if the workspace has none.

        It never replaces an existing secret: that is :meth:`rotate_secret`. Keep the value out
        of logs and code (an environment variable, a secrets store).

        >>> secret = client.webhooks.ensure_secret("ws1")  # doctest: +SKIP
        """
        return self._drive(ensure_secret_flow(workspace_id))

    def rotate_secret(self, workspace_id: str) -> str:
        """Replace the workspace's webhook secret with a new one and return it.

        **Every running receiver breaks** until it is given the new secret: deliveries signed with
        the new one fail verification with the old (Prolific retries them for 24 hours, so update
        the receivers promptly). To read the current secret, use :meth:`ensure_secret`.
        """
        return self._send(rotate_call(workspace_id))

    def list_subscriptions(
        self, workspace_id: str | None = None, *, is_enabled: bool = True
    ) -> list[SubscriptionDetail]:
        """The subscriptions of a workspace (of all yours without one); the disabled ones with ``is_enabled=False``."""
        return self._send(subscriptions_call(workspace_id, is_enabled))

    def iter_events(
        self, subscription_id: str, *, status: str | list[str] | None = None, resource_id: str | None = None
    ) -> Iterator[SubscriptionEvent]:
        """Every event of a subscription (``PENDING``, ``SUCCEEDED``, ``FAILED``: filter with ``status``), every page.

        >>> failed = list(client.webhooks.iter_events("6540...", status="FAILED"))  # doctest: +SKIP
        """
        pager = events_pager(subscription_id, status, resource_id)  # checked now, not at the first next()

        def pages() -> Iterator[SubscriptionEvent]:
            while True:
                yield from pager.take(self.get_events(**pager.arguments()))
                if pager.done:
                    return

        return pages()

    # Old names (CONTRIBUTING.md, "Naming rule for client methods"): they warn, then call the new ones.
    subscriptions = deprecated_alias(list_subscriptions, "subscriptions")
    events = deprecated_alias(iter_events, "events")


class AsyncWebhooks(AsyncResource, AsyncWebhooksOperations):
    """Async twin of :class:`Webhooks` (``AsyncProlific().webhooks``)."""

    async def subscribe(
        self, workspace_id: str, event_type: str, target_url: str, *, is_enabled: bool = True
    ) -> SubscriptionDetail:
        """Create and confirm a subscription; see :meth:`Webhooks.subscribe`."""
        return await self._drive(subscribe_flow(workspace_id, event_type, target_url, is_enabled=is_enabled))

    async def ensure_secret(self, workspace_id: str) -> str:
        """The workspace's secret, created only if it has none; see :meth:`Webhooks.ensure_secret`."""
        return await self._drive(ensure_secret_flow(workspace_id))

    async def rotate_secret(self, workspace_id: str) -> str:
        """Replace the workspace's secret: **running receivers break**; see :meth:`Webhooks.rotate_secret`."""
        return await self._send(rotate_call(workspace_id))

    async def list_subscriptions(
        self, workspace_id: str | None = None, *, is_enabled: bool = True
    ) -> list[SubscriptionDetail]:
        """The subscriptions; see :meth:`Webhooks.list_subscriptions`."""
        return await self._send(subscriptions_call(workspace_id, is_enabled))

    def iter_events(
        self, subscription_id: str, *, status: str | list[str] | None = None, resource_id: str | None = None
    ) -> AsyncIterator[SubscriptionEvent]:
        """Every event of a subscription, as an async iterator; see :meth:`Webhooks.iter_events`."""
        pager = events_pager(subscription_id, status, resource_id)

        async def pages() -> AsyncIterator[SubscriptionEvent]:
            while True:
                for event in pager.take(await self.get_events(**pager.arguments())):
                    yield event
                if pager.done:
                    return

        return pages()

    # Old names (CONTRIBUTING.md, "Naming rule for client methods"): they warn, then call the new ones.
    subscriptions = deprecated_alias(list_subscriptions, "subscriptions")
    events = deprecated_alias(iter_events, "events")


__all__ = ["HOOK_SECRET_HEADER", "AsyncWebhooks", "RawCall", "Unset", "Webhooks"]
