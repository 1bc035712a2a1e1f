"""Studies as code: a study kept as a file, checked, planned and applied; a study's life once it exists.

* The study file (no network, no ``httpx``): :func:`check` reads a YAML or JSON file — the
  ``create-study`` body as Prolific's document names it (a template of Prolific's Go CLI works as it
  is) plus friendly keys (``_friendly``: a reward with its unit or as an hourly rate, the project by
  name, a credential pool from a CSV, filters by name) — and reports every problem at once as a
  :class:`StudyProblem` (``file:line:column``, the key path, what to write), in a
  :class:`StudyCheck`. The reader keeps every value's position (``_file``), the schema is
  ``CreateStudy`` from the merged spec (``_schema``), the rules between fields are in ``_rules``.
* Against Prolific (``client.studies.check(online=True)``, ``plan``, ``apply``, ``pull``): the
  online checks (``_check``), the :class:`StudyPlan` with its :class:`FieldChange` diff, cost, reach
  and balance (``_plan``), :class:`ApplyResult` (``_apply``: exactly one draft per file, remembered
  in the state store by ``_bindings``), and :func:`study_to_file` (``_pull``).

Errors (:class:`~prolific.StudyFileError`, :class:`~prolific.StudyStateError`) are in
:mod:`prolific` with the others.

>>> result = check_text('{"name": "Wave 1", "reward": 4.00}', source="s.json")
>>> print(result.problems[-1])  # doctest: +ELLIPSIS
s.json:1:30: reward: 4.00 looks like pounds or dollars, but a reward without its unit is in cents (pence): ...
"""

from __future__ import annotations

from .._errors import StudyFileError
from ._apply import ApplyResult
from ._check import StudyCheck, check, check_text
from ._file import StudyProblem
from ._plan import FieldChange, StudyPlan
from ._pull import study_to_file

__all__ = [
    "ApplyResult",
    "FieldChange",
    "StudyCheck",
    "StudyFileError",
    "StudyPlan",
    "StudyProblem",
    "check",
    "check_text",
    "study_to_file",
]
