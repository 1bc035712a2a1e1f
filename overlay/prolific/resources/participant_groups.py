"""``client.participant_groups``: create a participant group."""

from __future__ import annotations

from collections.abc import Iterable

from prolific_api_client.models import CreateParticipantGroupRequest, ParticipantGroup
from prolific_api_client.operations.participant_groups import (
    CREATE_PARTICIPANT_GROUP,
    AsyncParticipantGroupsOperations,
    ParticipantGroupsOperations,
)
from prolific_api_client.types import UNSET

from .. import _validation as check
from .._call import Call
from ._base import AsyncResource, SyncResource


def create_call(
    *,
    name: str,
    workspace_id: str | None,
    organisation_id: str | None,
    description: str | None,
    participant_ids: Iterable[str] | None,
) -> Call[ParticipantGroup]:
    """Validate the arguments and describe the request (shared by both clients)."""
    owner, owner_id = check.exactly_one(workspace_id=workspace_id, organisation_id=organisation_id)
    ids = check.id_list(participant_ids, "participant_ids")
    body = CreateParticipantGroupRequest(
        name=check.require_text(name, "name"),
        workspace_id=owner_id if owner == "workspace_id" else UNSET,
        organisation_id=owner_id if owner == "organisation_id" else UNSET,
        description=check.require_text(description, "description") if description is not None else UNSET,
        participant_ids=ids if ids is not None else UNSET,
    )
    return Call(CREATE_PARTICIPANT_GROUP, {"body": body}, _group)


def _group(group: ParticipantGroup) -> ParticipantGroup:
    return group


class ParticipantGroups(SyncResource, ParticipantGroupsOperations):
    """Participant groups (``client.participant_groups``)."""

    def create(
        self,
        *,
        name: str,
        workspace_id: str | None = None,
        organisation_id: str | None = None,
        description: str | None = None,
        participant_ids: Iterable[str] | None = None,
    ) -> ParticipantGroup:
        """Create a participant group in a workspace or an organisation (exactly one of them).

        >>> group = client.participant_groups.create(name="Pilot", workspace_id="ws1")  # doctest: +SKIP
        >>> group.id  # doctest: +SKIP
        '6540...'
        """
        return self._send(
            create_call(
                name=name,
                workspace_id=workspace_id,
                organisation_id=organisation_id,
                description=description,
                participant_ids=participant_ids,
            )
        )


class AsyncParticipantGroups(AsyncResource, AsyncParticipantGroupsOperations):
    """Async twin of :class:`ParticipantGroups`."""

    async def create(
        self,
        *,
        name: str,
        workspace_id: str | None = None,
        organisation_id: str | None = None,
        description: str | None = None,
        participant_ids: Iterable[str] | None = None,
    ) -> ParticipantGroup:
        """Create a participant group; see :meth:`ParticipantGroups.create`."""
        return await self._send(
            create_call(
                name=name,
                workspace_id=workspace_id,
                organisation_id=organisation_id,
                description=description,
                participant_ids=participant_ids,
            )
        )
