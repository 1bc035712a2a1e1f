"""Filters, filter sets and the eligible count: a small, realistic catalogue and a population it is counted on.

Prolific's catalogue has hundreds of filters; the fake has a dozen of the ones studies use most, with
Prolific's ids and shapes (``get-filters``): ``select`` filters with their ``choices`` (ids → labels)
and ``range`` filters with ``min``/``max``. A few ``select`` filters take ids instead of choices:
``previous_studies`` (a block list) and ``previous_studies_allowlist`` (the workspace's studies),
``participant_group_allowlist`` / ``participant_group_blocklist`` (its participant groups),
``custom_allowlist`` / ``custom_blocklist`` (participant ids).

**The eligible count is a deterministic function of the filters** (``get-eligible-count``, a filter
set's ``eligible_participant_count``, the predicted recruitment time): a population of
:data:`POPULATION` participants, each filter keeping a share of it; shares multiply (filters are
independent), a composite ``or`` keeps ``1 - Π(1 - share)``. A ``select`` filter's share is the sum
of its selected choices' shares (a participant has one sex, one country), or, for a filter a
participant may hold several values of (``fluent-languages``), ``1 - Π(1 - share)``; a ``range``
keeps the part of its distribution inside the bounds (linear within each bucket). An allow list
keeps exactly its participants (a study's, a group's members, the ids given); a block list removes
them. The result is rounded down, and, as Prolific does to protect participants, **a count under 25
is answered as 0**.

A filter id the catalogue lacks, a choice outside a filter's ``choices``, a range outside
``min``/``max`` or with ``lower > upper`` are refused with a 400 naming the filter's position, as
``create-study`` and ``update-study`` refuse them (see :meth:`Filters.problems`).

Filter sets (``get-filter-sets?workspace_id=``, ``get-filter-set``) are seeded with
``fake.add_filter_set(workspace_id, name, filters)``.
"""

from __future__ import annotations

import difflib
import math
import threading
from collections.abc import Callable, Iterable
from typing import Any

from ._answers import Answer, field_errors, json_answer, not_found
from ._fields import REQUIRED, Errors, is_participant_id, new_id, unsupported_query
from ._groups import ParticipantGroups
from ._routes import FakeRequest
from ._studies import Studies

#: How many active participants the fake's Prolific has (Prolific says "200k+").
POPULATION = 200_000
#: Counts under this are answered as 0 (Prolific's privacy rule for ``get-eligible-count``).
PRIVACY_FLOOR = 25
_FILTERS_QUERY = frozenset({"detailed", "workspace_id", "filter_tag"})
_SETS_QUERY = frozenset({"workspace_id", "organisation_id"})
_SET_QUERY = frozenset({"version_number"})
_TRUE = frozenset({"1", "true", "yes", "t"})
GROUP_TAG = "custom-group"  # the ``filter_tag`` that selects the participant-group filters


def _select(
    filter_id: str,
    title: str,
    question: str,
    choices: Iterable[tuple[str, float]],
    category: str,
    *,
    several: bool = False,
) -> dict[str, Any]:
    listed = list(choices)
    return {
        "filter_id": filter_id,
        "title": title,
        "description": "",
        "type": "select",
        "question": question,
        "choices": {str(index): label for index, (label, _) in enumerate(listed)},
        "data_type": "ChoiceID",
        "_shares": {str(index): share for index, (_, share) in enumerate(listed)},
        "_several": several,
        "_category": category,
    }


def _range(
    filter_id: str, title: str, question: str, low: int, high: int, buckets: list[tuple[float, float, float]]
) -> dict[str, Any]:
    return {
        "filter_id": filter_id,
        "title": title,
        "description": "",
        "type": "range",
        "question": question,
        "min": low,
        "max": high,
        "data_type": "integer",
        "_buckets": buckets,
        "_category": "Participation on Prolific" if filter_id.startswith("approval") else "Basic demographics",
    }


def _ids(filter_id: str, title: str, data_type: str, *, allow: bool) -> dict[str, Any]:
    return {
        "filter_id": filter_id,
        "title": title,
        "description": "",
        "type": "select",
        "question": "",
        "choices": {},
        "data_type": data_type,
        "_allow": allow,
        "_category": "Custom groups" if data_type == "ParticipantGroupID" else "Participation on Prolific",
    }


