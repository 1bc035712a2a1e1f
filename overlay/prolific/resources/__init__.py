"""Per-resource services: ``client.credentials``, ``client.participant_groups``, ``client.invitations``."""

from .credentials import AsyncCredentials, Credentials, UploadResult
from .invitations import AsyncInvitations, Invitations
from .participant_groups import AsyncParticipantGroups, ParticipantGroups

__all__ = [
    "AsyncCredentials",
    "AsyncInvitations",
    "AsyncParticipantGroups",
    "Credentials",
    "Invitations",
    "ParticipantGroups",
    "UploadResult",
]
