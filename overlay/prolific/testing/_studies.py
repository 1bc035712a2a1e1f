"""Studies: drafts, the credential pool attached to them, transitions, redemption, submissions, the report.

Which workspace a study is in decides which pools it may use. A study is created in a ``project``
(a project id registered with ``fake.add_project(project_id, workspace_id)``) or, a FakeProlific
shortcut, with ``workspace_id`` instead: that workspace's default project (made up on first use).
"""

from __future__ import annotations

import csv
import io
import math
import threading
from collections import Counter
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from ._answers import (
    CODE_NOT_FOUND,
    CSV,
    Answer,
    error_answer,
    field_errors,
    json_answer,
    not_found,
    state_error,
)
from ._clock import FakeClock, parse_iso
from ._credentials import CredentialPools
from ._fields import (
    REQUIRED,
    Errors,
    is_participant_id,
    name_field,
    new_id,
    number_field,
    query_int,
    text_field,
    unsupported_query,
)
from ._routes import FakeRequest

DRAFT = "UNPUBLISHED"
AWAITING = "AWAITING REVIEW"
# A submission's place: held from the start until it is returned, timed out or screened out (a
# rejected submission keeps it: Prolific reopens places for returns and time-outs, not rejections).
IN_PROGRESS = frozenset({"RESERVED", "ACTIVE"})
HOLDS_PLACE = IN_PROGRESS | {AWAITING, "APPROVED", "PARTIALLY APPROVED", "REJECTED"}
SUBMITTED = frozenset({AWAITING, "AWAITING_REVIEW", "APPROVED", "PARTIALLY APPROVED", "REJECTED"})
# The study statuses its submissions move it between (see Studies.follow); a draft, a scheduled or
# a paused study stays as it is whatever its submissions do.
_FOLLOWING = frozenset({"ACTIVE", AWAITING, "COMPLETED"})
_PROLIFIC_ID_OPTIONS = ("question", "url_parameters", "not_required")
_READ_ONLY = ("id", "status")
# Fields the fake computes or keeps out of the stored study (``workspace_id`` is the fake's shortcut).
_NOT_ECHOED = frozenset({"workspace_id", "has_credentials", *_READ_ONLY})
# action -> (the statuses it applies to, the status it leads to)
_TRANSITIONS: dict[str, tuple[frozenset[str], str]] = {
    "PUBLISH": (frozenset({DRAFT, "SCHEDULED"}), "ACTIVE"),
    "SCHEDULE_PUBLISH": (frozenset({DRAFT}), "SCHEDULED"),
    "CANCEL_PUBLISH": (frozenset({"SCHEDULED"}), DRAFT),
    "PAUSE": (frozenset({"ACTIVE"}), "PAUSED"),
    "START": (frozenset({"PAUSED"}), "ACTIVE"),
    "STOP": (frozenset({"ACTIVE", "PAUSED"}), "COMPLETED"),
}
_NEEDS_CREDENTIALS = frozenset({"PUBLISH", "SCHEDULE_PUBLISH", "START"})
_STUDIES_FILTERS = frozenset({"state"})
# get-submissions' status flags -> the status each selects
SUBMISSION_FLAGS = {
    "active": "ACTIVE",
    "approved": "APPROVED",
    "awaiting_review": "AWAITING REVIEW",
    "rejected": "REJECTED",
    "returned": "RETURNED",
    "screened_out": "SCREENED OUT",
    "timeout": "TIMED-OUT",
}
_SUBMISSIONS_FILTERS = frozenset({"study", "status", "page", "page_size", *SUBMISSION_FLAGS})
_TRUE, _FALSE = frozenset({"1", "true", "yes", "t"}), frozenset({"0", "false", "no", "f"})
_DEFAULT_PAGE_SIZE = 20  # the API's default for get-submissions
REPORT_HEADER = ("Participant Id", "Submission Id", "Username", "Status")
# What ``add_study`` fills in when not given: the fields create-study requires.
_STUDY_DEFAULTS: dict[str, Any] = {
    "name": "Fake study",
    "description": "A study made by FakeProlific.add_study().",
    "external_study_url": "https://example.org/study",
    "prolific_id_option": "url_parameters",
    "total_available_places": 10,
    "estimated_completion_time": 5,
    "reward": 100,
}


