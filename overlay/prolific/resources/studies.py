"""``client.studies``: the generated study operations, and the workflows of a study kept as a file.

The workflows themselves (reading and checking a study file, planning it with its cost, applying and
publishing it, its life once published) live in :mod:`prolific.studies`; these classes hand them to
the driver, blocking or awaited.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from prolific_api_client.operations.studies import AsyncStudiesOperations, StudiesOperations

from .._pagination import DEFAULT_PAGE_SIZE
from .._validation import require_id
from ..studies._defaults import DEMOGRAPHICS_TIMEOUT, RETURN_RATE_THRESHOLD, REVIEW_BACKLOG
from ..studies._polling import DEFAULT_INTERVAL
from ._base import AsyncResource, SyncResource

# The workflows load when a method first needs them (each method imports its own), so that a first
# ``client.studies`` costs what the other groups cost: the study file's reader and schema, the watch
# and the export (with the generated models they use) are not imported with this module.
if TYPE_CHECKING:
    from ..studies._apply import ApplyResult
    from ..studies._bindings import StudyStore
    from ..studies._check import StudyCheck
    from ..studies._export import AsyncStudyExport, ExportProgress, StudyExport
    from ..studies._plan import StudyPlan
    from ..studies._watch import AsyncStudyWatch, StudyWatch
    from ..webhooks import EventLog

StatePath = str | os.PathLike[str]


# -- the study file (shared by the twins) ---------------------------------------------------------------


@contextlib.contextmanager
def _store(state: StatePath | None) -> Iterator[StudyStore | None]:
    if state is None:
        yield None
        return
    from ..studies._bindings import StudyStore

    with StudyStore(state) as store:
        yield store


def _study_id(study_id: str | None) -> str | None:
    return None if study_id is None else require_id(study_id, "study_id", "study id")


def _format(format: str) -> str:
    from .._errors import InvalidArgumentError

    if format not in ("yaml", "json"):
        raise InvalidArgumentError(f"format: {format!r} is not 'yaml' or 'json'")
    return format


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
        from ..studies._watch import StudyWatch, WatchSettings

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
        from ..studies._export import ExportSettings, StudyExport

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

    # -- the study file

    def check(
        self, path: StatePath, *, online: bool = False, state: StatePath | None = None, refresh: bool = False
    ) -> StudyCheck:
        """Check a study file: offline (as :func:`prolific.studies.check`), then with ``online=True`` against Prolific.

        Online: filter ids and values against ``get-filters``, the filter set, the project and the
        workspace (friendly names resolved), the credential pool's capacity against the places, the
        reward's currency and Prolific's recommended hourly rates. ``state``: the SQLite state file
        that caches the filters list and the recommendations (their age is in ``notes``); ``refresh``
        fetches them again. The online checks run only on a file without offline errors.

        >>> result = client.studies.check("study.yaml", online=True)  # doctest: +SKIP
        >>> result.ok, result.notes  # doctest: +SKIP
        (True, ['filters checked against Prolific\\'s list of 312 (cached, 2 h old)'])
        """
        from ..studies._check import check, online_flow

        result = check(path)
        if online and result.ok:
            with _store(state) as store:
                self._drive(online_flow(result, store, refresh=refresh))
        return result

    def plan(
        self,
        path: StatePath,
        *,
        state: StatePath | None = None,
        study_id: str | None = None,
        refresh: bool = False,
    ) -> StudyPlan:
        """What :meth:`apply` would do, with the cost, eligible participants, recruitment time and balance.

        Sends nothing that changes anything (see :mod:`prolific.studies._plan`). ``state``: the
        SQLite state file where :meth:`apply` remembers which study each file made (without it,
        a file without ``study_id`` plans a new draft); ``study_id`` ties the file to an existing
        study. A problem of the file raises :class:`~prolific.StudyFileError` before any request.

        >>> print(client.studies.plan("study.yaml", state="studies.sqlite3"))  # doctest: +SKIP
        study.yaml: create a draft study (9 fields)
        ...
        """
        from ..studies._bindings import file_key
        from ..studies._check import check
        from ..studies._plan import plan_flow

        target = _study_id(study_id)
        result = check(path).raise_for_problems()
        with _store(state) as store:
            return self._drive(plan_flow(result, store, file_key(path), study_id=target, refresh=refresh))

    def apply(
        self, path: StatePath, *, state: StatePath, study_id: str | None = None, refresh: bool = False
    ) -> ApplyResult:
        """Create the draft the file describes, or patch the study so that it matches: exactly one draft per file.

        ``state`` (required): the SQLite state file remembering which study the file made, written
        before ``create-study`` is sent; a rerun after a lost answer finds the draft by its marker
        instead of creating a second (see :mod:`prolific.studies._apply`). ``study_id`` ties the
        file to an existing study. Changes Prolific refuses for the study's status raise
        :class:`~prolific.StudyStateError` with nothing sent.
        """
        from ..studies._apply import apply_flow
        from ..studies._bindings import StudyStore, file_key
        from ..studies._check import check

        target = _study_id(study_id)
        result = check(path).raise_for_problems()
        with StudyStore(state) as store:
            return self._drive(apply_flow(result, store, file_key(path), study_id=target, refresh=refresh))

    def pull(self, study_id: str, *, format: str = "yaml") -> str:
        """An existing study as the text of a study file (``yaml`` or ``json``) that ``plan`` finds unchanged.

        >>> text = client.studies.pull("6540...")  # doctest: +SKIP
        """
        from ..studies._pull import pull_flow

        return self._drive(pull_flow(require_id(study_id, "study_id", "study id"), format=_format(format)))


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
        from ..studies._watch import AsyncStudyWatch, WatchSettings

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
        from ..studies._export import AsyncStudyExport, ExportSettings

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

    # -- the study file

    async def check(
        self, path: StatePath, *, online: bool = False, state: StatePath | None = None, refresh: bool = False
    ) -> StudyCheck:
        """Check a study file; see :meth:`Studies.check`."""
        from ..studies._check import check, online_flow

        result = check(path)
        if online and result.ok:
            with _store(state) as store:
                await self._drive(online_flow(result, store, refresh=refresh))
        return result

    async def plan(
        self,
        path: StatePath,
        *,
        state: StatePath | None = None,
        study_id: str | None = None,
        refresh: bool = False,
    ) -> StudyPlan:
        """What :meth:`apply` would do; see :meth:`Studies.plan`."""
        from ..studies._bindings import file_key
        from ..studies._check import check
        from ..studies._plan import plan_flow

        target = _study_id(study_id)
        result = check(path).raise_for_problems()
        with _store(state) as store:
            return await self._drive(plan_flow(result, store, file_key(path), study_id=target, refresh=refresh))

    async def apply(
        self, path: StatePath, *, state: StatePath, study_id: str | None = None, refresh: bool = False
    ) -> ApplyResult:
        """Create or patch the study the file describes; see :meth:`Studies.apply`."""
        from ..studies._apply import apply_flow
        from ..studies._bindings import StudyStore, file_key
        from ..studies._check import check

        target = _study_id(study_id)
        result = check(path).raise_for_problems()
        with StudyStore(state) as store:
            return await self._drive(apply_flow(result, store, file_key(path), study_id=target, refresh=refresh))

    async def pull(self, study_id: str, *, format: str = "yaml") -> str:
        """An existing study as a study file's text; see :meth:`Studies.pull`."""
        from ..studies._pull import pull_flow

        return await self._drive(pull_flow(require_id(study_id, "study_id", "study id"), format=_format(format)))
