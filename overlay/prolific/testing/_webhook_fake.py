"""What ``FakeProlific`` offers for webhooks and signed study links (a mixin: its state lives in the stores)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from ._delivery import Backoff
from ._tokens import _LIFETIME, ISSUER

if TYPE_CHECKING:
    from ._delivery import Deliverer, Delivery
    from ._hooks import Hooks
    from ._tokens import StudyKeys


class WebhookFeatures:
    """Webhook subscriptions that deliver, and study tokens; see :class:`~prolific.testing.FakeProlific`.

    Deliveries: explicit in-process (:meth:`deliver_pending`), by themselves under :meth:`serve`
    (Prolific's retry schedule, compressed by :attr:`delivery_time_scale`); see :mod:`._delivery`.
    """

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
        """Every webhook POST the fake made (each attempt, with its schedule: ``at``, ``retry_in``), in order."""
        return self._delivery.deliveries

    @property
    def delivery_attempts(self) -> int:
        """How many times :meth:`deliver_pending` sends an event before it is ``FAILED`` (default 3); settable.

        The background deliverer of :meth:`serve` follows Prolific's schedule instead (12 attempts).
        """
        return self._delivery.attempts

    @delivery_attempts.setter
    def delivery_attempts(self, value: int) -> None:
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise ValueError(f"delivery_attempts must be an int >= 1, not {value!r}")
        self._delivery.attempts = value

    @property
    def delivery_time_scale(self) -> float:
        """What Prolific's delivery times are multiplied by in the fake (default 1/1440: a day in a minute).

        Prolific retries a failed delivery up to 11 times over 24 hours and disables a target URL
        (for an event type) after 5 days of failures only; scaled by 1/1440, the retries take at
        most a minute and the disabling 5 minutes. From 0 (excluded) to 1 (Prolific's real times).
        """
        return self._delivery.scale

    @delivery_time_scale.setter
    def delivery_time_scale(self, value: float) -> None:
        if isinstance(value, bool) or not isinstance(value, int | float) or not 0 < value <= 1:
            raise ValueError(f"delivery_time_scale must be a number > 0 and <= 1 (e.g. 1/1440), not {value!r}")
        self._delivery.scale = float(value)

    @property
    def delivery_seed(self) -> int:
        """The seed of the retry delays' jitter (default 0): the same seed and events give the same schedule."""
        return self._delivery.backoff.seed

    @delivery_seed.setter
    def delivery_seed(self, value: int) -> None:
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValueError(f"delivery_seed must be an int, not {value!r}")
        with self._delivery.cond:
            self._delivery.backoff = Backoff(value)

    @property
    def delivery_hosts(self) -> set[str]:
        """The hosts webhooks are POSTed to (default loopback: ``127.0.0.1``, ``localhost``, ``::1``); a set to edit.

        An event for any other host is ``FAILED`` at once, its attempt's ``error`` saying so.
        """
        return self._delivery.allowed_hosts

    @property
    def delivery_errors(self) -> list[BaseException]:
        """What the background deliverer raised (a bug of the fake's; the event was marked ``FAILED``)."""
        return self._delivery.errors

    def deliver_pending(self) -> list[Delivery]:
        r"""POST every waiting webhook event to its subscription's ``target_url`` now; return the attempts made.

        Events are queued when a study or submission changes status (``publish-study``,
        :meth:`redeem`, ...) for every confirmed, enabled subscription of that event type in the
        study's workspace. Each is signed with the workspace's secret (``X-Prolific-Request-Signature``,
        ``X-Prolific-Request-Timestamp``, a stable ``X-Event-ID``, ``X-Timestamp``: when the event
        happened) and sent in the order the changes happened; a non-2xx answer, a connection failure
        or a timeout is retried at once (same ``X-Event-ID``) up to :attr:`delivery_attempts` times.
        Only :attr:`delivery_hosts` are contacted. Every attempt is in :attr:`deliveries` and in the
        event's ``attempts`` (``get-events``) when this returns.

        In-process (:attr:`transport`) nothing is sent until this is called. While :meth:`serve`
        runs, a background thread sends each event as it happens and retries on Prolific's schedule
        (:attr:`delivery_time_scale`); this then sends what still waits at once, skipping the waits.
        """
        return self._delivery.deliver_pending()

    def wait_for_deliveries(self, timeout: float = 10.0) -> list[Delivery]:
        """Under :meth:`serve`: wait until every event is delivered or out of attempts; return :attr:`deliveries`.

        A failing receiver keeps events waiting for Prolific's whole retry schedule (a minute at the
        default :attr:`delivery_time_scale`). Raises ``TimeoutError`` after ``timeout`` seconds, and
        ``RuntimeError`` when events wait with no :meth:`serve` running (use :meth:`deliver_pending`).
        """
        if not self._delivery.wait_idle(timeout):
            raise TimeoutError(f"webhook events still wait for delivery after {timeout} s (fake.webhook_events)")
        return self._delivery.deliveries

    def set_delivery_clock(self, clock: Callable[[], float], sleep: Callable[[float], object]) -> None:
        """Drive the background deliverer's schedule with your own clock (seconds) and ``sleep(seconds)``.

        For tests of a receiver's retries that take no time: a ``sleep`` that advances ``clock``
        runs Prolific's whole schedule at once, and the waits it was asked for are the schedule.
        Set it before :meth:`serve`.
        """
        if not callable(clock) or not callable(sleep):
            raise TypeError("clock and sleep must be callables: clock() -> seconds, sleep(seconds)")
        with self._delivery.cond:
            self._delivery.clock = clock
            self._delivery.sleep = sleep

    def redeliver(self, event_id: str) -> list[Delivery]:
        """Send an event again now (same ``X-Event-ID``), as Prolific does when an answer is lost; its attempts."""
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
