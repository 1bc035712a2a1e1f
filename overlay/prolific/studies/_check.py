"""Checking a study file: offline (schema, friendly keys, rules) and then online (what only Prolific knows).

Offline, :func:`check` reads the file and reports every problem at once, each with
``file:line:column`` and its key path; nothing is sent and nothing is imported that sends
(``prolific-client studies check`` loads no httpx). The online checks are a flow
(:func:`online_flow`, run by ``client.studies.check(path, online=True)``, ``plan`` and ``apply``):
they resolve what the friendly keys name and compare the file with Prolific's own lists.

>>> import json, os, tempfile
>>> path = os.path.join(tempfile.mkdtemp(), "study.json")
>>> with open(path, "w") as handle:
...     _ = handle.write(json.dumps({"name": "Wave 1", "description": "A survey", "reward": "£1.50",
...         "external_study_url": "https://example.org/s?PROLIFIC_PID={{%PROLIFIC_PID%}}",
...         "prolific_id_option": "url_parameters", "total_available_places": 10,
...         "estimated_completion_time": 10, "completion_codes": [{"code": "C1", "code_type": "COMPLETED",
...         "actions": [{"action": "MANUALLY_REVIEW"}]}]}))
>>> result = check(path)
>>> result.ok, result.body["reward"]
(True, 150)
"""

from __future__ import annotations

import math
import os
from collections.abc import Generator
from dataclasses import dataclass, field
from typing import Any

from .._errors import StudyFileError
from ._file import ERROR, WARNING, Node, StudyProblem, load_study_file, parse_text
from ._friendly import FRIENDLY_KEYS, Wire, to_wire
from ._rules import check_rules
from ._schema import check_schema

__all__ = ["CACHE_MAX_AGE", "Online", "StudyCheck", "age_text", "check", "check_node", "check_text", "online_flow"]


@dataclass
class StudyCheck:
    """What checking a study file found: ``problems`` (errors: nothing is sent while one remains) and ``warnings``.

    ``body`` is the ``create-study`` body the file makes (friendly keys turned into wire fields;
    before the online checks, a filter named by its title still has the title as ``filter_id``).
    ``online`` says whether the online checks ran; ``notes`` what they looked at (the age of the
    cached filters list, the workspace's currency...). ``study_id``: the study the file describes
    (its ``study_id`` key), if any.
    """

    file: str
    problems: list[StudyProblem]
    warnings: list[StudyProblem]
    body: dict[str, Any]
    study_id: str | None = None
    online: bool = False
    notes: list[str] = field(default_factory=list)
    wire: Wire | None = field(default=None, repr=False)

    @property
    def ok(self) -> bool:
        """True when there is no error (warnings allowed)."""
        return not self.problems

    def raise_for_problems(self) -> StudyCheck:
        """Raise :class:`~prolific.StudyFileError` listing every error; return ``self`` when there is none."""
        if self.problems:
            raise StudyFileError(self.problems, source=self.file)
        return self

    def to_dict(self) -> dict[str, Any]:
        """The check as JSON data (``--json``)."""
        return {
            "file": self.file,
            "ok": self.ok,
            "online": self.online,
            "problems": [p.to_dict() for p in self.problems],
            "warnings": [p.to_dict() for p in self.warnings],
            "notes": list(self.notes),
            "study_id": self.study_id,
            "body": self.body,
        }


def _ordered(problems: list[StudyProblem]) -> list[StudyProblem]:
    return sorted(problems, key=lambda p: (p.line or 0, p.column or 0))


def check_node(root: Node, source: str) -> StudyCheck:
    """Check a study already read into a node tree (see :func:`check`)."""
    wire = to_wire(root, source)
    found: list[StudyProblem] = list(wire.problems)
    said = {p.path for p in wire.problems if p.severity == ERROR}  # one message per place
    schema_problems = [p for p in check_schema(wire.node, source, extra_names=FRIENDLY_KEYS) if p.path not in said]
    found += schema_problems
    bad_paths = said | {p.path for p in schema_problems}
    found += [p for p in check_rules(wire.node, source) if p.path not in bad_paths]
    errors = _ordered([p for p in found if p.severity == ERROR])
    warnings = _ordered([p for p in found if p.severity != ERROR])
    return StudyCheck(source, errors, warnings, wire.body, study_id=wire.study_id, wire=wire)


def check_text(text: str, *, source: str = "<study>", format: str | None = None) -> StudyCheck:
    """Check a study written as ``text`` (JSON or YAML); a file that cannot be parsed is one problem."""
    try:
        root = parse_text(text, source=source, format=format)
    except StudyFileError as exc:
        return _unreadable(exc, source)
    return check_node(root, source)


