"""Per-resource services: ``client.credentials``, ``participant_groups``, ``invitations``, ``submissions``,
``messages``, ``webhooks`` (``bonuses``: :mod:`prolific.resources.bonuses`, built on :mod:`prolific.bonuses`)."""

from .credentials import AsyncCredentials, Credentials
from .invitations import AsyncInvitations, Invitations
from .messages import AsyncMessages, Messages
from .participant_groups import AsyncParticipantGroups, ParticipantGroups
from .submissions import AsyncSubmissions, Submissions
from .webhooks import AsyncWebhooks, Webhooks

__all__ = [
    "AsyncCredentials",
    "AsyncInvitations",
    "AsyncMessages",
    "AsyncParticipantGroups",
    "AsyncSubmissions",
    "AsyncWebhooks",
    "Credentials",
    "Invitations",
    "Messages",
    "ParticipantGroups",
    "Submissions",
    "Webhooks",
]
