"""``FakeProlific``: the state, the seeding, the fault and route hooks; the pipeline is its ``dispatcher``."""

from __future__ import annotations

import contextlib
import difflib
import threading
from collections.abc import Callable, Iterator, Mapping
from datetime import datetime
from typing import Any

from prolific_api_client.operations import OPERATIONS

from ._admin import Admin
from ._answers import Answer
from ._bonuses import BulkBonuses, check_delay
from ._clock import FakeClock
from ._credentials import CredentialPools
from ._delivery import Deliverer
from ._demo import seed_demo, take_part
from ._dispatch import Dispatcher
from ._exports import StudyData
from ._faults import Fault, FaultQueue, fail_fault, filters
from ._filters import Filters
from ._groups import ParticipantGroups
from ._hooks import Hooks
from ._invitations import Invitations
from ._messages import Messages
from ._recording import RecordedRequest
from ._routes import FakeRequest, Handler, RouteTable
from ._server import Server
from ._studies import Studies
from ._study_rules import StudyRules
from ._submissions import SubmissionReviews, participant_action
from ._surveys import Surveys
from ._synth import Synthesizer
from ._tokens import PUBLIC_OPERATIONS, StudyKeys
from ._transport import FakeTransport
from ._webhook_fake import WebhookFeatures
from ._workspaces import Workspaces

# One table for every fake: built from the generated registry, never from path strings written here.
ROUTES = RouteTable(OPERATIONS.values())


