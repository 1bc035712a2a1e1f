"""What ``apply`` would do with a study file, with its cost in view; nothing sent that changes anything.

:func:`plan_flow` checks the file (offline, then online), finds the study the file describes (the
``study_id`` key, ``--study``, the state store's binding, or the draft an interrupted ``apply``
made, found by its marker) and returns a :class:`StudyPlan`:

* for a new study, the draft ``create-study`` would make (``action == "create"``);
* for an existing one, each field whose value differs, old → new (``action == "update"``, or
  ``"none"``): only the fields the file writes are compared, so what the file leaves out is left as
  it is. On a study that is no longer a draft, a change Prolific refuses is marked ``refused``
  with what Prolific allows (the document of ``update-study``: ``internal_name``,
  ``total_available_places`` (increase only), ``access_details``, ``submissions_config``,
  ``data_collection_metadata.annotators_per_task`` (increase only));
* with, in one view: the cost (``calculate-study-cost``: reward × places + fees + VAT; for a
  published study, the cost of the places added), the participants the filters reach
  (``get-eligible-count``, or the filter set's count), the predicted recruitment time, the
  workspace's available balance and what is left after.

Requests for the plan of an existing study whose file names its filters by id, with the filters
list, the project's workspace and the reward recommendations cached: ``get-study``,
``get-workspace-balance``, ``calculate-study-cost``, ``get-eligible-count``,
``post-study-predicted-recruitment-time`` — five (see :data:`MINIMUM_PLAN_REQUESTS`).
"""

from __future__ import annotations

import copy
from collections.abc import Generator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ._check import Online, StudyCheck, online_flow

if TYPE_CHECKING:
    from ._results import SpendCheck
    from ._spend import Cap

__all__ = [
    "DRAFT",
    "MARKER_PREFIX",
    "MINIMUM_PLAN_REQUESTS",
    "PUBLISHED_CHANGES",
    "FieldChange",
    "StudyPlan",
    "diff",
    "plan_flow",
]

DRAFT = "UNPUBLISHED"
#: What ``apply`` writes in a new study's ``metadata`` (with a random part) to find it again.
MARKER_PREFIX = "prolific-client:study-file:"
#: The operations a plan of an existing study sends at least (caches warm): the bench row's figure.
MINIMUM_PLAN_REQUESTS = (
    "get-study",
    "get-workspace-balance",
    "calculate-study-cost",
    "get-eligible-count",
    "post-study-predicted-recruitment-time",
)
#: The fields ``update-study`` changes on a study that is no longer a draft (Prolific's document),
#: → what the rule is.
PUBLISHED_CHANGES = {
    "internal_name": "any value",
    "total_available_places": "increase only",
    "access_details": "adds tasks and places",
    "submissions_config": "max_submissions_per_participant, max_concurrent_submissions, auto_rejection_categories",
    "data_collection_metadata": "annotators_per_task, increase only",
}


@dataclass(frozen=True)
class FieldChange:
    """One field the plan changes: ``field``, ``old`` → ``new``; ``refused`` says why Prolific would refuse it."""

    field: str
    old: Any
    new: Any
    refused: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The change as JSON data."""
        return {"field": self.field, "old": self.old, "new": self.new, "refused": self.refused}


def _same(new: Any, old: Any) -> bool:
    """``new`` (the file's) already holds in ``old`` (Prolific's): a mapping's keys compared one by one."""
    if isinstance(new, dict):
        if not isinstance(old, dict):
            return not new and old is None
        return all(_same(value, old.get(key)) for key, value in new.items())
    if isinstance(new, list):
        if old is None:
            return not new
        return (
            isinstance(old, list) and len(new) == len(old) and all(_same(a, b) for a, b in zip(new, old, strict=True))
        )
    if isinstance(new, int | float) and not isinstance(new, bool):
        return isinstance(old, int | float) and not isinstance(old, bool) and float(new) == float(old)
    return bool(new == old)


def diff(body: dict[str, Any], live: dict[str, Any]) -> list[FieldChange]:
    """The fields of ``body`` whose value differs on the ``live`` study, in the body's order.

    >>> diff({"reward": 300, "name": "A"}, {"reward": 250.0, "name": "A", "status": "UNPUBLISHED"})
    [FieldChange(field='reward', old=250.0, new=300, refused=None)]
    """
    return [FieldChange(key, live.get(key), value) for key, value in body.items() if not _same(value, live.get(key))]


