"""Submission review: the status machine, bulk approve (applied a moment later), counts, return requests.

The submissions themselves are the Studies store's (``fake.submissions``); every status change goes
through :meth:`Studies.set_submission_status`.

**Bulk approve, deterministically "a moment later"**: ``bulk-approve-submissions`` answers 200
"Bulk approve in progress" at once, as the API does, and queues the approvals. They are applied
when ``lag`` more requests that read or change submissions (``get-submissions``, ``get-submission``,
``count-study-submissions-by-status``, ``transition-submission``, ``request-submission-return``,
another bulk approve) have arrived — before answering the last of them — or at once with
``fake.settle()``. ``fake.bulk_approve_lag`` is 1 by default: the next read sees them.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any, get_args

from prolific_api_client.models.submission_transition_action import SubmissionTransitionAction
from prolific_api_client.models.submission_transition_rejection_category import (
    SubmissionTransitionRejectionCategory,
)

from ._answers import Answer, field_errors, json_answer, not_found, state_error
from ._fields import REQUIRED, Errors, is_participant_id, positions
from ._routes import FakeRequest
from ._studies import AWAITING, HOLDS_PLACE, IN_PROGRESS, Studies

# The API's minimum rejection message (Prolific's document, SubmissionTransition.message).
_MIN_MESSAGE = 100
_CATEGORIES = get_args(SubmissionTransitionRejectionCategory)
_ACTIONS = get_args(SubmissionTransitionAction)
# action -> (the statuses it applies to, the status it leads to). The document names the actions,
# not every edge: these are the fake's reading of Prolific's help centre (a researcher reviews what
# awaits review; START takes a reserved place; UNREJECT approves; UNRETURN puts it back for review).
_TRANSITIONS: dict[str, tuple[frozenset[str], str]] = {
    "APPROVE": (frozenset({AWAITING}), "APPROVED"),
    "REJECT": (frozenset({AWAITING}), "REJECTED"),
    "COMPLETE": (frozenset({"ACTIVE"}), AWAITING),
    "RETURN": (frozenset({"ACTIVE", AWAITING}), "RETURNED"),
    "SCREEN_OUT": (frozenset({"ACTIVE", AWAITING}), "SCREENED OUT"),
    "START": (frozenset({"RESERVED"}), "ACTIVE"),
    "UNREJECT": (frozenset({"REJECTED"}), "APPROVED"),
    "UNRETURN": (frozenset({"RETURNED"}), AWAITING),
}
_RETURNABLE = frozenset({"ACTIVE", AWAITING})
# What a participant does (the fake's admin surface: fake.complete_submission, ...): action -> (from, to).
PARTICIPANT_ACTIONS: dict[str, tuple[frozenset[str], str]] = {
    "complete": (frozenset({"ACTIVE"}), AWAITING),
    "return": (IN_PROGRESS | {AWAITING}, "RETURNED"),
    "time-out": (IN_PROGRESS, "TIMED-OUT"),
}
# count-study-submissions-by-status: its keys are the statuses, plus TOTAL.
_COUNTED = (
    "ACTIVE",
    "APPROVED",
    AWAITING,
    "REJECTED",
    "RESERVED",
    "RETURNED",
    "TIMED-OUT",
    "PARTIALLY APPROVED",
    "SCREENED OUT",
)
BULK_APPROVE_ANSWER = "Bulk approve in progress"


class SubmissionReviews:
    """Transitions and bulk approvals of the Studies store's submissions; the pending approvals."""

    def __init__(self, lock: threading.RLock, studies: Studies, bonus_payments: Callable[[str], list[int]]) -> None:
        self._lock = lock
        self._studies = studies
        self._bonus_payments = bonus_payments  # submission id -> the bonuses paid on it (cents), settled ones
        self.lag = 1
        self._pending: list[list[Any]] = []  # [requests still to wait, [submission ids]] per bulk request

    def clear(self) -> None:
        self._pending.clear()

    def handlers(self) -> dict[str, Callable[[FakeRequest], Answer]]:
        return {
            "get-submissions": self._ticking(self._studies.list_submissions),
            "get-submission": self._ticking(self.get),
            "count-study-submissions-by-status": self._ticking(self.counts),
            "transition-submission": self._ticking(self.transition),
            "request-submission-return": self._ticking(self.request_return),
            "bulk-approve-submissions": self._ticking(self.bulk_approve),
        }

    # -- the moment later --------------------------------------------------------------------------

    def _ticking(self, handler: Callable[[FakeRequest], Answer]) -> Callable[[FakeRequest], Answer]:
        def handle(request: FakeRequest) -> Answer:
            self._tick()
            return handler(request)

        handle.__doc__ = handler.__doc__
        return handle

    def _tick(self) -> None:
        if not self._pending:
            return
        for entry in self._pending:
            entry[0] -= 1
        due = [entry for entry in self._pending if entry[0] <= 0]
        self._pending = [entry for entry in self._pending if entry[0] > 0]
        for _, ids in due:
            self._approve(ids)

    def settle(self) -> int:
        """Apply every queued bulk approval now; return how many submissions were approved."""
        approved = 0
        pending, self._pending = self._pending, []
        for _, ids in pending:
            approved += self._approve(ids)
        return approved

    @property
    def pending(self) -> int:
        """How many submission ids queued bulk approvals still hold."""
        return sum(len(ids) for _, ids in self._pending)

    def _approve(self, ids: list[str]) -> int:
        """Approve those still awaiting review (an approved one stays so; others are left as they are)."""
        approved = 0
        for submission_id in ids:
            study_id, submission = self._studies.submission_index[submission_id]
            if submission["status"] == AWAITING:
                self._studies.set_submission_status(study_id, submission_id, "APPROVED")
                approved += 1
        return approved

    # -- handlers ---------------------------------------------------------------------------------

    def _found(self, submission_id: str) -> tuple[str, dict[str, Any]] | None:
        return self._studies.submission_index.get(submission_id)

    @staticmethod
    def _full(study_id: str, submission: dict[str, Any]) -> dict[str, Any]:
        """The ``Submission`` body (``participant``, ``study_id``, ``entered_code``)."""
        return {
            "id": submission["id"],
            "started_at": submission["started_at"],
            "completed_at": submission["completed_at"],
            "status": submission["status"],
            "study_id": study_id,
            "participant": submission["participant_id"],
            "entered_code": submission["study_code"],
        }

    def get(self, request: FakeRequest) -> Answer:
        """``get-submission``: the ``SubmissionDetail``."""
        found = self._found(request.path_params["id"])
        if found is None:
            return not_found("Submission")
        study_id, submission = found
        detail = self._full(study_id, submission)
        detail["return_requested"] = submission["return_requested"]
        detail["bonus_payments"] = self._bonus_payments(submission["id"])
        return json_answer(200, detail)

    def counts(self, request: FakeRequest) -> Answer:
        """``count-study-submissions-by-status``: ``{"ACTIVE": n, ..., "TOTAL": n}``."""
        study_id = request.path_params["id"]
        if study_id not in self._studies.studies:
            return not_found("Study")
        counts: dict[str, int] = dict.fromkeys(_COUNTED, 0)
        submissions = self._studies.submissions.get(study_id, [])
        for submission in submissions:
            counts[submission["status"]] = counts.get(submission["status"], 0) + 1
        counts["TOTAL"] = len(submissions)
        return json_answer(200, counts)

    def bulk_approve(self, request: FakeRequest) -> Answer:
        """``bulk-approve-submissions``: ``{"submission_ids"}`` or ``{"study_id", "participant_ids"}``; 200, later."""
        body: dict[str, Any] = request.body
        errors: Errors = {}
        if "submission_ids" in body:
            ids = self._id_list(body, "submission_ids", errors)
            if ids is None:
                return field_errors(errors)
            missing = [n for n, i in enumerate(ids, 1) if i not in self._studies.submission_index]
            if missing:
                return field_errors({"submission_ids": [f"Submissions not found: {positions(missing, 'item')}."]})
        elif "participant_ids" in body or "study_id" in body:
            study_id = body.get("study_id")
            if not isinstance(study_id, str) or not study_id:
                errors["study_id"] = [REQUIRED]
            participants = self._id_list(body, "participant_ids", errors)
            if errors or participants is None:
                return field_errors(errors)
            assert isinstance(study_id, str)
            if study_id not in self._studies.studies:
                return not_found("Study")
            by_participant = {s["participant_id"]: s["id"] for s in self._studies.submissions.get(study_id, [])}
            missing = [n for n, p in enumerate(participants, 1) if p not in by_participant]
            if missing:
                return field_errors(
                    {"participant_ids": [f"No submission in this study: {positions(missing, 'item')}."]}
                )
            ids = [by_participant[p] for p in participants]
        else:
            return field_errors({"submission_ids": ["Give submission_ids, or study_id and participant_ids."]})
        if self.lag <= 0:
            self._approve(ids)
        else:
            self._pending.append([self.lag, ids])
        return json_answer(200, BULK_APPROVE_ANSWER)

    @staticmethod
    def _id_list(body: dict[str, Any], name: str, errors: Errors) -> list[str] | None:
        value = body.get(name)
        if not isinstance(value, list) or not value:
            errors[name] = ["Expected a non-empty list of ids."]
            return None
        bad = [n for n, item in enumerate(value, 1) if not is_participant_id(item)]
        if bad:
            errors[name] = [f"{positions(bad, 'item').capitalize()}: not an id (24 hexadecimal characters expected)."]
            return None
        return list(value)

    def transition(self, request: FakeRequest) -> Answer:
        """``transition-submission``: the API's transitions only (else 400); a repeated one is ignored."""
        found = self._found(request.path_params["id"])
        if found is None:
            return not_found("Submission")
        study_id, submission = found
        body: dict[str, Any] = request.body
        action = body.get("action")
        if action is None:
            return field_errors({"action": [REQUIRED]})
        if action not in _ACTIONS:
            shown = action if isinstance(action, str) else type(action).__name__
            return field_errors({"action": [f'"{shown}" is not a valid choice ({", ".join(_ACTIONS)}).']})
        sources, target = _TRANSITIONS[action]
        errors = self._rules(action, body, study_id)
        if errors:
            return field_errors(errors)
        if submission["status"] == target:  # the document: a repeated request is ignored
            return json_answer(200, self._full(study_id, submission))
        if submission["status"] not in sources:
            return state_error(f"Cannot {action} a submission that is {submission['status']}.")
        if (
            target in HOLDS_PLACE
            and submission["status"] not in HOLDS_PLACE
            and not self._studies.free_places(study_id)
        ):
            return state_error(f"Cannot {action}: every place of the study is held by another submission.")
        if action == "COMPLETE":
            submission["study_code"] = body["completion_code"]
            submission["completed_at"] = self._studies.clock.iso()
        self._studies.set_submission_status(study_id, submission["id"], target)
        return json_answer(200, self._full(study_id, submission))

    def _rules(self, action: str, body: dict[str, Any], study_id: str) -> Errors:
        errors: Errors = {}
        if action == "REJECT":
            category = body.get("rejection_category")
            if category is None:
                errors["rejection_category"] = [REQUIRED + " (when action is REJECT)"]
            elif category not in _CATEGORIES:
                errors["rejection_category"] = [f'"{category}" is not a valid choice.']
            message = body.get("message")
            if not isinstance(message, str) or len(message) < _MIN_MESSAGE:
                errors["message"] = [
                    f"Ensure this field has at least {_MIN_MESSAGE} characters (when action is REJECT)."
                ]
        if action == "COMPLETE":
            code = body.get("completion_code")
            codes = [c.get("code") for c in self._studies.studies[study_id].get("completion_codes") or []]
            if not isinstance(code, str) or not code:
                errors["completion_code"] = [REQUIRED + " (when action is COMPLETE)"]
            elif codes and code not in codes:
                errors["completion_code"] = [f'"{code}" is not one of the study\'s completion codes.']
            data = body.get("completion_code_data")
            if isinstance(data, dict) and "percentage_of_reward" in data:
                share = data["percentage_of_reward"]
                if isinstance(share, bool) or not isinstance(share, int | float) or not 8 <= share <= 99:
                    errors["completion_code_data"] = ["percentage_of_reward must be between 8 and 99."]
        return errors

    def request_return(self, request: FakeRequest) -> Answer:
        """``request-submission-return``: ``request_return_reasons`` (non-empty); the ``ReturnRequestedResponse``."""
        found = self._found(request.path_params["id"])
        if found is None:
            return not_found("Submission")
        _, submission = found
        reasons = request.body.get("request_return_reasons")
        if not isinstance(reasons, list) or not reasons or not all(isinstance(r, str) and r for r in reasons):
            return field_errors({"request_return_reasons": ["Expected a non-empty list of reasons."]})
        if submission["status"] not in _RETURNABLE:
            return state_error(f"Cannot request the return of a submission that is {submission['status']}.")
        submission["return_requested"] = self._studies.clock.iso()
        answer = {
            "id": submission["id"],
            "status": submission["status"],
            "participant": submission["participant_id"],
            "return_requested": submission["return_requested"],
        }
        return json_answer(200, answer)