def check(path: str | os.PathLike[str]) -> StudyCheck:
    """Check the study file at ``path`` offline: every problem at once, nothing sent.

    The file is read as JSON (``.json``) or YAML, checked against ``CreateStudy`` from Prolific's
    document (types, enums, required fields; unknown keys refused with a did-you-mean; deprecated
    keys named with their replacement), its friendly keys read (:mod:`prolific.studies._friendly`)
    and its fields checked against each other (:mod:`prolific.studies._rules`). Returns a
    :class:`StudyCheck`; ``.raise_for_problems()`` raises :class:`~prolific.StudyFileError`.
    """
    source = os.fspath(path)
    try:
        root = load_study_file(path)
    except StudyFileError as exc:
        return _unreadable(exc, source)
    return check_node(root, source)


def _unreadable(exc: StudyFileError, source: str) -> StudyCheck:
    problems = [
        p if isinstance(p, StudyProblem) else StudyProblem(p.message, file=p.file or source, line=p.line)
        for p in exc.problems
    ]
    return StudyCheck(source, problems, [], {})


# -- online ----------------------------------------------------------------------------------------

#: How long a cached filters list or reward recommendation is used before it is fetched again.
CACHE_MAX_AGE = 24 * 3600.0


@dataclass
class Online:
    """What the online checks learnt, for the plan: the workspace, its currency and balance, the live study."""

    workspace_id: str | None = None
    currency: str | None = None
    available_balance: int | None = None
    live: dict[str, Any] | None = None
    filter_set_count: int | None = None
    recommendation: dict[str, Any] | None = None
    pool_to_create: tuple[str, int] | None = None


def age_text(seconds: float) -> str:
    """``"3 min"``, ``"2 h"``, ``"4 days"``: how old a cached answer is.

    >>> [age_text(s) for s in (5, 200, 7300, 3 * 86400)]
    ['just now', '3 min', '2 h', '3 days']
    """
    if seconds < 60:
        return "just now"
    if seconds < 3600:
        return f"{int(seconds // 60)} min"
    if seconds < 86400:
        return f"{int(seconds // 3600)} h"
    return f"{int(seconds // 86400)} days"


class _Where:
    """Problems found online, placed where the file says what they are about."""

    def __init__(self, result: StudyCheck) -> None:
        assert result.wire is not None
        self.result = result
        self.root = result.wire.root or result.wire.node
        self.source = result.file

    def add(self, path: tuple[Any, ...], message: str, *, severity: str = ERROR, key: bool = False) -> None:
        from ._schema import problem_at

        problem = problem_at(self.root.find(path), self.root, path, message, self.source, key=key, severity=severity)
        (self.result.problems if severity == ERROR else self.result.warnings).append(problem)


def _cached(
    store: Any, key: str, refresh: bool, fetch: Any, now: float
) -> Generator[Any, Any, tuple[Any, float | None]]:
    """``(value, fetched_at)`` from the store when fresh, else fetched with the call ``fetch`` (and kept)."""
    if store is not None and not refresh:
        kept = store.cached(key)
        if kept is not None and now - kept[0] < CACHE_MAX_AGE:
            return kept[1], kept[0]
    value = yield fetch
    if store is not None:
        store.cache(key, value, fetched_at=now)
    return value, None


def _filters_catalogue(results: Any) -> list[dict[str, Any]]:
    catalogue = []
    for item in results.results or []:
        data = item.to_dict() if hasattr(item, "to_dict") else dict(item)
        catalogue.append(
            {
                "filter_id": data.get("filter_id"),
                "title": data.get("title") or "",
                "type": data.get("type"),
                "choices": {str(k): str(v) for k, v in (data.get("choices") or {}).items()},
                "min": data.get("min"),
                "max": data.get("max"),
            }
        )
    return catalogue


