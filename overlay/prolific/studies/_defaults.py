"""The defaults that ``client.studies.watch`` and ``export`` show in their signatures, in a module that imports nothing.

:mod:`prolific.resources.studies` needs them when it is imported (they are its methods' default
values); the watch and export modules that use them import the generated package. Kept here, a
first ``client.studies`` loads neither: they load when a watch or an export is made.
"""

from __future__ import annotations

__all__ = ["DEMOGRAPHICS_TIMEOUT", "RETURN_RATE_THRESHOLD", "REVIEW_BACKLOG"]

#: The default share of returned submissions that fires a watch's ``high_return_rate`` alert.
RETURN_RATE_THRESHOLD = 0.2
#: The default number of submissions awaiting review that fires a watch's ``review_piling_up`` alert.
REVIEW_BACKLOG = 20
#: How long ``export(demographics=True)`` waits for Prolific to generate the export (seconds).
DEMOGRAPHICS_TIMEOUT = 900.0
