"""Contains all the data models used in inputs/outputs"""

from .create_credential_pool_request import CreateCredentialPoolRequest
from .create_invitation_request import CreateInvitationRequest
from .create_participant_group_request import CreateParticipantGroupRequest
from .credential_pool import CredentialPool
from .error import Error
from .error_detail import ErrorDetail
from .error_detail_detail_type_2 import ErrorDetailDetailType2
from .feeder_completion_code import FeederCompletionCode
from .feeder_completion_code_action import FeederCompletionCodeAction
from .feeder_study import FeederStudy
from .invitation import Invitation
from .invitation_list import InvitationList
from .invitation_role import InvitationRole
from .invitee import Invitee
from .participant_group import ParticipantGroup
from .update_credential_pool_request import UpdateCredentialPoolRequest

__all__ = (
    "CreateCredentialPoolRequest",
    "CreateInvitationRequest",
    "CreateParticipantGroupRequest",
    "CredentialPool",
    "Error",
    "ErrorDetail",
    "ErrorDetailDetailType2",
    "FeederCompletionCode",
    "FeederCompletionCodeAction",
    "FeederStudy",
    "Invitation",
    "InvitationList",
    "InvitationRole",
    "Invitee",
    "ParticipantGroup",
    "UpdateCredentialPoolRequest",
)
