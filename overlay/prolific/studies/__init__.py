"""Studies as code: a study kept as a file, checked, planned and applied; a study's life once it exists.

* A study's life (the flows of ``_lifecycle``, methods of ``client.studies``): ``publish`` with its
  cost, the workspace's balance and a cap in view (a :class:`SpendCheck`; refused over the cap or
  the balance before any transition request is sent), ``pause``, ``start``, ``stop``,
  ``add_places`` (the cost of the increase shown), ``test`` (a preview link: :class:`TestStudy`),
  ``duplicate``, ``delete`` (drafts), ``list_studies`` (:class:`StudyRow`) and ``show``
  (:class:`StudyDetails`). The result types are in ``_results``; money is ``Decimal`` major units
  (pounds, dollars), as for bonuses. The cap: ``max_spend=``, else ``$PROLIFIC_MAX_SPEND``
  (:data:`MAX_SPEND_ENV`), always written with its currency (:func:`parse_amount`).

Errors (:class:`~prolific.SpendLimitError`, :class:`~prolific.InsufficientBalanceError`,
:class:`~prolific.StudyStateError`, ...) are in :mod:`prolific` with the others.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from .._errors import SpendLimitError

if TYPE_CHECKING:
    from ._lifecycle import MAX_SPEND_ENV, parse_amount
    from ._results import PlacesChange, PublishResult, SpendCheck, StudyDetails, StudyRow, TestStudy, Transition

# A study's life imports the generated package (and httpx): loaded when first asked for, so that an
# offline command (``studies check``) imports none of it.
_LAZY = {
    "MAX_SPEND_ENV": "._lifecycle",
    "PlacesChange": "._results",
    "PublishResult": "._results",
    "SpendCheck": "._results",
    "StudyDetails": "._results",
    "StudyRow": "._results",
    "TestStudy": "._results",
    "Transition": "._results",
    "parse_amount": "._lifecycle",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module, __name__), name)
    globals()[name] = value
    return value


__all__ = [
    "MAX_SPEND_ENV",
    "PlacesChange",
    "PublishResult",
    "SpendCheck",
    "SpendLimitError",
    "StudyDetails",
    "StudyRow",
    "TestStudy",
    "Transition",
    "parse_amount",
]
