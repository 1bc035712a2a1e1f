"""Credentials for Prolific credential pools: parse, read, validate, serialise, generate.

The API takes a pool's credentials as one text field: ``username,password`` lines joined by
``\\n``, no quoting. Nothing documents how the server treats quotes, commas inside a field or
surrounding spaces, so the client refuses what that format cannot carry unambiguously and says
which line and field — never echoing a password.

>>> creds = parse_credentials("username,password\\nalice,pw-1\\n\\"bob\\",\\"pw-2\\"\\n")
>>> creds
[Credential(username='alice', password='***'), Credential(username='bob', password='***')]
>>> credentials_to_csv(creds)
'alice,pw-1\\nbob,pw-2'
"""

from __future__ import annotations

import csv
import io
import os
import secrets
import string
from collections.abc import Iterable, Iterator, Mapping
from typing import IO, NamedTuple, TypeAlias

from ._errors import CredentialsFormatError, InvalidArgumentError

__all__ = [
    "Credential",
    "CredentialsFormatError",
    "CredentialsInput",
    "coerce_credentials",
    "credentials_to_csv",
    "find_problems",
    "generate_credentials",
    "parse_credentials",
    "read_credentials",
]


class Credential(NamedTuple):
    """One username/password pair. Immutable; ``repr``/``str`` never show the password.

    >>> Credential("alice", "s3cret")
    Credential(username='alice', password='***')
    """

    username: str
    password: str

    def __repr__(self) -> str:
        return f"Credential(username={self.username!r}, password='***')"

    def __str__(self) -> str:
        return self.__repr__()


CredentialsInput: TypeAlias = (
    "str | os.PathLike[str] | Iterable[Credential] | Iterable[tuple[str, str]] | Mapping[str, str]"
)

_FORBIDDEN = (",", '"')
_PASSWORD_ALPHABET = string.ascii_letters + string.digits + "-_.!@#%^*+=?~"
_HEADER = ("username", "password")


def _problem(value: str, field: str) -> str | None:
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
            return f"{field} contains the invisible/control character U+{ord(char):04X} (position {index})"
    if value.strip() != value:
        return (
            f"{field} has leading or trailing whitespace; remove it in the file "
            "(it is not trimmed silently, as it may be part of the real value)"
        )
    for index, char in enumerate(value, 1):
        if not char.isprintable():
            return f"{field} contains the whitespace character U+{ord(char):04X} (position {index})"
    return None  # pragma: no cover - isprintable() was False, so a character above matched


def _check(username: str, password: str, line: int, source: str | None) -> None:
    for value, field in ((username, "username"), (password, "password")):
        reason = _problem(value, field)
        if reason is not None:
            if field == "username" and value:
                reason += f" in {value!r}"
            raise CredentialsFormatError(reason, line=line, field=field, source=source)


def _is_header(fields: list[str]) -> bool:
    return len(fields) == 2 and (fields[0].strip().lower(), fields[1].strip().lower()) == _HEADER


def _credential(line: int, fields: list[str], seen: dict[str, int], source: str | None) -> Credential:
    """One non-blank row → a Credential, or the CredentialsFormatError saying what is wrong."""
    if len(fields) != 2:
        hint = " (a trailing comma makes an empty third field)" if len(fields) > 2 and fields[-1] == "" else ""
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
            f"username {username!r} appears twice (lines {seen[username]} and {line}); usernames must be unique",
            line=line,
            field="username",
            source=source,
        )
    seen[username] = line
    return Credential(username, password)


def _validated(rows: Iterator[tuple[int, list[str]]], source: str | None) -> list[Credential]:
    """Rows ``(line, fields)`` → credentials, stopping at the first problem; a header may come first."""
    out: list[Credential] = []
    seen: dict[str, int] = {}
    first = True
    for line, fields in rows:
        if not fields:  # blank line
            continue
        if first:
            first = False
            if _is_header(fields):
                continue
        out.append(_credential(line, fields, seen, source))
    if not out:
        raise CredentialsFormatError("no credentials found (the input is empty or only a header)", source=source)
    return out


def find_problems(text: str, *, source: str | None = None) -> tuple[list[Credential], list[CredentialsFormatError]]:
    """Every problem in CSV credentials text, not just the first (for reports such as the CLI's ``check``).

    Returns the valid credentials and one :class:`CredentialsFormatError` per bad line (a
    duplicate names both lines). Same rules as :func:`parse_credentials`.

    >>> valid, problems = find_problems("a,1\nb, 2\na,3")
    >>> len(valid), [(p.line, p.field) for p in problems]
    (1, [(2, 'password'), (3, 'username')])
    """
    valid: list[Credential] = []
    problems: list[CredentialsFormatError] = []
    seen: dict[str, int] = {}
    first = True
    try:
        for line, fields in _csv_rows(io.StringIO(text.removeprefix("\ufeff"), newline=""), source):
            if not fields:
                continue
            if first:
                first = False
                if _is_header(fields):
                    continue
            try:
                valid.append(_credential(line, fields, seen, source))
            except CredentialsFormatError as exc:
                problems.append(exc)
    except CredentialsFormatError as exc:  # malformed CSV: the rest cannot be read reliably
        problems.append(exc)
    if not valid and not problems:
        problems.append(
            CredentialsFormatError("no credentials found (the input is empty or only a header)", source=source)
        )
    return valid, problems


def _csv_rows(lines: Iterable[str], source: str | None) -> Iterator[tuple[int, list[str]]]:
    reader = csv.reader(lines, strict=True)
    start = 1
    try:
        for fields in reader:
            yield start, fields
            start = reader.line_num + 1
    except csv.Error as exc:
        raise CredentialsFormatError(
            f"not valid CSV ({exc}); check quotes on this line", line=start, source=source
        ) from None