#: The catalogue: filter id → its ``get-filters`` entry (keys starting with ``_`` are the fake's own).
CATALOGUE: dict[str, dict[str, Any]] = {
    f["filter_id"]: f
    for f in (
        _range(
            "age",
            "Age",
            "What is your age?",
            18,
            100,
            [(18, 25, 0.22), (25, 35, 0.31), (35, 45, 0.2), (45, 55, 0.13), (55, 65, 0.09), (65, 101, 0.05)],
        ),
        _select(
            "sex",
            "Sex",
            "What is your sex, as recorded on legal/official documents?",
            [("Male", 0.49), ("Female", 0.51)],
            "Basic demographics",
        ),
        _select(
            "current-country-of-residence",
            "Current Country of Residence",
            "In which country do you currently reside?",
            [
                ("United Kingdom", 0.36),
                ("United States", 0.34),
                ("Canada", 0.05),
                ("Australia", 0.03),
                ("Germany", 0.04),
                ("South Africa", 0.06),
                ("Poland", 0.04),
                ("Portugal", 0.03),
                ("Italy", 0.03),
                ("Mexico", 0.02),
            ],
            "Geography",
        ),
        _select(
            "first-language",
            "First Language",
            "What is your first language?",
            [
                ("English", 0.72),
                ("Spanish", 0.06),
                ("German", 0.04),
                ("Polish", 0.04),
                ("Portuguese", 0.04),
                ("French", 0.03),
                ("Italian", 0.03),
                ("Mandarin", 0.02),
                ("Hindi", 0.02),
            ],
            "Languages",
        ),
        _select(
            "fluent-languages",
            "Fluent languages",
            "Which of the following languages are you fluent in?",
            [("English", 0.95), ("Spanish", 0.12), ("French", 0.1), ("German", 0.08), ("Mandarin", 0.03)],
            "Languages",
            several=True,
        ),
        _select(
            "handedness",
            "Handedness",
            "Are you left or right handed?",
            [("Left-handed", 0.1), ("Right-handed", 0.88), ("Ambidextrous", 0.02)],
            "Health & medical",
        ),
        _select(
            "highest-education-level-completed",
            "Highest education level completed",
            "What is the highest level of education you have completed?",
            [
                ("No formal qualifications", 0.01),
                ("Secondary education (e.g. GED/GCSE)", 0.2),
                ("High school diploma/A-levels", 0.15),
                ("Technical/community college", 0.14),
                ("Undergraduate degree (BA/BSc/other)", 0.33),
                ("Graduate degree (MA/MSc/MPhil/other)", 0.14),
                ("Doctorate degree (PhD/other)", 0.03),
            ],
            "Education",
        ),
        _select(
            "vision",
            "Normal or corrected-to-normal vision",
            "Do you have normal or corrected-to-normal vision?",
            [("Yes", 0.95), ("No", 0.05)],
            "Health & medical",
        ),
        _range(
            "approval_rate",
            "Approval Rate",
            "What percentage of your submissions were approved?",
            0,
            100,
            [(0, 90, 0.04), (90, 95, 0.08), (95, 98, 0.23), (98, 101, 0.65)],
        ),
        _range(
            "approval_numbers",
            "Approval Numbers",
            "How many of your submissions were approved?",
            0,
            100_000,
            [(0, 10, 0.1), (10, 100, 0.25), (100, 1000, 0.4), (1000, 100_001, 0.25)],
        ),
        _ids("previous_studies", "Exclude participants from previous studies", "StudyID", allow=False),
        _ids("previous_studies_allowlist", "Include participants from previous studies", "StudyID", allow=True),
        _ids("participant_group_allowlist", "Include a participant group", "ParticipantGroupID", allow=True),
        _ids("participant_group_blocklist", "Exclude a participant group", "ParticipantGroupID", allow=False),
        _ids("custom_allowlist", "Custom allowlist", "ParticipantID", allow=True),
        _ids("custom_blocklist", "Custom blocklist", "ParticipantID", allow=False),
    )
}
_DETAILED = ("researcher_help_text", "participant_help_text", "category", "subcategory", "display_order", "tags")


