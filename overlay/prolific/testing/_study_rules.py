"""A study's rules as Prolific applies them, and what a researcher asks before spending.

**Money** (every amount in cents/pence, the workspace's currency, GBP in the fake). A study costs its
reward × its places, plus Prolific's fees and the VAT on them, by the fake's fee rule (the one bonuses
and ``get-study-cost`` use: **fees 33% of the rewards, VAT 20% of the fees**, each rounded half up to
a cent): ``calculate-study-cost``. A workspace holds funds (:data:`DEFAULT_FUNDS` unless
``fake.set_balance(workspace_id, cents)`` says otherwise); ``get-workspace-balance`` answers its
``total_balance`` (the funds less what is paid: bonuses, the rewards of approved submissions) and
``available_balance`` (the funds less the bonuses and what its published studies reserve: each one's
whole cost). Publishing a study, or adding
places to a published one, that the available balance does not cover is refused (400), as Prolific
refuses it.

**Changes** (``update-study``): a draft takes any field; once published only ``internal_name``,
``total_available_places`` (increase only), ``access_details``, ``data_collection_metadata`` and
``submissions_config`` change (the operation's description lists them); any other field sent with a
value other than the study's is refused, naming the fields that may change. ``filters`` and
``filter_set_id`` are checked against the catalogue (:mod:`._filters`) on create and update.

**Before spending**: the predicted recruitment time, one rule for a draft's body
(``post-study-predicted-recruitment-time``) and a stored study
(``get-study-predicted-recruitment-time``): from the eligible count, the places and the hourly rate,
deterministic, or ``fake.predicted_recruitment_hours`` for both when a test sets it;
``calculate-reward-recommendations`` (Prolific's published minimum and recommended hourly rates:
£6/£9, $8/$12).

**A study's copies**: ``create-test-study`` (a draft only: a test study published to the workspace's
test participants, answered with its id and link, kept in ``fake.test_studies``, not among the
studies), ``duplicate-study`` (a new draft with the original's fields and, unless
``block_previous_participants`` is false, the original in a ``previous_studies`` block list; the
credential pool is not copied: its credentials belong to the original's participants),
``delete-study`` (drafts only: "Published studies cannot be deleted").
"""

from __future__ import annotations

import copy
import threading
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from ._answers import Answer, field_errors, json_answer, not_found, state_error
from ._bonuses import CURRENCY, FEE_RATE, VAT_RATE, BulkBonuses, _cents
from ._fields import REQUIRED, Errors, new_id, number_field, query_int, unsupported_query
from ._filters import CATALOGUE, Filters
from ._routes import FakeRequest
from ._studies import DRAFT, Studies

#: What a workspace holds unless ``fake.set_balance`` says otherwise: £10,000.00 (in pence).
DEFAULT_FUNDS = 1_000_000
#: The fields ``update-study`` changes on a published study (the operation's description lists them).
PUBLISHED_CHANGES = (
    "internal_name",
    "total_available_places",
    "access_details",
    "data_collection_metadata",
    "submissions_config",
)
#: Prolific's minimum and recommended hourly rates by currency (cents per hour).
HOURLY_RATES = {"GBP": (600, 900), "USD": (800, 1200)}
#: The prediction's horizon: beyond it Prolific says "N hours+".
PREDICTION_LIMIT_HOURS = 72.0
# Of the participants a study's filters reach, the share that start it in an hour at the recommended
# rate (a better rate recruits faster, a worse one slower, within 0.25×..2×).
_HOURLY_UPTAKE = 0.002
_RECOMMENDATIONS_QUERY = frozenset({"workspace_id", "currency", "screener_ids"})
_TEST_STUDY_URL = "https://app.prolific.com/studies/{id}"
# Fields a copy does not take from the original: the API sets them for the new draft.
_NOT_COPIED = frozenset({"id", "status", "date_created", "published_at", "publish_at", "credential_pool_id"})


