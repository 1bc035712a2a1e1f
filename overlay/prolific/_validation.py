"""Argument rules checked before any request is sent (one home; both clients use them)."""

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

# A Prolific id (participant, submission, study) is a 24-character lower-case hexadecimal string (a MongoDB ObjectId).
_PROLIFIC_ID = re.compile(r"[0-9a-f]{24}")

ROLES: dict[str, InvitationRole] = {
    "workspace_admin": "WORKSPACE_ADMIN",
    "admin": "WORKSPACE_ADMIN",
    "workspace_collaborator": "WORKSPACE_COLLABORATOR",
    "collaborator": "WORKSPACE_COLLABORATOR",
}


def require_id(value: object, name: str) -> str:
    """A non-empty id string without surrounding whitespace."""
    if not isinstance(value, str):
        raise InvalidArgumentError(f"{name} must be a non-empty str, got {type(value).__name__}")
    if not value.strip():
        raise InvalidArgumentError(f"{name} must not be empty")
    if value != value.strip() or "/" in value or not value.isprintable():
        raise InvalidArgumentError(f"{name} {value!r} has whitespace, '/' or control characters; pass the id exactly")
    return value


def exactly_one(**options: str | None) -> tuple[str, str]:
    """Exactly one of the keyword arguments is given: return ``(name, value)``."""
    given = {k: v for k, v in options.items() if v is not None}
    names = " / ".join(options)
    if len(given) != 1:
        raise InvalidArgumentError(f"pass exactly one of {names} (got {len(given) or 'none'})")
    ((name, value),) = given.items()
    return name, require_id(value, name)


def require_text(value: object, name: str) -> str:
    """A non-blank str (a name, a description)."""
    if not isinstance(value, str) or not value.strip():
        raise InvalidArgumentError(f"{name} must be a non-empty str")
    return value


def id_list(values: Iterable[str] | None, name: str) -> list[str] | None:
    """A list of ids (not a bare str); each checked with :func:`require_id`."""
    if values is None:
        return None
    if isinstance(values, str | bytes):
        raise InvalidArgumentError(f"{name} must be a list of ids, not a single {type(values).__name__}")
    return [require_id(v, f"{name}[{i}]") for i, v in enumerate(values)]


def prolific_id_problem(value: object, what: str = "Prolific id") -> str | None:
    """Why ``value`` is not a Prolific id (participant, submission, study…: 24 lower-case hex characters), or None.

    The one id check: every list of ids the client takes goes through it. ``what`` names the kind
    of id in the message.

    >>> prolific_id_problem("5e9b9c9b0f9c9a0001b0b1f4") is None
    True
    >>> prolific_id_problem("5e9b9c9b0f9c9a0001b0b1f", "submission id")
    "'5e9b9c9b0f9c9a0001b0b1f' is not a submission id (24 lower-case hexadecimal characters; this one has 23)"
    """
    if isinstance(value, str) and _PROLIFIC_ID.fullmatch(value):
        return None
    if not isinstance(value, str):
        return f"a {what} is a str, not {type(value).__name__}"
    shown = repr(value) if len(value) <= 40 else repr(value[:37]) + f"... ({len(value)} characters)"
    detail = ""
    if len(value) != 24 and len(value) <= 40 and re.fullmatch(r"[0-9a-fA-F]*", value):
        detail = f"; this one has {len(value)}"
    elif len(value) == 24 and re.fullmatch(r"[0-9a-fA-F]+", value):
        detail = "; write it in lower case"
    return f"{shown} is not a {what} (24 lower-case hexadecimal characters{detail})"


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
            problem = prolific_id_problem(value)
            if problem is not None:
                return problem
    return None


def participant_id_problem(value: object) -> str | None:
    """Why ``value`` is not a Prolific participant id, or None (:func:`prolific_id_problem`).

    >>> participant_id_problem("5e9b9c9b0f9c9a0001b0b1f4") is None
    True
    >>> participant_id_problem("5E9B")
    "'5E9B' is not a participant id (24 lower-case hexadecimal characters; this one has 4)"
    """
    return prolific_id_problem(value, "participant id")


def participant_ids(values: Iterable[str], name: str = "participant_ids", *, allow_empty: bool = False) -> list[str]:
    """A list of participant ids, each checked; a bad one is named by its item number (from 1)."""
    if isinstance(values, str | bytes) or not isinstance(values, Iterable):
        raise InvalidArgumentError(f"{name} must be a list of participant ids, not a {type(values).__name__}")
    out = list(values)
    for number, value in enumerate(out, 1):
        problem = participant_id_problem(value)
        if problem is not None:
            raise InvalidArgumentError(f"{name} item {number}: {problem}; nothing was sent")
    if not out and not allow_empty:
        raise InvalidArgumentError(f"{name} is empty: give at least one participant id")
    return out


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
