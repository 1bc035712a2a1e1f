"""A study's life once it exists: publish it with its cost in view, pause, start, stop, add places, test,
duplicate, delete; list and show studies.

Each is a flow (:mod:`prolific._flow`) the service class (:mod:`prolific.resources.studies`) drives,
blocking or awaited. What spends money is checked before anything is sent:

* ``publish`` and ``add_places`` price what they would spend (``calculate-study-cost``: reward ×
  places, fees and VAT), read the workspace's available balance (``get-workspace-balance``, through
  the study's project), and refuse — with **no transition or update request sent** — when the cost
  is over the cap (``max_spend``, else the configured ``studies.max_spend``:
  :class:`~prolific.SpendLimitError`) or over the balance (:class:`~prolific.InsufficientBalanceError`);
  then ``confirm(check)`` may still say no. The check is :mod:`prolific.studies._spend`'s, the one
  ``studies plan`` shows; ``publish`` of a study file takes it from the file's plan. (A draft's
  added places are paid when it is published: ``add_places`` on a draft shows their cost and
  refuses nothing.)
* ``publish-study`` (the transition endpoint) is a POST that spends money: it is never sent twice on
  the client's own. When its answer is lost, the study is read again: published → done (the result
  says it was confirmed by reading); still a draft → the error is raised with a note saying so, and
  only the user's next ``publish`` sends it again.
* A transition the study's status does not allow (pausing a draft, publishing a published study)
  and a delete of a published study are refused before the request, with
  :class:`~prolific.StudyStateError` naming the statuses that would work.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any

import attrs

from prolific_api_client.models import (
    BaseStudy,
    DuplicateStudyRequest,
    Study,
    StudyCostRequest,
    StudyTotalCost,
    StudyTransition,
    SubmissionsCountResponse,
    TestStudySetUpResponse,
)
from prolific_api_client.models.get_studies_state import GET_STUDIES_STATE_VALUES
from prolific_api_client.operations.studies import (
    CALCULATE_STUDY_COST,
    COUNT_STUDY_SUBMISSIONS_BY_STATUS,
    CREATE_TEST_STUDY,
    DELETE_STUDY,
    DUPLICATE_STUDY,
    GET_PROJECT_STUDIES,
    GET_STUDIES,
    GET_STUDY,
    GET_STUDY_COST,
    PUBLISH_STUDY,
    UPDATE_STUDY,
)
from prolific_api_client.types import UNSET, Unset

from .. import _validation as check
from .._errors import (
    APIError,
    APIStatusError,
    InvalidArgumentError,
    StudyStateError,
)
from .._flow import Call, Flow
from ..bonuses._flows import _balance_flow, _workspace_flow
from ..bonuses._results import major_units
from ._check import StudyCheck
from ._results import PlacesChange, PublishResult, SpendCheck, StudyDetails, StudyRow, TestStudy, Transition
from ._spend import NO_CAP, Cap, assess, refuse

DRAFT = "UNPUBLISHED"
#: ``confirm``: called with the priced check before money is spent; False sends nothing.
ConfirmSpend = Callable[[SpendCheck], bool]
# action -> the statuses Prolific applies it to (its document; the fake applies the same).
ALLOWED = {
    "PUBLISH": (DRAFT, "SCHEDULED"),
    "PAUSE": ("ACTIVE",),
    "START": ("PAUSED",),
    "STOP": ("ACTIVE", "PAUSED"),
}
# The fields update-study takes (BaseStudy): what duplicate(set=...) may change.
_STUDY_FIELDS = frozenset(a.name for a in attrs.fields(BaseStudy) if a.name != "additional_properties")


def _same(value: Any) -> Any:
    return value


def status_of(study: Any) -> str:
    """A study's status as a plain string (an unknown one as Prolific sent it)."""
    return str(study.status)


def _count(value: int | float | Unset | None) -> int | None:
    return None if value is None or isinstance(value, Unset) else int(value)


# -- reading ------------------------------------------------------------------------------------