def online_flow(
    result: StudyCheck, store: Any = None, *, study_id: str | None = None, refresh: bool = False
) -> Generator[Any, Any, Online]:
    """Check ``result`` (an offline check without errors) against Prolific; resolve its friendly keys.

    Adds to ``result.problems``, ``warnings`` and ``notes``, sets ``result.online`` and puts the
    resolved ``body`` (project and filter ids, selected values) in ``result.body``. ``store``: a
    :class:`~._bindings.StudyStore` keeping the filters list, a project's workspace and the reward
    recommendations between runs (their age is noted), or None to fetch them each time. With
    ``study_id``, the live study is read first (its project gives the workspace).
    """
    import copy
    import time

    from prolific_api_client.operations.credentials import LIST_CREDENTIAL_POOLS
    from prolific_api_client.operations.filter_sets import GET_FILTER_SET
    from prolific_api_client.operations.filters import GET_FILTERS
    from prolific_api_client.operations.projects import GET_PROJECT, GET_PROJECTS
    from prolific_api_client.operations.reward_recommendations import CALCULATE_REWARD_RECOMMENDATIONS
    from prolific_api_client.operations.studies import GET_STUDY
    from prolific_api_client.operations.workspaces import GET_WORKSPACE_BALANCE, GET_WORKSPACES

    from .._errors import NotFoundError
    from .._flow import Call

    assert result.wire is not None, "online_flow takes the result of check()"
    wire, where, now = result.wire, _Where(result), time.time()
    body: dict[str, Any] = copy.deepcopy(result.body)
    online = Online()
    pending = {kind: (path, name) for kind, path, name in wire.pending if kind in ("project", "workspace")}
    result.online = True

    if study_id is not None:
        try:
            online.live = yield Call(GET_STUDY, {"id": study_id}, lambda s: s.to_dict())
        except NotFoundError:
            from .._errors import InvalidArgumentError

            raise InvalidArgumentError(
                f"{result.file}: study {study_id}, which the file describes (its study_id key, --study, or the "
                "state file's record of what apply made), is not on Prolific (deleted, or another account's): "
                "fix study_id or --study, or remove it to make a new draft; nothing was sent"
            ) from None

    # The workspace: named in the file, else the project's, else the account's only one.
    workspaces: list[dict[str, Any]] | None = None
    if "workspace" in pending:
        workspaces = yield Call(GET_WORKSPACES, {}, lambda r: [w.to_dict() for w in r.results])
        online.workspace_id = _pick_workspace(where, workspaces, pending["workspace"][1] or "")
    project_id = body.get("project") or (online.live or {}).get("project")
    if isinstance(project_id, str) and project_id:
        key = f"project-workspace:{project_id}"
        try:
            project_workspace, _ = yield from _cached(
                store,
                key,
                False,
                Call(GET_PROJECT, {"project_id": project_id}, lambda p: p.to_dict().get("workspace")),
                now,
            )
        except NotFoundError:
            where.add(("project",), f"no project {project_id} on Prolific (or not yours): check the id")
            project_workspace = None
        if project_workspace and online.workspace_id and project_workspace != online.workspace_id:
            where.add(
                ("project",),
                f"project {project_id} is in workspace {project_workspace}, not in the file's workspace "
                f"{online.workspace_id}",
            )
        online.workspace_id = online.workspace_id or project_workspace
    if "project" in pending and online.workspace_id:
        projects = yield Call(
            GET_PROJECTS, {"workspace_id": online.workspace_id}, lambda r: [p.to_dict() for p in r.results]
        )
        body["project"] = _pick_project(where, projects, pending["project"][1] or "")
    if online.workspace_id is None and "workspace" not in pending:
        workspaces = yield Call(GET_WORKSPACES, {}, lambda r: [w.to_dict() for w in r.results])
        if len(workspaces) == 1:
            online.workspace_id = workspaces[0]["id"]
            result.notes.append(
                f"workspace: {workspaces[0].get('title')!r} ({online.workspace_id}), the account's only one"
            )
        else:
            result.notes.append(
                f"the file names no project or workspace (the account has {len(workspaces)} workspaces): Prolific puts "
                "the study in your first project; write project or project_name and workspace to choose"
            )

    # Filters (the list cached) and the filter set.
    filters = body.get("filters")
    if isinstance(filters, list) and filters:
        key = f"filters:{online.workspace_id or '-'}"
        arguments = {"workspace_id": online.workspace_id} if online.workspace_id else {}
        catalogue, fetched_at = yield from _cached(
            store, key, refresh, Call(GET_FILTERS, arguments, _filters_catalogue), now
        )
        shown = "fetched now" if fetched_at is None else f"cached, {age_text(now - fetched_at)} old"
        result.notes.append(f"filters checked against Prolific's list of {len(catalogue)} ({shown})")
        _check_filters(where, wire, filters, catalogue)
    filter_set = body.get("filter_set_id")
    if isinstance(filter_set, str) and filter_set:
        arguments = {"id": filter_set}
        if isinstance(body.get("filter_set_version"), int):
            arguments["version_number"] = body["filter_set_version"]
        try:
            online.filter_set_count = yield Call(
                GET_FILTER_SET, arguments, lambda s: s.to_dict().get("eligible_participant_count")
            )
        except NotFoundError:
            where.add(("filter_set_id",), f"no filter set {filter_set} on Prolific (or not yours)")

    # The credential pool: there, and enough credentials for the places.
    pool = body.get("credential_pool_id")
    places = body.get("total_available_places")
    if isinstance(pool, str) and pool and online.workspace_id:
        pools = yield Call(
            LIST_CREDENTIAL_POOLS,
            {"workspace_id": online.workspace_id},
            lambda r: [p.to_dict() for p in r.credential_pools],
        )
        found = next((p for p in pools if p.get("credential_pool_id") == pool), None)
        if found is None:
            where.add(("credential_pool_id",), f"no credential pool {pool} in workspace {online.workspace_id}")
        elif isinstance(places, int):
            _pool_capacity(where, ("credential_pool_id",), int(found.get("available_credentials", 0)), places)
    if wire.credentials is not None:
        online.pool_to_create = wire.credentials
        if online.workspace_id is None:
            where.add(
                ("credentials_file",), "a credential pool is created in a workspace: write workspace (id or title)"
            )

    # The workspace's currency and balance; the reward against Prolific's recommendations.
    if online.workspace_id:
        balance = yield Call(GET_WORKSPACE_BALANCE, {"workspace_id": online.workspace_id}, lambda b: b.to_dict())
        online.currency = balance.get("currency_code")
        online.available_balance = balance.get("available_balance")
        if wire.currency and online.currency and wire.currency != online.currency:
            where.add(
                ("reward_per_hour",) if wire.reward_per_hour is not None else ("reward",),
                f"the file states {wire.currency}, but the workspace pays in {online.currency}: rewards are paid in "
                "the workspace's currency; write the amount in it",
            )
        if online.currency in ("GBP", "USD"):
            key = f"reward-recommendations:{online.workspace_id}:{online.currency}"
            call = Call(
                CALCULATE_REWARD_RECOMMENDATIONS,
                {"workspace_id": online.workspace_id, "currency": online.currency},
                lambda items: [item.to_dict() for item in items],
            )
            recommendations, _ = yield from _cached(store, key, refresh, call, now)
            online.recommendation = next(
                (r for r in recommendations if r.get("currency") == online.currency),
                recommendations[0] if recommendations else None,
            )
            _check_reward(where, wire, body, online)
    result.body = body
    result.problems[:] = _ordered(result.problems)
    result.warnings[:] = _ordered(result.warnings)
    return online