def _refusal(change: FieldChange, status: str) -> str | None:
    if change.field not in PUBLISHED_CHANGES:
        allowed = ", ".join(f"{name} ({rule})" for name, rule in PUBLISHED_CHANGES.items())
        return (
            f"Prolific refuses changing {change.field} once a study is published (this one is {status}); it allows "
            f"{allowed}. Duplicate the study to change the rest"
        )
    if change.field == "total_available_places" and _less(change.new, change.old):
        return (
            f"places can only be increased once a study is published (it has {change.old}, the file says "
            f"{change.new}); keep {change.old} or more"
        )
    if change.field == "data_collection_metadata":
        old = (change.old or {}).get("annotators_per_task") if isinstance(change.old, dict) else None
        new = change.new.get("annotators_per_task") if isinstance(change.new, dict) else None
        if _less(new, old):
            return f"annotators_per_task can only be increased once a study is published (it has {old})"
    return None


def _less(new: Any, old: Any) -> bool:
    numbers = (int, float)
    return isinstance(new, numbers) and isinstance(old, numbers) and new < old


@dataclass
class StudyPlan:
    """What ``apply`` would do: ``action`` (``create``, ``update`` or ``none``) and everything to judge it by.

    ``study_id`` and ``status``: the study the file describes (None for a new one). ``body``: the
    ``create-study`` body (create) or the fields ``update-study`` would send (update). ``changes``:
    field by field, old → new; ``refused``: those Prolific would refuse. Money is in the workspace's
    cents (``currency``): ``cost`` (reward × places + fees + VAT; for a published study the cost of
    the places added), ``available_balance`` and ``balance_after``. ``eligible``: participants the
    filters reach; ``recruitment``: Prolific's predicted recruitment time (its text, and hours).
    ``spend``: the spend check ``publish`` (or adding the places) would make — the cost against the
    cap and the balance, and whether it would be refused (:mod:`prolific.studies._spend`, the same
    check); None when nothing would be spent. ``check``: the file's check, with its warnings and notes.
    """

    file: str
    action: str
    study_id: str | None
    status: str | None
    body: dict[str, Any]
    changes: list[FieldChange]
    check: StudyCheck = field(repr=False)
    currency: str | None = None
    cost: float | None = None
    available_balance: int | None = None
    eligible: int | None = None
    recruitment: str | None = None
    recruitment_hours: float | None = None
    workspace_id: str | None = None
    pool_to_create: tuple[str, int] | None = None
    found_by_marker: bool = False
    notes: list[str] = field(default_factory=list)
    spend: SpendCheck | None = None

    @property
    def refused(self) -> list[FieldChange]:
        """The changes Prolific would refuse (``apply`` sends nothing while there is one)."""
        return [c for c in self.changes if c.refused]

    @property
    def balance_after(self) -> float | None:
        """The available balance once the cost is spent (None when either is unknown)."""
        if self.available_balance is None or self.cost is None:
            return None
        return self.available_balance - self.cost

    def money(self, cents: float | None) -> str:
        """``cents`` in the workspace's currency, as a person reads it (``£12.60``)."""
        if cents is None:
            return "unknown"
        symbol = {"GBP": "£", "USD": "$", "EUR": "€"}.get(self.currency or "")
        sign = "-" if cents < 0 else ""
        amount = f"{abs(cents) / 100:,.2f}"
        return f"{sign}{symbol}{amount}" if symbol else f"{sign}{amount} {self.currency or '(cents/100)'}"

    def to_dict(self) -> dict[str, Any]:
        """The plan as JSON data (``--json``)."""
        return {
            "file": self.file,
            "action": self.action,
            "study_id": self.study_id,
            "status": self.status,
            "body": self.body,
            "changes": [c.to_dict() for c in self.changes],
            "refused": [c.to_dict() for c in self.refused],
            "currency": self.currency,
            "cost": self.cost,
            "available_balance": self.available_balance,
            "balance_after": self.balance_after,
            "eligible": self.eligible,
            "recruitment": self.recruitment,
            "recruitment_hours": self.recruitment_hours,
            "workspace_id": self.workspace_id,
            "spend": self.spend.as_dict() if self.spend is not None else None,
            "credential_pool_to_create": (
                {"file": self.pool_to_create[0], "credentials": self.pool_to_create[1]} if self.pool_to_create else None
            ),
            "warnings": [w.to_dict() for w in self.check.warnings],
            "notes": [*self.check.notes, *self.notes],
        }

    def __str__(self) -> str:
        lines = []
        if self.action == "create":
            lines.append(f"{self.file}: create a draft study ({len(self.body)} fields)")
            lines += [f"  + {key}: {_shown(value)}" for key, value in self.body.items()]
        elif self.action == "update":
            lines.append(f"{self.file}: update study {self.study_id} ({self.status}): {len(self.changes)} field(s)")
            for change in self.changes:
                mark = "!" if change.refused else "~"
                lines.append(f"  {mark} {change.field}: {_shown(change.old)} -> {_shown(change.new)}")
                if change.refused:
                    lines.append(f"      refused: {change.refused}")
        else:
            lines.append(f"{self.file}: no change: study {self.study_id} ({self.status}) matches the file")
        if self.pool_to_create:
            path, count = self.pool_to_create
            lines.append(f"  + a credential pool of {count} credentials from {path}, attached to the study")
        cost_label = "cost of the places added" if self.status not in (None, DRAFT) else "cost"
        lines.append(f"  {cost_label}: {self.money(self.cost)} (reward x places + fees + VAT)")
        lines.append(f"  eligible participants: {self.eligible if self.eligible is not None else 'unknown'}")
        if self.recruitment is not None:
            lines.append(f"  predicted recruitment time: {self.recruitment}")
        lines.append(
            f"  available balance: {self.money(self.available_balance)}; after: {self.money(self.balance_after)}"
        )
        if self.spend is not None and self.spend.cap is not None:
            lines.append(f"  cap: {self.money(float(self.spend.cap * 100))} ({self.spend.cap_source})")
        if self.spend is not None and self.spend.refusal is not None:
            lines.append(f"  refused: {self.spend.refusal}: {self.spend.action} would send nothing")
        return "\n".join(lines)