def _study_flow(study_id: str) -> Flow[Study]:
    study: Study = yield Call(GET_STUDY, {"id": study_id}, _same)
    return study


def spend_check_flow(study: Study, action: str, places: int, cap: Cap) -> Flow[SpendCheck]:
    """Price ``places`` places of ``study``, read its workspace's balance: the :class:`SpendCheck` (one builder:
    :func:`~prolific.studies._spend.assess`, as the plan's)."""
    body = StudyCostRequest(reward=study.reward, total_available_places=places)
    # A price asked, nothing changed: safe to resend although it is a POST.
    cost: float = yield Call(CALCULATE_STUDY_COST, {"body": body}, lambda r: r.total_cost, idempotent=True)
    workspace_id, _ = yield from _workspace_flow(study)
    balance: Decimal | None = None
    currency: str | None = None
    if workspace_id is not None:  # a balance that cannot be read is shown as unknown: Prolific still checks it
        balance, currency, _ = yield from _balance_flow(workspace_id)
    return assess(
        study_id=study.id,
        name=study.name,
        action=action,
        places=places,
        reward_cents=study.reward,
        cost_cents=cost,
        balance=balance,
        currency=currency,
        cap=cap,
    )


def _state_error(study: Study, what: str, allowed: tuple[str, ...]) -> StudyStateError:
    status = status_of(study)
    return StudyStateError(
        f"study {study.id} is {status}: {what} only a study that is {' or '.join(allowed)}; nothing was sent",
        study_id=study.id,
        status=status,
        allowed=allowed,
    )


# -- publish and the other transitions ----------------------------------------------------------


def publish_flow(study_id: str, *, cap: Cap = NO_CAP, confirm: ConfirmSpend | None = None) -> Flow[PublishResult]:
    """Publish a draft with its cost in view; see :meth:`prolific.resources.studies.Studies.publish`."""
    study_id = check.require_id(study_id, "study_id", "study id")
    study = yield from _study_flow(study_id)
    if status_of(study) not in ALLOWED["PUBLISH"]:
        raise _state_error(study, "publish applies to", ALLOWED["PUBLISH"])
    spend = yield from spend_check_flow(study, "publish", int(study.total_available_places), cap)
    return (yield from _publish(study_id, status_of(study), spend, confirm))


def publish_file_flow(
    result: StudyCheck, store: Any, key: str | None, *, cap: Cap = NO_CAP, confirm: ConfirmSpend | None = None
) -> Flow[PublishResult]:
    """Publish the study a checked study file made (its binding in ``store``), with the plan's spend check.

    The file's plan (:func:`~prolific.studies._plan.plan_flow`) finds the study and prices it with
    the same check :func:`publish_flow` makes; a file that has made no study yet, or whose study
    differs from it, is refused with nothing sent (apply it first): what is published is what the
    file says.
    """
    from ._plan import plan_flow

    plan = yield from plan_flow(result, store, key, cap=cap)
    if plan.study_id is None:
        raise InvalidArgumentError(
            f"{result.file}: no study made from this file yet (the state file holds no study for it): run "
            f"`prolific-client studies apply {result.file}` first, or publish by id; nothing was sent"
        )
    if plan.action != "none":
        fields = ", ".join(change.field for change in plan.changes)
        raise InvalidArgumentError(
            f"{result.file}: study {plan.study_id} differs from the file ({fields}): apply the file first "
            "(`studies plan` shows the changes), so that what is published is what it says; nothing was sent"
        )
    allowed = ALLOWED["PUBLISH"]
    if plan.status not in allowed:
        raise StudyStateError(
            f"study {plan.study_id} is {plan.status}: publish applies to only a study that is {' or '.join(allowed)}; "
            "nothing was sent",
            study_id=plan.study_id,
            status=str(plan.status),
            allowed=allowed,
        )
    if plan.spend is None:
        raise InvalidArgumentError(f"{result.file}: the study's cost could not be priced; nothing was sent")
    return (yield from _publish(plan.study_id, str(plan.status), plan.spend, confirm))


