"""``client.studies``: the generated study operations, and the workflows of a study kept as a file.

The workflows themselves (reading and checking a study file, planning it with its cost, applying and
publishing it, its life once published) live in :mod:`prolific.studies`; these classes hand them to
the driver, blocking or awaited.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from prolific_api_client.models import Study
from prolific_api_client.operations.studies import AsyncStudiesOperations, StudiesOperations

from ..studies._lifecycle import (
    ConfirmSpend,
    add_places_flow,
    delete_flow,
    duplicate_flow,
    list_flow,
    publish_flow,
    show_flow,
    test_study_flow,
    transition_flow,
)
from ..studies._results import PlacesChange, PublishResult, StudyDetails, StudyRow, TestStudy, Transition
from ._base import AsyncResource, SyncResource


class Studies(SyncResource, StudiesOperations):
    """Studies (``client.studies``): every generated operation of the tag, and the study-file workflows."""

    # -- a study's life ---------------------------------------------------------------------------

    def publish(
        self, study_id: str, *, max_spend: Decimal | str | None = None, confirm: ConfirmSpend | None = None
    ) -> PublishResult:
        """Publish a draft with what it costs in view; refused before any transition request when it may not.

        Reads the study (a draft or scheduled one, else :class:`~prolific.StudyStateError`), prices
        its places (``calculate-study-cost``: rewards, fees and VAT) and reads its workspace's
        available balance; over ``max_spend`` (a ``Decimal`` in pounds/dollars or a str with its
        currency, ``"£250"``; else ``$PROLIFIC_MAX_SPEND``) raises :class:`~prolific.SpendLimitError`,
        over the balance :class:`~prolific.InsufficientBalanceError`, with **nothing sent**. Then
        ``confirm(check)`` (False: ``cancelled``, nothing sent), then ``publish-study`` once: a lost
        answer is settled by reading the study again, never by sending it twice.

        >>> result = client.studies.publish("6540...", max_spend="£250")  # doctest: +SKIP
        >>> print("\\n".join(result.check.lines()))  # doctest: +SKIP
        """
        return self._drive(publish_flow(study_id, max_spend=max_spend, confirm=confirm))

    def pause(self, study_id: str) -> Transition:
        """Pause an active study (``PAUSE``); another status is refused before the request."""
        return self._drive(transition_flow(study_id, "PAUSE"))

    def start(self, study_id: str) -> Transition:
        """Start a paused study again (``START``); another status is refused before the request."""
        return self._drive(transition_flow(study_id, "START"))

    def stop(self, study_id: str) -> Transition:
        """Stop an active or paused study (``STOP``): it recruits no more; its started submissions finish."""
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
        return self._drive(add_places_flow(study_id, places, max_spend=max_spend, confirm=confirm))

    def test(self, study_id: str) -> TestStudy:
        """A test study from a draft (``create-test-study``): the link to take it as a test participant."""
        return self._drive(test_study_flow(study_id))

    def duplicate(
        self, study_id: str, *, set: Mapping[str, Any] | None = None, block_previous_participants: bool = True
    ) -> Study:
        """Duplicate a study as a new draft, then change the fields in ``set`` on the copy; return the copy.

        ``set``: update-study fields (``{"name": "Wave 2", "total_available_places": 50}``), unknown
        ones refused with a did-you-mean before anything is sent. ``block_previous_participants``:
        Prolific adds the original to the copy's block list unless False.
        """
        return self._drive(duplicate_flow(study_id, set=set, block_previous_participants=block_previous_participants))

    def delete(self, study_id: str) -> Study:
        """Delete a draft (Prolific deletes no other); return it as it was. A published study is refused first."""
        return self._drive(delete_flow(study_id))

    def list_studies(self, *, status: str | None = None, project: str | None = None) -> list[StudyRow]:
        """The studies (of ``project``, in ``status``): places taken/total, reward per hour, cost so far.

        One listing request, then one ``get-study-cost`` per study that is not a draft.
        """
        return self._drive(list_flow(status=status, project=project))

    def show(self, study_id: str) -> StudyDetails:
        """One study: its row, what it costs so far and once full, its submissions by status."""
        return self._drive(show_flow(study_id))


class AsyncStudies(AsyncResource, AsyncStudiesOperations):
    """Async twin of :class:`Studies`."""

    # -- a study's life ---------------------------------------------------------------------------

    async def publish(
        self, study_id: str, *, max_spend: Decimal | str | None = None, confirm: ConfirmSpend | None = None
    ) -> PublishResult:
        """See :meth:`Studies.publish`."""
        return await self._drive(publish_flow(study_id, max_spend=max_spend, confirm=confirm))

    async def pause(self, study_id: str) -> Transition:
        """See :meth:`Studies.pause`."""
        return await self._drive(transition_flow(study_id, "PAUSE"))

    async def start(self, study_id: str) -> Transition:
        """See :meth:`Studies.start`."""
        return await self._drive(transition_flow(study_id, "START"))

    async def stop(self, study_id: str) -> Transition:
        """See :meth:`Studies.stop`."""
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
        return await self._drive(add_places_flow(study_id, places, max_spend=max_spend, confirm=confirm))

    async def test(self, study_id: str) -> TestStudy:
        """See :meth:`Studies.test`."""
        return await self._drive(test_study_flow(study_id))

    async def duplicate(
        self, study_id: str, *, set: Mapping[str, Any] | None = None, block_previous_participants: bool = True
    ) -> Study:
        """See :meth:`Studies.duplicate`."""
        return await self._drive(
            duplicate_flow(study_id, set=set, block_previous_participants=block_previous_participants)
        )

    async def delete(self, study_id: str) -> Study:
        """See :meth:`Studies.delete`."""
        return await self._drive(delete_flow(study_id))

    async def list_studies(self, *, status: str | None = None, project: str | None = None) -> list[StudyRow]:
        """See :meth:`Studies.list_studies`."""
        return await self._drive(list_flow(status=status, project=project))

    async def show(self, study_id: str) -> StudyDetails:
        """See :meth:`Studies.show`."""
        return await self._drive(show_flow(study_id))