def _shown(value: Any) -> str:
    import json

    text = json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else value
    return text if len(text) <= 100 else text[:97] + "..."


def find_marked(marker: str, name: Any) -> Generator[Any, Any, str | None]:
    """The id of the draft carrying ``marker`` in its ``metadata`` (read-only: drafts named ``name``, then each).

    ``marker`` is the file's own ``metadata`` when it sets one (apply then writes no marker).
    """
    from prolific_api_client.operations.studies import GET_STUDIES, GET_STUDY

    from .._flow import Call

    drafts = yield Call(GET_STUDIES, {"state": DRAFT}, lambda r: [s.to_dict() for s in r.results])
    for draft in drafts:
        if draft.get("name") != name or not draft.get("id"):
            continue
        study = yield Call(GET_STUDY, {"id": draft["id"]}, lambda s: s.to_dict())
        if study.get("metadata") == marker:
            return str(draft["id"])
    return None


def target_flow(
    result: StudyCheck, store: Any, key: str | None, study_id: str | None
) -> Generator[Any, Any, tuple[str | None, bool]]:
    """The study the file describes (``study_id`` argument, the file's key, the binding, the marked draft)."""
    from .._errors import InvalidArgumentError
    from ._bindings import BOUND, CREATING

    if study_id is not None and result.study_id is not None and study_id != result.study_id:
        raise InvalidArgumentError(
            f"{result.file}: the file describes study {result.study_id} (its study_id key), not {study_id}; "
            "nothing was sent"
        )
    chosen = study_id or result.study_id
    if chosen is not None or store is None or key is None:
        return chosen, False
    binding = store.binding(key)
    if binding is None:
        return None, False
    if binding.state == BOUND:
        return binding.study_id, False
    if binding.state == CREATING:
        metadata = result.body.get("metadata")
        expected = metadata if isinstance(metadata, str) and metadata else binding.marker
        found = yield from find_marked(expected, result.body.get("name"))
        return found, found is not None
    return None, False


