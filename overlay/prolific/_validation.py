"""Argument rules checked before any request is sent, and the one id rule (the file readers use it too)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, Literal, TypeAlias

from ._errors import InvalidArgumentError

# The generated package imports httpx: the id checks (``bonuses check``, offline) must not, so the
# generated role type loads with the first use of ``Role`` (by the invitations resource).
_ROLE_SHORT = Literal["admin", "collaborator", "workspace_admin", "workspace_collaborator"]
if TYPE_CHECKING:
    from prolific_api_client.models.invitation_role import InvitationRole

    #: What ``role=`` accepts: the API's values and their short forms (at run time, in any case).
    Role: TypeAlias = InvitationRole | _ROLE_SHORT


def __getattr__(name: str) -> Any:
    if name == "Role":
        from prolific_api_client.models.invitation_role import InvitationRole

        value = InvitationRole | _ROLE_SHORT
        globals()["Role"] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


# Deliberately simple: one "@", no spaces or list separators, a dot in the domain. The API does
# the real check; this catches the typos that would otherwise cost a round trip.
_EMAIL = re.compile(r"[^@\s,;<>\"()\[\]]+@[^@\s,;<>\"()\[\]]+\.[^@\s,;<>\"()\[\].]+")

ROLES: dict[str, InvitationRole] = {
    "workspace_admin": "WORKSPACE_ADMIN",
    "admin": "WORKSPACE_ADMIN",
    "workspace_collaborator": "WORKSPACE_COLLABORATOR",
    "collaborator": "WORKSPACE_COLLABORATOR",
}

# -- ids: the one definition and the one checker ----------------------------------------------------

#: A Prolific id (of a study, a participant, a submission...): 24 lower-case hexadecimal
#: characters (a MongoDB ObjectId). The one definition: every id of these kinds the client takes,
#: as an argument or in a file, is checked by :func:`id_problem` against it.
PROLIFIC_ID = re.compile(r"[0-9a-f]{24}")

#: The kinds of id the client takes (the name a message gives them). A kind not in
#: :data:`OPAQUE_IDS` is a Prolific id (:data:`PROLIFIC_ID`).
IdKind: TypeAlias = Literal[
    "Prolific id",
    "study id",
    "participant id",
    "submission id",
    "participant or submission id",
    "workspace id",
    "organisation id",
    "project id",
    "participant group id",
    "credential pool id",
    "subscription id",
    "resource id",
    "bulk bonus id",
]

#: The ids checked only as opaque ids (a non-empty str without whitespace at its ends, ``/`` or
#: control characters), and the shape they have. The first four have always been taken as any name
#: (FakeProlific's workspaces are ``"ws"``...): making them Prolific ids is a change of its own.
OPAQUE_IDS: dict[str, str] = {
    "workspace id": "an ObjectId in the spec (an invitation's association), taken as any name",
    "organisation id": "taken as any name",
    "project id": "taken as any name",
    "participant group id": "taken as any name",
    "credential pool id": "<workspace id>_<uuid>, as the API names a pool it creates",
    "subscription id": "as the API gave it when the subscription was created",
    "resource id": "the id of whatever an event names (a study, a submission...): any shape",
    "bulk bonus id": "as the API gave it when the bonus payment was set up",
}

# The kind of id an argument named so holds, for :func:`exactly_one`.
_ARGUMENT_KINDS: dict[str, IdKind] = {
    "workspace_id": "workspace id",
    "organisation_id": "organisation id",
    "project_id": "project id",
    "pool_id": "credential pool id",
}


def id_problem(value: object, kind: IdKind = "Prolific id") -> str | None:
    """Why ``value`` is not an id of ``kind``, or None: the one id rule (see :data:`PROLIFIC_ID`).

    File readers put the answer in their problems; arguments go through :func:`require_id` and
    :func:`require_ids`, which raise it.

    >>> id_problem("5e9b9c9b0f9c9a0001b0b1f4") is None
    True
    >>> id_problem("5e9b9c9b0f9c9a0001b0b1f", "submission id")
    "'5e9b9c9b0f9c9a0001b0b1f' is not a submission id (24 lower-case hexadecimal characters; this one has 23)"
    >>> id_problem("ws1 ", "workspace id")
    "'ws1 ' is not a workspace id: it has whitespace, '/' or control characters; pass the id exactly"
    """
    if isinstance(value, str) and PROLIFIC_ID.fullmatch(value):
        return None
    if not isinstance(value, str):
        return f"a {kind} is a str, not {type(value).__name__}"
    if kind in OPAQUE_IDS:
        if not value.strip():
            return f"empty {kind}"
        if value != value.strip() or "/" in value or not value.isprintable():
            return f"{value!r} is not a {kind}: it has whitespace, '/' or control characters; pass the id exactly"
        return None
    shown = repr(value) if len(value) <= 40 else repr(value[:37]) + f"... ({len(value)} characters)"
    detail = ""
    if len(value) != 24 and len(value) <= 40 and re.fullmatch(r"[0-9a-fA-F]*", value):
        detail = f"; this one has {len(value)}"
    elif len(value) == 24 and re.fullmatch(r"[0-9a-fA-F]+", value):
        detail = "; write it in lower case"
    return f"{shown} is not a {kind} (24 lower-case hexadecimal characters{detail})"


def require_id(value: object, name: str, kind: IdKind) -> str:
    """``value`` if it is an id of ``kind``, else InvalidArgumentError naming the argument ``name``.

    >>> require_id("abc", "study_id", "study id")
    Traceback (most recent call last):
    ...
    prolific._errors.InvalidArgumentError: study_id: 'abc' is not a study id (24 lower-case hexadecimal ...); ...
    """
    problem = id_problem(value, kind)
    if problem is not None:
        raise InvalidArgumentError(f"{name}: {problem}; nothing was sent")
    return value  # type: ignore[return-value]  # id_problem found it a str


def require_ids(values: Iterable[str], name: str, kind: IdKind, *, allow_empty: bool = False) -> list[str]:
    """A list of ids of ``kind`` (not a bare str), else InvalidArgumentError naming the first bad item (from 1).

    >>> require_ids(["5e9b9c9b0f9c9a0001b0b1f4", "5E9B"], "participant_ids", "participant id")
    Traceback (most recent call last):
    ...
    prolific._errors.InvalidArgumentError: participant_ids item 2: '5E9B' is not a participant id (...); ...
    """
    if isinstance(values, str | bytes) or not isinstance(values, Iterable):
        raise InvalidArgumentError(f"{name} must be a list of {kind}s, not a {type(values).__name__}")
    out = list(values)
    for number, value in enumerate(out, 1):
        problem = id_problem(value, kind)
        if problem is not None:
            raise InvalidArgumentError(f"{name} item {number}: {problem}; nothing was sent")
    if not out and not allow_empty:
        raise InvalidArgumentError(f"{name} is empty: give at least one {kind}")
    return out


def exactly_one(**options: str | None) -> tuple[str, str]:
    """Exactly one of the keyword arguments (ids named as in :data:`_ARGUMENT_KINDS`) is given: ``(name, id)``."""
    given = {k: v for k, v in options.items() if v is not None}
    names = " / ".join(options)
    if len(given) != 1:
        raise InvalidArgumentError(f"pass exactly one of {names} (got {len(given) or 'none'})")
    ((name, value),) = given.items()
    return name, require_id(value, name, _ARGUMENT_KINDS[name])


def path_id_hint(template: str, path: str) -> str | None:
    """For a 404: which id in ``path`` (sent for ``template``) is not a Prolific id, or None.

    A bare 404 for a mistyped id reads as "it does not exist"; saying the id cannot be one saves
    the search. Only path parameters named ``id`` or ``*_id`` are looked at (other names, such as a
    credential pool id ``<workspace>_<uuid>``, have other shapes).

    >>> path_id_hint("/api/v1/studies/{id}/", "/api/v1/studies/65a1b2c3d4e5f60718293a4/")
    "'65a1b2c3d4e5f60718293a4' is not a Prolific id (24 lower-case hexadecimal characters; this one has 23)"
    >>> path_id_hint("/api/v1/studies/{id}/", "/api/v1/studies/65a1b2c3d4e5f60718293a4b/") is None
    True
    """
    names, values = template.strip("/").split("/"), path.strip("/").split("/")
    if len(names) != len(values):
        return None
    for name, value in zip(names, values, strict=True):
        if name.startswith("{") and (name == "{id}" or name.endswith("_id}")) and "_" not in value:
            problem = id_problem(value)
            if problem is not None:
                return problem
    return None


# -- other arguments --------------------------------------------------------------------------------


def require_text(value: object, name: str) -> str:
    """A non-blank str (a name, a description)."""
    if not isinstance(value, str) or not value.strip():
        raise InvalidArgumentError(f"{name} must be a non-empty str")
    return value


def emails(values: Iterable[str]) -> list[str]:
    """At least one well-formed, distinct address; the bad one is named."""
    if isinstance(values, str | bytes):
        raise InvalidArgumentError("emails must be a list of addresses, e.g. ['ana@example.org'], not a single str")
    out: list[str] = []
    for index, value in enumerate(values):
        if not isinstance(value, str) or not _EMAIL.fullmatch(value):
            raise InvalidArgumentError(f"emails[{index}] {value!r} is not an email address")
        if value.lower() in (e.lower() for e in out):
            raise InvalidArgumentError(f"emails[{index}] {value!r} is listed twice")
        out.append(value)
    if not out:
        raise InvalidArgumentError("emails is empty: give at least one address to invite")
    return out


def role(value: object) -> InvitationRole:
    """``WORKSPACE_ADMIN``/``WORKSPACE_COLLABORATOR`` or ``admin``/``collaborator``, any case.

    >>> role("Admin")
    'WORKSPACE_ADMIN'
    """
    if isinstance(value, str) and value.strip().lower() in ROLES:
        return ROLES[value.strip().lower()]
    raise InvalidArgumentError(
        f"role {value!r} is not one of WORKSPACE_ADMIN, WORKSPACE_COLLABORATOR (or admin, collaborator)"
    )
