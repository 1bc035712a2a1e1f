"""Studies: watching a live study (snapshots and alerts) and getting its data out.

* ``client.studies.watch(study_id)`` yields a :class:`StudySnapshot` each time the study changes
  and a :class:`StudyAlert` when something needs the researcher (each kind once); how often it
  polls is :class:`PollingBudget`'s decision (:mod:`prolific.studies._polling` states the budget).

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
    from ._polling import PollingBudget, idle_requests
    from ._watch import ALERT_KINDS, AlertKind, AsyncStudyWatch, StudyAlert, StudySnapshot, StudyWatch

_LAZY = {
    "ALERT_KINDS": "._watch",
    "AlertKind": "._watch",
    "AsyncStudyWatch": "._watch",
    "PollingBudget": "._polling",
    "StudyAlert": "._watch",
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
    "AlertKind",
    "AsyncStudyWatch",
    "PollingBudget",
    "StudyAlert",
    "StudySnapshot",
    "StudyWatch",
    "idle_requests",
]