class Filters:
    """The catalogue's answers, the eligible count, and filter sets by id (each a ``GetFilterSetResponse`` body)."""

    def __init__(self, lock: threading.RLock, studies: Studies, groups: ParticipantGroups) -> None:
        self._lock = lock
        self._studies = studies
        self._groups = groups
        self.filter_sets: dict[str, dict[str, Any]] = {}

    def clear(self) -> None:
        self.filter_sets.clear()

    def handlers(self) -> dict[str, Callable[[FakeRequest], Answer]]:
        return {
            "get-filters": self.catalogue,
            "get-eligible-count": self.eligible,
            "get-filter-sets": self.list_sets,
            "get-filter-set": self.get_set,
        }

    # -- the catalogue ------------------------------------------------------------------------------

    def _choices(self, entry: dict[str, Any], workspace_id: str | None) -> dict[str, str]:
        """An id filter's choices: the studies or groups it may name (of ``workspace_id`` when given)."""
        if entry["data_type"] == "StudyID":
            studies = self._studies.studies.values()
            return {
                s["id"]: s["name"]
                for s in studies
                if workspace_id is None or self._studies.workspace_of(s) == workspace_id
            }
        if entry["data_type"] == "ParticipantGroupID":
            groups = self._groups.groups.values()
            return {g["id"]: g["name"] for g in groups if workspace_id is None or g["workspace_id"] == workspace_id}
        return dict(entry["choices"])

    def entry(self, filter_id: str, workspace_id: str | None = None, *, detailed: bool = False) -> dict[str, Any]:
        """The ``get-filters`` entry of one filter (``KeyError`` if the catalogue lacks it)."""
        source = CATALOGUE[filter_id]
        entry = {k: v for k, v in source.items() if not k.startswith("_")}
        if "choices" in entry:
            entry["choices"] = self._choices(source, workspace_id)
        if detailed:
            group = source["data_type"] == "ParticipantGroupID"
            entry.update(
                researcher_help_text=None,
                participant_help_text=None,
                category=source["_category"],
                subcategory=None,
                display_order=list(CATALOGUE).index(filter_id),
                tags=[GROUP_TAG] if group else [],
            )
        return entry

    def catalogue(self, request: FakeRequest) -> Answer:
        """``get-filters[?detailed=&workspace_id=&filter_tag=]``: the catalogue (``FilterList``)."""
        refused = unsupported_query(request, _FILTERS_QUERY)
        if refused is not None:
            return refused
        detailed = request.query.get("detailed", "").lower() in _TRUE
        workspace_id = request.query.get("workspace_id") or None
        tag = request.query.get("filter_tag")
        results = [self.entry(filter_id, workspace_id, detailed=detailed) for filter_id in CATALOGUE]
        if tag is not None:
            results = [
                r for r in results if tag == GROUP_TAG and CATALOGUE[r["filter_id"]]["data_type"].endswith("GroupID")
            ]
        links = {"self": {"href": request.url, "title": "Current"}, "next": {"href": None, "title": "Next"}}
        return json_answer(200, {"results": results, "_links": links, "meta": {"count": len(results)}})

    # -- checking filters (create-study, update-study, the count, filter sets) ------------------------

    def problems(self, filters: object, workspace_id: str | None = None, where: str = "filters") -> list[str]:
        """What Prolific would refuse in a ``filters`` list (each message names the item), or ``[]``."""
        if not isinstance(filters, list):
            return [f"{where}: expected a list of filters."]
        found: list[str] = []
        for number, item in enumerate(filters, 1):
            found.extend(self._item_problems(item, workspace_id, f"{where}[{number}]"))
        return found

    def _item_problems(self, item: object, workspace_id: str | None, where: str) -> list[str]:
        if not isinstance(item, dict):
            return [f"{where}: expected a filter object."]
        filter_id = item.get("filter_id")
        if "selected_filters" in item:
            if filter_id not in ("and", "or"):
                return [f"{where}: a composite filter's filter_id is 'and' or 'or', not {filter_id!r}."]
            return self.problems(item["selected_filters"], workspace_id, f"{where}.selected_filters")
        if not isinstance(filter_id, str) or filter_id not in CATALOGUE:
            close = difflib.get_close_matches(str(filter_id), CATALOGUE, n=1)
            hint = f" Did you mean {close[0]!r}?" if close else ""
            return [f"{where}: {filter_id!r} is not a valid filter id (see get-filters).{hint}"]
        source = CATALOGUE[filter_id]
        if source["type"] == "select":
            return self._select_problems(source, item, workspace_id, where)
        return _range_problems(source, item, where)

    def _select_problems(
        self, source: dict[str, Any], item: dict[str, Any], workspace_id: str | None, where: str
    ) -> list[str]:
        values = item.get("selected_values")
        filter_id = source["filter_id"]
        if not isinstance(values, list) or not values:
            return [f"{where}: {filter_id} is a select filter: selected_values must be a non-empty list."]
        if source["data_type"] == "ParticipantID":
            bad = [v for v in values if not is_participant_id(v)]
            return [f"{where}: {filter_id}: {len(bad)} value(s) are not participant ids."] if bad else []
        choices = self._choices(source, workspace_id)
        bad = [v for v in values if v not in choices]
        if not bad:
            return []
        shown = ", ".join(repr(v) for v in bad[:5])
        if source["data_type"] == "ChoiceID":
            allowed = ", ".join(f"{k} ({label})" for k, label in choices.items())
            return [f"{where}: {shown} not among the choices of {filter_id}: {allowed}."]
        what = "studies" if source["data_type"] == "StudyID" else "participant groups"
        return [f"{where}: {shown} not among the {what} {filter_id} may name."]

    # -- the count ----------------------------------------------------------------------------------

    def share(self, filters: list[dict[str, Any]]) -> float:
        """The share of the population every filter keeps (checked filters only)."""
        result = 1.0
        for item in filters:
            result *= self._item_share(item)
        return result

    def _item_share(self, item: dict[str, Any]) -> float:
        if "selected_filters" in item:
            shares = [self._item_share(child) for child in item["selected_filters"]]
            if item["filter_id"] == "and":
                return math.prod(shares)
            return 1 - math.prod(1 - s for s in shares)
        source = CATALOGUE[item["filter_id"]]
        if "_allow" in source:
            people = self._people(source["data_type"], item["selected_values"])
            kept = min(1.0, people / POPULATION)
            return kept if source["_allow"] else 1 - kept
        if source["type"] == "select":
            shares = [source["_shares"][v] for v in dict.fromkeys(item["selected_values"])]
            return 1 - math.prod(1 - s for s in shares) if source["_several"] else min(1.0, sum(shares))
        selected = item["selected_range"]
        low = selected.get("lower")
        high = selected.get("upper")
        low = source["min"] if low is None else low
        high = source["max"] if high is None else high
        kept = 0.0
        for start, end, share in source["_buckets"]:
            # integer bounds are inclusive: [low, high + 1) on the bucket's half-open [start, end)
            overlap = max(0.0, min(end, high + 1) - max(start, low))
            kept += share * overlap / (end - start)
        return kept

    def _people(self, data_type: str, values: list[str]) -> int:
        if data_type == "ParticipantID":
            return len(set(values))
        people: set[str] = set()
        for value in values:
            if data_type == "StudyID":
                people.update(s["participant_id"] for s in self._studies.submissions.get(value, ()))
            else:
                people.update(self._groups.members.get(value, {}))
        return len(people)

    def count(self, filters: list[dict[str, Any]]) -> int:
        """Participants every filter keeps (checked filters only); under :data:`PRIVACY_FLOOR`: 0."""
        counted = math.floor(POPULATION * self.share(filters) + 1e-9)
        return counted if counted >= PRIVACY_FLOOR else 0

    def eligible(self, request: FakeRequest) -> Answer:
        """``get-eligible-count``: ``{"count": N}`` for ``{"filters": [...], "workspace_id": ...}``."""
        body = request.body
        filters = body.get("filters")
        if filters is None:
            return field_errors({"filters": [REQUIRED]})
        workspace_id = body.get("workspace_id") if isinstance(body.get("workspace_id"), str) else None
        found = self.problems(filters, workspace_id)
        if found:
            return field_errors({"filters": found})
        return json_answer(200, {"count": self.count(filters)})

    # -- filter sets --------------------------------------------------------------------------------

    def add_set(self, workspace_id: str, name: str, filters: list[dict[str, Any]]) -> str:
        """Seed a filter set (version 1, unlocked); ``ValueError`` naming what Prolific would refuse."""
        if not isinstance(workspace_id, str) or not workspace_id:
            raise ValueError(f"workspace_id must be a non-empty string, not {workspace_id!r}")
        if not isinstance(name, str) or not name.strip():
            raise ValueError(f"name must be a non-empty string, not {name!r}")
        found = self.problems(filters, workspace_id)
        if found:
            raise ValueError("add_filter_set(): the API would refuse these filters: " + "; ".join(found))
        set_id = new_id()
        self.filter_sets[set_id] = {
            "id": set_id,
            "version": 1,
            "is_deleted": False,
            "is_locked": False,
            "workspace_id": workspace_id,
            "organisation_id": None,
            "name": name,
            "filters": [dict(f) for f in filters],
        }
        return set_id

    def _set_body(self, filter_set: dict[str, Any]) -> dict[str, Any]:
        return {**filter_set, "eligible_participant_count": self.count(filter_set["filters"])}

    def list_sets(self, request: FakeRequest) -> Answer:
        """``get-filter-sets?workspace_id=`` (or ``organisation_id=``): ``{"results": [FilterSet]}``."""
        refused = unsupported_query(request, _SETS_QUERY)
        if refused is not None:
            return refused
        workspace_id = request.query.get("workspace_id")
        organisation_id = request.query.get("organisation_id")
        if not workspace_id and not organisation_id:
            return field_errors({"workspace_id": ["Either workspace_id or organisation_id is required."]})
        results = [
            dict(s)
            for s in self.filter_sets.values()
            if not s["is_deleted"]
            and (
                (workspace_id and s["workspace_id"] == workspace_id)
                or (organisation_id and s["organisation_id"] == organisation_id)
            )
        ]
        return json_answer(200, {"results": results})

    def get_set(self, request: FakeRequest) -> Answer:
        """``get-filter-set[?version_number=]``: the ``GetFilterSetResponse`` with its eligible count."""
        refused = unsupported_query(request, _SET_QUERY)
        if refused is not None:
            return refused
        filter_set = self.filter_sets.get(request.path_params["id"])
        if filter_set is None or filter_set["is_deleted"]:
            return not_found("Filter set")
        version = request.query.get("version_number")
        if version is not None and version != str(filter_set["version"]):
            return not_found(f"Version {version} of the filter set")
        return json_answer(200, self._set_body(filter_set))

    def set_problem(self, set_id: object, version: object, workspace_id: str | None) -> Errors:
        """What ``create-study`` / ``update-study`` refuse in ``filter_set_id`` / ``filter_set_version``."""
        if set_id is None:
            return {}
        filter_set = self.filter_sets.get(set_id) if isinstance(set_id, str) else None
        if filter_set is None or filter_set["is_deleted"]:
            return {"filter_set_id": [f"Filter set {set_id} not found."]}
        if workspace_id is not None and filter_set["workspace_id"] not in (None, workspace_id):
            return {"filter_set_id": [f"Filter set {set_id} belongs to another workspace."]}
        if version is not None and version != filter_set["version"]:
            return {"filter_set_version": [f"Filter set {set_id} has no version {version}."]}
        return {}


def _range_problems(source: dict[str, Any], item: dict[str, Any], where: str) -> list[str]:
    filter_id = source["filter_id"]
    selected = item.get("selected_range")
    if not isinstance(selected, dict):
        return [f"{where}: {filter_id} is a range filter: selected_range must be an object with lower and/or upper."]
    low, high = selected.get("lower"), selected.get("upper")
    if low is None and high is None:
        return [f"{where}: {filter_id}: at least one of lower and upper must be given."]
    found: list[str] = []
    for name, value in (("lower", low), ("upper", high)):
        if value is None:
            continue
        if isinstance(value, bool) or not isinstance(value, int | float) or value != int(value):
            found.append(f"{where}: {filter_id}.{name} must be an integer, not {value!r}.")
        elif not source["min"] <= value <= source["max"]:
            found.append(f"{where}: {filter_id}.{name} {value} is outside {source['min']}..{source['max']}.")
    if not found and low is not None and high is not None and low > high:
        found.append(f"{where}: {filter_id}: lower ({low}) is greater than upper ({high}).")
    return found
