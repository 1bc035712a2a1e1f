"""``client.participant_groups``: create, list, get, update, delete participant groups, and their members.

Members are added and removed in batches (:data:`DEFAULT_MEMBER_BATCH_SIZE`); participant ids
are checked (24 lower-case hexadecimal characters) before any request, a bad one named by its
item number. The deprecated old name ``list`` shadows the builtin inside the class bodies:
annotations there say ``builtins.list``.
"""

from __future__ import annotations

import builtins
from collections.abc import AsyncIterator, Callable, Iterable, Iterator

from prolific_api_client.models import (
    CreateParticipantGroupRequest,
    ParticipantGroup,
    ParticipantGroupListResponse,
    ParticipantGroupMembership,
    ParticipantGroupMembershipListResponse,
    ParticipantGroupUpdate,
    ParticipantIDList,
)
from prolific_api_client.operations.participant_groups import (
    ADD_TO_PARTICIPANT_GROUP,
    CREATE_PARTICIPANT_GROUP,
    DELETE_PARTICIPANT_GROUP,
    GET_PARTICIPANT_GROUP,
    GET_PARTICIPANT_GROUP_PARTICIPANTS,
    GET_PARTICIPANT_GROUPS,
    REMOVE_FROM_PARTICIPANT_GROUP,
    UPDATE_PARTICIPANT_GROUP,
    AsyncParticipantGroupsOperations,
    ParticipantGroupsOperations,
)
from prolific_api_client.types import UNSET, Unset

from .. import _validation as check
from .._batches import DEFAULT_MEMBER_BATCH_SIZE as DEFAULT_MEMBER_BATCH_SIZE  # re-exported: its home is light
from .._deprecation import deprecated_alias
from .._errors import APIError, InvalidArgumentError, MembershipError
from .._flow import Call, Flow
from .._pagination import Pager
from ._base import AsyncResource, SyncResource

ProgressCallback = Callable[[int, int], object]


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
    ids = (
        check.require_ids(participant_ids, "participant_ids", "participant id", allow_empty=True)
        if participant_ids is not None
        else None
    )
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


def _groups(listing: ParticipantGroupListResponse) -> list[ParticipantGroup]:
    if isinstance(listing.results, Unset):
        raise KeyError("results")
    return list(listing.results)


def _members(listing: ParticipantGroupMembershipListResponse) -> list[ParticipantGroupMembership]:
    if isinstance(listing.results, Unset):
        raise KeyError("results")
    return list(listing.results)


def list_call(*, workspace_id: str | None, project_id: str | None) -> Call[list[ParticipantGroup]]:
    """``get-participant-groups`` of a workspace or a project (exactly one)."""
    owner, owner_id = check.exactly_one(workspace_id=workspace_id, project_id=project_id)
    arguments = {"active": UNSET, "workspace_id": UNSET, "project_id": UNSET, owner: owner_id}
    return Call(GET_PARTICIPANT_GROUPS, arguments, _groups)


def get_call(group_id: str) -> Call[ParticipantGroup]:
    return Call(GET_PARTICIPANT_GROUP, {"id": check.require_id(group_id, "group_id", "participant group id")}, _group)


def delete_call(group_id: str) -> Call[None]:
    return Call(
        DELETE_PARTICIPANT_GROUP, {"id": check.require_id(group_id, "group_id", "participant group id")}, lambda _: None
    )


def update_call(
    group_id: str, *, name: str | None, description: str | None, participant_ids: Iterable[str] | None
) -> Call[ParticipantGroup]:
    """``update-participant-group`` (PATCH) with the fields given; ``participant_ids`` replaces the members.

    ``description`` is not in the published ``ParticipantGroupUpdate`` schema: it is sent as an
    extra field of the body (the group's ``description`` is what it sets).
    """
    group_id = check.require_id(group_id, "group_id", "participant group id")
    if name is None and description is None and participant_ids is None:
        raise InvalidArgumentError("nothing to update: give name=, description= or participant_ids=")
    body = ParticipantGroupUpdate(
        name=check.require_text(name, "name") if name is not None else UNSET,
        participant_ids=check.require_ids(participant_ids, "participant_ids", "participant id", allow_empty=True)
        if participant_ids is not None
        else UNSET,
    )
    if description is not None:
        if not isinstance(description, str):
            raise InvalidArgumentError("description must be a str")
        body.additional_properties["description"] = description
    return Call(UPDATE_PARTICIPANT_GROUP, {"id": group_id, "body": body}, _group)