def participant_action(studies: Studies, submission_id: str, action: str, code: str | None = None) -> dict[str, Any]:
    """What a participant does to a submission (``complete``: submits; ``return``; ``time-out``); return its body.

    ``complete`` stamps ``completed_at`` and the completion ``code`` (default: the study's first
    completion code, if it has one). ``ValueError`` (saying why) for an unknown submission or
    action, or a submission whose status does not allow it.
    """
    if action not in PARTICIPANT_ACTIONS:
        raise ValueError(f"unknown action {action!r}: one of {', '.join(PARTICIPANT_ACTIONS)}")
    found = studies.submission_index.get(submission_id)
    if found is None:
        raise ValueError(f"no submission {submission_id!r} in this fake")
    study_id, submission = found
    sources, target = PARTICIPANT_ACTIONS[action]
    if submission["status"] not in sources:
        allowed = " or ".join(sorted(sources))
        raise ValueError(
            f"cannot {action} submission {submission_id}: it is {submission['status']} (only {allowed} can)"
        )
    if action == "complete":
        codes = [c.get("code") for c in studies.studies[study_id].get("completion_codes") or [] if c.get("code")]
        submission["study_code"] = code if code is not None else (codes[0] if codes else None)
        submission["completed_at"] = studies.clock.iso()
    studies.set_submission_status(study_id, submission_id, target)
    return submission
