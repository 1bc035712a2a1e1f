"""What ``FakeProlific`` offers for webhooks and signed study links (a mixin: its state lives in the stores)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ._tokens import _LIFETIME, ISSUER

if TYPE_CHECKING:
    from ._delivery import Deliverer, Delivery
    from ._hooks import Hooks
    from ._tokens import StudyKeys


class WebhookFeatures:
    """Webhook subscriptions that deliver, and study tokens; see :class:`~prolific.testing.FakeProlific`."""

    _hooks: Hooks
    _delivery: Deliverer
    _study_keys: StudyKeys
    _lock: Any

    @property
    def webhook_secrets(self) -> dict[str, dict[str, str]]:
        """Workspace id → its ``SecretDetail`` (``id``, ``value``, ``workspace_id``)."""
        return self._hooks.secrets

    @property
    def webhook_subscriptions(self) -> dict[str, dict[str, Any]]:
        """Subscription id → its ``SubscriptionDetail``; events go only to confirmed ones."""
        return self._hooks.subscriptions

    @property
    def webhook_events(self) -> dict[str, list[dict[str, Any]]]:
        """Subscription id → its events (``SubscriptionEvent`` bodies: ``PENDING``, ``SUCCEEDED``, ``FAILED``)."""
        return self._hooks.events

    @property
    def deliveries(self) -> list[Delivery]:
        """Every webhook POST the fake made (each attempt), in order."""
        return self._delivery.deliveries

    @property
    def delivery_attempts(self) -> int:
        """How many times an event is sent before it is marked ``FAILED`` (default 3); settable."""
        return self._delivery.attempts

    @delivery_attempts.setter
    def delivery_attempts(self, value: int) -> None:
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise ValueError(f"delivery_attempts must be an int >= 1, not {value!r}")
        self._delivery.attempts = value

    def deliver_pending(self) -> list[Delivery]:
        r"""POST every event queued by status changes to its subscription's loopback ``target_url``; return the tries.

        Events are queued when a study or submission changes status (``publish-study``,
        :meth:`redeem`, ...) for every confirmed, enabled subscription of that event type in the
        study's workspace. Each is signed with the workspace's secret (``X-Prolific-Request-Signature``,
        ``X-Prolific-Request-Timestamp``, a stable ``X-Event-ID``) and sent in the order queued; a
        non-2xx answer or a connection failure is retried (same ``X-Event-ID``) up to
        :attr:`delivery_attempts` times, with no wait. Only loopback hosts are contacted.
        Nothing is sent in the background: when this returns, :attr:`deliveries` is complete.
        """
        return self._delivery.deliver_pending()

    def redeliver(self, event_id: str) -> list[Delivery]:
        """Send an already delivered event again (same ``X-Event-ID``), as Prolific does when an answer is lost."""
        return self._delivery.redeliver(event_id)

    def rotate_study_key(self) -> str:
        """Add a signing key for study tokens (it signs from now on; the JWKS lists old and new); return its kid."""
        with self._lock:
            return self._study_keys.rotate()

    @property
    def jwks_requests(self) -> int:
        """How many times ``get-study-jwks`` was answered."""
        return self._study_keys.jwks_requests

    def study_token(
        self,
        audience: str,
        *,
        params: dict[str, str] | None = None,
        workspace_id: str = "ws1",
        subject: str | None = None,
        issued_at: float | None = None,
        expires_in: float = _LIFETIME,
        kid: str | None = None,
        issuer: str = ISSUER,
    ) -> str:
        """A ``prolific_token`` as Prolific appends to a signed study link, signed by this fake's key.

        ``audience``: the study URL. ``params``: the URL parameters (``PROLIFIC_PID``, ...), put in
        the ``prolific`` claim with ``workspace_id``. ``issued_at`` (UNIX seconds, default now) and
        ``expires_in`` (default 120 s) set ``iat``/``exp``; ``kid`` picks a key of
        :meth:`rotate_study_key`; ``issuer`` is there to mint wrong ones. Needs the ``[jwt]`` extra.
        """
        with self._lock:
            return self._study_keys.mint(
                audience,
                params=params,
                workspace_id=workspace_id,
                subject=subject,
                issued_at=issued_at,
                expires_in=expires_in,
                kid=kid,
                issuer=issuer,
            )
