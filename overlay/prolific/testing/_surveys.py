"""Surveys, read-only and seeded (``fake.add_surveys``): ``get-surveys`` pages with ``offset``/``limit``."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from ._answers import Answer, field_errors, json_answer, not_found
from ._fields import Errors, new_id, now, query_int, unsupported_query
from ._routes import FakeRequest

_LIST_FILTERS = frozenset({"researcher_id", "offset", "limit"})
_DEFAULT_LIMIT = 100  # the API's default


class Surveys:
    """Surveys by id (each a ``SurveyOut`` body), and in creation order, overall and by researcher."""

    def __init__(self, lock: threading.RLock) -> None:
        self._lock = lock
        self.surveys: dict[str, dict[str, Any]] = {}
        self._in_order: list[dict[str, Any]] = []
        self._by_researcher: dict[str, list[dict[str, Any]]] = {}

    def clear(self) -> None:
        self.surveys.clear()
        self._in_order.clear()
        self._by_researcher.clear()

    def handlers(self) -> dict[str, Callable[[FakeRequest], Answer]]:
        return {
            "get-surveys": self.list,
            "get-survey": self.get,
            "create-survey": self.create,
            "delete-survey": self.delete,
        }

    def create(self, request: FakeRequest) -> Answer:
        """``create-survey``: 201 the ``SurveyOut`` (the spec has checked the body's shape)."""
        errors: Errors = {}
        researcher = request.body.get("researcher_id")
        title = request.body.get("title")
        for name, value in (("researcher_id", researcher), ("title", title)):
            if not isinstance(value, str) or not value.strip():
                errors[name] = ["This field may not be blank."]
        if errors:
            return field_errors(errors)
        try:
            [survey_id] = self.add(str(researcher), 1, str(title))
        except ValueError:  # an id the fake cannot keep (a "/"): the API would not know that researcher
            return field_errors({"researcher_id": [f"Researcher {researcher!r} not found."]})
        survey = self.surveys[survey_id]
        survey["title"] = title
        for part in ("sections", "questions"):
            if isinstance(request.body.get(part), list):
                survey[part] = request.body[part]
        return json_answer(201, survey)

    def delete(self, request: FakeRequest) -> Answer:
        """``delete-survey``: 200 with an empty JSON object (the spec documents JSON of any type)."""
        survey = self.surveys.pop(request.path_params["survey_id"], None)
        if survey is None:
            return not_found("Survey")
        self._in_order.remove(survey)
        self._by_researcher[survey["researcher_id"]].remove(survey)
        return json_answer(200, {})

    def add(self, researcher_id: str, count: int, title: str) -> list[str]:
        if not isinstance(researcher_id, str) or not researcher_id or "/" in researcher_id:
            raise ValueError(f"researcher_id must be a non-empty string without '/', not {researcher_id!r}")
        if isinstance(count, bool) or not isinstance(count, int) or count < 0:
            raise ValueError(f"count must be an int >= 0, not {count!r}")
        stamp = now()
        mine = self._by_researcher.setdefault(researcher_id, [])
        start = len(mine)
        created: list[dict[str, Any]] = [
            {
                "_id": new_id(),
                "researcher_id": researcher_id,
                "title": f"{title} {start + n}",
                "date_created": stamp,
                "date_modified": stamp,
                "sections": [],
                "questions": [],
            }
            for n in range(1, count + 1)
        ]
        for survey in created:
            self.surveys[survey["_id"]] = survey
        mine.extend(created)
        self._in_order.extend(created)
        return [s["_id"] for s in created]

    def list(self, request: FakeRequest) -> Answer:
        """``get-surveys?researcher_id=&offset=&limit=``: ``{"results": [SurveyOut]}``, one slice."""
        refused = unsupported_query(request, _LIST_FILTERS)
        if refused is not None:
            return refused
        errors: Errors = {}
        offset = query_int(request, "offset", 0, errors, minimum=0)
        limit = query_int(request, "limit", _DEFAULT_LIMIT, errors, minimum=1)
        if errors:
            return field_errors(errors)
        researcher = request.query.get("researcher_id")
        surveys = self._in_order if researcher is None else self._by_researcher.get(researcher, [])
        return json_answer(200, {"results": surveys[offset : offset + limit]})

    def get(self, request: FakeRequest) -> Answer:
        """``get-survey``: the ``SurveyOut``."""
        survey = self.surveys.get(request.path_params["survey_id"])
        return not_found("Survey") if survey is None else json_answer(200, survey)
