"""Studies: a study kept as a file (checked, planned, applied), a live study watched, its data taken out.

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
* ``client.studies.watch(study_id)`` yields a :class:`StudySnapshot` each time the study changes
  and a :class:`StudyAlert` when something needs the researcher (each kind once); how often it
  polls is :class:`PollingBudget`'s decision (:mod:`prolific.studies._polling` states the budget).
* ``client.studies.export(study_id)`` is a :class:`StudyExport`: every submission as a row (with
  the bonuses paid, Prolific's demographics, the researcher's own file joined), streamed page by
  page, written to CSV, JSON or JSON Lines; its :class:`ExportSummary` and :class:`JoinReport` say
  what matched.

* A study's life (the flows of ``_lifecycle``, methods of ``client.studies``): ``publish`` with its
  cost, the workspace's balance and a cap in view (a :class:`SpendCheck`; refused over the cap or
  the balance before any transition request is sent), ``pause``, ``start``, ``stop``,
  ``add_places`` (the cost of the increase shown), ``test`` (a preview link: :class:`TestStudy`),
  ``duplicate``, ``delete`` (drafts), ``list_studies`` (:class:`StudyRow`) and ``show``
  (:class:`StudyDetails`). The result types are in ``_results``; money is ``Decimal`` major units
  (pounds, dollars), as for bonuses. The cap: ``max_spend=``, always written with its currency
  (:func:`parse_amount`), else the configured ``studies.max_spend`` (:class:`~prolific.Settings`).
  ``plan`` shows the same spend check (``StudyPlan.spend``, built in ``_spend``), and ``publish``
  of a study file acts on its plan's.

Errors (:class:`~prolific.StudyFileError`, :class:`~prolific.SpendLimitError`,
:class:`~prolific.InsufficientBalanceError`, :class:`~prolific.StudyStateError`) are in
:mod:`prolific` with the others. The service classes that send are
:mod:`prolific.resources.studies`. Every name loads on first use (importing the package is cheap).

>>> from prolific.studies import check_text
>>> result = check_text('{"name": "Wave 1", "reward": 4.00}', source="s.json")
>>> print(result.problems[-1])  # doctest: +ELLIPSIS
s.json:1:30: reward: 4.00 looks like pounds or dollars, but a reward without its unit is in cents (pence): ...
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._errors import SpendLimitError, StudyFileError
from .._lazy import lazy_loader

if TYPE_CHECKING:
    from ._apply import ApplyResult
    from ._check import StudyCheck, check, check_text
    from ._export import BASE_COLUMNS, AsyncStudyExport, ExportSummary, JoinReport, StudyExport
    from ._file import StudyProblem
    from ._plan import MINIMUM_PLAN_REQUESTS, FieldChange, StudyPlan
    from ._polling import PollingBudget, idle_requests
    from ._pull import study_to_file
    from ._results import PlacesChange, PublishResult, SpendCheck, StudyDetails, StudyRow, TestStudy, Transition
    from ._spend import parse_amount
    from ._watch import ALERT_KINDS, AlertKind, AsyncStudyWatch, StudyAlert, StudySnapshot, StudyWatch

# Every name loads when first asked for: ``client.studies`` (``prolific.resources.studies``) imports
# this package for its defaults, and the study file's reader and schema, a study's life, the watch and
# the export (which import the generated package) are loaded only by what uses them.
_LAZY = {
    "ALERT_KINDS": "._watch",
    "AlertKind": "._watch",
    "ApplyResult": "._apply",
    "AsyncStudyExport": "._export",
    "AsyncStudyWatch": "._watch",
    "BASE_COLUMNS": "._export",
    "ExportSummary": "._export",
    "FieldChange": "._plan",
    "JoinReport": "._export",
    "MINIMUM_PLAN_REQUESTS": "._plan",
    "PlacesChange": "._results",
    "PollingBudget": "._polling",
    "PublishResult": "._results",
    "SpendCheck": "._results",
    "StudyAlert": "._watch",
    "StudyCheck": "._check",
    "StudyDetails": "._results",
    "StudyExport": "._export",
    "StudyPlan": "._plan",
    "StudyProblem": "._file",
    "StudyRow": "._results",
    "StudySnapshot": "._watch",
    "StudyWatch": "._watch",
    "TestStudy": "._results",
    "Transition": "._results",
    "check": "._check",
    "check_text": "._check",
    "idle_requests": "._polling",
    "parse_amount": "._spend",
    "study_to_file": "._pull",
}

__getattr__ = lazy_loader(__name__, _LAZY, globals())


def __dir__() -> list[str]:
    return sorted(__all__)


__all__ = [
    "ALERT_KINDS",
    "BASE_COLUMNS",
    "MINIMUM_PLAN_REQUESTS",
    "AlertKind",
    "ApplyResult",
    "AsyncStudyExport",
    "AsyncStudyWatch",
    "ExportSummary",
    "FieldChange",
    "JoinReport",
    "PlacesChange",
    "PollingBudget",
    "PublishResult",
    "SpendCheck",
    "SpendLimitError",
    "StudyAlert",
    "StudyCheck",
    "StudyDetails",
    "StudyExport",
    "StudyFileError",
    "StudyPlan",
    "StudyProblem",
    "StudyRow",
    "StudySnapshot",
    "StudyWatch",
    "TestStudy",
    "Transition",
    "check",
    "check_text",
    "idle_requests",
    "parse_amount",
    "study_to_file",
]
