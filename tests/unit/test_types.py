"""What a type checker sees of the overlay: literal argument types, typed error attributes."""

from __future__ import annotations

import typing
from collections.abc import Sequence

import pytest

from prolific import Credential, UploadError
from prolific._validation import role  # private: every spelling of the Literal is accepted at run time
from prolific.resources.invitations import AsyncInvitations, Invitations, create_call

ROLE_SPELLINGS = {"WORKSPACE_ADMIN", "WORKSPACE_COLLABORATOR", "admin", "collaborator", "workspace_admin",
                  "workspace_collaborator"}  # fmt: skip


def literal_values(hint: object) -> set[object]:
    """Every value of a Literal, or of a union of Literals; a non-literal type gives itself."""
    if typing.get_origin(hint) is typing.Literal:
        return set(typing.get_args(hint))
    if typing.get_origin(hint) in (typing.Union, __import__("types").UnionType):
        return set().union(*(literal_values(arg) for arg in typing.get_args(hint)))
    return {hint}


@pytest.mark.parametrize("function", [Invitations.create, AsyncInvitations.create, create_call])
def test_role_is_a_literal_of_the_accepted_spellings(function: object) -> None:
    hint = typing.get_type_hints(function)["role"]
    assert literal_values(hint) == ROLE_SPELLINGS  # not `str`: role="owner" is a type error
    for spelling in ROLE_SPELLINGS:
        assert role(spelling) in {"WORKSPACE_ADMIN", "WORKSPACE_COLLABORATOR"}  # each is accepted at run time


def test_upload_error_remaining_is_typed() -> None:
    hints = typing.get_type_hints(UploadError.__init__, localns={"Credential": Credential})
    assert hints["remaining"] == Sequence[Credential]  # was Sequence[Any]
    assert hints["batch_lines"] == tuple[int, int] | None