#: Prolific's rules kept in their own modules (:mod:`._study_rules`): ``guard(action, study, body)`` with
#: action ``"create"`` (study ``None``), ``"update"`` or a transition's action, before the change is
#: applied; returns field errors, a message (a 400 of the study's state) or ``None`` to let it happen.
Guard = Callable[[str, dict[str, Any] | None, dict[str, Any]], "Errors | str | None"]

#: Called on every status change: ``listener(kind, study, submission)`` with kind ``"study"`` or
#: ``"submission"`` (``submission`` is ``None`` for a study), under the fake's lock.
StatusListener = Callable[[str, dict[str, Any], dict[str, Any] | None], None]


class Studies:
    """Studies by id (each the ``Study`` body the API returns), their submissions, and projects.

    Every change of a study's or a submission's status goes through :meth:`set_study_status` or
    :meth:`set_submission_status`, which record it in :attr:`transitions` and tell the
    ``listeners`` (the webhook store delivers events). A submission's change then moves its study
    as Prolific does (:meth:`follow`): a published study whose places are all held and whose
    participants have all submitted awaits review, and is completed once each submission is reviewed;
    a return or a time-out frees a place and makes it active again.
    """

    def __init__(self, lock: threading.RLock, pools: CredentialPools, clock: FakeClock) -> None:
        self._lock = lock
        self._pools = pools
        self.clock = clock
        self.studies: dict[str, dict[str, Any]] = {}
        self.projects: dict[str, str] = {}  # project id -> workspace id
        self.submissions: dict[str, list[dict[str, Any]]] = {}  # study id -> submissions, oldest first
        self._default_projects: dict[str, str] = {}  # workspace id -> its default project
        self._participants: dict[str, set[str]] = {}  # study id -> participants with a submission
        self.submission_index: dict[str, tuple[str, dict[str, Any]]] = {}  # submission id -> (study id, body)
        # study id -> how many of its submissions are in each status: the places held, without a scan
        # (kept by _submission and set_submission_status, the only writers of a status).
        self._counts: dict[str, Counter[str]] = {}
        self._stopped: set[str] = set()  # studies a STOP ended: they recruit no more
        self.transitions: list[dict[str, Any]] = []
        self.listeners: list[StatusListener] = []
        self.guards: list[Guard] = []
        clock.listeners.append(self.time_out_due)

    def clear(self) -> None:
        self.studies.clear()
        self.projects.clear()
        self.submissions.clear()
        self._default_projects.clear()
        self._participants.clear()
        self.submission_index.clear()
        self._counts.clear()
        self._stopped.clear()
        self.transitions.clear()

    def handlers(self) -> dict[str, Callable[[FakeRequest], Answer]]:
        return {
            "create-study": self.create,
            "get-study": self.get,
            "get-studies": self.list,
            "update-study": self.update,
            "publish-study": self.transition,
            "download-study-credential-report": self.report,
        }

    # -- status changes: the one place each happens ------------------------------------------------

    def _record(self, kind: str, study_id: str, resource_id: str, old: str | None, new: str) -> None:
        self.transitions.append(
            {"kind": kind, "id": resource_id, "study_id": study_id, "from": old, "to": new, "at": self.clock.iso()}
        )

    def set_study_status(self, study_id: str, status: str) -> None:
        """Set a study's status and tell the listeners (webhook events); ``ValueError`` for an unknown study."""
        study = self._study_or_raise(study_id)
        old = study.get("status")
        study["status"] = status
        self._record("study", study_id, study_id, old, status)
        for listener in self.listeners:
            listener("study", study, None)

    def set_submission_status(self, study_id: str, submission_id: str, status: str) -> None:
        """Set a submission's status, tell the listeners, then move its study (:meth:`follow`).

        ``ValueError`` for an unknown study or submission. Setting the status it has changes nothing.
        """
        self._study_or_raise(study_id)
        owner, submission = self.submission_index.get(submission_id, (None, {}))
        if owner != study_id:
            raise ValueError(f"no submission {submission_id!r} in study {study_id!r}")
        old = submission["status"]
        if old == status:
            return
        submission["status"] = status
        counts = self._counts.setdefault(study_id, Counter())
        counts[old] -= 1
        counts[status] += 1
        if status in SUBMITTED and submission.get("completed_at") is None:
            submission["completed_at"] = self.clock.iso()  # submitted: the time it was
        self._record("submission", study_id, submission_id, old, status)
        study = self.studies[study_id]
        for listener in self.listeners:
            listener("submission", study, submission)
        self.follow(study_id)

    def follow(self, study_id: str) -> None:
        """Move a published study to the status its submissions give it, as Prolific does.

        ``ACTIVE`` while a place is free or a participant is still working; then ``AWAITING REVIEW``
        while a submission awaits review; then ``COMPLETED``. A study a ``STOP`` ended recruits no
        more: ``AWAITING REVIEW`` until the last submission is in and reviewed, then ``COMPLETED``.
        Drafts, scheduled and paused studies stay as they are.
        """
        study = self.studies[study_id]
        if study["status"] not in _FOLLOWING:
            return
        counts = self._counts.get(study_id, Counter())
        if study_id in self._stopped:
            target = self._after_stop(study_id)
        elif sum(counts[s] for s in IN_PROGRESS) or self.free_places(study_id) > 0:
            target = "ACTIVE"
        else:
            target = AWAITING if counts[AWAITING] else "COMPLETED"
        if target != study["status"]:
            self.set_study_status(study_id, target)

    def _after_stop(self, study_id: str) -> str:
        counts = self._counts.get(study_id, Counter())
        return AWAITING if counts[AWAITING] or sum(counts[s] for s in IN_PROGRESS) else "COMPLETED"

    def places_held(self, study_id: str) -> int:
        """How many of the study's submissions hold a place (started, submitted, or reviewed but not freed)."""
        counts = self._counts.get(study_id, Counter())
        return sum(counts[s] for s in HOLDS_PLACE)

    def free_places(self, study_id: str) -> int:
        """The study's places not held by a submission."""
        places = self.studies[study_id].get("total_available_places") or 0
        return max(0, math.floor(places) - self.places_held(study_id))

    def workspace_of(self, study: dict[str, Any]) -> str | None:
        return self.projects.get(study.get("project", ""))

    # -- time -------------------------------------------------------------------------------------

    def time_out_due(self, moment: datetime) -> None:
        """Time out each started submission whose study's ``maximum_allowed_time`` has passed (a clock listener)."""
        with self._lock:
            for study_id, submissions in self.submissions.items():
                limit = timedelta(minutes=time_limit(self.studies[study_id]))
                due = [
                    s["id"]
                    for s in submissions
                    if s["status"] in IN_PROGRESS and parse_iso(s["started_at"]) + limit <= moment
                ]
                for submission_id in due:
                    self.set_submission_status(study_id, submission_id, "TIMED-OUT")

    # -- seeding and participants (FakeProlific's public methods call these under the lock) -------

    def add_project(self, project_id: str, workspace_id: str) -> None:
        for name, value in (("project_id", project_id), ("workspace_id", workspace_id)):
            if not isinstance(value, str) or not value or value != value.strip() or "/" in value:
                raise ValueError(f"{name} must be a non-empty string without spaces or '/', not {value!r}")
        known = self.projects.get(project_id)
        if known is not None and known != workspace_id:
            raise ValueError(f"project {project_id!r} is already in workspace {known!r}")
        self.projects[project_id] = workspace_id

    def add_study(self, fields: dict[str, Any]) -> str:
        body = {**_STUDY_DEFAULTS, **fields}
        if "project" not in body and "workspace_id" not in body:
            raise ValueError("add_study() needs workspace_id= or project= (a project added with add_project)")
        study, error = self.new_study(body)
        if study is None:
            raise ValueError(f"add_study(): the API would refuse these fields: {error}")
        return str(study["id"])

    def add_submissions(self, study_id: str, count: int, status: str) -> list[str]:
        """Seeded history: ``count`` submissions in ``status``; the study's places grow to hold them if needed."""
        if isinstance(count, bool) or not isinstance(count, int) or count < 0:
            raise ValueError(f"count must be an int >= 0, not {count!r}")
        if not isinstance(status, str) or not status:
            raise ValueError(f"status must be a non-empty string such as 'APPROVED', not {status!r}")
        study = self._study_or_raise(study_id)
        stamp = self.clock.iso()
        created = [self._submission(study_id, new_id(), status, stamp) for _ in range(count)]
        if status in SUBMITTED:
            for submission in created:
                submission["completed_at"] = stamp
        held = self.places_held(study_id)
        if held > (study.get("total_available_places") or 0):
            study["total_available_places"] = held  # a study never holds more submissions than places
        self.follow(study_id)
        return [s["id"] for s in created]

    def redeem(self, study_id: str, participant_id: str | None) -> tuple[str, str]:
        study = self._study_or_raise(study_id)
        participant_id = _participant(participant_id)
        pool_id = study.get("credential_pool_id")
        if not pool_id:
            raise ValueError(
                f"study {study_id} has no credential pool: attach one first "
                "(update-study with credential_pool_id, on the draft study)"
            )
        left = self._pools.available(pool_id)
        if left == 0:
            total = len(self._pools.pools[pool_id])
            raise ValueError(
                f"credential pool {pool_id} of study {study_id} has no unused credentials left "
                f"({total} of {total} redeemed; the study is {study['status']}): add credentials to the "
                "pool (update-credential-pool) and start the study again (publish-study, action START)"
            )
        if study["status"] != "ACTIVE":
            raise ValueError(
                f"study {study_id} is {study['status']}: participants redeem credentials only in an ACTIVE "
                "study (publish it with publish-study, action PUBLISH)"
            )
        self._check_place(study_id, participant_id)
        submission_id = new_id()
        credential = self._pools.redeem(pool_id, participant_id, submission_id)
        # The submission exists from here on; its status is set (and announced) as a change.
        self._submission(study_id, submission_id, "RESERVED", self.clock.iso(), participant_id)
        self.set_submission_status(study_id, submission_id, "ACTIVE")
        if left == 1:  # that was the last one: a study whose pool runs out pauses itself
            self.set_study_status(study_id, "PAUSED")
        return credential

    def start(self, study_id: str, participant_id: str | None) -> tuple[dict[str, Any], tuple[str, str] | None]:
        """A participant takes a place: a new ``ACTIVE`` submission, and a credential if the study has a pool.

        ``ValueError`` (saying why) for an unknown study, a study that is not ``ACTIVE``, one whose
        places are all held, a participant already in it, or (with a pool) :meth:`redeem`'s reasons.
        """
        study = self._study_or_raise(study_id)
        participant_id = _participant(participant_id)
        if study.get("credential_pool_id"):
            credential = self.redeem(study_id, participant_id)
            return self.submissions[study_id][-1], credential
        if study["status"] != "ACTIVE":
            raise ValueError(
                f"study {study_id} is {study['status']}: participants take part only in an ACTIVE study "
                "(publish it with publish-study, action PUBLISH)"
            )
        self._check_place(study_id, participant_id)
        submission = self._submission(study_id, new_id(), "RESERVED", self.clock.iso(), participant_id)
        self.set_submission_status(study_id, submission["id"], "ACTIVE")
        return submission, None

    def _check_place(self, study_id: str, participant_id: str) -> None:
        if participant_id in self._participants.get(study_id, ()):
            raise ValueError(f"participant {participant_id} already has a submission in study {study_id}")
        if self.free_places(study_id) == 0:
            places = self.studies[study_id].get("total_available_places")
            raise ValueError(
                f"study {study_id} has no free place: {self.places_held(study_id)} of {places:g} places are "
                "held (a return or a time-out frees one; update-study can add places)"
            )

    def _guarded(self, action: str, study: dict[str, Any] | None, body: dict[str, Any]) -> Errors | str | None:
        for guard in self.guards:
            refused = guard(action, study, body)
            if refused:
                return refused
        return None

    def remove(self, study_id: str) -> None:
        """Forget a study and its submissions (``delete-study``, which refuses all but drafts)."""
        self.studies.pop(study_id)
        for submission in self.submissions.pop(study_id, ()):
            self.submission_index.pop(submission["id"], None)
        self._participants.pop(study_id, None)
        self._counts.pop(study_id, None)
        self._stopped.discard(study_id)

    def _study_or_raise(self, study_id: str) -> dict[str, Any]:
        study = self.studies.get(study_id)
        if study is None:
            raise ValueError(f"no study {study_id!r} in this fake (create one with create-study or add_study)")
        return study

    def _submission(
        self, study_id: str, submission_id: str, status: str, started_at: str, participant_id: str | None = None
    ) -> dict[str, Any]:
        participant = participant_id or new_id()
        submission = {
            "id": submission_id,
            "participant_id": participant,
            "status": status,
            "started_at": started_at,
            "completed_at": None,
            "has_siblings": False,
            "study_code": None,
            "return_requested": None,
        }
        self.submissions.setdefault(study_id, []).append(submission)
        self.submission_index[submission_id] = (study_id, submission)
        self._participants.setdefault(study_id, set()).add(participant)
        self._counts.setdefault(study_id, Counter())[status] += 1
        return submission

    # -- checks -----------------------------------------------------------------------------------

    def _check_fields(self, body: dict[str, Any], errors: Errors, *, creating: bool) -> None:
        """The simple fields' types (required ones only when creating)."""
        for name in ("name", "description", "external_study_url"):
            if creating or name in body:
                (name_field if name == "name" else text_field)(body, name, errors)
        if "internal_name" in body and body["internal_name"] is not None:
            text_field(body, "internal_name", errors)
        if creating or "prolific_id_option" in body:
            option = body.get("prolific_id_option")
            if option is None:
                errors["prolific_id_option"] = [REQUIRED]
            elif option not in _PROLIFIC_ID_OPTIONS:
                errors["prolific_id_option"] = [f"Not a valid choice (one of {', '.join(_PROLIFIC_ID_OPTIONS)})."]
        if creating or "total_available_places" in body:
            number_field(body, "total_available_places", errors, integer=True)
        for name in ("estimated_completion_time", "reward"):
            if creating or name in body:
                number_field(body, name, errors)
        if "maximum_allowed_time" in body:
            number_field(body, "maximum_allowed_time", errors)
        for name in _READ_ONLY:
            if name in body:
                errors[name] = ["This field is read-only (a study's status changes through publish-study)."]

    def _pool_problem(self, study: dict[str, Any], pool_id: object, workspace: str | None) -> str | None:
        """Why ``pool_id`` cannot be attached to ``study`` (in ``workspace``), or None."""
        if study["status"] != DRAFT:
            return (
                f"A credential pool can only be attached to a draft study (status {DRAFT}); "
                f"this study is {study['status']}."
            )
        if pool_id is None:
            return None
        if not isinstance(pool_id, str) or not pool_id:
            return "Not a valid string."
        if pool_id not in self._pools.pools:
            return f"Credential pool {pool_id} not found."
        pool_workspace = self._pools.workspaces[pool_id]
        if pool_workspace != workspace:
            return (
                f"The credential pool belongs to workspace {pool_workspace}, but this study is in workspace "
                f"{workspace}: use a pool of the study's workspace."
            )
        if self._pools.available(pool_id) == 0:
            return "The credential pool has no unused credentials left: add credentials to it first."
        return None

    def _project_for(self, body: dict[str, Any], errors: Errors) -> str | None:
        project = body.get("project")
        workspace = body.get("workspace_id")
        if project is not None:
            if not isinstance(project, str) or not project:
                errors["project"] = ["Not a valid string."]
            elif project not in self.projects:
                errors["project"] = [
                    f"Project {project} not found (FakeProlific: register it with "
                    "fake.add_project(project_id, workspace_id))."
                ]
            elif workspace is not None and self.projects[project] != workspace:
                errors["workspace_id"] = [f"Project {project} is in workspace {self.projects[project]}."]
            return project if not errors else None
        if workspace is None:
            errors["project"] = [REQUIRED + " (FakeProlific also accepts workspace_id: its default project.)"]
            return None
        if not isinstance(workspace, str) or not workspace:
            errors["workspace_id"] = ["Not a valid string."]
            return None
        project = self._default_projects.get(workspace)
        if project is None:
            project = self._default_projects[workspace] = new_id()
            self.projects[project] = workspace
        return project

    def _has_credentials_problem(self, body: dict[str, Any], pool_id: object) -> str | None:
        given = body.get("has_credentials")
        if "has_credentials" not in body or given is None:
            return None
        if given is not bool(pool_id):
            return "has_credentials follows credential_pool_id: it is true exactly when a pool is attached."
        return None

    # -- handlers ---------------------------------------------------------------------------------

    def new_study(self, body: dict[str, Any]) -> tuple[dict[str, Any] | None, Any]:
        errors: Errors = {}
        self._check_fields(body, errors, creating=True)
        project = self._project_for(body, errors)
        if not errors:
            refused = self._guarded("create", None, body)
            if refused is not None:
                return None, refused if isinstance(refused, dict) else {"non_field_errors": [refused]}
        if errors or project is None:
            return None, errors
        study: dict[str, Any] = {
            "id": new_id(),
            "status": DRAFT,
            "internal_name": None,
            "completion_codes": [],
            "device_compatibility": [],
            "peripheral_requirements": [],
            "filters": [],
            "credential_pool_id": None,
            "has_credentials": False,
            "date_created": self.clock.iso(),
            "published_at": None,
            **{k: v for k, v in body.items() if k not in _NOT_ECHOED},
            "project": project,
        }
        pool_id = body.get("credential_pool_id")
        if pool_id is not None:
            problem = self._pool_problem(study, pool_id, self.projects[project])
            if problem is not None:
                return None, {"credential_pool_id": [problem]}
        problem = self._has_credentials_problem(body, pool_id)
        if problem is not None:
            return None, {"has_credentials": [problem]}
        study["has_credentials"] = bool(pool_id)
        self.studies[study["id"]] = study
        return study, None

    def create(self, request: FakeRequest) -> Answer:
        """``create-study``: a draft (``UNPUBLISHED``) study; the required fields checked and echoed."""
        study, errors = self.new_study(request.body)
        if study is None:
            return field_errors(errors)
        return json_answer(201, study)

    def get(self, request: FakeRequest) -> Answer:
        """``get-study``: the ``Study``."""
        study = self.studies.get(request.path_params["id"])
        return not_found("Study") if study is None else json_answer(200, study)

    def list(self, request: FakeRequest) -> Answer:
        """``get-studies[?state=]``: ``{"results": [StudyShort]}``."""
        refused = unsupported_query(request, _STUDIES_FILTERS)
        if refused is not None:
            return refused
        state = request.query.get("state")
        results = [self.short(s) for s in self.studies.values() if state is None or s["status"] == state]
        return json_answer(200, {"results": results})

    def short(self, study: dict[str, Any]) -> dict[str, Any]:
        short = {
            key: study.get(key)
            for key in (
                "id",
                "name",
                "internal_name",
                "status",
                "total_available_places",
                "estimated_completion_time",
                "reward",
                "credential_pool_id",
                "date_created",
                "published_at",
            )
        }
        short["places_taken"] = self.places_held(study["id"])
        short["number_of_submissions"] = len(self.submissions.get(study["id"], ()))
        return short

    def update(self, request: FakeRequest) -> Answer:
        """``update-study`` (PATCH): simple fields, ``project``, and ``credential_pool_id`` on drafts."""
        study = self.studies.get(request.path_params["id"])
        if study is None:
            return not_found("Study")
        body: dict[str, Any] = request.body
        errors: Errors = {}
        self._check_fields(body, errors, creating=False)
        if "workspace_id" in body:
            errors["workspace_id"] = ["A study's workspace is its project's: change project instead."]
        project = study["project"]
        if "project" in body:
            project = self._project_for({"project": body["project"]}, errors)
        if errors or project is None:
            return field_errors(errors)
        workspace = self.projects.get(project)
        pool_id = body.get("credential_pool_id", study["credential_pool_id"])
        if "credential_pool_id" in body:
            problem = self._pool_problem(study, pool_id, workspace)
            if problem is not None:
                return field_errors({"credential_pool_id": [problem]})
        elif pool_id is not None and workspace != self._pools.workspaces.get(pool_id):
            return field_errors(
                {"project": ["The study's credential pool belongs to another workspace: detach it first."]}
            )
        problem = self._has_credentials_problem(body, pool_id)
        if problem is not None:
            return field_errors({"has_credentials": [problem]})
        problem = self._places_problem(study, body.get("total_available_places"))
        if problem is not None:
            return field_errors({"total_available_places": [problem]})
        refused = self._guarded("update", study, body)
        if refused is not None:
            return field_errors(refused) if isinstance(refused, dict) else state_error(refused)
        study.update({k: v for k, v in body.items() if k not in _NOT_ECHOED})
        study["project"] = project
        study["has_credentials"] = bool(pool_id)
        self.follow(study["id"])  # places added to a full study make it active again
        return json_answer(200, study)

    def _places_problem(self, study: dict[str, Any], places: object) -> str | None:
        """Why ``update-study`` may not set ``total_available_places`` to ``places`` (checked as a number already)."""
        if not isinstance(places, int | float) or isinstance(places, bool):
            return None
        if study["status"] != DRAFT and places < (current := study["total_available_places"]):
            return f"Once a study is published its places can only be increased (it has {current})."
        if places < (held := self.places_held(study["id"])):
            return f"{held} submissions hold a place in this study: it needs at least {held} places."
        return None

    def transition(self, request: FakeRequest) -> Answer:
        """``publish-study``: ``{"action": "PUBLISH" | "PAUSE" | "START" | "STOP" | ...}`` → the ``Study``."""
        study = self.studies.get(request.path_params["id"])
        if study is None:
            return not_found("Study")
        action = request.body.get("action")
        if action is None:
            return field_errors({"action": [REQUIRED]})
        if action not in _TRANSITIONS:
            shown = action if isinstance(action, str) else type(action).__name__
            return field_errors({"action": [f'"{shown}" is not a valid choice ({", ".join(_TRANSITIONS)}).']})
        sources, target = _TRANSITIONS[action]
        if study["status"] not in sources:
            return state_error(f"Cannot {action} a study that is {study['status']}.")
        pool_id = study["credential_pool_id"]
        if action in _NEEDS_CREDENTIALS and pool_id and self._pools.available(pool_id) == 0:
            return state_error(
                f"Cannot {action}: the study's credential pool has no unused credentials left; add credentials."
            )
        refused = self._guarded(action, study, request.body)
        if refused is not None:
            return field_errors(refused) if isinstance(refused, dict) else state_error(refused)
        if action == "SCHEDULE_PUBLISH":
            publish_at = request.body.get("publish_at")
            if not isinstance(publish_at, str) or not publish_at:
                return field_errors({"publish_at": ["Required when action is SCHEDULE_PUBLISH."]})
            study["publish_at"] = publish_at
        if target == "ACTIVE" and study.get("published_at") is None:
            study["published_at"] = self.clock.iso()
        if action == "STOP":  # no more recruiting; what was started can still be submitted and reviewed
            self._stopped.add(study["id"])
            target = self._after_stop(study["id"])
        self.set_study_status(study["id"], target)
        self.follow(study["id"])  # a study published or started full awaits review at once
        return json_answer(200, study)

    def report(self, request: FakeRequest) -> Answer:
        """``download-study-credential-report``: CSV ``Participant Id,Submission Id,Username,Status``."""
        study = self.studies.get(request.path_params["id"])
        if study is None:
            return not_found("Study")
        pool_id = study["credential_pool_id"]
        if not pool_id:
            return state_error(
                "This study has no credentials: the report exists only for a study with a credential pool "
                "(credential_pool_id)."
            )
        used = self._pools.redemptions.get(pool_id, [])
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(REPORT_HEADER)
        for index, (username, _) in enumerate(self._pools.pools[pool_id]):
            if index < len(used):
                writer.writerow((*used[index], username, "USED"))
            else:
                writer.writerow(("", "", username, "UNUSED"))
        return Answer(200, (CSV,), out.getvalue().encode())

    def list_submissions(self, request: FakeRequest) -> Answer:
        """``get-submissions?study=&page=&page_size=[&status=]``: one page of ``SubmissionShort``.

        With ``_links`` (``next.href`` null on the last page) and ``meta.count``, as the API pages.
        """
        refused = unsupported_query(request, _SUBMISSIONS_FILTERS)
        if refused is not None:
            return refused
        study_id = request.query.get("study")
        errors: Errors = {}
        size = query_int(request, "page_size", _DEFAULT_PAGE_SIZE, errors, minimum=1)
        if not study_id:
            errors["study"] = [REQUIRED]
        if errors:
            return field_errors(errors)
        assert study_id is not None
        if study_id not in self.studies:
            return not_found("Study")
        submissions = self.submissions.get(study_id, [])
        wanted, unwanted = _status_filter(request.query, errors)
        if errors:
            return field_errors(errors)
        if wanted is not None or unwanted:  # a filter reads every submission; without one, a page is a slice
            submissions = [
                s for s in submissions if (wanted is None or s["status"] in wanted) and s["status"] not in unwanted
            ]
        try:
            page = int(request.query.get("page", "1"))
        except ValueError:
            page = 0
        last = max(1, -(-len(submissions) // size))
        if not 1 <= page <= last:
            return error_answer(404, "Invalid page.", CODE_NOT_FOUND)
        results = submissions[(page - 1) * size : page * size]
        links = {
            "self": {"href": _page_url(request.url, page), "title": "Current"},
            "next": {"href": _page_url(request.url, page + 1) if page < last else None, "title": "Next"},
            "previous": {"href": _page_url(request.url, page - 1) if page > 1 else None, "title": "Previous"},
            "last": {"href": _page_url(request.url, last), "title": "Last"},
        }
        return json_answer(200, {"results": results, "_links": links, "meta": {"count": len(submissions)}})


def time_limit(study: dict[str, Any]) -> float:
    """The minutes a participant of ``study`` has before timing out: its ``maximum_allowed_time``.

    A study without one gets the document's formula for the smallest allowed value (2 minutes plus
    twice the estimated time plus twice its square root): Prolific's document says the default is
    "the max value" without naming it, so the fake takes the one number it gives (time-outs come
    sooner than Prolific's, never later). Set ``maximum_allowed_time`` to control it.
    """
    limit = study.get("maximum_allowed_time")
    if isinstance(limit, int | float) and not isinstance(limit, bool) and limit > 0:
        return float(limit)
    estimate = study.get("estimated_completion_time")
    estimate = float(estimate) if isinstance(estimate, int | float) and estimate > 0 else 1.0
    return 2 + 2 * estimate + 2 * math.sqrt(estimate)


def _participant(participant_id: str | None) -> str:
    if participant_id is None:
        return new_id()
    if not is_participant_id(participant_id):
        raise ValueError("participant_id must be 24 hexadecimal characters (a Prolific participant id)")
    return participant_id


def _status_filter(query: Any, errors: Errors) -> tuple[set[str] | None, set[str]]:
    """The statuses ``status=`` and the flags select (None: any) and those a ``flag=false`` excludes.

    ``status`` is case-insensitive with underscores for spaces (``awaiting_review``), as the API says.
    """
    wanted: set[str] | None = None
    unwanted: set[str] = set()
    status = query.get("status")
    if status is not None:
        wanted = {status.upper().replace("_", " ")}
    for flag, selected in SUBMISSION_FLAGS.items():
        value = query.get(flag)
        if value is None:
            continue
        if value.lower() in _TRUE:
            wanted = {selected} if wanted is None else wanted & {selected}
        elif value.lower() in _FALSE:
            unwanted.add(selected)
        else:
            errors[flag] = ["Must be a valid boolean (1/0, true/false, yes/no, t/f)."]
    return wanted, unwanted


def _page_url(url: str, page: int) -> str:
    parts = urlsplit(url)
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k != "page"]
    return urlunsplit(parts._replace(query=urlencode([*query, ("page", str(page))])))
