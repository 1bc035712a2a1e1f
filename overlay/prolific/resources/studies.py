"""``client.studies``: the generated study operations, and the workflows of a study kept as a file.

The workflows themselves (reading and checking a study file, planning it with its cost, applying and
publishing it, its life once published) live in :mod:`prolific.studies`; these classes hand them to
the driver, blocking or awaited.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from prolific_api_client.operations.studies import AsyncStudiesOperations, StudiesOperations

from .._pagination import DEFAULT_PAGE_SIZE
from ..studies._export import (
    DEMOGRAPHICS_TIMEOUT,
    AsyncStudyExport,
    ExportProgress,
    ExportSettings,
    StudyExport,
)
from ..studies._polling import DEFAULT_INTERVAL
from ..studies._watch import (
    RETURN_RATE_THRESHOLD,
    REVIEW_BACKLOG,
    AsyncStudyWatch,
    StudyWatch,
    WatchSettings,
)
from ._base import AsyncResource, SyncResource

if TYPE_CHECKING:
    from ..webhooks import EventLog


class Studies(SyncResource, StudiesOperations):
    """Studies (``client.studies``): every generated operation of the tag, and the study-file workflows."""

    # -- watching and exporting -------------------------------------------------------------------

    def watch(
        self,
        study_id: str,
        *,
        interval: float = DEFAULT_INTERVAL,
        return_rate_threshold: float = RETURN_RATE_THRESHOLD,
        review_backlog: int = REVIEW_BACKLOG,
        events: EventLog | str | Path | None = None,
    ) -> StudyWatch:
        """Watch a live study: iterate the result for a :class:`~prolific.studies.StudySnapshot` at each change
        and a :class:`~prolific.studies.StudyAlert` when something needs you (each kind once).

        The arguments are checked now; nothing is sent until the loop starts. It polls every 10 s
        while the study changes, backing off to ``interval`` seconds (default 60) while nothing
        does (:mod:`prolific.studies._polling` states the budget), and ends after the snapshot that
        shows the study ``COMPLETED``. ``return_rate_threshold`` (a share, default 0.2) and
        ``review_backlog`` (default 20 submissions) set when those alerts fire. ``events``: the
        event log (or its file) a webhook receiver of this project writes: the watch then polls when
        an event arrives, and otherwise only every 5 minutes.

        >>> for item in client.studies.watch("6540..."):  # doctest: +SKIP
        ...     print(item.to_dict())
        """
        settings = WatchSettings.checked(
            study_id,
            interval=interval,
            return_rate_threshold=return_rate_threshold,
            review_backlog=review_backlog,
            events=events,
        )
        return StudyWatch(self._runner, settings)

    def export(
        self,
        study_id: str,
        *,
        demographics: bool = False,
        join: tuple[str | os.PathLike[str], str] | None = None,
        bonuses: bool = True,
        page_size: int = DEFAULT_PAGE_SIZE,
        demographics_timeout: float = DEMOGRAPHICS_TIMEOUT,
        on_progress: ExportProgress | None = None,
    ) -> StudyExport:
        """Every submission of a study as a row: iterate the result, ``to_records()``, or ``write("results.csv")``.

        Each row has the submission's id, participant, status, times, completion code and the
        bonuses Prolific's record shows paid on it (``bonuses_paid_cents``; ``bonuses=False`` leaves
        it empty and saves a request per submission when the study has paid bonuses). With
        ``demographics=True``, Prolific's demographic export joined on participant id (requested
        and waited for, up to ``demographics_timeout`` seconds; :class:`~prolific.DemographicsUnavailableError`
        when the workspace has no access). ``join=(path, column)``: the researcher's CSV, whose
        ``column`` holds participant (or submission) ids; the summary reports the rows that matched
        nothing on either side. Pages are read as they are consumed (one in memory). The arguments,
        and the file to join, are checked when the loop starts, before any request
        (:mod:`prolific.studies._export`).

        >>> client.studies.export("6540...", join=("scores.csv", "PROLIFIC_PID")).write("results.csv")  # doctest: +SKIP
        ExportSummary(study_id='6540...', rows=250, ...)
        """
        settings = ExportSettings.checked(
            study_id,
            demographics=demographics,
            join=join,
            bonuses=bonuses,
            page_size=page_size,
            demographics_timeout=demographics_timeout,
            on_progress=on_progress,
        )
        return StudyExport(self._runner, settings)


class AsyncStudies(AsyncResource, AsyncStudiesOperations):
    """Async twin of :class:`Studies`."""

    # -- watching and exporting -------------------------------------------------------------------

    async def watch(
        self,
        study_id: str,
        *,
        interval: float = DEFAULT_INTERVAL,
        return_rate_threshold: float = RETURN_RATE_THRESHOLD,
        review_backlog: int = REVIEW_BACKLOG,
        events: EventLog | str | Path | None = None,
    ) -> AsyncStudyWatch:
        """Watch a live study; see :meth:`Studies.watch`: ``async for item in await client.studies.watch(id)``."""
        settings = WatchSettings.checked(
            study_id,
            interval=interval,
            return_rate_threshold=return_rate_threshold,
            review_backlog=review_backlog,
            events=events,
        )
        return AsyncStudyWatch(self._runner, settings)

    async def export(
        self,
        study_id: str,
        *,
        demographics: bool = False,
        join: tuple[str | os.PathLike[str], str] | None = None,
        bonuses: bool = True,
        page_size: int = DEFAULT_PAGE_SIZE,
        demographics_timeout: float = DEMOGRAPHICS_TIMEOUT,
        on_progress: ExportProgress | None = None,
    ) -> AsyncStudyExport:
        """Every submission of a study as a row; see :meth:`Studies.export`: ``async for row in await ...``."""
        settings = ExportSettings.checked(
            study_id,
            demographics=demographics,
            join=join,
            bonuses=bonuses,
            page_size=page_size,
            demographics_timeout=demographics_timeout,
            on_progress=on_progress,
        )
        return AsyncStudyExport(self._runner, settings)
