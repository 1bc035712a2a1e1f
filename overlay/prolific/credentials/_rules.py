"""The rules a credential must meet to go on the wire, checked row by row, with the message for each.

The API takes ``username,password`` lines with no quoting: a field may not be empty, hold a comma,
a double quote, a line break or an invisible character, or have spaces at its edges; usernames
are unique. Messages name the line and field, never a password. The bulk check of the same rules
is in :mod:`prolific.credentials._fast`; this is the path that explains.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator

from .._errors import CredentialsFormatError
from .._text import FOREIGN_SEPARATORS, foreign_separator
from ._types import Credential, CredentialList

HEADER = ("username", "password")


def problem(value: str, field: str) -> str | None:
    """Why ``value`` cannot go on the wire as ``field``, or None. Never quotes a password."""
    if not value:
        return f"empty {field}"
    if value.isprintable() and "," not in value and '"' not in value and value.strip() == value:
        return None  # the fast path for valid input
    for index, char in enumerate(value, 1):
        if char == ",":
            return f"{field} contains a comma (position {index}); the API's format cannot carry it"
        if char == '"':
            return f"{field} contains a double quote (position {index}); the API's format cannot carry it"
        if char in "\r\n":
            return f"{field} contains a line break (position {index})"
        if not char.isprintable() and not char.isspace():
            return f"{field} contains {_character('invisible/control', char, field)} (position {index})"
    if value.strip() != value:
        return (
            f"{field} has leading or trailing whitespace; remove it in the file "
            "(it is not trimmed silently, as it may be part of the real value)"
        )
    for index, char in enumerate(value, 1):
        if not char.isprintable():
            return f"{field} contains {_character('whitespace', char, field)} (position {index})"
    return None  # pragma: no cover - isprintable() was False, so a character above matched


def _character(kind: str, char: str, field: str) -> str:
    """A character for a message: its code point in a username, nothing of it in a password."""
    return f"an {kind} character" if field == "password" else f"the {kind} character U+{ord(char):04X}"


def shown(username: str) -> str:
    """A username for an error message: its repr, shortened when long (a message is one line)."""
    return repr(username) if len(username) <= 60 else repr(username[:57]) + f"... ({len(username):,} characters)"


def _check(username: str, password: str, line: int, source: str | None) -> None:
    for value, field in ((username, "username"), (password, "password")):
        reason = problem(value, field)
        if reason is not None:
            if field == "username" and value:
                reason += f" in {shown(value)}"
            raise CredentialsFormatError(reason, line=line, field=field, source=source)


def is_header(fields: list[str]) -> bool:
    """Whether a first row is a header to skip: ``username,password`` or column names (:func:`column_names`)."""
    return column_names(fields) is True


# Words spreadsheet exports put above a login and a password column (compared case-insensitively,
# with spaces, dashes and underscores removed): a first line of them is a header, not a credential.
LOGIN_COLUMNS = frozenset(
    ["user", "username", "usr", "login", "loginname", "loginid", "userid", "id", "email", "emailaddress", "mail",
     "account", "accountname", "name", "participant", "participantid"]
)  # fmt: skip
PASSWORD_COLUMNS = frozenset(["password", "pass", "passwd", "pwd", "passcode", "passphrase", "secret"])


def column_names(fields: list[str]) -> bool | None:
    """Whether a first row reads as column names: True both fields do (a header), False only the login does.

    ``Login,Password``, ``email,pwd`` or ``User,Pass`` is a header. A row whose login field alone
    reads like a column name (``Login,Kennwort``) is refused by the callers with the fix: uploading
    it would give a participant the login "Login"; guessing it away could drop a real credential.
    None otherwise (``alice,password`` is a login whose password is "password").

    >>> column_names(["E-mail", "Pass"]), column_names(["Login", "Kennwort"]), column_names(["alice", "password"])
    (True, False, None)
    """
    if len(fields) != 2:
        return None
    login, password = (f.strip().lower().replace(" ", "").replace("-", "").replace("_", "") for f in fields)
    hits = (login in LOGIN_COLUMNS, password in PASSWORD_COLUMNS)
    return True if all(hits) else False if hits[0] else None


def half_header(fields: list[str], line: int, source: str | None) -> CredentialsFormatError:
    """The refusal of a first row that is half column names (see :func:`column_names`)."""
    return CredentialsFormatError(
        f"the first line ({fields[0].strip()[:30]!r}, ...) looks like a header but is not one the reader knows: "
        "name the columns username,password (or delete the line); if it is a real login, move it below line 1",
        line=line,
        source=source,
    )


def wrong_separator(separator: str, line: int, source: str | None, count: str = "") -> CredentialsFormatError:
    """The one error for a file whose fields are separated by ``separator`` rather than commas."""
    return CredentialsFormatError(
        f"the file separates its fields with {FOREIGN_SEPARATORS[separator]}, not commas{count}: the API takes "
        'username,password lines. Save it from Excel as "CSV UTF-8 (Comma delimited)" (or set the list separator '
        "to a comma); it is not converted silently, as a password may contain that separator",
        line=line,
        source=source,
    )


def credential_of(line: int, fields: list[str], seen: dict[str, int], source: str | None) -> Credential:
    """One non-blank row → a Credential, or the CredentialsFormatError saying what is wrong."""
    if len(fields) != 2:
        hint = " (a trailing comma makes an empty third field)" if len(fields) > 2 and fields[-1] == "" else ""
        separator = foreign_separator(fields)
        if separator is not None:
            hint = f": this line separates its fields with {FOREIGN_SEPARATORS[separator]}, not a comma"
        raise CredentialsFormatError(
            f"expected 2 fields (username,password), found {len(fields)}{hint}", line=line, source=source
        )
    username, password = fields
    if not (username and password and username.isprintable() and password.isprintable()) or (
        "," in username or '"' in username or "," in password or '"' in password
        or username.strip() != username or password.strip() != password
    ):  # fmt: skip
        _check(username, password, line, source)
    if username in seen:
        raise CredentialsFormatError(
            f"username {shown(username)} appears twice (lines {seen[username]} and {line}); usernames must be unique",
            line=line,
            field="username",
            source=source,
        )
    seen[username] = line
    return Credential(username, password)


def validated(rows: Iterator[tuple[int, list[str]]], source: str | None, *, lines: bool = True) -> CredentialList:
    """Rows ``(line, fields)`` → credentials, stopping at the first problem; a header may come first.

    ``lines``: the numbers are input lines (False: item numbers, which the list does not keep).
    """
    out: list[Credential] = []
    numbers: list[int] = []
    seen: dict[str, int] = {}
    first = True
    for line, fields in rows:
        if not fields:  # blank line
            continue
        if first:
            first = False
            if is_header(fields):
                continue
            if lines and column_names(fields) is False:
                raise half_header(fields, line, source)
        if not out:  # the first data row; e.g. "username;password": not comma-separated
            separator = foreign_separator(fields)
            if separator is not None:
                raise wrong_separator(separator, line, source)
        out.append(credential_of(line, fields, seen, source))
        numbers.append(line)
    if not out:
        raise CredentialsFormatError("no credentials found (the input is empty or only a header)", source=source)
    return CredentialList(out, lines=numbers if lines else None, source=source)


def csv_rows(lines: Iterable[str], source: str | None) -> Iterator[tuple[int, list[str]]]:
    reader = csv.reader(lines, strict=True)
    start = 1
    try:
        for fields in reader:
            yield start, fields
            start = reader.line_num + 1
    except csv.Error as exc:
        if "field limit" in str(exc):
            reason = f"a field is longer than {csv.field_size_limit():,} characters; surely not a username or password"
        else:
            reason = f"not valid CSV ({exc}); check the quotes on this line"
        raise CredentialsFormatError(reason, line=start, source=source) from None