def _publish(study_id: str, status: str, spend: SpendCheck, confirm: ConfirmSpend | None) -> Flow[PublishResult]:
    """Refuse (the cap, the balance) or ask, then send ``publish-study`` once; a lost answer is read back."""
    refuse(spend)
    if confirm is not None and not confirm(spend):
        return PublishResult(spend, status, published=False, cancelled=True)
    try:
        after: Study = yield Call(PUBLISH_STUDY, {"id": study_id, "body": StudyTransition(action="PUBLISH")}, _same)
    except APIError as error:
        if not error.may_have_been_applied:
            raise
        seen = yield from _study_flow(study_id)  # Prolific's record: was it applied?
        if status_of(seen) not in ALLOWED["PUBLISH"]:
            return PublishResult(spend, status_of(seen), published=True, confirmed_by_reading=True)
        error.add_note(
            f"Prolific shows study {study_id} still {status_of(seen)}: it was not published. The request was not "
            "sent again; publish again to send it."
        )
        raise
    return PublishResult(spend, status_of(after), published=True)


def transition_flow(study_id: str, action: str) -> Flow[Transition]:
    """``PAUSE``, ``START`` or ``STOP`` a study, refused before the request when its status does not allow it."""
    study_id = check.require_id(study_id, "study_id", "study id")
    allowed = ALLOWED[action]
    study = yield from _study_flow(study_id)
    before = status_of(study)
    if before not in allowed:
        raise _state_error(study, f"{action} applies to", allowed)
    body = StudyTransition(action=action)  # type: ignore[arg-type]  # one of the Literal's values (ALLOWED)
    try:
        after: Study = yield Call(PUBLISH_STUDY, {"id": study_id, "body": body}, _same)
    except APIError as error:
        if not error.may_have_been_applied:
            raise
        seen = yield from _study_flow(study_id)
        if status_of(seen) != before:
            return Transition(study_id, action, before, status_of(seen))
        error.add_note(f"Prolific shows study {study_id} still {before}: the request was not sent again.")
        raise
    return Transition(study_id, action, before, status_of(after))


def add_places_flow(
    study_id: str, places: int, *, cap: Cap = NO_CAP, confirm: ConfirmSpend | None = None
) -> Flow[PlacesChange]:
    """Add ``places`` places to a study with the cost of the increase in view."""
    study_id = check.require_id(study_id, "study_id", "study id")
    if isinstance(places, bool) or not isinstance(places, int) or places < 1:
        raise InvalidArgumentError(f"places must be an int >= 1 (how many places to add), not {places!r}")
    study = yield from _study_flow(study_id)
    before = int(study.total_available_places)
    published = status_of(study) not in (DRAFT,)
    spend = yield from spend_check_flow(study, f"add {places} places", places, cap if published else NO_CAP)
    if published:
        refuse(spend)
    if confirm is not None and not confirm(spend):
        return PlacesChange(spend, before, before, cancelled=True)
    # The body says the new total, not "add N": sending it again changes nothing, so a retry is safe.
    body = BaseStudy(total_available_places=before + places)
    updated: Study = yield Call(UPDATE_STUDY, {"id": study_id, "body": body}, _same, idempotent=True)
    return PlacesChange(spend, before, int(updated.total_available_places))


# -- copies and deleting ------------------------------------------------------------------------


def test_study_flow(study_id: str) -> Flow[TestStudy]:
    """A test study from a draft (``create-test-study``): its id and link."""
    study_id = check.require_id(study_id, "study_id", "study id")
    study = yield from _study_flow(study_id)
    if status_of(study) != DRAFT:
        raise _state_error(study, "a test study is made from", (DRAFT,))
    made: TestStudySetUpResponse = yield Call(CREATE_TEST_STUDY, {"id": study_id}, _same)
    if isinstance(made.study_id, Unset) or isinstance(made.study_url, Unset):
        raise ValueError("the answer has no study_id or study_url")
    return TestStudy(study_id, made.study_id, made.study_url)