def _pick_workspace(where: _Where, workspaces: list[dict[str, Any]], wanted: str) -> str | None:
    for workspace in workspaces:
        if workspace.get("id") == wanted:
            return wanted
    titled = [w for w in workspaces if str(w.get("title", "")).casefold() == wanted.casefold()]
    if len(titled) == 1:
        return str(titled[0]["id"])
    from ._schema import did_you_mean

    if titled:
        ids = ", ".join(str(w["id"]) for w in titled)
        where.add(("workspace",), f"{len(titled)} workspaces are titled {wanted!r}: write the id of one ({ids})")
    else:
        hint = did_you_mean(wanted, [str(w.get("title", "")) for w in workspaces])
        where.add(("workspace",), f"no workspace {wanted!r} (by id or title){hint}")
    return None


def _pick_project(where: _Where, projects: list[dict[str, Any]], wanted: str) -> str | None:
    titled = [p for p in projects if str(p.get("title", "")).casefold() == wanted.casefold()]
    if len(titled) == 1:
        return str(titled[0]["id"])
    from ._schema import did_you_mean

    if titled:
        ids = ", ".join(str(p["id"]) for p in titled)
        where.add(("project_name",), f"{len(titled)} projects are titled {wanted!r}: write project: <id> ({ids})")
    else:
        hint = did_you_mean(wanted, [str(p.get("title", "")) for p in projects])
        where.add(("project_name",), f"no project titled {wanted!r} in the workspace{hint}")
    return None


def _pool_capacity(where: _Where, path: tuple[Any, ...], available: int, places: int) -> None:
    from ..credentials._capacity import required_credentials

    advised = required_credentials(places)
    if available < places:
        where.add(
            path,
            f"the pool has {available} unused credentials for {places} places: add at least {advised - available} "
            "(`prolific-client credentials add`)",
        )
    elif available < advised:
        where.add(
            path,
            f"the pool has {available} unused credentials for {places} places: Prolific advises {advised} (1.5 per "
            "place)",
            severity=WARNING,
        )


