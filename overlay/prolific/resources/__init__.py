"""Per-resource services: ``client.credentials``, ``client.participant_groups``, ``client.invitations``,
``client.submissions``, ``client.messages``."""

from .credentials import AsyncCredentials, Credentials, UploadResult
from .invitations import AsyncInvitations, Invitations
from .messages import AsyncMessages, Messages
from .participant_groups import AsyncParticipantGroups, ParticipantGroups
from .submissions import AsyncSubmissions, Submissions

__all__ = [
    "AsyncCredentials",
    "AsyncInvitations",
    "AsyncMessages",
    "AsyncParticipantGroups",
    "AsyncSubmissions",
    "Credentials",
    "Invitations",
    "Messages",
    "ParticipantGroups",
    "Submissions",
    "UploadResult",
]