def members_pager(group_id: str) -> Pager:
    """The pages of ``get-participant-group-participants`` (one today; more if the API starts paging)."""
    return Pager(
        GET_PARTICIPANT_GROUP_PARTICIPANTS, {"id": check.require_id(group_id, "group_id", "participant group id")}
    )


_VERBS = {"add": ("adding participants to", "added"), "remove": ("removing participants from", "removed")}


def membership_flow(
    action: str,
    group_id: str,
    participant_ids: Iterable[str],
    batch_size: int,
    on_progress: ProgressCallback | None,
) -> Flow[list[ParticipantGroupMembership]]:
    """Add (POST) or remove (DELETE) ``participant_ids`` in batches; return the members after the last one.

    Everything is checked before the first request. A failed batch raises :class:`MembershipError`
    saying how many were done and how to resume.
    """
    group_id = check.require_id(group_id, "group_id", "participant group id")
    ids = check.require_ids(participant_ids, "participant_ids", "participant id")
    if isinstance(batch_size, bool) or not isinstance(batch_size, int) or batch_size < 1:
        raise InvalidArgumentError(f"batch_size must be a positive int, got {batch_size!r}")
    if on_progress is not None and not callable(on_progress):
        raise InvalidArgumentError("on_progress must be a callable taking (done, total)")
    operation = ADD_TO_PARTICIPANT_GROUP if action == "add" else REMOVE_FROM_PARTICIPANT_GROUP
    total, done = len(ids), 0
    members: list[ParticipantGroupMembership] = []
    while done < total:
        batch = ids[done : done + batch_size]
        arguments = {"id": group_id, "body": ParticipantIDList(participant_ids=batch)}
        try:
            members = yield Call(operation, arguments, _members)
        except APIError as error:
            raise _stopped(action, group_id, ids, done, len(batch), batch_size, error) from error
        done += len(batch)
        if on_progress is not None:
            on_progress(done, total)
    return members


