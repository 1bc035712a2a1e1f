"""Studies as code: a study kept as a file, checked, planned and applied; a study's life once it exists.

* The study file (no network, no ``httpx``): :func:`check` reads a YAML or JSON file — the
  ``create-study`` body as Prolific's document names it (a template of Prolific's Go CLI works as it
  is) plus friendly keys (``_friendly``: a reward with its unit or as an hourly rate, the project by
  name, a credential pool from a CSV, filters by name) — and reports every problem at once as a
  :class:`StudyProblem` (``file:line:column``, the key path, what to write), in a
  :class:`StudyCheck`. The reader keeps every value's position (``_file``), the schema is
  ``CreateStudy`` from the merged spec (``_schema``), the rules between fields are in ``_rules``.

Errors (:class:`~prolific.StudyFileError`, ...) are in :mod:`prolific` with the others.
"""

from __future__ import annotations

from .._errors import StudyFileError
from ._check import StudyCheck, check, check_text
from ._file import StudyProblem

__all__ = [
    "StudyCheck",
    "StudyFileError",
    "StudyProblem",
    "check",
    "check_text",
]
