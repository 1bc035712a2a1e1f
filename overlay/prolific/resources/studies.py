"""``client.studies``: the generated study operations, and the workflows of a study kept as a file.

The workflows themselves (reading and checking a study file, planning it with its cost, applying and
publishing it, its life once published) live in :mod:`prolific.studies`; these classes hand them to
the driver, blocking or awaited.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator, Mapping
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from prolific_api_client.operations.studies import AsyncStudiesOperations, StudiesOperations

from .._pagination import DEFAULT_PAGE_SIZE
from .._store._url import StateURL
from .._validation import PROLIFIC_ID, require_id
from ..studies._defaults import DEMOGRAPHICS_TIMEOUT, RETURN_RATE_THRESHOLD, REVIEW_BACKLOG
from ..studies._polling import DEFAULT_INTERVAL
from ._base import AsyncResource, SyncResource

# The workflows load when a method first needs them (each method imports its own), so that a first
# ``client.studies`` costs what the other groups cost: the study file's reader and schema, the watch
# and the export, a study's life (with the generated models they use) are not imported with this module.
if TYPE_CHECKING:
    from prolific_api_client.models import Study

    from .._flow import Flow
    from .._settings import Settings
    from ..studies._apply import ApplyResult
    from ..studies._bindings import StudyStore
    from ..studies._check import StudyCheck
    from ..studies._export import AsyncStudyExport, ExportProgress, StudyExport
    from ..studies._lifecycle import ConfirmSpend
    from ..studies._plan import StudyPlan
    from ..studies._results import PlacesChange, PublishResult, StudyDetails, StudyRow, TestStudy, Transition
    from ..studies._spend import Cap
    from ..studies._watch import AsyncStudyWatch, StudyWatch
    from ..webhooks import EventLog

StatePath = str | os.PathLike[str]
#: Where the study bindings live: a SQLite file, or a ``postgresql://`` URL.
StoreLocation = str | os.PathLike[str] | StateURL
#: What names a study file rather than a study id (``publish``).
STUDY_FILE_SUFFIXES = (".yaml", ".yml", ".json")


# -- the study file (shared by the twins) ---------------------------------------------------------------


@contextlib.contextmanager
def _store(state: StoreLocation | None) -> Iterator[StudyStore | None]:
    if state is None:
        yield None
        return
    from ..studies._bindings import StudyStore

    with StudyStore(state) as store:
        yield store


def _study_id(study_id: str | None) -> str | None:
    return None if study_id is None else require_id(study_id, "study_id", "study id")


def _publish_target(study: str | os.PathLike[str]) -> tuple[str, Path | None]:
    """``(study id, None)`` for an id, ``("", path)`` for a study file; anything else refused before any request."""
    if isinstance(study, str) and PROLIFIC_ID.fullmatch(study):
        return study, None
    if isinstance(study, os.PathLike) or (
        isinstance(study, str) and (study.lower().endswith(STUDY_FILE_SUFFIXES) or os.path.isfile(study))
    ):
        return "", Path(study)
    from .._errors import InvalidArgumentError

    raise InvalidArgumentError(
        f"study: {study!r} is neither a study id (24 lower-case hexadecimal characters) nor a study file "
        f"({', '.join(STUDY_FILE_SUFFIXES)}); nothing was sent"
    )


@contextlib.contextmanager
def _publishing(
    study: str | os.PathLike[str], state: StoreLocation | None, cap: Cap, confirm: ConfirmSpend | None
) -> Iterator[Flow[PublishResult]]:
    """The publish flow of a study id, or of a study file (checked first, its state file open meanwhile)."""
    from ..studies._bindings import file_key
    from ..studies._check import check
    from ..studies._lifecycle import publish_file_flow, publish_flow

    study_id, path = _publish_target(study)
    if path is None:
        yield publish_flow(study_id, cap=cap, confirm=confirm)
        return
    result = check(path).raise_for_problems()
    with _store(state) as store:
        yield publish_file_flow(result, store, file_key(path), cap=cap, confirm=confirm)


def _format(format: str) -> str:
    from .._errors import InvalidArgumentError

    if format not in ("yaml", "json"):
        raise InvalidArgumentError(f"format: {format!r} is not 'yaml' or 'json'")
    return format


class Studies(SyncResource, StudiesOperations):
    """Studies (``client.studies``): every generated operation of the tag, and the study-file workflows."""

    #: The client's settings (the configured cap, ``studies.max_spend``); the client sets them.
    _settings: Settings | None = None

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
        self, path: StatePath, *, online: bool = False, state: StoreLocation | None = None, refresh: bool = False
    ) -> StudyCheck:
        """Check a study file: offline (as :func:`prolific.studies.check`), then with ``online=True`` against Prolific.

        Online: filter ids and values against ``get-filters``, the filter set, the project and the
        workspace (friendly names resolved), the credential pool's capacity against the places, the
        reward's currency and Prolific's recommended hourly rates. ``state``: the state (a
        SQLite file or a ``postgresql://`` URL) that caches the filters list and the recommendations
        (their age is in ``notes``); ``refresh`` fetches them again. The online checks run only on a
        file without offline errors.

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
        state: StoreLocation | None = None,
        study_id: str | None = None,
        refresh: bool = False,
        max_spend: Decimal | str | None = None,
    ) -> StudyPlan:
        """What :meth:`apply` would do, with the cost, eligible participants, recruitment time and balance.

        Sends nothing that changes anything (see :mod:`prolific.studies._plan`). ``state``: the
        state (a SQLite file or a ``postgresql://`` URL) where :meth:`apply` remembers which study each
        file made (without it,
        a file without ``study_id`` plans a new draft); ``study_id`` ties the file to an existing
        study. A problem of the file raises :class:`~prolific.StudyFileError` before any request.
        ``plan.spend``: the spend check :meth:`publish` would make (the cost against the cap —
        ``max_spend``, else the configured ``studies.max_spend`` — and the balance).

        >>> print(client.studies.plan("study.yaml", state="studies.sqlite3"))  # doctest: +SKIP
        study.yaml: create a draft study (9 fields)
        ...
        """
        from ..studies._bindings import file_key
        from ..studies._check import check
        from ..studies._plan import plan_flow
        from ..studies._spend import resolve_cap

        target = _study_id(study_id)
        cap = resolve_cap(max_spend, self._settings)
        result = check(path).raise_for_problems()
        with _store(state) as store:
            return self._drive(plan_flow(result, store, file_key(path), study_id=target, refresh=refresh, cap=cap))

    def apply(
        self, path: StatePath, *, state: StoreLocation, study_id: str | None = None, refresh: bool = False
    ) -> ApplyResult:
        """Create the draft the file describes, or patch the study so that it matches: exactly one draft per file.

        ``state`` (required): the state (a SQLite file or a ``postgresql://`` URL) remembering which
        study the file made, written
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

    # -- a study's life ---------------------------------------------------------------------------

    def publish(
        self,
        study: str | os.PathLike[str],
        *,
        state: StoreLocation | None = None,
        max_spend: Decimal | str | None = None,
        confirm: ConfirmSpend | None = None,
    ) -> PublishResult:
        """Publish a draft (its id, or the study file that made it) with what it costs in view.

        Reads the study (a draft or scheduled one, else :class:`~prolific.StudyStateError`), prices
        its places (``calculate-study-cost``: rewards, fees and VAT) and reads its workspace's
        available balance; over the cap — ``max_spend`` (a ``Decimal`` in pounds/dollars or a str
        with its currency, ``"£250"``), else the configured ``studies.max_spend`` of
        :attr:`client.settings <prolific.Prolific.settings>` — raises :class:`~prolific.SpendLimitError`,
        over the balance :class:`~prolific.InsufficientBalanceError`, with **nothing sent**. Then
        ``confirm(check)`` (False: ``cancelled``, nothing sent), then ``publish-study`` once: a lost
        answer is settled by reading the study again, never by sending it twice.

        ``study`` a path (``.yaml``, ``.yml``, ``.json``): the study the file made, found as
        :meth:`plan` finds it (the file's ``study_id`` key, else the binding in the ``state`` file
        that :meth:`apply` wrote); its plan's spend check is the one used. A file that has made no
        study yet, or whose study differs from it, is refused with nothing sent: apply it first.

        >>> result = client.studies.publish("6540...", max_spend="£250")  # doctest: +SKIP
        >>> result = client.studies.publish("study.yaml", state="studies.sqlite3")  # doctest: +SKIP
        >>> print("\\n".join(result.check.lines()))  # doctest: +SKIP
        """
        from ..studies._spend import resolve_cap

        with _publishing(study, state, resolve_cap(max_spend, self._settings), confirm) as flow:
            return self._drive(flow)

    def pause(self, study_id: str) -> Transition:
        """Pause an active study (``PAUSE``); another status is refused before the request."""
        from ..studies._lifecycle import transition_flow

        return self._drive(transition_flow(study_id, "PAUSE"))

    def start(self, study_id: str) -> Transition:
        """Start a paused study again (``START``); another status is refused before the request."""
        from ..studies._lifecycle import transition_flow

        return self._drive(transition_flow(study_id, "START"))

    def stop(self, study_id: str) -> Transition:
        """Stop an active or paused study (``STOP``): it recruits no more; its started submissions finish."""
        from ..studies._lifecycle import transition_flow

        return self._drive(transition_flow(study_id, "STOP"))

    def add_places(
        self,
        study_id: str,
        places: int,
        *,
        max_spend: Decimal | str | None = None,
        confirm: ConfirmSpend | None = None,
    ) -> PlacesChange:
        """Add ``places`` places, with the cost of the increase in view.

        On a published study the increase is checked as :meth:`publish` checks a study (the cap,
        the balance; nothing sent when refused); on a draft its cost is shown (it is paid when the
        draft is published). ``confirm(check)`` False: ``cancelled``. One ``update-study`` sets
        the new total.
        """
        from ..studies._lifecycle import add_places_flow
        from ..studies._spend import resolve_cap

        cap = resolve_cap(max_spend, self._settings)
        return self._drive(add_places_flow(study_id, places, cap=cap, confirm=confirm))

    def test(self, study_id: str) -> TestStudy:
        """A test study from a draft (``create-test-study``): the link to take it as a test participant."""
        from ..studies._lifecycle import test_study_flow

        return self._drive(test_study_flow(study_id))

    def duplicate(
        self, study_id: str, *, set: Mapping[str, Any] | None = None, block_previous_participants: bool = True
    ) -> Study:
        """Duplicate a study as a new draft, then change the fields in ``set`` on the copy; return the copy.

        ``set``: update-study fields (``{"name": "Wave 2", "total_available_places": 50}``), unknown
        ones refused with a did-you-mean before anything is sent. ``block_previous_participants``:
        Prolific adds the original to the copy's block list unless False.
        """
        from ..studies._lifecycle import duplicate_flow

        return self._drive(duplicate_flow(study_id, set=set, block_previous_participants=block_previous_participants))

    def delete(self, study_id: str) -> Study:
        """Delete a draft (Prolific deletes no other); return it as it was. A published study is refused first."""
        from ..studies._lifecycle import delete_flow

        return self._drive(delete_flow(study_id))

    def list_studies(self, *, status: str | None = None, project: str | None = None) -> list[StudyRow]:
        """The studies (of ``project``, in ``status``): places taken/total, reward per hour, cost so far.

        One listing request, then one ``get-study-cost`` per study that is not a draft.
        """
        from ..studies._lifecycle import list_flow

        return self._drive(list_flow(status=status, project=project))

    def show(self, study_id: str) -> StudyDetails:
        """One study: its row, what it costs so far and once full, its submissions by status."""
        from ..studies._lifecycle import show_flow

        return self._drive(show_flow(study_id))


class AsyncStudies(AsyncResource, AsyncStudiesOperations):
    """Async twin of :class:`Studies`."""

    #: The client's settings (the configured cap, ``studies.max_spend``); the client sets them.
    _settings: Settings | None = None

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
        self, path: StatePath, *, online: bool = False, state: StoreLocation | None = None, refresh: bool = False
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
        state: StoreLocation | None = None,
        study_id: str | None = None,
        refresh: bool = False,
        max_spend: Decimal | str | None = None,
    ) -> StudyPlan:
        """What :meth:`apply` would do; see :meth:`Studies.plan`."""
        from ..studies._bindings import file_key
        from ..studies._check import check
        from ..studies._plan import plan_flow
        from ..studies._spend import resolve_cap

        target = _study_id(study_id)
        cap = resolve_cap(max_spend, self._settings)
        result = check(path).raise_for_problems()
        with _store(state) as store:
            return await self._drive(
                plan_flow(result, store, file_key(path), study_id=target, refresh=refresh, cap=cap)
            )

    async def apply(
        self, path: StatePath, *, state: StoreLocation, study_id: str | None = None, refresh: bool = False
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

    # -- a study's life ---------------------------------------------------------------------------

    async def publish(
        self,
        study: str | os.PathLike[str],
        *,
        state: StoreLocation | None = None,
        max_spend: Decimal | str | None = None,
        confirm: ConfirmSpend | None = None,
    ) -> PublishResult:
        """See :meth:`Studies.publish`."""
        from ..studies._spend import resolve_cap

        with _publishing(study, state, resolve_cap(max_spend, self._settings), confirm) as flow:
            return await self._drive(flow)

    async def pause(self, study_id: str) -> Transition:
        """See :meth:`Studies.pause`."""
        from ..studies._lifecycle import transition_flow

        return await self._drive(transition_flow(study_id, "PAUSE"))

    async def start(self, study_id: str) -> Transition:
        """See :meth:`Studies.start`."""
        from ..studies._lifecycle import transition_flow

        return await self._drive(transition_flow(study_id, "START"))

    async def stop(self, study_id: str) -> Transition:
        """See :meth:`Studies.stop`."""
        from ..studies._lifecycle import transition_flow

        return await self._drive(transition_flow(study_id, "STOP"))

    async def add_places(
        self,
        study_id: str,
        places: int,
        *,
        max_spend: Decimal | str | None = None,
        confirm: ConfirmSpend | None = None,
    ) -> PlacesChange:
        """See :meth:`Studies.add_places`."""
        from ..studies._lifecycle import add_places_flow
        from ..studies._spend import resolve_cap

        cap = resolve_cap(max_spend, self._settings)
        return await self._drive(add_places_flow(study_id, places, cap=cap, confirm=confirm))

    async def test(self, study_id: str) -> TestStudy:
        """See :meth:`Studies.test`."""
        from ..studies._lifecycle import test_study_flow

        return await self._drive(test_study_flow(study_id))

    async def duplicate(
        self, study_id: str, *, set: Mapping[str, Any] | None = None, block_previous_participants: bool = True
    ) -> Study:
        """See :meth:`Studies.duplicate`."""
        from ..studies._lifecycle import duplicate_flow

        return await self._drive(
            duplicate_flow(study_id, set=set, block_previous_participants=block_previous_participants)
        )

    async def delete(self, study_id: str) -> Study:
        """See :meth:`Studies.delete`."""
        from ..studies._lifecycle import delete_flow

        return await self._drive(delete_flow(study_id))

    async def list_studies(self, *, status: str | None = None, project: str | None = None) -> list[StudyRow]:
        """See :meth:`Studies.list_studies`."""
        from ..studies._lifecycle import list_flow

        return await self._drive(list_flow(status=status, project=project))

    async def show(self, study_id: str) -> StudyDetails:
        """See :meth:`Studies.show`."""
        from ..studies._lifecycle import show_flow

        return await self._drive(show_flow(study_id))