class FakeProlific(WebhookFeatures):
    r"""A stateful in-memory Prolific API for tests: in-process (:attr:`transport`) or over HTTP (:meth:`serve`).

    Every operation of the API is routed (method and path template from the generated registry,
    ``prolific_api_client.operations.OPERATIONS``). These answer from state, with the API's
    checks and Prolific's error shape ``{"error": {"status", "error_code", "title", "detail"}}``:

    * credential pools: ``create-credential-pool``, ``update-credential-pool`` (additive, 409 on a
      username already in the pool), ``list-credential-pools`` (``?workspace_id=``);
    * studies: ``create-study`` (a draft), ``get-study``, ``get-studies``, ``update-study``
      (``credential_pool_id`` on drafts only, from the study's workspace), ``publish-study``
      (``PUBLISH``, ``PAUSE``, ``START``, ``STOP``, ``SCHEDULE_PUBLISH``, ``CANCEL_PUBLISH``),
      ``download-study-credential-report`` (CSV), ``get-submissions`` (``page``/``page_size``);
    * participant groups: create, list (``?workspace_id=`` or ``?project_id=``), get, update,
      delete, and members: list, add, remove (ids checked: 24 hexadecimal characters);
    * ``create-invitation``; ``get-surveys`` (``offset``/``limit``) and ``get-survey``;
    * submissions: ``get-submissions`` (status flags such as ``awaiting_review=true``, ``status=``),
      ``get-submission``, ``transition-submission`` (the status machine of
      :mod:`prolific.testing._submissions`: an illegal transition is 400, a repeated one ignored, the
      rejection rules checked), ``bulk-approve-submissions`` (applied "a moment later":
      :attr:`bulk_approve_lag`, :meth:`settle`), ``count-study-submissions-by-status``,
      ``request-submission-return``;
    * messages: ``send-message``, ``bulk-message-participants``, ``send-message-to-participant-group``
      (stored in :attr:`messages`, one entry per recipient);
    * before spending, and a study's copies (:mod:`prolific.testing._study_rules`,
      :mod:`prolific.testing._filters`): ``calculate-study-cost``, ``get-workspace-balance``
      (:meth:`set_balance`; publishing beyond the balance is refused), ``get-filters`` (a small
      catalogue), ``get-eligible-count`` (a deterministic function of the filters),
      ``get-filter-sets`` / ``get-filter-set`` (:meth:`add_filter_set`),
      ``post-study-predicted-recruitment-time`` and ``get-study-predicted-recruitment-time`` (one
      rule; :attr:`predicted_recruitment_hours`), ``calculate-reward-recommendations``,
      ``create-test-study``, ``duplicate-study``, ``delete-study`` (drafts); ``update-study`` of a
      published study changes only what Prolific lists;
    * bonuses: ``create-bonus-payments``, ``pay-bonus-payments`` and Prolific's record of them
      (``bonus_payments`` on ``get-submission``, ``get-study-cost``; :attr:`bonus_settlement_delay`);
    * webhooks: secrets, subscriptions (``create-subscription`` answers ``X-Hook-Secret``, which
      ``confirm-subscription`` sends back), their events; status changes of studies and
      submissions are delivered, signed, to confirmed subscriptions by :meth:`deliver_pending`;
      ``get-study-jwks`` (no token needed) and :meth:`study_token` for signed study links;
    * study data: ``export-demographic-data`` (asynchronous:
      :attr:`demographic_export_delay`; :attr:`demographic_export_access`) and its history.

    Every other operation answers its documented success status with a body valid against the
    published document, made up from its response schema (:mod:`prolific.testing._synth`):
    realistic (24-hexadecimal ids, ISO dates, amounts in pence) and the same for the same ``seed`` and
    requests; ``get-user``, ``get-study-cost`` and a few more agree with
    the state above. :meth:`route` replaces any answer with your own. An unknown path answers 404,
    a known path with another method 405 (with ``Allow``).

    ``token``: the only token accepted (``None``: any non-empty one). Every request needs
    ``Authorization: Token <token>``, else 401 before anything else (faults included).

    Which workspace a study is in: ``create-study`` takes ``project``, a project id registered with
    :meth:`add_project`; or (a FakeProlific shortcut) ``workspace_id``, for that workspace's
    default project, made up on first use.

    State (plain attributes, safe to read once requests are answered): ``pools`` (pool id → list of
    ``(username, password)`` in insertion order), ``pool_workspaces`` (pool id → workspace id),
    ``redemptions`` (pool id → ``(participant_id, submission_id)`` per used credential, in pool
    order), ``studies`` (study id → the ``Study`` body), ``projects`` (project id → workspace id),
    ``submissions`` (study id → ``SubmissionShort`` bodies), ``messages``, ``participant_groups`` (group id → the
    body), ``participant_group_members`` (group id → {participant id: when added}), ``invitations``
    (every invitation created), ``surveys`` (survey id → body), ``requests`` (every
    :class:`RecordedRequest`), ``exceptions`` (what handlers raised: a 500 was sent instead).

    A published study lives as on Prolific: at most ``total_available_places`` submissions hold a
    place (a start beyond them is refused); full, with every participant submitted, it moves to
    ``AWAITING REVIEW``, and to ``COMPLETED`` once each submission is reviewed; a return or a time-out
    (after ``maximum_allowed_time`` on the fake's :attr:`clock`, moved by :meth:`advance`) frees a
    place. Every status change is in :attr:`transitions`.

    Seeding and participants: :meth:`add_project`, :meth:`add_study`, :meth:`add_submissions`,
    :meth:`add_surveys`, :meth:`redeem`, :meth:`take_part`, :meth:`start_submission`,
    :meth:`complete_submission`, :meth:`return_submission`, :meth:`time_out_submission`. Faults,
    queued in order and consumed one request at a time: :meth:`fail_next`, :meth:`drop_next`,
    :meth:`stall_next` (``after_apply=True``: the request is applied, only its answer is lost). Over
    HTTP, ``/__fake__/…`` offers the same (``GET /__fake__/`` lists it; ``prolific-client fake``
    wraps it). All of it is thread-safe.

    >>> import httpx
    >>> fake = FakeProlific()
    >>> client = httpx.Client(transport=fake.transport, base_url="https://api.prolific.com",
    ...                       headers={"Authorization": "Token test-token"})
    >>> r = client.post("/api/v1/credentials/",
    ...                 json={"credentials": "alice,pw-1\nbob,pw-2", "workspace_id": "ws1"})
    >>> r.status_code
    201
    >>> pool_id = r.json()["credential_pool_id"]
    >>> fake.pools[pool_id]
    [('alice', 'pw-1'), ('bob', 'pw-2')]
    >>> client.patch(f"/api/v1/credentials/{pool_id}/", json={"credentials": "alice,pw-9"}).json()["error"]["title"]
    'Conflict'
    >>> fake.fail_next(503, retry_after=2)
    >>> r = client.patch(f"/api/v1/credentials/{pool_id}/", json={"credentials": "carol,pw-3"})
    >>> r.status_code, r.headers["Retry-After"]
    (503, '2')
    >>> with fake.serve() as url:  # the same fake over real HTTP on 127.0.0.1
    ...     r = httpx.patch(f"{url}/api/v1/credentials/{pool_id}/", json={"credentials": "carol,pw-3"},
    ...                     headers={"Authorization": "Token test-token"})
    >>> r.status_code, len(fake.pools[pool_id]), len(fake.requests)
    (200, 3, 4)

    A study with that pool, published, and a participant taking a credential:

    >>> study = client.post("/api/v1/studies/", json={
    ...     "name": "Pilot", "description": "d", "external_study_url": "https://example.org",
    ...     "prolific_id_option": "url_parameters", "total_available_places": 2,
    ...     "estimated_completion_time": 5, "reward": 100, "workspace_id": "ws1"}).json()
    >>> study["status"], study["has_credentials"]
    ('UNPUBLISHED', False)
    >>> client.patch(f"/api/v1/studies/{study['id']}/", json={"credential_pool_id": pool_id}).json()["has_credentials"]
    True
    >>> client.post(f"/api/v1/studies/{study['id']}/transition/", json={"action": "PUBLISH"}).json()["status"]
    'ACTIVE'
    >>> fake.redeem(study["id"], "5e9b9c9b0f9c9a0001b0b1f4")
    ('alice', 'pw-1')
    >>> print(client.get(f"/api/v1/studies/{study['id']}/credentials/report/").text.splitlines()[1])
    5e9b9c9b0f9c9a0001b0b1f4,...,alice,USED
    """

    def __init__(self, token: str | None = None, *, check_requests: bool = True, seed: int = 0) -> None:
        """Create an empty fake accepting ``token`` only (``None``: any non-empty token).

        ``check_requests``: answer a request that breaks the spec with the API's 400 (the default);
        ``False`` hands every request to its handler as it is (for tests of the answers alone).
        ``seed``: the values of the answers made up for the operations the fake does not model.
        """
        if token is not None and (not isinstance(token, str) or not token.strip()):
            raise ValueError("token must be a non-empty string or None")
        self._lock = threading.RLock()
        self._faults = FaultQueue()
        self.clock = FakeClock(lock=self._lock)
        """The fake's time (:class:`~prolific.testing._clock.FakeClock`): it moves only with :meth:`advance`."""
        self._pools = CredentialPools(self._lock)
        self._studies = Studies(self._lock, self._pools, self.clock)
        self._groups = ParticipantGroups(self._lock, self._studies.projects)
        self._invitations = Invitations(self._lock)
        self._surveys = Surveys(self._lock)
        self._workspaces = Workspaces(self._lock, self._studies.projects)
        self._bonuses = BulkBonuses(self._lock, self._studies)
        self._reviews = SubmissionReviews(self._lock, self._studies, self._bonuses.paid_on)
        self._messages = Messages(self._lock, self._studies, self._groups)
        self._hooks = Hooks(self._lock, self._studies)
        self._delivery = Deliverer(self._hooks, self._lock)
        self._study_keys = StudyKeys(self._lock)
        self._filters = Filters(self._lock, self._studies, self._groups)
        self._study_rules = StudyRules(self._lock, self._studies, self._filters, self._bonuses)
        self._study_data = StudyData(self._lock, self._studies, self.clock)
        self._stores = (
            self._pools,
            self._studies,
            self._groups,
            self._invitations,
            self._surveys,
            self._reviews,
            self._messages,
            self._bonuses,
            self._hooks,
            self._delivery,
            self._study_keys,
            self._workspaces,
            self._filters,
            self._study_rules,
            self._study_data,
        )
        self._builtin: dict[str, Callable[[FakeRequest], Answer]] = {}
        for store in self._stores:
            self._builtin.update(store.handlers())
        unknown = sorted(set(self._builtin) - set(OPERATIONS))
        if unknown:  # the spec renamed or dropped an operation the fake implements
            raise RuntimeError(f"FakeProlific handles operations the generated registry lacks: {unknown}")
        self._custom: dict[str, Handler] = {}
        self._admin = Admin(self, self._lock)
        self.requests: list[RecordedRequest] = []
        self.exceptions: list[BaseException] = []
        self.dispatcher = Dispatcher(
            ROUTES,
            token=token,
            public=PUBLIC_OPERATIONS,
            admin=self._admin.answer,
            check_requests=check_requests,
            lock=self._lock,
            faults=self._faults,
            builtin=self._builtin,
            custom=self._custom,
            requests=self.requests,
            exceptions=self.exceptions,
            synthesizer=Synthesizer(seed, self, self._builtin),
        )
        """The request pipeline the in-process transport and the HTTP server share."""
        self.transport = FakeTransport(self.dispatcher)
        """One httpx transport for both ``httpx.Client`` and ``httpx.AsyncClient``."""

    def __repr__(self) -> str:
        return (
            f"FakeProlific(pools={len(self.pools)}, studies={len(self.studies)}, "
            f"participant_groups={len(self.participant_groups)}, invitations={len(self.invitations)}, "
            f"requests={len(self.requests)}, pending_faults={self.pending_faults})"
        )

    # -- state ----------------------------------------------------------------------------------

    @property
    def token(self) -> str | None:
        """The only token accepted (``None``: any non-empty one)."""
        return self.dispatcher.token

    @token.setter
    def token(self, value: str | None) -> None:
        self.dispatcher.token = value

    @property
    def pools(self) -> dict[str, list[tuple[str, str]]]:
        """Pool id → its ``(username, password)`` pairs, in insertion order."""
        return self._pools.pools

    @property
    def pool_workspaces(self) -> dict[str, str]:
        """Pool id → the workspace it belongs to."""
        return self._pools.workspaces

    @property
    def redemptions(self) -> dict[str, list[tuple[str, str]]]:
        """Pool id → ``(participant_id, submission_id)`` of each used credential (the pool's first ones)."""
        return self._pools.redemptions

    @property
    def studies(self) -> dict[str, dict[str, Any]]:
        """Study id → the ``Study`` body the API answers."""
        return self._studies.studies

    @property
    def projects(self) -> dict[str, str]:
        """Project id → workspace id (:meth:`add_project`, and default projects made up for ``workspace_id``)."""
        return self._studies.projects

    @property
    def submissions(self) -> dict[str, list[dict[str, Any]]]:
        """Study id → its submissions (``SubmissionShort`` bodies), oldest first."""
        return self._studies.submissions

    @property
    def participant_groups(self) -> dict[str, dict[str, Any]]:
        """Group id → the ``ParticipantGroup`` body."""
        return self._groups.groups

    @property
    def participant_group_members(self) -> dict[str, dict[str, str]]:
        """Group id → {participant id: when it was added (ISO 8601)}, in the order added."""
        return self._groups.members

    @property
    def invitations(self) -> list[dict[str, Any]]:
        """Every invitation created, in order."""
        return self._invitations.invitations

    @property
    def surveys(self) -> dict[str, dict[str, Any]]:
        """Survey id → the ``SurveyOut`` body (:meth:`add_surveys`)."""
        return self._surveys.surveys

    @property
    def messages(self) -> list[dict[str, Any]]:
        """One entry per participant messaged, in order: ``recipient_id``, ``body``, ``study_id``,
        ``participant_group_id`` (``None`` unless sent to a group), ``sent_at``."""
        return self._messages.messages

    @property
    def bulk_approve_lag(self) -> int:
        """After how many submission requests a bulk approve is applied (default 1: the next one; 0: at once).

        See :mod:`prolific.testing._submissions`; :meth:`settle` applies the queued ones now.
        """
        return self._reviews.lag

    @bulk_approve_lag.setter
    def bulk_approve_lag(self, value: int) -> None:
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise ValueError(f"bulk_approve_lag must be an int >= 0, not {value!r}")
        self._reviews.lag = value

    def settle(self) -> int:
        """Apply every queued bulk approval now (the API applies them "a moment later"); return how many.

        >>> fake = FakeProlific()
        >>> study_id = fake.add_study(workspace_id="ws1")
        >>> ids = fake.add_submissions(study_id, 2, status="AWAITING REVIEW")
        >>> fake.settle()
        0
        """
        with self._lock:
            return self._reviews.settle()

    @property
    def bulk_bonuses(self) -> dict[str, dict[str, Any]]:
        """Bulk bonus id → the ``BulkBonus`` body (cost in cents: fees 33% of the amount, VAT 20% of the fees)."""
        return self._bonuses.bulk_bonuses

    @property
    def bonus_payments(self) -> list[dict[str, Any]]:
        """Every ``pay-bonus-payments`` that paid, in order.

        Each: ``bulk_id``, ``study_id``, ``bonuses`` (``(id, amount as sent)`` per line), ``amount``,
        ``fees``, ``vat``, ``total_amount`` (cents), ``paid_at``, ``settles_at`` and ``settled_at``
        (``None`` until it shows in Prolific's record: :attr:`bonus_settlement_delay`). Paying a
        bulk id twice pays twice (as the real API does): it appears twice here.
        """
        return self._bonuses.payments

    @property
    def bonus_record(self) -> dict[str, list[int]]:
        """Prolific's record: submission id → the bonuses paid on it (cents, settled ones), as ``get-submission``'s
        ``bonus_payments`` shows them.

        >>> import httpx
        >>> fake = FakeProlific()
        >>> study_id = fake.add_study(workspace_id="ws1")
        >>> [submission_id] = fake.add_submissions(study_id, 1)
        >>> client = httpx.Client(transport=fake.transport, base_url="https://api.prolific.com",
        ...                       headers={"Authorization": "Token t"})
        >>> bulk = client.post("/api/v1/submissions/bonus-payments/",
        ...                    json={"study_id": study_id, "csv_bonuses": f"{submission_id},1.50"}).json()
        >>> client.post(f"/api/v1/bulk-bonus-payments/{bulk['id']}/pay/").status_code
        202
        >>> fake.bonus_record[submission_id]
        [150]
        >>> client.get(f"/api/v1/submissions/{submission_id}/").json()["bonus_payments"]
        [150]
        >>> client.get(f"/api/v1/studies/{study_id}/cost/").json()["bonuses"]["rewards"]
        {'amount': 150, 'currency': 'GBP'}
        """
        return self._bonuses.paid

    @property
    def bonus_settlement_delay(self) -> float:
        """Seconds of the fake's clock between a pay and the moment it shows in Prolific's record (default 0).

        Prolific pays "in the following minutes": with a delay, ``get-submission``'s
        ``bonus_payments`` and ``get-study-cost``'s ``bonuses`` show a payment only once
        :meth:`advance` has moved the clock that far.

        >>> fake = FakeProlific()
        >>> fake.bonus_settlement_delay = 120
        >>> fake.bonus_settlement_delay
        120.0
        """
        return self._bonuses.settlement_delay

    @bonus_settlement_delay.setter
    def bonus_settlement_delay(self, value: float) -> None:
        self._bonuses.settlement_delay = check_delay(value)

    @property
    def workspaces(self) -> dict[str, dict[str, Any]]:
        """Workspace id → the ``Workspace`` body (``create-workspace``, :meth:`seed_demo`)."""
        return self._workspaces.workspaces

    @property
    def project_bodies(self) -> dict[str, dict[str, Any]]:
        """Project id → the ``Project`` body (``create-project``, :meth:`seed_demo`); see also :attr:`projects`."""
        return self._workspaces.projects

    @property
    def filter_sets(self) -> dict[str, dict[str, Any]]:
        """Filter set id → the ``FilterSet`` body (:meth:`add_filter_set`)."""
        return self._filters.filter_sets

    @property
    def test_studies(self) -> dict[str, dict[str, Any]]:
        """Test study id → ``study_id``, ``study_url`` and ``source_study_id`` (``create-test-study``)."""
        return self._study_rules.test_studies

    def add_filter_set(self, workspace_id: str, name: str, filters: list[dict[str, Any]]) -> str:
        """Add a filter set (version 1) to a workspace, for ``get-filter-sets`` and studies' ``filter_set_id``.

        ``filters`` as ``create-study`` takes them, checked against the fake's catalogue
        (:mod:`prolific.testing._filters`): ``ValueError`` naming what the API would refuse.

        >>> fake = FakeProlific()
        >>> set_id = fake.add_filter_set("ws1", "UK adults", [
        ...     {"filter_id": "current-country-of-residence", "selected_values": ["0"]},
        ...     {"filter_id": "age", "selected_range": {"lower": 18, "upper": 64}}])
        >>> fake.filter_sets[set_id]["name"], fake.filter_sets[set_id]["version"]
        ('UK adults', 1)
        """
        with self._lock:
            return self._filters.add_set(workspace_id, name, filters)

    def set_balance(self, workspace_id: str, cents: int) -> None:
        """Set a workspace's funds (cents; a workspace has £10,000.00 until told otherwise).

        ``get-workspace-balance`` answers them less the bonuses paid (``total_balance``) and less
        again what published studies reserve (``available_balance``); publishing a study or adding
        places that the available balance does not cover is refused (see
        :mod:`prolific.testing._study_rules`).

        >>> fake = FakeProlific()
        >>> study_id = fake.add_study(workspace_id="ws1", reward=150, total_available_places=10)
        >>> fake.set_balance("ws1", 1000)
        >>> import httpx
        >>> client = httpx.Client(transport=fake.transport, base_url="https://api.prolific.com",
        ...                       headers={"Authorization": "Token t"})
        >>> print(client.post(f"/api/v1/studies/{study_id}/transition/", json={"action": "PUBLISH"})
        ...       .json()["error"]["detail"])  # doctest: +NORMALIZE_WHITESPACE
        Insufficient funds: publishing this study costs £20.94 (rewards, fees and VAT) and the
        workspace's available balance is £10.00. Add funds to the workspace and try again.
        """
        if isinstance(cents, bool) or not isinstance(cents, int):
            raise ValueError(f"cents must be an int (the balance in cents/pence), not {cents!r}")
        if not isinstance(workspace_id, str) or not workspace_id:
            raise ValueError(f"workspace_id must be a non-empty string, not {workspace_id!r}")
        with self._lock:
            self._study_rules.funds[workspace_id] = cents

    @property
    def predicted_recruitment_hours(self) -> float | None:
        """What both predicted-recruitment-time operations answer (hours); ``None`` (the default): the fake's rule.

        The rule (:mod:`prolific.testing._study_rules`): from the participants the filters reach,
        the places and the hourly rate; set a number to make a test's prediction what it states.
        """
        return self._study_rules.predicted_hours

    @predicted_recruitment_hours.setter
    def predicted_recruitment_hours(self, value: float | None) -> None:
        if value is not None and (isinstance(value, bool) or not isinstance(value, int | float) or value <= 0):
            raise ValueError(f"predicted_recruitment_hours must be a number of hours > 0 or None, not {value!r}")
        self._study_rules.predicted_hours = None if value is None else float(value)

    @property
    def demographic_export_delay(self) -> float:
        """Seconds of the fake's clock a new demographic export takes (default 0); until then it answers
        ``{"status": "GENERATING"}`` (:mod:`prolific.testing._exports`)."""
        return self._study_data.export_delay

    @demographic_export_delay.setter
    def demographic_export_delay(self, value: float) -> None:
        if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value < float("inf"):
            raise ValueError(f"demographic_export_delay must be a number of seconds >= 0, not {value!r}")
        self._study_data.export_delay = float(value)

    @property
    def demographic_export_access(self) -> bool:
        """Whether the workspace may export demographics (default True; False: ``export-demographic-data`` is 403)."""
        return self._study_data.export_access

    @demographic_export_access.setter
    def demographic_export_access(self, value: bool) -> None:
        if not isinstance(value, bool):
            raise TypeError(f"demographic_export_access must be True or False, not {value!r}")
        self._study_data.export_access = value

    @property
    def handled_operations(self) -> frozenset[str]:
        """The operation ids answered from state or by a handler given to :meth:`route`; the rest are made up."""
        return frozenset(self._builtin) | frozenset(self._custom)

    def reset(self) -> None:
        """Forget all stored data, recorded requests, exceptions and pending faults.

        The token and the handlers given to :meth:`route` stay (they are configuration).
        """
        with self._lock:
            for store in self._stores:
                store.clear()
            self.requests.clear()
            self.exceptions.clear()
            self._faults.clear()
            self.clock.reset()

    @property
    def pending_faults(self) -> int:
        """How many injected fault uses are still waiting for a matching request."""
        return self._faults.pending

    @property
    def queued_faults(self) -> list[dict[str, Any]]:
        """The faults still waiting, in the order they apply (dicts: ``kind``, ``describe``, ``remaining``, ...)."""
        return [fault.summary() for fault in self._faults.queued()]

    def clear_faults(self) -> int:
        """Forget every queued fault; return how many uses were pending."""
        pending = self._faults.pending
        self._faults.clear()
        return pending

    @property
    def transitions(self) -> list[dict[str, Any]]:
        """Every status change of a study or a submission, in order.

        Each: ``kind`` (``"study"`` or ``"submission"``), ``id``, ``study_id``, ``from``, ``to`` and
        ``at`` (the fake's clock).
        """
        return self._studies.transitions

    # -- time -----------------------------------------------------------------------------------

    def advance(self, seconds: float) -> datetime:
        """Move the fake's :attr:`clock` ``seconds`` forward; what falls due happens; return the new time.

        Started submissions whose study's ``maximum_allowed_time`` (minutes) has passed time out
        (``TIMED-OUT``: the place is free again); bonus payments whose
        :attr:`bonus_settlement_delay` has passed show in Prolific's record. Over HTTP:
        ``POST /__fake__/clock`` with ``{"advance": seconds}``.

        >>> fake = FakeProlific()
        >>> study_id = fake.add_study(workspace_id="ws1", maximum_allowed_time=30)
        >>> [submission_id] = fake.add_submissions(study_id, 1, status="ACTIVE")
        >>> _ = fake.advance(29 * 60)
        >>> fake.submissions[study_id][0]["status"]
        'ACTIVE'
        >>> _ = fake.advance(60)
        >>> fake.submissions[study_id][0]["status"]
        'TIMED-OUT'
        """
        return self.clock.advance(seconds)

    # -- seeding and participants ---------------------------------------------------------------

    def add_project(self, project_id: str, workspace_id: str) -> None:
        """Register a project and its workspace, so that ``create-study`` with ``project`` knows the workspace.

        >>> fake = FakeProlific()
        >>> fake.add_project("proj-1", "ws1")
        >>> fake.projects
        {'proj-1': 'ws1'}
        """
        with self._lock:
            self._studies.add_project(project_id, workspace_id)

    def add_study(self, *, workspace_id: str | None = None, project: str | None = None, **fields: Any) -> str:
        """Create a draft study directly (as ``create-study`` would); return its id.

        The fields ``create-study`` requires default to placeholders; give ``workspace_id`` or a
        ``project`` from :meth:`add_project`. Fields the API would refuse raise ``ValueError``.

        >>> fake = FakeProlific()
        >>> study_id = fake.add_study(workspace_id="ws1", total_available_places=30)
        >>> fake.studies[study_id]["status"], fake.studies[study_id]["total_available_places"]
        ('UNPUBLISHED', 30)
        """
        if workspace_id is not None:
            fields["workspace_id"] = workspace_id
        if project is not None:
            fields["project"] = project
        with self._lock:
            return self._studies.add_study(fields)

    def add_submissions(self, study_id: str, count: int, *, status: str = "APPROVED") -> list[str]:
        """Add ``count`` submissions (made-up participants) to a study, for ``get-submissions``; return their ids.

        >>> fake = FakeProlific()
        >>> study_id = fake.add_study(workspace_id="ws1")
        >>> len(fake.add_submissions(study_id, 250)), len(fake.submissions[study_id])
        (250, 250)
        """
        with self._lock:
            return self._studies.add_submissions(study_id, count, status)

    def add_surveys(self, researcher_id: str, count: int, *, title: str = "Survey") -> list[str]:
        """Add ``count`` surveys of a researcher, for ``get-surveys``; return their ids.

        >>> fake = FakeProlific()
        >>> len(fake.add_surveys("researcher-1", 3)), len(fake.surveys)
        (3, 3)
        """
        with self._lock:
            return self._surveys.add(researcher_id, count, title)

    def redeem(self, study_id: str, participant_id: str | None = None) -> tuple[str, str]:
        """A participant takes the study: hand out the next unused credential of its pool.

        Records a submission (``ACTIVE``, a made-up submission id) for ``participant_id`` (24 hex
        characters; ``None``: a made-up one), marks the credential used (the pool's
        ``available_credentials`` and the credentials report follow), and pauses the study
        (``PAUSED``) when that was the pool's last credential. Returns ``(username, password)``.

        Raises ``ValueError`` (saying why) for an unknown study, a study without a pool, a pool
        with no credentials left, a study that is not ``ACTIVE``, or a participant who already
        has a submission in the study.
        """
        with self._lock:
            return self._studies.redeem(study_id, participant_id)

    def seed_demo(self, participants: int = 3) -> dict[str, Any]:
        """A demo world to run a study in: a workspace, a project, a draft study, participant ids.

        Returns ``{"workspace_id", "project_id", "study_id", "participant_ids"}``. The study has no
        credential pool: create one, attach it, publish, then :meth:`take_part`. Over HTTP:
        ``POST /__fake__/seed`` (``prolific-client fake-server --seed`` does it at start).

        >>> fake = FakeProlific()
        >>> world = fake.seed_demo()
        >>> fake.studies[world["study_id"]]["status"], fake.projects[world["project_id"]] == world["workspace_id"]
        ('UNPUBLISHED', True)
        """
        with self._lock:
            return seed_demo(self._workspaces, self._studies, participants)

    def take_part(
        self, study_id: str, participants: int | list[str] = 1, *, submit: bool = True
    ) -> list[dict[str, str | None]]:
        """Participants start the study and submit (``AWAITING REVIEW``); return who has which submission.

        ``participants``: a count (made-up ids) or a list of participant ids. ``submit=False``:
        they only start (``ACTIVE``). Each entry: ``participant_id``, ``submission_id``, ``status``,
        ``username`` (the credential redeemed when the study has a pool, else ``None``). Raises
        ``ValueError`` as :meth:`start_submission` does, keeping those who took part before. Over
        HTTP: ``POST /__fake__/submissions`` with ``{"study_id": ..., "participants": 3}``.
        """
        with self._lock:
            return take_part(self._studies, study_id, participants, submit=submit)

    def start_submission(self, study_id: str, participant_id: str | None = None) -> str:
        """A participant takes a place in an ``ACTIVE`` study (redeeming a credential if it has a pool); return the
        new submission's id (``ACTIVE``).

        Prolific's places are respected: ``ValueError`` when every place is held (a study with
        ``total_available_places`` N never has more than N submissions that are started, submitted
        or reviewed; a return or a time-out frees one), when the study is not ``ACTIVE`` (a full
        one whose participants have all submitted is ``AWAITING REVIEW``), or when the participant
        already has a submission in it.

        >>> import httpx
        >>> fake = FakeProlific()
        >>> study_id = fake.add_study(workspace_id="ws1", total_available_places=1)
        >>> client = httpx.Client(transport=fake.transport, base_url="https://api.prolific.com",
        ...                       headers={"Authorization": "Token t"})
        >>> client.post(f"/api/v1/studies/{study_id}/transition/", json={"action": "PUBLISH"}).json()["status"]
        'ACTIVE'
        >>> first = fake.start_submission(study_id)
        >>> fake.start_submission(study_id)
        Traceback (most recent call last):
        ...
        ValueError: study ... has no free place: 1 of 1 places are held (a return or a time-out frees one; ...)
        >>> _ = fake.complete_submission(first)
        >>> fake.studies[study_id]["status"]
        'AWAITING REVIEW'
        """
        with self._lock:
            submission, _ = self._studies.start(study_id, participant_id)
            return str(submission["id"])

    def complete_submission(self, submission_id: str, *, code: str | None = None) -> dict[str, Any]:
        """The participant submits: ``ACTIVE`` → ``AWAITING REVIEW``; return the submission (``SubmissionShort``).

        ``code``: the completion code entered (default: the study's first one, if any).
        ``ValueError`` for an unknown submission or one that is not ``ACTIVE``.
        """
        with self._lock:
            return dict(participant_action(self._studies, submission_id, "complete", code))

    def return_submission(self, submission_id: str) -> dict[str, Any]:
        """The participant returns the submission (``RETURNED``; from ``RESERVED``, ``ACTIVE`` or ``AWAITING REVIEW``).

        The place is free again: a full study becomes ``ACTIVE``. Returns the submission.
        """
        with self._lock:
            return dict(participant_action(self._studies, submission_id, "return"))

    def time_out_submission(self, submission_id: str) -> dict[str, Any]:
        """The submission times out now (``TIMED-OUT``, from ``RESERVED`` or ``ACTIVE``); the place is free again.

        :meth:`advance` does it by itself once the study's ``maximum_allowed_time`` has passed.
        """
        with self._lock:
            return dict(participant_action(self._studies, submission_id, "time-out"))

    # -- custom routes --------------------------------------------------------------------------

    def route(self, operation_id: str, handler: Handler | None) -> None:
        """Answer ``operation_id`` with ``handler`` (replacing the built-in or made-up answer); ``None`` undoes it.

        ``handler(request: FakeRequest) -> httpx.Response | dict | list | None``: ``request`` has
        the matched ``operation``, ``path_params``, ``query``, ``headers``, the parsed JSON ``body``
        and the raw ``content``. Return an ``httpx.Response`` for any status and headers
        (:func:`prolific.testing.error_response` builds Prolific's error shape), a dict or list
        for a 200 JSON answer, or ``None`` for 204. The token check and faults apply first, and
        the request is recorded as any other. The handler runs on the server's threads under
        :meth:`serve`, without the fake's lock: guard shared state of your own. If it raises, the
        client gets a 500 and the exception is kept in :attr:`exceptions`.

        >>> import httpx
        >>> fake = FakeProlific()
        >>> client = httpx.Client(transport=fake.transport, base_url="https://api.prolific.com",
        ...                       headers={"Authorization": "Token t"})
        >>> workspace_id = fake.seed_demo()["workspace_id"]
        >>> client.get(f"/api/v1/workspaces/{workspace_id}/balance/").json()["available_balance"]  # built in
        1000000
        >>> def balance(request):
        ...     return {"currency_code": "GBP", "available_balance": 5000,
        ...             "workspace": request.path_params["workspace_id"]}
        >>> fake.route("get-workspace-balance", balance)
        >>> client.get(f"/api/v1/workspaces/{workspace_id}/balance/").json()["available_balance"]
        5000
        """
        if operation_id not in OPERATIONS:
            close = difflib.get_close_matches(str(operation_id), OPERATIONS, n=3)
            hint = f"; did you mean {' or '.join(close)}?" if close else ""
            raise ValueError(
                f"unknown operation {operation_id!r}{hint} (prolific_api_client.operations.OPERATIONS lists them)"
            )
        if handler is None:
            self._custom.pop(operation_id, None)
            return
        if not callable(handler):
            raise TypeError(f"handler must be callable (request: FakeRequest) -> ..., not {type(handler).__name__}")
        self._custom[operation_id] = handler

    # -- fault injection ------------------------------------------------------------------------

    def fail_next(
        self,
        status: int,
        times: int = 1,
        *,
        retry_after: str | float | None = None,
        body: bytes | str | dict[str, Any] | list[Any] | None = None,
        headers: Mapping[str, str] | None = None,
        after_apply: bool = False,
        apply: bool = False,
        method: str | None = None,
        path: str | None = None,
        operation: str | None = None,
    ) -> None:
        """Answer the next ``times`` matching requests with ``status`` instead of the real answer.

        ``status``: any code from 200 to 999 (499, 520, 599 and 3xx included; add a ``Location``
        with ``headers``). ``body``: bytes or str are sent as they are, a dict or list as JSON;
        default: Prolific's error shape. ``retry_after`` is sent as the ``Retry-After`` header,
        as given (``fail_next(429, retry_after=2)``: Prolific's "too many requests, wait 2 s").
        ``after_apply=True``: process the request normally first (its state changes happen), then
        send the fault instead of the real answer ("the write happened, the gateway said 503");
        ``apply=True`` is its older name. ``method`` / ``path`` (``*`` wildcards allowed) /
        ``operation`` (an operation id): only matching requests consume the fault; others pass
        through. The fake's admin paths (``/__fake__/…``) never consume one.

        >>> fake = FakeProlific()
        >>> fake.fail_next(503, after_apply=True, operation="pay-bonus-payments")
        >>> fake.fail_next(429, retry_after=2, method="POST")
        >>> fake.fail_next(302, headers={"Location": "https://elsewhere.example/"})
        >>> [f["describe"] for f in fake.queued_faults]
        ['fail_next(503, after_apply=True)', 'fail_next(429)', 'fail_next(302)']
        """
        self._faults.add(
            fail_fault(
                status,
                times,
                retry_after=retry_after,
                body=body,
                headers=headers,
                apply=_after_apply(after_apply, apply),
                method=method,
                path=path,
                operation=_operation_filter(operation),
            )
        )

    def drop_next(
        self,
        times: int = 1,
        *,
        after_apply: bool = False,
        apply: bool = False,
        method: str | None = None,
        path: str | None = None,
        operation: str | None = None,
    ) -> None:
        """Drop the connection without any response for the next ``times`` matching requests.

        Over :meth:`serve` the socket is closed after the request was read; through
        :attr:`transport` ``httpx.RemoteProtocolError`` is raised. ``after_apply=True``: the
        request is processed first (the answer is lost, not the request). ``apply`` (its older
        name), ``method``, ``path`` and ``operation`` as for :meth:`fail_next`.

        >>> FakeProlific().drop_next(after_apply=True, path="/api/v1/credentials/*/")
        """
        operation = _operation_filter(operation)
        self._faults.add(
            Fault("drop", times, *filters(method, path), operation, apply=_after_apply(after_apply, apply))
        )

    def stall_next(
        self,
        seconds: float,
        times: int = 1,
        *,
        method: str | None = None,
        path: str | None = None,
        operation: str | None = None,
    ) -> None:
        """Wait ``seconds`` before handling the next ``times`` matching requests, then answer normally.

        The request is processed after the wait, so a client that gave up earlier changed nothing.
        Over :meth:`serve` the handler thread waits (cut short when ``serve()`` exits, and the
        connection is then dropped); the async transport uses ``asyncio.sleep`` (the event loop
        keeps running), the sync transport ``time.sleep``. In-process transports apply no
        timeouts: use :meth:`serve` to see an ``httpx.ReadTimeout``.

        >>> FakeProlific().stall_next(0.5, method="POST")
        """
        if isinstance(seconds, bool) or not isinstance(seconds, int | float) or not seconds >= 0:
            raise ValueError(f"seconds must be a number >= 0, not {seconds!r}")
        self._faults.add(
            Fault("stall", times, *filters(method, path), _operation_filter(operation), seconds=float(seconds))
        )

    # -- the real server ------------------------------------------------------------------------

    @contextlib.contextmanager
    def serve(self, port: int = 0, host: str = "127.0.0.1") -> Iterator[str]:
        """Run a real HTTP/1.1 server for this fake in a daemon thread; yield its base URL.

        ``port=0`` picks a free port. On exit the server stops, open keep-alive connections are
        closed and stalled requests are cut short (their connections dropped); every request that
        arrived is in :attr:`requests` by the time the ``with`` block is left. The token check
        stays on, but keep it on loopback: the fake is not meant to face a network.

        >>> import httpx
        >>> fake = FakeProlific()
        >>> with fake.serve() as url:
        ...     httpx.post(f"{url}/api/v1/invitations/", headers={"Authorization": "Token t"},
        ...                json={"association": "ws1", "emails": ["a@example.org"],
        ...                      "role": "WORKSPACE_ADMIN"}).status_code
        201
        """
        server = Server(host, port, self.dispatcher)
        thread = threading.Thread(
            target=server.serve_forever, kwargs={"poll_interval": 0.01}, name="FakeProlific-server", daemon=True
        )
        thread.start()
        self._delivery.worker.start()  # webhook deliveries, on Prolific's schedule, while serving
        try:
            yield server.url
        finally:
            self._delivery.worker.stop()
            server.stop()
            thread.join(timeout=5)

    def serve_forever(
        self,
        port: int = 0,
        host: str = "127.0.0.1",
        *,
        ready: Callable[[str], object] | None = None,
        stop: threading.Event | None = None,
    ) -> None:
        """Serve over HTTP (see :meth:`serve`) until Ctrl-C or until ``stop`` is set, then return.

        ``ready(url)`` is called once the server listens (e.g. to print the URL). For a CLI::

            FakeProlific().serve_forever(8000, ready=lambda url: print(f"listening on {url}"))
        """
        stop = stop if stop is not None else threading.Event()
        with self.serve(port, host) as url:
            if ready is not None:
                ready(url)
            with contextlib.suppress(KeyboardInterrupt):
                stop.wait()


def _after_apply(after_apply: object, apply: object) -> bool:
    for name, value in (("after_apply", after_apply), ("apply", apply)):
        if not isinstance(value, bool):
            raise TypeError(f"{name} must be True or False, not {value!r}")
    return bool(after_apply or apply)


def _operation_filter(operation: str | None) -> str | None:
    if operation is not None and operation not in OPERATIONS:
        close = difflib.get_close_matches(str(operation), OPERATIONS, n=3)
        hint = f"; did you mean {' or '.join(close)}?" if close else ""
        raise ValueError(f"unknown operation {operation!r}{hint}")
    return operation
