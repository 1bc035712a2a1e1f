"""``client.studies``: the generated study operations, and the workflows of a study kept as a file.

The workflows themselves (reading and checking a study file, planning it with its cost, applying and
publishing it, its life once published) live in :mod:`prolific.studies`; these classes hand them to
the driver, blocking or awaited.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator

from prolific_api_client.operations.studies import AsyncStudiesOperations, StudiesOperations

from .._validation import require_id
from ..studies._apply import ApplyResult, apply_flow
from ..studies._bindings import StudyStore, file_key
from ..studies._check import StudyCheck, check, online_flow
from ..studies._plan import StudyPlan, plan_flow
from ..studies._pull import pull_flow
from ._base import AsyncResource, SyncResource

StatePath = str | os.PathLike[str]


# -- the study file (shared by the twins) ---------------------------------------------------------------


@contextlib.contextmanager
def _store(state: StatePath | None) -> Iterator[StudyStore | None]:
    if state is None:
        yield None
        return
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
        target = _study_id(study_id)
        result = check(path).raise_for_problems()
        with StudyStore(state) as store:
            return self._drive(apply_flow(result, store, file_key(path), study_id=target, refresh=refresh))

    def pull(self, study_id: str, *, format: str = "yaml") -> str:
        """An existing study as the text of a study file (``yaml`` or ``json``) that ``plan`` finds unchanged.

        >>> text = client.studies.pull("6540...")  # doctest: +SKIP
        """
        return self._drive(pull_flow(require_id(study_id, "study_id", "study id"), format=_format(format)))


class AsyncStudies(AsyncResource, AsyncStudiesOperations):
    """Async twin of :class:`Studies`."""

    # -- the study file

    async def check(
        self, path: StatePath, *, online: bool = False, state: StatePath | None = None, refresh: bool = False
    ) -> StudyCheck:
        """Check a study file; see :meth:`Studies.check`."""
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
        target = _study_id(study_id)
        result = check(path).raise_for_problems()
        with _store(state) as store:
            return await self._drive(plan_flow(result, store, file_key(path), study_id=target, refresh=refresh))

    async def apply(
        self, path: StatePath, *, state: StatePath, study_id: str | None = None, refresh: bool = False
    ) -> ApplyResult:
        """Create or patch the study the file describes; see :meth:`Studies.apply`."""
        target = _study_id(study_id)
        result = check(path).raise_for_problems()
        with StudyStore(state) as store:
            return await self._drive(apply_flow(result, store, file_key(path), study_id=target, refresh=refresh))

    async def pull(self, study_id: str, *, format: str = "yaml") -> str:
        """An existing study as a study file's text; see :meth:`Studies.pull`."""
        return await self._drive(pull_flow(require_id(study_id, "study_id", "study id"), format=_format(format)))
