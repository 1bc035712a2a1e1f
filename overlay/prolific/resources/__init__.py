"""Per-resource services: ``client.credentials``, ``participant_groups``, ``invitations``, ``webhooks``."""

from .credentials import AsyncCredentials, Credentials, UploadResult
from .invitations import AsyncInvitations, Invitations
from .participant_groups import AsyncParticipantGroups, ParticipantGroups
from .webhooks import AsyncWebhooks, Webhooks

__all__ = [
    "AsyncCredentials",
    "AsyncInvitations",
    "AsyncParticipantGroups",
    "AsyncWebhooks",
    "Credentials",
    "Invitations",
    "ParticipantGroups",
    "UploadResult",
    "Webhooks",
]
