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

import os
from dataclasses import dataclass, field
from typing import Any

from .._errors import StudyFileError
from ._file import ERROR, Node, StudyProblem, load_study_file, parse_text
from ._friendly import FRIENDLY_KEYS, Wire, to_wire
from ._rules import check_rules
from ._schema import check_schema

__all__ = ["StudyCheck", "check", "check_node", "check_text"]


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