test_study_flow.__test__ = False  # type: ignore[attr-defined]  # not a test (pytest collects test_*)


def _changes(values: Mapping[str, Any] | None) -> BaseStudy | None:
    """``set=`` as an update-study body; unknown fields refused with a did-you-mean before anything is sent."""
    if values is None or not values:
        return None
    if not isinstance(values, Mapping):
        raise InvalidArgumentError(f"set must be a mapping of study fields to values, not {type(values).__name__}")
    unknown = [key for key in values if key not in _STUDY_FIELDS]
    if unknown:
        hints = []
        for key in unknown:
            close = difflib.get_close_matches(str(key), _STUDY_FIELDS, n=1)
            hints.append(f"{key!r}" + (f" (did you mean {close[0]!r}?)" if close else ""))
        raise InvalidArgumentError(
            f"set: {', '.join(hints)} {'is not a field' if len(unknown) == 1 else 'are not fields'} of a study "
            "(update-study's body); nothing was sent"
        )
    try:
        return BaseStudy.from_dict(dict(values))
    except (TypeError, ValueError, KeyError, AttributeError) as exc:
        raise InvalidArgumentError(f"set: a value does not fit its field ({exc}); nothing was sent") from exc


def duplicate_flow(
    study_id: str, *, set: Mapping[str, Any] | None = None, block_previous_participants: bool = True
) -> Flow[Study]:
    """Duplicate a study as a new draft (``duplicate-study``), then change the fields in ``set`` on the copy."""
    study_id = check.require_id(study_id, "study_id", "study id")
    if not isinstance(block_previous_participants, bool):
        raise InvalidArgumentError("block_previous_participants must be True or False")
    changes = _changes(set)
    body = DuplicateStudyRequest(block_previous_participants=block_previous_participants)
    copy: Study = yield Call(DUPLICATE_STUDY, {"id": study_id, "body": body}, _same)
    if changes is None:
        return copy
    try:
        updated: Study = yield Call(UPDATE_STUDY, {"id": copy.id, "body": changes}, _same, idempotent=True)
    except APIError as error:
        error.add_note(
            f"The copy exists: draft {copy.id}, with the original's fields; the changes in set= were not applied "
            "(change it with update-study, or delete it)."
        )
        raise
    return updated


def delete_flow(study_id: str) -> Flow[Study]:
    """Delete a draft; return it as it was. A published study is refused before the request."""
    study_id = check.require_id(study_id, "study_id", "study id")
    study = yield from _study_flow(study_id)
    if status_of(study) != DRAFT:
        raise _state_error(study, "Prolific deletes", (DRAFT,))
    yield Call(DELETE_STUDY, {"id": study_id}, _same)
    return study


# -- list and show ------------------------------------------------------------------------------


def _status_filter(status: str | None) -> str | None:
    if status is None:
        return None
    wanted = str(status).strip().upper().replace("_", " ")
    if wanted not in GET_STUDIES_STATE_VALUES:
        raise InvalidArgumentError(
            f"status: {status!r} is not a study status ({', '.join(sorted(GET_STUDIES_STATE_VALUES))})"
        )
    return wanted


def _spent(cost: StudyTotalCost) -> tuple[Decimal, str | None]:
    """The sum of a ``StudyTotalCost``'s amounts (rewards, bonuses; fees and tax included), and its currency."""
    total = Decimal(0)
    currency: str | None = None
    for part in (cost.rewards, cost.bonuses):
        if isinstance(part, Unset):
            continue
        for amount in (part.rewards, part.fees, part.tax):
            if isinstance(amount, Unset):
                continue
            value = major_units(None if isinstance(amount.amount, Unset) else amount.amount)
            total += value or 0
            if isinstance(amount.currency, str):
                currency = amount.currency
    return total, currency


