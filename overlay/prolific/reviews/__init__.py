"""Submission review and messages: the API's rules for a transition, reading reviews and ids from files, and
the requests and flows behind ``client.submissions`` and ``client.messages``.

* :func:`read_reviews` / :func:`read_ids` read a CSV file (a path or an open text file) and check
  every line before anything is sent; :class:`Review` is one review (approve, reject, return).
* The rules are the API's (Prolific's document, ``SubmissionTransition``): a rejection needs one of
  :data:`REJECTION_CATEGORIES` and a message of at least :data:`MIN_REJECTION_MESSAGE` characters
  (:func:`rejection_problems`); a completion needs a code (:func:`completion_code_problem`).
* :class:`ApprovalResult` is what ``client.submissions.approve`` did.

The service classes that send are :mod:`prolific.resources.submissions` and
:mod:`prolific.resources.messages`. Inside, one module per concern: ``_rules`` (the transition
rules, :class:`Review`), ``_files`` (reading files), ``_ids`` (the id checks), ``_calls`` (one
request per transition, the listing), ``_approve`` (bulk approve and apply flows), ``_messages``
(the message requests and batches).

Every name here loads on first use: the rules name the generated package's rejection categories,
which imports httpx, so ``import prolific.reviews`` stays cheap.

>>> from prolific.reviews import Review
>>> Review("5e9b9c9b0f9c9a0001b0b1f4", "APPROVE").where()
'submission 5e9b9c9b0f9c9a0001b0b1f4'
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._lazy import lazy_loader

if TYPE_CHECKING:
    from ._approve import ApprovalResult
    from ._files import read_ids, read_reviews
    from ._rules import (
        MIN_REJECTION_MESSAGE,
        REJECTION_CATEGORIES,
        RejectionCategory,
        Review,
        ReviewAction,
        completion_code_problem,
        rejection_problems,
    )

_LAZY = {
    "ApprovalResult": "._approve",
    "read_ids": "._files",
    "read_reviews": "._files",
    "MIN_REJECTION_MESSAGE": "._rules",
    "REJECTION_CATEGORIES": "._rules",
    "RejectionCategory": "._rules",
    "Review": "._rules",
    "ReviewAction": "._rules",
    "completion_code_problem": "._rules",
    "rejection_problems": "._rules",
}


__getattr__ = lazy_loader(__name__, _LAZY, globals())


def __dir__() -> list[str]:
    return sorted(__all__)


__all__ = [
    "MIN_REJECTION_MESSAGE",
    "REJECTION_CATEGORIES",
    "ApprovalResult",
    "RejectionCategory",
    "Review",
    "ReviewAction",
    "completion_code_problem",
    "read_ids",
    "read_reviews",
    "rejection_problems",
]
