"""``client.invitations``: invite people to a workspace."""

from __future__ import annotations

from collections.abc import Iterable

from prolific_api_client.models import CreateInvitationRequest, Invitation, InvitationList
from prolific_api_client.operations.invitations import (
    CREATE_INVITATION,
    AsyncInvitationsOperations,
    InvitationsOperations,
)
from prolific_api_client.types import Unset

from .. import _validation as check
from .._flow import Call
from .._validation import Role
from ._base import AsyncResource, SyncResource


def _invitations(result: InvitationList) -> list[Invitation]:
    if isinstance(result.invitations, Unset):
        raise KeyError("invitations")
    return list(result.invitations)


def create_call(*, workspace_id: str, emails: Iterable[str], role: Role) -> Call[list[Invitation]]:
    """Validate the arguments and describe the request (shared by both clients)."""
    body = CreateInvitationRequest(
        association=check.require_id(workspace_id, "workspace_id", "workspace id"),
        emails=check.emails(emails),
        role=check.role(role),
    )
    return Call(CREATE_INVITATION, {"body": body}, _invitations)


class Invitations(SyncResource, InvitationsOperations):
    """Workspace invitations (``client.invitations``)."""

    def create(
        self, *, workspace_id: str, emails: Iterable[str], role: Role = "WORKSPACE_COLLABORATOR"
    ) -> list[Invitation]:
        """Invite ``emails`` to a workspace; ``role`` is admin or collaborator (the API's value or a short form).

        ``role`` is typed as a ``Literal`` of the accepted spellings (see ``Role``), so a type checker
        catches ``role="owner"``; at run time any case is accepted (``"Admin"``).

        >>> client.invitations.create(workspace_id="ws1", emails=["ana@example.org"], role="admin")  # doctest: +SKIP
        [Invitation(...)]
        """
        return self._send(create_call(workspace_id=workspace_id, emails=emails, role=role))


class AsyncInvitations(AsyncResource, AsyncInvitationsOperations):
    """Async twin of :class:`Invitations`."""

    async def create(
        self, *, workspace_id: str, emails: Iterable[str], role: Role = "WORKSPACE_COLLABORATOR"
    ) -> list[Invitation]:
        """Invite people to a workspace; see :meth:`Invitations.create`."""
        return await self._send(create_call(workspace_id=workspace_id, emails=emails, role=role))