def _check_filters(where: _Where, wire: Wire, filters: list[Any], catalogue: list[dict[str, Any]]) -> None:
    from ._schema import did_you_mean

    by_id = {str(f["filter_id"]): f for f in catalogue}
    by_title: dict[str, list[dict[str, Any]]] = {}
    for item in catalogue:
        by_title.setdefault(str(item["title"]).casefold(), []).append(item)
    named = {path[1]: name for kind, path, name in wire.pending if kind == "filter"}
    labelled = {path[1] for kind, path, _ in wire.pending if kind == "values"}
    for index, entry in enumerate(filters):
        if not isinstance(entry, dict) or "selected_filters" in entry:
            continue  # a composite (and/or) filter: its parts are Prolific's to check
        given = str(entry.get("filter_id", ""))
        key_path: tuple[Any, ...] = ("filters", index, "filter" if index in named else "filter_id")
        known: dict[str, Any] | None = by_id.get(given)
        if known is None and index in named:
            matches = by_title.get(given.casefold(), [])
            if len(matches) > 1:
                where.add(
                    key_path,
                    f"{len(matches)} filters are titled {given!r}: write filter_id (one of "
                    f"{', '.join(str(m['filter_id']) for m in matches)})",
                )
                continue
            known = matches[0] if matches else None
        if known is None:
            names = list(by_id) + ([str(f["title"]) for f in catalogue] if index in named else [])
            where.add(key_path, f"no filter {given!r} on Prolific{did_you_mean(given, names)}")
            continue
        entry["filter_id"] = known["filter_id"]
        values_key = "values" if index in labelled else "selected_values"
        if known.get("type") == "range" or "selected_range" in entry:
            if "selected_values" in entry:
                where.add(
                    ("filters", index, values_key), f"{known['filter_id']} is a range filter: give selected_range"
                )
                continue
            _check_range(where, index, entry, known)
            continue
        choices: dict[str, str] = known.get("choices") or {}
        values = entry.get("selected_values")
        if not isinstance(values, list) or not choices:
            continue
        labels = {label.casefold(): choice for choice, label in choices.items()}
        resolved = []
        for position, value in enumerate(values):
            text = str(value)
            if text in choices:
                resolved.append(text)
            elif index in labelled and text.casefold() in labels:
                resolved.append(labels[text.casefold()])
            else:
                shown = ", ".join(f"{k} ({v})" for k, v in list(choices.items())[:8])
                more = f" and {len(choices) - 8} more" if len(choices) > 8 else ""
                hint = did_you_mean(text, list(choices.values()) + list(choices))
                where.add(
                    ("filters", index, values_key, position),
                    f"{text!r} is not a choice of {known['filter_id']} ({known['title']}){hint}: its choices are "
                    f"{shown}{more}",
                )
        entry["selected_values"] = resolved


def _check_range(where: _Where, index: int, entry: dict[str, Any], known: dict[str, Any]) -> None:
    selected = entry.get("selected_range")
    if not isinstance(selected, dict):
        return
    low, high = known.get("min"), known.get("max")
    for side in ("lower", "upper"):
        value = selected.get(side)
        if not isinstance(value, int | float) or isinstance(value, bool):
            continue
        if (isinstance(low, int | float) and value < low) or (isinstance(high, int | float) and value > high):
            where.add(
                ("filters", index, "selected_range", side),
                f"{value} is outside {known['filter_id']}'s range ({low} to {high})",
            )


def _check_reward(where: _Where, wire: Wire, body: dict[str, Any], online: Online) -> None:
    rec, reward, minutes = online.recommendation, body.get("reward"), body.get("estimated_completion_time")
    if not rec or not isinstance(reward, int | float) or not isinstance(minutes, int) or minutes <= 0:
        return
    per_hour = reward * 60 / minutes
    least, good = rec.get("min_reward_per_hour"), rec.get("recommended_reward_per_hour")
    path = ("reward_per_hour",) if wire.reward_per_hour is not None else ("reward",)
    money = _money(online.currency)
    if isinstance(least, int) and per_hour < least:
        where.add(
            path,
            f"this pays {money(per_hour)} an hour ({money(reward)} for {minutes} min), under Prolific's minimum of "
            f"{money(least)} an hour: Prolific may refuse to publish it; pay at least "
            f"{money(math.ceil(least * minutes / 60))}",
            severity=WARNING,
        )
    elif isinstance(good, int) and per_hour < good:
        where.result.notes.append(
            f"the reward pays {money(per_hour)} an hour; Prolific recommends {money(good)} "
            f"(minimum {money(least or 0)})"
        )


def _money(currency: str | None) -> Any:
    symbol = {"GBP": "£", "USD": "$", "EUR": "€"}.get(currency or "", "")

    def shown(cents: float) -> str:
        amount = f"{cents / 100:,.2f}"
        return f"{symbol}{amount}" if symbol else f"{amount} {currency or ''}".strip()

    return shown