def _stopped(
    action: str, group_id: str, ids: list[str], done: int, batch: int, batch_size: int, error: APIError
) -> MembershipError:
    doing, did = _VERBS[action]
    method = "add_participants" if action == "add" else "remove_participants"
    total = len(ids)
    lines = [
        f"{doing} participant group {group_id} stopped: {done:,} of {total:,} {did} (batches of {batch_size:,}). "
        f"Cause: {error}",
    ]
    which = "ids already in the group are ignored" if action == "add" else "ids not in the group are ignored"
    advice = ""
    if done:
        advice = (
            f"Resume with client.participant_groups.{method}({group_id!r}, err.remaining) (err.remaining = "
            f"participant ids {done + 1:,} to {total:,} of the input)."
        )
    elif not error.may_have_been_applied:
        lines.append("Nothing was changed: fix the cause and call it again.")
    if error.may_have_been_applied:
        lines.append(
            f"The failed batch (ids {done + 1:,}-{done + batch:,}) may or may not have been applied; sending it "
            f"again is safe ({which})."
        )
    return MembershipError(
        " ".join(lines), group_id=group_id, action=action, done=done, total=total, remaining=ids[done:], advice=advice
    )


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

    def list_groups(
        self, *, workspace_id: str | None = None, project_id: str | None = None
    ) -> builtins.list[ParticipantGroup]:
        """The participant groups of a workspace or of a project (exactly one of them)."""
        return self._send(list_call(workspace_id=workspace_id, project_id=project_id))

    def get(self, group_id: str) -> ParticipantGroup:
        """One participant group."""
        return self._send(get_call(group_id))

    def update(
        self,
        group_id: str,
        *,
        name: str | None = None,
        description: str | None = None,
        participant_ids: Iterable[str] | None = None,
    ) -> ParticipantGroup:
        """Change a group's name or description, or *replace* its members with ``participant_ids``.

        One PATCH: replacing the members cannot be split in batches (use
        :meth:`add_participants` / :meth:`remove_participants` for large changes).
        """
        return self._send(update_call(group_id, name=name, description=description, participant_ids=participant_ids))

    def delete(self, group_id: str) -> None:
        """Delete a participant group."""
        self._send(delete_call(group_id))

    def iter_participants(self, group_id: str) -> Iterator[ParticipantGroupMembership]:
        """The group's members (``participant_id``, ``datetime_created``), fetched as the iterator is consumed.

        >>> ids = [m.participant_id for m in client.participant_groups.iter_participants("6540...")]  # doctest: +SKIP
        """
        pager = members_pager(group_id)  # the id is checked now, not at the first next()

        def pages() -> Iterator[ParticipantGroupMembership]:
            while True:
                yield from pager.take(self.get_participant_group_participants(**pager.arguments()))
                if pager.done:
                    return

        return pages()

    def add_participants(
        self,
        group_id: str,
        participant_ids: Iterable[str],
        *,
        batch_size: int = DEFAULT_MEMBER_BATCH_SIZE,
        on_progress: ProgressCallback | None = None,
    ) -> builtins.list[ParticipantGroupMembership]:
        """Add participants in batches of ``batch_size``; return the group's members after the last batch.

        Ids already in the group are ignored by the API. Every id is checked first. A failed
        batch raises :class:`~prolific.MembershipError` (``done``, ``remaining``: resume with it).
        """
        return self._drive(membership_flow("add", group_id, participant_ids, batch_size, on_progress))

    def remove_participants(
        self,
        group_id: str,
        participant_ids: Iterable[str],
        *,
        batch_size: int = DEFAULT_MEMBER_BATCH_SIZE,
        on_progress: ProgressCallback | None = None,
    ) -> builtins.list[ParticipantGroupMembership]:
        """Remove participants in batches; see :meth:`add_participants` (non-members are ignored)."""
        return self._drive(membership_flow("remove", group_id, participant_ids, batch_size, on_progress))

    # Old names (CONTRIBUTING.md, "Naming rule for client methods"): they warn, then call the new ones.
    list = deprecated_alias(list_groups, "list")
    participants = deprecated_alias(iter_participants, "participants")


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

    async def list_groups(
        self, *, workspace_id: str | None = None, project_id: str | None = None
    ) -> builtins.list[ParticipantGroup]:
        """The groups of a workspace or a project; see :meth:`ParticipantGroups.list_groups`."""
        return await self._send(list_call(workspace_id=workspace_id, project_id=project_id))

    async def get(self, group_id: str) -> ParticipantGroup:
        """One participant group."""
        return await self._send(get_call(group_id))

    async def update(
        self,
        group_id: str,
        *,
        name: str | None = None,
        description: str | None = None,
        participant_ids: Iterable[str] | None = None,
    ) -> ParticipantGroup:
        """Change a group; see :meth:`ParticipantGroups.update`."""
        return await self._send(
            update_call(group_id, name=name, description=description, participant_ids=participant_ids)
        )

    async def delete(self, group_id: str) -> None:
        """Delete a participant group."""
        await self._send(delete_call(group_id))

    def iter_participants(self, group_id: str) -> AsyncIterator[ParticipantGroupMembership]:
        """The group's members, as an async iterator; see :meth:`ParticipantGroups.iter_participants`."""
        pager = members_pager(group_id)

        async def pages() -> AsyncIterator[ParticipantGroupMembership]:
            while True:
                for member in pager.take(await self.get_participant_group_participants(**pager.arguments())):
                    yield member
                if pager.done:
                    return

        return pages()

    async def add_participants(
        self,
        group_id: str,
        participant_ids: Iterable[str],
        *,
        batch_size: int = DEFAULT_MEMBER_BATCH_SIZE,
        on_progress: ProgressCallback | None = None,
    ) -> builtins.list[ParticipantGroupMembership]:
        """Add participants in batches; see :meth:`ParticipantGroups.add_participants`."""
        return await self._drive(membership_flow("add", group_id, participant_ids, batch_size, on_progress))

    async def remove_participants(
        self,
        group_id: str,
        participant_ids: Iterable[str],
        *,
        batch_size: int = DEFAULT_MEMBER_BATCH_SIZE,
        on_progress: ProgressCallback | None = None,
    ) -> builtins.list[ParticipantGroupMembership]:
        """Remove participants in batches; see :meth:`ParticipantGroups.add_participants`."""
        return await self._drive(membership_flow("remove", group_id, participant_ids, batch_size, on_progress))

    # Old names (CONTRIBUTING.md, "Naming rule for client methods"): they warn, then call the new ones.
    list = deprecated_alias(list_groups, "list")
    participants = deprecated_alias(iter_participants, "participants")
