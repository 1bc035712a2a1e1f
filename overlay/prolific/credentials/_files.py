"""Reading and writing credentials: parse, read, validate, serialise, generate (the package's public functions).

The types are in :mod:`prolific.credentials._types`, the rules (and their messages) in
:mod:`prolific.credentials._rules`, the bulk fast paths in :mod:`prolific.credentials._fast`.

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
from typing import IO, Any

from .._errors import CredentialsFileNotFoundError, CredentialsFormatError, InvalidArgumentError
from .._gc import GCPaused
from .._text import FOREIGN_SEPARATORS, foreign_separator, not_utf8
from ._fast import credential_list, fast_lines, fast_text, wire_if_valid
from ._rules import (
    HEADER,
    column_names,
    credential_of,
    csv_rows,
    half_header,
    is_header,
    problem,
    validated,
    wrong_separator,
)
from ._types import Credential, CredentialList, CredentialsInput

_PASSWORD_ALPHABET = string.ascii_letters + string.digits + "-_.!@#%^*+=?~"

#: The one message for an input file that does not exist (the library's and every CLI command's).
MISSING_FILE = "no such file (check the path; a relative one starts in the current directory)"

__all__ = [
    "Credential",
    "CredentialList",
    "CredentialsFormatError",
    "CredentialsInput",
    "coerce_credentials",
    "credentials_to_csv",
    "find_problems",
    "generate_credentials",
    "parse_credentials",
    "read_credentials",
]


def _from_csv(text: str, source: str | None) -> CredentialList:
    fast = fast_text(text)
    if fast is None:
        return validated(csv_rows(io.StringIO(text, newline=""), source), source)
    fast.source = source
    return fast


def find_problems(text: str, *, source: str | None = None) -> tuple[list[Credential], list[CredentialsFormatError]]:
    """Every problem in CSV credentials text, not just the first (for reports such as the CLI's ``check``).

    Returns the valid credentials and one :class:`CredentialsFormatError` per bad line (a
    duplicate names both lines). Same rules as :func:`parse_credentials`.

    >>> valid, problems = find_problems("a,1\\nb, 2\\na,3")
    >>> len(valid), [(p.line, p.field) for p in problems]
    (1, [(2, 'password'), (3, 'username')])
    """
    valid: list[Credential] = []
    problems: list[CredentialsFormatError] = []
    seen: dict[str, int] = {}
    first = True
    rows, rows_after_header, first_separator = 0, 0, None
    separated: dict[str, list[int]] = {}  # lines written with a separator other than the comma
    try:
        for line, fields in csv_rows(io.StringIO(text.removeprefix("\ufeff"), newline=""), source):
            if not fields:
                continue
            rows += 1
            for separator in FOREIGN_SEPARATORS:
                if separator in fields[0]:  # "carol;pw,3" too: a comma inside a field made it two
                    separated.setdefault(separator, []).append(line)
            if first:
                first = False
                if is_header(fields):
                    continue
                if column_names(fields) is False:
                    problems.append(half_header(fields, line, source))
                    continue
            if rows_after_header == 0:  # the first data row; e.g. "username;password"
                first_separator = foreign_separator(fields)
            rows_after_header += 1
            try:
                valid.append(credential_of(line, fields, seen, source))
            except CredentialsFormatError as exc:
                problems.append(exc)
    except CredentialsFormatError as exc:  # malformed CSV: the rest cannot be read reliably
        problems.append(exc)
    lines = separated.get(first_separator or "", [])
    if first_separator is not None and 2 * len(lines) >= rows:
        # The file uses it (its first row and most rows): one problem, and nothing of it is valid.
        return [], [wrong_separator(first_separator, lines[0], source, f" ({len(lines)} of {rows} lines)")]
    if not valid and not problems:
        problems.append(
            CredentialsFormatError("no credentials found (the input is empty or only a header)", source=source)
        )
    return valid, problems


def parse_credentials(text: str, *, source: str | None = None) -> CredentialList:
    """Parse CSV text (the API's own format, or a spreadsheet export) into validated credentials.

    Quoted fields, a UTF-8 BOM, CRLF/LF, blank lines and a header (``username,password``, or
    column names such as ``Login,Password``, ``email,pwd``: see :func:`header_line`) are
    accepted; anything the wire format cannot carry raises :class:`CredentialsFormatError`.
    ``source`` names the text's origin (e.g. ``"<stdin>"``) in error messages.
    """
    if not isinstance(text, str):
        raise CredentialsFormatError(f"expected CSV text (str), got {type(text).__name__}", source=source)
    return _from_csv(text.removeprefix("\ufeff"), source)


def read_credentials(path_or_file: str | os.PathLike[str] | IO[str]) -> CredentialList:
    """Read and validate a CSV file (a path, or an open text file).

    Errors name the file and line; bytes that are not UTF-8 are refused with their line.
    """
    if isinstance(path_or_file, str | os.PathLike):
        source = os.fspath(path_or_file)
        try:
            with open(source, encoding="utf-8-sig", newline="") as handle:
                fast = fast_lines(handle)
            if fast is not None:
                fast.source = source
                return fast
            with open(source, encoding="utf-8-sig", newline="") as handle:
                return validated(csv_rows(handle, source), source)
        except UnicodeDecodeError:
            raise _file_not_utf8(source) from None
        except FileNotFoundError:
            raise CredentialsFileNotFoundError(MISSING_FILE, source=source) from None
        except OSError as exc:
            raise CredentialsFormatError(f"cannot read the file: {exc.strerror or exc}", source=source) from None
    if not callable(getattr(path_or_file, "read", None)):
        raise CredentialsFormatError(
            f"expected a file path (str or pathlib.Path) or an open text file, got {type(path_or_file).__name__}"
        )
    source = str(getattr(path_or_file, "name", "<stream>"))
    try:
        text = path_or_file.read()
    except UnicodeDecodeError as exc:
        raise CredentialsFormatError(f"not UTF-8 text ({exc.reason})", source=source) from None
    if not isinstance(text, str):
        raise CredentialsFormatError("expected a text file (open it with encoding='utf-8')", source=source)
    return _from_csv(text.removeprefix("\ufeff"), source)


def _file_not_utf8(source: str) -> CredentialsFormatError:
    """:func:`~prolific._text.not_utf8` for a file the text reader failed on (its offset is only within its chunk)."""
    with open(source, "rb") as raw:
        data = raw.read()
    try:
        data.decode("utf-8")
        start = len(data)  # pragma: no cover - the reader failed, so this decode fails too
    except UnicodeDecodeError as exc:
        start = exc.start
    return not_utf8(data, start, source, CredentialsFormatError)


def coerce_credentials(credentials: CredentialsInput) -> CredentialList:
    """Any accepted form of credentials → validated ``list[Credential]``.

    A ``str`` is CSV text (never a path; pass a ``pathlib.Path`` for a file), an
    ``os.PathLike`` is a CSV file, a ``Mapping`` is ``{username: password}``, any other iterable
    yields ``Credential`` objects or ``(username, password)`` pairs (``line`` = item number).
    """
    if isinstance(credentials, str):
        _refuse_path_text(credentials)
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
    if isinstance(items, CredentialList) and items.wire() is not None:
        return items
    rows: list[Any] = items if isinstance(items, list) else list(items)
    kinds = set(map(type, rows))
    if kinds <= {Credential, tuple, list}:
        wire = wire_if_valid(rows)
        if wire is not None:
            if isinstance(items, CredentialList):  # its wire text was forgotten, not its lines
                return CredentialList(rows, wire, lines=items._lines, source=items.source)
            if kinds == {Credential}:
                return CredentialList(rows, wire)
            with GCPaused():
                return credential_list(rows, wire, None)
    return validated(_pairs(rows), None, lines=False)


def header_line(text: str) -> str | None:
    """The first non-blank line of CSV ``text`` when the readers take it as the header (and skip it), else None.

    >>> header_line("Login,Password\\nalice,pw-1"), header_line("alice,pw-1")
    ('Login,Password', None)
    """
    for line in text.removeprefix("\ufeff").splitlines():
        if line.strip():
            return line if column_names(next(csv.reader([line]), [])) is True else None
    return None


def _refuse_path_text(text: str) -> None:
    """Refuse a ``str`` that is a file name rather than CSV text (``upload("creds.csv")``).

    One line without a comma cannot be a credential; when it names an existing file or ends in
    ``.csv`` the caller meant the file, so say how to pass it.

    >>> coerce_credentials("logins.csv")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    prolific._errors.CredentialsFormatError: line 1: ... did you mean Path('logins.csv')? (from pathlib import Path)
    """
    name = text.strip()
    if "," in text or "\n" in name or not name:
        return
    if name.lower().endswith(".csv") or os.path.isfile(name):
        raise CredentialsFormatError(
            f"a str is CSV text, and {name!r} looks like a file name: did you mean Path({name!r})? "
            "(from pathlib import Path)",
            line=1,
        )


def _pairs(items: Iterable[object]) -> Iterator[tuple[int, list[str]]]:
    for number, item in enumerate(items, 1):
        if isinstance(item, tuple | list) and len(item) == 2 and all(isinstance(v, str) for v in item):
            yield number, [item[0], item[1]]
        else:
            raise CredentialsFormatError(f"expected a (username, password) pair of str, got {_kind(item)}", line=number)


def _kind(item: object) -> str:
    """What a wrong item is, for the message; never its value (it may hold a password)."""
    if isinstance(item, tuple | list):
        if len(item) != 2:
            return f"a {len(item)}-item {type(item).__name__}"
        field, value = next((f, v) for f, v in zip(HEADER, item, strict=True) if not isinstance(v, str))
        return f"a {type(item).__name__} whose {field} is of type {type(value).__name__}"
    if isinstance(item, str):
        return "str (to pass CSV text, pass it as one str, not a list of lines)"
    return type(item).__name__


def credentials_to_csv(credentials: Iterable[Credential] | Iterable[tuple[str, str]]) -> str:
    """Validate and serialise to the API's format: exactly ``"u1,p1\\nu2,p2"``."""
    checked = coerce_credentials(credentials)
    return checked.wire() or "\n".join(map(",".join, checked))


def generate_credentials(n: int, *, prefix: str = "participant", password_length: int = 16) -> list[Credential]:
    """``n`` fresh credentials: usernames ``prefix1`` … ``prefixN``, random passwords from :mod:`secrets`.

    Passwords use letters, digits and ``-_.!@#%^*+=?~`` (safe in the wire format and in CSV).

    >>> [c.username for c in generate_credentials(3, prefix="p")]
    ['p1', 'p2', 'p3']
    """
    if isinstance(n, bool) or not isinstance(n, int) or n < 1:
        raise InvalidArgumentError(f"n must be a positive int, got {n!r}")
    if isinstance(password_length, bool) or not isinstance(password_length, int) or password_length < 8:
        raise InvalidArgumentError(f"password_length must be an int >= 8, got {password_length!r}")
    if not isinstance(prefix, str) or (prefix and problem(prefix, "username") is not None):
        raise InvalidArgumentError(f"prefix {prefix!r} cannot start a username: {problem(str(prefix), 'prefix')}")
    width = len(str(n))
    choice = secrets.choice
    alphabet = _PASSWORD_ALPHABET
    return [
        Credential(f"{prefix}{i:0{width}d}", "".join([choice(alphabet) for _ in range(password_length)]))
        for i in range(1, n + 1)
    ]
