"""Studies: watching a live study (snapshots and alerts) and getting its data out.

* ``client.studies.watch(study_id)`` yields a :class:`StudySnapshot` each time the study changes
  and a :class:`StudyAlert` when something needs the researcher (each kind once); how often it
  polls is :class:`PollingBudget`'s decision (:mod:`prolific.studies._polling` states the budget).
* ``client.studies.export(study_id)`` is a :class:`StudyExport`: every submission as a row (with
  the bonuses paid, Prolific's demographics, the researcher's own file joined), streamed page by
  page, written to CSV, JSON or JSON Lines; its :class:`ExportSummary` and :class:`JoinReport` say
  what matched.

The service classes that send are :mod:`prolific.resources.studies`. Every name here loads on
first use, so ``import prolific.studies`` stays cheap.

>>> from prolific.studies import PollingBudget
>>> PollingBudget(interval=30).slowest
30.0
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ._export import BASE_COLUMNS, AsyncStudyExport, ExportSummary, JoinReport, StudyExport
    from ._polling import PollingBudget, idle_requests
    from ._watch import ALERT_KINDS, AlertKind, AsyncStudyWatch, StudyAlert, StudySnapshot, StudyWatch

_LAZY = {
    "ALERT_KINDS": "._watch",
    "AlertKind": "._watch",
    "AsyncStudyExport": "._export",
    "AsyncStudyWatch": "._watch",
    "BASE_COLUMNS": "._export",
    "ExportSummary": "._export",
    "JoinReport": "._export",
    "PollingBudget": "._polling",
    "StudyAlert": "._watch",
    "StudyExport": "._export",
    "StudySnapshot": "._watch",
    "StudyWatch": "._watch",
    "idle_requests": "._polling",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'prolific.studies' has no attribute {name!r}")
    value = getattr(importlib.import_module(module, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)


__all__ = [
    "ALERT_KINDS",
    "BASE_COLUMNS",
    "AlertKind",
    "AsyncStudyExport",
    "AsyncStudyWatch",
    "ExportSummary",
    "JoinReport",
    "PollingBudget",
    "StudyAlert",
    "StudyExport",
    "StudySnapshot",
    "StudyWatch",
    "idle_requests",
]
