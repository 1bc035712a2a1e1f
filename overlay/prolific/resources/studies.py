"""``client.studies``: the generated study operations, and the workflows of a study kept as a file.

The workflows themselves (reading and checking a study file, planning it with its cost, applying and
publishing it, its life once published) live in :mod:`prolific.studies`; these classes hand them to
the driver, blocking or awaited.
"""

from __future__ import annotations

from prolific_api_client.operations.studies import AsyncStudiesOperations, StudiesOperations

from ._base import AsyncResource, SyncResource


class Studies(SyncResource, StudiesOperations):
    """Studies (``client.studies``): every generated operation of the tag, and the study-file workflows."""


class AsyncStudies(AsyncResource, AsyncStudiesOperations):
    """Async twin of :class:`Studies`."""