def parse_credentials(text: str) -> list[Credential]:
    """Parse CSV text (the API's own format, or a spreadsheet export) into validated credentials.

    Quoted fields, a UTF-8 BOM, CRLF/LF, blank lines and a ``username,password`` header are
    accepted; anything the wire format cannot carry raises :class:`CredentialsFormatError`.
    """
    if not isinstance(text, str):
        raise CredentialsFormatError(f"expected CSV text (str), got {type(text).__name__}")
    text = text.removeprefix("\ufeff")
    return _validated(_csv_rows(io.StringIO(text, newline=""), None), None)


def read_credentials(path_or_file: str | os.PathLike[str] | IO[str]) -> list[Credential]:
    """Read and validate a CSV file (a path, or an open text file).

    Errors name the file and line; bytes that are not UTF-8 are refused with their line.
    """
    if isinstance(path_or_file, str | os.PathLike):
        source = os.fspath(path_or_file)
        try:
            with open(source, encoding="utf-8-sig", newline="") as handle:
                return _validated(_csv_rows(handle, source), source)
        except UnicodeDecodeError as exc:
            raise _not_utf8(source, exc) from None
        except OSError as exc:
            raise CredentialsFormatError(f"cannot read the file: {exc.strerror or exc}", source=source) from None
    source = str(getattr(path_or_file, "name", "<stream>"))
    try:
        first = path_or_file.read(1)
    except UnicodeDecodeError as exc:
        raise CredentialsFormatError(f"not UTF-8 text ({exc.reason})", source=source) from None
    if not isinstance(first, str):
        raise CredentialsFormatError("expected a text file (open it with encoding='utf-8')", source=source)
    lines = _chain(first.removeprefix("\ufeff"), path_or_file)
    try:
        return _validated(_csv_rows(lines, source), source)
    except UnicodeDecodeError as exc:
        raise CredentialsFormatError(f"not UTF-8 text ({exc.reason})", source=source) from None


def _chain(first: str, handle: IO[str]) -> Iterator[str]:
    rest = handle.readline()
    yield first + rest
    yield from handle


def _not_utf8(source: str, exc: UnicodeDecodeError) -> CredentialsFormatError:
    with open(source, "rb") as raw:
        line = raw.read(exc.start).count(b"\n") + 1
    return CredentialsFormatError(
        f"not UTF-8 text (byte 0x{exc.object[exc.start]:02X}); save the file as UTF-8 (CSV UTF-8 in Excel)",
        line=line,
        source=source,
    )


def coerce_credentials(credentials: CredentialsInput) -> list[Credential]:
    """Any accepted form of credentials → validated ``list[Credential]``.

    A ``str`` is CSV text (never a path; pass a ``pathlib.Path`` for a file), an
    ``os.PathLike`` is a CSV file, a ``Mapping`` is ``{username: password}``, any other iterable
    yields ``Credential`` objects or ``(username, password)`` pairs (``line`` = item number).
    """
    if isinstance(credentials, str):
        return parse_credentials(credentials)
    if isinstance(credentials, os.PathLike):
        return read_credentials(credentials)
    if isinstance(credentials, Mapping):
        items: Iterable[object] = credentials.items()
    elif isinstance(credentials, bytes | bytearray) or not isinstance(credentials, Iterable):
        raise CredentialsFormatError(
            f"credentials must be CSV text (str), a file path (pathlib.Path), (username, password) pairs, "
            f"Credential objects or a {{username: password}} mapping; got {type(credentials).__name__}"
        )
    else:
        items = credentials
    return _validated(_pairs(items), None)


def _pairs(items: Iterable[object]) -> Iterator[tuple[int, list[str]]]:
    for number, item in enumerate(items, 1):
        if isinstance(item, tuple | list) and len(item) == 2 and all(isinstance(v, str) for v in item):
            yield number, [item[0], item[1]]
        else:
            what = (
                f"a {len(item)}-item {type(item).__name__}" if isinstance(item, tuple | list) else type(item).__name__
            )
            raise CredentialsFormatError(f"expected a (username, password) pair of str, got {what}", line=number)


def credentials_to_csv(credentials: Iterable[Credential] | Iterable[tuple[str, str]]) -> str:
    """Validate and serialise to the API's format: exactly ``"u1,p1\\nu2,p2"``."""
    checked = coerce_credentials(credentials)
    return "\n".join([f"{c[0]},{c[1]}" for c in checked])


def generate_credentials(n: int, *, prefix: str = "participant", password_length: int = 16) -> list[Credential]:
    """``n`` fresh credentials: ``prefix0001``-style usernames, random passwords from :mod:`secrets`.

    Passwords use letters, digits and ``-_.!@#%^*+=?~`` (safe in the wire format and in CSV).

    >>> [c.username for c in generate_credentials(3, prefix="p")]
    ['p1', 'p2', 'p3']
    """
    if isinstance(n, bool) or not isinstance(n, int) or n < 1:
        raise InvalidArgumentError(f"n must be a positive int, got {n!r}")
    if isinstance(password_length, bool) or not isinstance(password_length, int) or password_length < 8:
        raise InvalidArgumentError(f"password_length must be an int >= 8, got {password_length!r}")
    if not isinstance(prefix, str) or (prefix and _problem(prefix, "username") is not None):
        raise InvalidArgumentError(f"prefix {prefix!r} cannot start a username: {_problem(str(prefix), 'prefix')}")
    width = len(str(n))
    choice = secrets.choice
    alphabet = _PASSWORD_ALPHABET
    return [
        Credential(f"{prefix}{i:0{width}d}", "".join([choice(alphabet) for _ in range(password_length)]))
        for i in range(1, n + 1)
    ]