def study_cost(reward: float, places: int) -> tuple[int, int, int]:
    """``(rewards, fees, vat)`` in cents for ``places`` × ``reward`` by the fake's fee rule (their sum: the cost)."""
    rewards = _cents(Decimal(str(reward)) * places)
    fees = _cents(rewards * FEE_RATE)
    return rewards, fees, _cents(fees * VAT_RATE)


def _money(cents: int) -> str:
    return f"£{cents / 100:,.2f}"


class StudyRules:
    """The rules and answers above; ``funds`` (workspace id → cents) and ``test_studies`` are its state."""

    def __init__(self, lock: threading.RLock, studies: Studies, filters: Filters, bonuses: BulkBonuses) -> None:
        self._lock = lock
        self._studies = studies
        self._filters = filters
        self._bonuses = bonuses
        self.funds: dict[str, int] = {}
        self.test_studies: dict[str, dict[str, Any]] = {}
        #: What both predicted-recruitment-time operations answer (hours) when set; None: the rule.
        self.predicted_hours: float | None = None
        studies.guards.append(self.guard)

    def clear(self) -> None:
        self.funds.clear()
        self.test_studies.clear()

    def handlers(self) -> dict[str, Callable[[FakeRequest], Answer]]:
        return {
            "calculate-study-cost": self.cost,
            "post-study-predicted-recruitment-time": self.predicted_time,
            "get-study-predicted-recruitment-time": self.predicted_time_of_study,
            "calculate-reward-recommendations": self.recommendations,
            "get-workspace-balance": self.balance,
            "create-test-study": self.test_study,
            "duplicate-study": self.duplicate,
            "delete-study": self.delete,
            "get-project-studies": self.project_studies,
        }

    # -- money --------------------------------------------------------------------------------------

    def _known_workspace(self, workspace_id: str) -> bool:
        return workspace_id in self.funds or workspace_id in self._studies.projects.values()

    def reserved(self, workspace_id: str) -> int:
        """What the workspace's published studies hold back: each one's whole cost (cents)."""
        total = 0
        for study in self._studies.studies.values():
            if (
                study["status"] != DRAFT
                and study.get("published_at")
                and self._studies.workspace_of(study) == workspace_id
            ):
                total += sum(study_cost(study.get("reward") or 0, study.get("total_available_places") or 0))
        return total

    def spent(self, workspace_id: str) -> int:
        """The bonuses paid in the workspace's studies, fees and VAT included (cents)."""
        studies = self._studies.studies
        return sum(
            payment["total_amount"]
            for payment in self._bonuses.payments
            if payment["study_id"] in studies
            and self._studies.workspace_of(studies[payment["study_id"]]) == workspace_id
        )

    def paid_out(self, workspace_id: str) -> int:
        """The rewards of the workspace's approved submissions, fees and VAT included (cents): money gone."""
        total = 0
        for study_id, submissions in self._studies.submissions.items():
            study = self._studies.studies[study_id]
            if self._studies.workspace_of(study) == workspace_id:
                approved = sum(1 for s in submissions if s["status"] == "APPROVED")
                total += sum(study_cost(study.get("reward") or 0, approved)) if approved else 0
        return total

    def balances(self, workspace_id: str) -> tuple[int, int]:
        """``(total_balance, available_balance)`` of a workspace, in cents.

        Total: the funds less what is paid (bonuses, the rewards of approved submissions). Available:
        the funds less the bonuses and what published studies reserve (each one's whole cost, its
        approved rewards among it).
        """
        funds = self.funds.get(workspace_id, DEFAULT_FUNDS) - self.spent(workspace_id)
        return funds - self.paid_out(workspace_id), funds - self.reserved(workspace_id)

    def balance(self, request: FakeRequest) -> Answer:
        """``get-workspace-balance``: the ``WorkspaceBalance`` (cents), with each balance split by the fee rule."""
        workspace_id = request.path_params["workspace_id"]
        if not self._known_workspace(workspace_id):
            return not_found("Workspace")
        total, available = self.balances(workspace_id)
        return json_answer(
            200,
            {
                "currency_code": CURRENCY,
                "total_balance": total,
                "balance_breakdown": _split(total),
                "available_balance": available,
                "available_balance_breakdown": _split(available),
            },
        )

    def cost(self, request: FakeRequest) -> Answer:
        """``calculate-study-cost``: ``{"total_cost": cents}`` for ``{"reward", "total_available_places"}``."""
        errors: Errors = {}
        reward = number_field(request.body, "reward", errors)
        places = number_field(request.body, "total_available_places", errors, integer=True)
        if errors or reward is None or places is None:
            return field_errors(errors)
        return json_answer(200, {"total_cost": sum(study_cost(reward, int(places)))})

    def _funding_problem(self, study: dict[str, Any], places: int, what: str) -> str | None:
        """Why the study's workspace cannot pay for ``places`` more places, or None."""
        workspace_id = self._studies.workspace_of(study)
        if workspace_id is None:
            return None
        needed = sum(study_cost(study.get("reward") or 0, places))
        _, available = self.balances(workspace_id)
        if needed <= available:
            return None
        return (
            f"Insufficient funds: {what} costs {_money(needed)} (rewards, fees and VAT) and the workspace's "
            f"available balance is {_money(available)}. Add funds to the workspace and try again."
        )

    # -- the guards _studies calls before it applies a change -----------------------------------------

    def guard(self, action: str, study: dict[str, Any] | None, body: dict[str, Any]) -> Errors | str | None:
        """Prolific's refusal of ``action`` (``"create"``, ``"update"`` or a transition), or None."""
        if action in ("create", "update"):
            return self._fields_refused(action, study, body)
        if action == "PUBLISH" and study is not None and not study.get("published_at"):
            return self._funding_problem(study, study.get("total_available_places") or 0, "publishing this study")
        return None

    def _fields_refused(self, action: str, study: dict[str, Any] | None, body: dict[str, Any]) -> Errors | None:
        if study is not None and study["status"] != DRAFT:
            fixed = sorted(k for k in body if k not in PUBLISHED_CHANGES and body[k] != study.get(k))
            if fixed:
                allowed = ", ".join(PUBLISHED_CHANGES)
                message = (
                    f"This field cannot be changed once the study is published ({study['status']}); "
                    f"only {allowed} can (total_available_places: increase only)."
                )
                return {name: [message] for name in fixed}
        workspace_id = None
        if study is not None:
            workspace_id = self._studies.workspace_of(study)
        elif isinstance(body.get("project"), str):
            workspace_id = self._studies.projects.get(body["project"])
        elif isinstance(body.get("workspace_id"), str):
            workspace_id = body["workspace_id"]
        errors: Errors = {}
        if body.get("filters") is not None:
            found = self._filters.problems(body["filters"], workspace_id)
            if found:
                errors["filters"] = found
        if "filter_set_id" in body or "filter_set_version" in body:
            set_id = body.get("filter_set_id", study.get("filter_set_id") if study else None)
            errors.update(self._filters.set_problem(set_id, body.get("filter_set_version"), workspace_id))
        if errors:
            return errors
        if action == "update" and study is not None and study["status"] != DRAFT and study.get("published_at"):
            places = body.get("total_available_places")
            current = study.get("total_available_places") or 0
            if isinstance(places, int) and not isinstance(places, bool) and places > current:
                problem = self._funding_problem(study, places - current, f"adding {places - current} places")
                if problem is not None:
                    return {"total_available_places": [problem]}
        return None

    # -- before spending ----------------------------------------------------------------------------

    def predicted_time(self, request: FakeRequest) -> Answer:
        """``post-study-predicted-recruitment-time``: hours from the eligible count, the places and the hourly rate."""
        body = request.body
        errors: Errors = {}
        reward = number_field(body, "reward", errors)
        places = number_field(body, "total_available_places", errors, integer=True)
        minutes = number_field(body, "estimated_completion_time", errors, integer=True)
        filters = body.get("filters")
        if filters is None:
            errors["filters"] = [REQUIRED]
        else:
            found = self._filters.problems(filters, body.get("workspace_id"))
            if found:
                errors["filters"] = found
        if errors or reward is None or places is None or minutes is None:
            return field_errors(errors)
        return json_answer(200, self.prediction(filters, reward, int(places), int(minutes)))

    def predicted_time_of_study(self, request: FakeRequest) -> Answer:
        """``get-study-predicted-recruitment-time``: the same rule over the stored study's fields."""
        study = self._studies.studies.get(request.path_params["study_id"])
        if study is None:
            return not_found("Study")
        return json_answer(
            200,
            self.prediction(
                study.get("filters") or [],
                study.get("reward") or 0,
                study.get("total_available_places") or 0,
                study.get("estimated_completion_time") or 1,
            ),
        )

    def prediction(self, filters: list[dict[str, Any]], reward: float, places: int, minutes: int) -> dict[str, Any]:
        """The ``StudyPredictedRecruitmentTime`` body: :meth:`hours`, or :attr:`predicted_hours` when set."""
        hours = self.hours(filters, reward, places, minutes) if self.predicted_hours is None else self.predicted_hours
        shown = min(hours, PREDICTION_LIMIT_HOURS)
        return {
            "precise_recruitment_time_hours": round(shown, 2),
            "lower_bound_hours": round(shown * 0.6, 2),
            "upper_bound_hours": round(min(hours * 1.5, PREDICTION_LIMIT_HOURS), 2),
            "display_string": _display(hours),
            "limit_at": PREDICTION_LIMIT_HOURS,
        }

    def hours(self, filters: list[dict[str, Any]], reward: float, places: int, minutes: int) -> float:
        """Predicted hours until the last place is taken (infinite when the filters reach nobody)."""
        if places <= 0:
            return 0.0
        reach = self._filters.count(filters)
        if reach == 0 or reach < places:
            return float("inf")
        hourly = reward * 60 / minutes
        speed = min(2.0, max(0.25, hourly / HOURLY_RATES[CURRENCY][1]))
        return places / (reach * _HOURLY_UPTAKE * speed)

    def recommendations(self, request: FakeRequest) -> Answer:
        """``calculate-reward-recommendations``: ``[RewardRecommendation]``: the minimum and recommended rates."""
        refused = unsupported_query(request, _RECOMMENDATIONS_QUERY)
        if refused is not None:
            return refused
        currency = request.query.get("currency", "")
        screeners = [s for s in request.query.get("screener_ids", "").split(",") if s]
        unknown = [s for s in screeners if s not in CATALOGUE]
        if unknown:
            return field_errors({"screener_ids": [f"Unknown filter id(s): {', '.join(unknown)} (see get-filters)."]})
        if currency not in HOURLY_RATES:
            return field_errors({"currency": [f"Not a valid choice (one of {', '.join(HOURLY_RATES)})."]})
        low, good = HOURLY_RATES[currency]
        return json_answer(
            200, [{"currency": currency, "min_reward_per_hour": low, "recommended_reward_per_hour": good}]
        )

    def project_studies(self, request: FakeRequest) -> Answer:
        """``get-project-studies[?page=&page_size=&ordering=]``: ``{"results": [StudyShort]}`` of one project.

        Oldest first, or by ``ordering`` (a ``StudyShort`` field, ``-`` first for descending:
        ``-date_created``); every study unless ``page_size`` is given (then ``page``, from 1; a page
        past the last is 404, as Prolific's pages are).
        """
        project_id = request.path_params["project_id"]
        if project_id not in self._studies.projects:
            return not_found("Project")
        errors: Errors = {}
        size = query_int(request, "page_size", 0, errors, minimum=1)
        page = query_int(request, "page", 1, errors, minimum=1)
        ordering = request.query.get("ordering")
        studies = [self._studies.short(s) for s in self._studies.studies.values() if s["project"] == project_id]
        if ordering:
            key = ordering.removeprefix("-")
            if studies and key not in studies[0]:
                errors["ordering"] = [f"Cannot order by {key!r} (a field of the study: e.g. -date_created)."]
            else:
                studies.sort(key=lambda s: (s.get(key) is None, s.get(key) or ""), reverse=ordering.startswith("-"))
        if errors:
            return field_errors(errors)
        if size:
            last = max(1, -(-len(studies) // size))
            if page > last:
                return not_found(f"Page {page}")
            studies = studies[(page - 1) * size : page * size]
        return json_answer(200, {"results": studies})

    # -- copies: test study, duplicate; delete --------------------------------------------------------

    def test_study(self, request: FakeRequest) -> Answer:
        """``create-test-study``: from a draft, a test study for the workspace's test participants (its id and link)."""
        study = self._studies.studies.get(request.path_params["id"])
        if study is None:
            return not_found("Study")
        if study["status"] != DRAFT:
            return state_error(f"A test study is made from a draft study ({DRAFT}); this study is {study['status']}.")
        test_id = new_id()
        url = _TEST_STUDY_URL.format(id=test_id)
        self.test_studies[test_id] = {"study_id": test_id, "study_url": url, "source_study_id": study["id"]}
        return json_answer(200, {"study_id": test_id, "study_url": url})

    def duplicate(self, request: FakeRequest) -> Answer:
        """``duplicate-study``: a new draft with the original's fields (and the original in a block list)."""
        original = self._studies.studies.get(request.path_params["id"])
        if original is None:
            return not_found("Study")
        block = request.body.get("block_previous_participants", True) if isinstance(request.body, dict) else True
        fields = {k: copy.deepcopy(v) for k, v in original.items() if k not in _NOT_COPIED}
        fields.pop("has_credentials", None)
        if block:
            filters = fields.setdefault("filters", []) or []
            fields["filters"] = filters
            listed = next((f for f in filters if f.get("filter_id") == "previous_studies"), None)
            if listed is None:
                filters.append({"filter_id": "previous_studies", "selected_values": [original["id"]]})
            elif original["id"] not in listed["selected_values"]:
                listed["selected_values"].append(original["id"])
        study, errors = self._studies.new_study(fields)
        if study is None:
            return field_errors(errors)
        return json_answer(200, study)

    def delete(self, request: FakeRequest) -> Answer:
        """``delete-study``: a draft only ("Published studies cannot be deleted"); 200 ``{}``."""
        study = self._studies.studies.get(request.path_params["id"])
        if study is None:
            return not_found("Study")
        if study["status"] != DRAFT:
            return state_error(
                f"Published studies cannot be deleted: this study is {study['status']} (only a draft, "
                f"{DRAFT}, can be deleted; stop it with publish-study, action STOP)."
            )
        self._studies.remove(study["id"])
        return json_answer(200, {})


def _split(amount: int) -> dict[str, int]:
    """An amount split into what pays participants, Prolific's fees and the VAT on them, by the fee rule."""
    rewards = int(Decimal(amount) / (1 + FEE_RATE + FEE_RATE * VAT_RATE))
    fees = _cents(rewards * FEE_RATE)
    return {"rewards": rewards, "fees": fees, "vat": amount - rewards - fees}


def _display(hours: float) -> str:
    if hours >= PREDICTION_LIMIT_HOURS:
        return f"{PREDICTION_LIMIT_HOURS:g} hours+"
    if hours < 1:
        return "less than 1 hour"
    whole = round(hours)
    return f"{whole} hour{'s' if whole != 1 else ''}"
