from typing import Literal

InvitationRole = Literal["WORKSPACE_ADMIN", "WORKSPACE_COLLABORATOR"]

INVITATION_ROLE_VALUES: set[InvitationRole] = {
    "WORKSPACE_ADMIN",
    "WORKSPACE_COLLABORATOR",
}


def check_invitation_role(value: str) -> InvitationRole:
    if value in INVITATION_ROLE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {INVITATION_ROLE_VALUES!r}")
