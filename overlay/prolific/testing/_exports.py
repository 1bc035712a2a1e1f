"""What a study gives out beyond its submissions: the demographic export.

(The predicted recruitment time of a stored study is :mod:`._study_rules`'s, the same rule as a
draft's.)

**The demographic export** (``export-demographic-data``, ``get-demographic-export-history``).
Prolific's document says the POST "creates and downloads" the export (a CSV of one row per
submission: ids, status, times, age, sex, country, ...), that the same request may be downloaded
as many times as needed, and that a study allows 2 different filter combinations. It documents
neither how long a large export takes nor what the answer is meanwhile; the fake models the
asynchronous case as Prolific's documented batch exports do: the first request of a combination
answers ``{"status": "GENERATING"}`` (200, JSON) for ``fake.demographic_export_delay`` seconds of
the fake's clock (default 0: ready at once), then the same request answers the CSV (``text/csv``).
``fake.demographic_export_access = False`` makes it answer 403, as for a workspace without access;
a third filter combination answers 400.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import threading
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from ._answers import CSV, Answer, error_answer, json_answer, not_found
from ._clock import FakeClock, parse_iso
from ._routes import FakeRequest
from ._studies import Studies

#: The columns of the demographic export, as Prolific's document lists its base data.
DEMOGRAPHIC_COLUMNS = (
    "Submission id",
    "Participant id",
    "Status",
    "Started at",
    "Completed at",
    "Time taken",
    "Age",
    "Sex",
    "Ethnicity simplified",
    "First language",
    "Country of residence",
    "Nationality",
    "Country of birth",
    "Student status",
    "Employment status",
    "Reviewed at",
    "Completion code",
    "Total approvals",
)
_MAX_COMBINATIONS = 2  # "You are also limited to 2 different filter export requests."
_FORBIDDEN_CODE = 140300
_LIMIT_CODE = 140400
_SEXES = ("Female", "Male")
_COUNTRIES = ("United Kingdom", "United States", "Canada", "Germany", "South Africa")
_LANGUAGES = ("English", "English", "German", "Spanish")
_ETHNICITIES = ("White", "Black", "Asian", "Mixed", "Other")


class StudyData:
    """The demographic exports of the fake's studies."""

    def __init__(self, lock: threading.RLock, studies: Studies, clock: FakeClock) -> None:
        self._lock = lock
        self._studies = studies
        self._clock = clock
        self.export_delay = 0.0
        self.export_access = True
        # study id -> {filters as JSON: the moment its export is ready}
        self.exports: dict[str, dict[str, datetime]] = {}

    def clear(self) -> None:
        self.exports.clear()

    def handlers(self) -> dict[str, Callable[[FakeRequest], Answer]]:
        return {
            "export-demographic-data": self.export,
            "get-demographic-export-history": self.history,
        }

    def export(self, request: FakeRequest) -> Answer:
        """``export-demographic-data``: ``{"status": "GENERATING"}`` until ready, then the CSV (see the module)."""
        study_id = request.path_params["id"]
        if study_id not in self._studies.studies:
            return not_found("Study")
        if not self.export_access:
            return error_answer(403, "Your workspace does not have access to the demographic export.", _FORBIDDEN_CODE)
        body = request.body if isinstance(request.body, dict) else {}
        filters = json.dumps(body.get("filters") or [], sort_keys=True)
        requested = self.exports.setdefault(study_id, {})
        if filters not in requested:
            if len(requested) >= _MAX_COMBINATIONS:
                return error_answer(
                    400,
                    f"You are limited to {_MAX_COMBINATIONS} different filter combinations per study.",
                    _LIMIT_CODE,
                )
            requested[filters] = self._clock.now() + timedelta(seconds=self.export_delay)
        ready_at = requested[filters]
        if self._clock.now() < ready_at:
            return json_answer(200, {"status": "GENERATING", "ready_at": ready_at.isoformat()})
        return Answer(200, (CSV,), self._csv(study_id).encode())

    def history(self, request: FakeRequest) -> Answer:
        """``get-demographic-export-history``: how many combinations were asked for, and the latest filters."""
        study_id = request.path_params["id"]
        if study_id not in self._studies.studies:
            return not_found("Study")
        requested = list(self.exports.get(study_id, {}))
        latest = json.loads(requested[-1]) if requested else []
        return json_answer(200, {"count": len(requested), "filters": latest})

    def _csv(self, study_id: str) -> str:
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(DEMOGRAPHIC_COLUMNS)
        for submission in self._studies.submissions.get(study_id, []):
            writer.writerow(demographic_row(submission))
        return out.getvalue()


def demographic_row(submission: dict[str, Any]) -> tuple[object, ...]:
    """A submission's row of the export: its own fields, and demographics made up from its participant id.

    The same participant always gets the same answers (a hash of the id), so tests can check a join.
    """
    participant = submission["participant_id"]
    seed = hashlib.sha256(participant.encode()).digest()
    started, completed = submission.get("started_at"), submission.get("completed_at")
    taken = ""
    if started and completed:
        taken = str(int((parse_iso(completed) - parse_iso(started)).total_seconds()))
    return (
        submission["id"],
        participant,
        submission["status"],
        started or "",
        completed or "",
        taken,
        18 + seed[0] % 60,
        _SEXES[seed[1] % len(_SEXES)],
        _ETHNICITIES[seed[2] % len(_ETHNICITIES)],
        _LANGUAGES[seed[3] % len(_LANGUAGES)],
        _COUNTRIES[seed[4] % len(_COUNTRIES)],
        _COUNTRIES[seed[5] % len(_COUNTRIES)],
        _COUNTRIES[seed[6] % len(_COUNTRIES)],
        ("Yes", "No")[seed[7] % 2],
        ("Full-Time", "Part-Time", "Unemployed")[seed[8] % 3],
        "",
        submission.get("study_code") or "",
        seed[9] % 200,
    )