def plan_flow(
    result: StudyCheck,
    store: Any = None,
    key: str | None = None,
    *,
    study_id: str | None = None,
    refresh: bool = False,
    cap: Cap | None = None,
) -> Generator[Any, Any, StudyPlan]:
    """The :class:`StudyPlan` of a checked file (``result``); raises :class:`~prolific.StudyFileError` on a problem.

    ``store`` (a :class:`~._bindings.StudyStore`) and ``key`` (the file's key in it) find the study
    the file made; ``study_id`` ties the file to an existing study; ``cap`` is the spend check's cap
    (:func:`~prolific.studies._spend.resolve_cap`). Read-only: the only requests are GETs and
    Prolific's calculators.
    """
    from prolific_api_client.models.requirements_count_request import RequirementsCountRequest
    from prolific_api_client.models.study_cost_request import StudyCostRequest
    from prolific_api_client.models.study_predicted_recruitment_time_request import (
        StudyPredictedRecruitmentTimeRequest,
    )
    from prolific_api_client.operations.filters import GET_ELIGIBLE_COUNT
    from prolific_api_client.operations.studies import CALCULATE_STUDY_COST, POST_STUDY_PREDICTED_RECRUITMENT_TIME

    from .._flow import Call
    from ._bindings import pool_record

    result.raise_for_problems()
    target, found = yield from target_flow(result, store, key, study_id)
    credentials = result.wire.credentials if result.wire is not None else None
    record = pool_record(store, key, credentials[0] if credentials else None)
    if record is not None and record.get("state") == "created":
        result.body["credential_pool_id"] = record["pool_id"]  # made by an earlier apply of this file
    online: Online = yield from online_flow(result, store, study_id=target, refresh=refresh)
    result.raise_for_problems()
    body = _without_marker(result.body)
    live = online.live
    if live is None:
        action, changes, status = "create", [], None
        wanted = body
    else:
        status = str(live.get("status") or "")
        compared = {k: v for k, v in body.items() if k != "metadata" or "metadata" in result.body}
        changes = diff(compared, live)
        if status != DRAFT:
            changes = [FieldChange(c.field, c.old, c.new, _refusal(c, status)) for c in changes]
        action = "update" if changes else "none"
        wanted = {c.field: c.new for c in changes}
    plan = StudyPlan(
        result.file,
        action,
        target,
        status,
        wanted,
        changes,
        result,
        currency=online.currency,
        available_balance=online.available_balance,
        workspace_id=online.workspace_id,
        pool_to_create=online.pool_to_create if "credential_pool_id" not in body else None,
        found_by_marker=found,
    )
    if found:
        plan.notes.append(f"found the draft {target} an earlier apply created (by its marker); apply records it")
    if record is not None and record.get("state") == "creating":
        plan.notes.append(
            "an earlier apply sent create-credential-pool for the credentials file and got no answer: apply "
            "stops until the file names the pool (credential_pool_id)"
        )
    merged = {**(live or {}), **body}
    reward, places = merged.get("reward"), merged.get("total_available_places")
    # What the plan would spend: the whole study until it is published, then only the places added.
    if status in (None, DRAFT):
        charged = places
    else:
        before = (live or {}).get("total_available_places")
        charged = places - before if isinstance(places, int) and isinstance(before, int) and places > before else 0
    if isinstance(reward, int | float) and isinstance(charged, int) and charged > 0:
        from ..bonuses._results import major_units
        from ._spend import NO_CAP, assess

        request = StudyCostRequest(reward=float(reward), total_available_places=charged)
        plan.cost = yield Call(CALCULATE_STUDY_COST, {"body": request}, lambda c: float(c.total_cost))
        plan.spend = assess(
            study_id=target or "new",
            name=str(merged.get("name") or ""),
            action="publish" if status in (None, DRAFT) else f"add {charged} places",
            places=charged,
            reward_cents=reward,
            cost_cents=plan.cost,
            balance=major_units(online.available_balance),
            currency=online.currency,
            cap=cap or NO_CAP,
        )
    elif charged == 0:
        plan.cost = 0.0
    filters = merged.get("filters") or []
    if online.filter_set_count is not None:
        plan.eligible = online.filter_set_count
    elif isinstance(filters, list):
        count_body: dict[str, Any] = {"filters": filters}
        if online.workspace_id:
            count_body["workspace_id"] = online.workspace_id
        plan.eligible = yield Call(
            GET_ELIGIBLE_COUNT, {"body": RequirementsCountRequest.from_dict(count_body)}, lambda c: int(c.count)
        )
    minutes = merged.get("estimated_completion_time")
    if online.workspace_id and isinstance(reward, int | float) and isinstance(places, int) and isinstance(minutes, int):
        predicted: dict[str, Any] = {
            "filters": filters if isinstance(filters, list) else [],
            "workspace_id": online.workspace_id,
            "reward": reward,
            "study_type": "SINGLE",
            "total_available_places": places,
            "estimated_completion_time": minutes,
        }
        for name in ("device_compatibility", "peripheral_requirements"):
            if isinstance(merged.get(name), list):
                predicted[name] = merged[name]
        answer = yield Call(
            POST_STUDY_PREDICTED_RECRUITMENT_TIME,
            {"body": StudyPredictedRecruitmentTimeRequest.from_dict(predicted)},
            lambda r: r.to_dict(),
        )
        plan.recruitment = answer.get("display_string") or (
            f"{answer['precise_recruitment_time_hours']:.1f} h" if "precise_recruitment_time_hours" in answer else None
        )
        plan.recruitment_hours = answer.get("precise_recruitment_time_hours")
    return plan


def _without_marker(body: dict[str, Any]) -> dict[str, Any]:
    body = copy.deepcopy(body)
    if isinstance(body.get("metadata"), str) and body["metadata"].startswith(MARKER_PREFIX):
        body.pop("metadata")
    return body