def _cost_so_far_flow(study_id: str, status: str, projected: bool = False) -> Flow[tuple[Decimal | None, str | None]]:
    if status == DRAFT and not projected:
        return Decimal(0), None
    try:
        cost: StudyTotalCost = yield Call(GET_STUDY_COST, {"id": study_id, "is_projected": projected}, _same)
    except APIStatusError:  # e.g. not allowed to read costs: the column says unknown
        return None, None
    return _spent(cost)


def list_flow(*, status: str | None = None, project: str | None = None) -> Flow[list[StudyRow]]:
    """The studies (of a project), with places, reward per hour and cost so far; one cost request per published one."""
    wanted = _status_filter(status)
    if project is not None:
        project = check.require_id(project, "project", "project id")
        listing = yield Call(GET_PROJECT_STUDIES, {"project_id": project}, _same)
        studies = [s for s in listing.results if wanted is None or str(s.status) == wanted]
    else:
        listing = yield Call(GET_STUDIES, {"state": wanted if wanted is not None else UNSET}, _same)
        studies = list(listing.results)
    rows: list[StudyRow] = []
    for short in studies:
        spent, currency = yield from _cost_so_far_flow(short.id, str(short.status))
        rows.append(
            StudyRow(
                id=short.id,
                name=short.name,
                status=str(short.status),
                places_taken=_count(short.places_taken),
                places=_count(short.total_available_places),
                reward=None if isinstance(short.reward, Unset) else major_units(short.reward),
                minutes=_count(short.estimated_completion_time),
                cost_so_far=spent,
                currency=currency,
                internal_name=None if isinstance(short.internal_name, Unset) else short.internal_name,
            )
        )
    return rows


def show_flow(study_id: str) -> Flow[StudyDetails]:
    """One study with its cost so far, projected cost and submissions by status."""
    study_id = check.require_id(study_id, "study_id", "study id")
    study = yield from _study_flow(study_id)
    status = status_of(study)
    spent, currency = yield from _cost_so_far_flow(study_id, status)
    projected, projected_currency = yield from _cost_so_far_flow(study_id, status, projected=True)
    counts: SubmissionsCountResponse = yield Call(COUNT_STUDY_SUBMISSIONS_BY_STATUS, {"id": study_id}, _same)
    submissions = {k: int(v) for k, v in counts.to_dict().items() if isinstance(v, int | float)}
    held = sum(n for k, n in submissions.items() if k not in ("TOTAL", "RETURNED", "TIMED-OUT", "SCREENED OUT"))
    row = StudyRow(
        id=study.id,
        name=study.name,
        status=status,
        places_taken=held,
        places=int(study.total_available_places),
        reward=major_units(study.reward),
        minutes=int(study.estimated_completion_time),
        cost_so_far=spent,
        currency=currency or projected_currency,
        internal_name=None if isinstance(study.internal_name, Unset) else study.internal_name,
    )
    filters = [] if isinstance(study.filters, Unset) or study.filters is None else [f.to_dict() for f in study.filters]
    return StudyDetails(
        row=row,
        description=study.description,
        external_study_url=study.external_study_url,
        project=None if isinstance(study.project, Unset) else study.project,
        maximum_allowed_time=None if isinstance(study.maximum_allowed_time, Unset) else study.maximum_allowed_time,
        filters=filters,
        credential_pool_id=None if isinstance(study.credential_pool_id, Unset) else study.credential_pool_id,
        published_at=_iso(study.additional_properties.get("published_at")),
        date_created=_iso(study.additional_properties.get("date_created")),
        projected_cost=projected,
        submissions=submissions,
    )


def _iso(value: object) -> str | None:
    return value if isinstance(value, str) else None


__all__ = [
    "ALLOWED",
    "ConfirmSpend",
    "add_places_flow",
    "delete_flow",
    "duplicate_flow",
    "list_flow",
    "publish_file_flow",
    "publish_flow",
    "show_flow",
    "spend_check_flow",
    "test_study_flow",
    "transition_flow",
]
