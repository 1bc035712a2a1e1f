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
import gc
import io
import itertools
import operator
import os
import re
import secrets
import string
from collections.abc import Iterable, Iterator, Mapping
from typing import IO, Any, NamedTuple, TypeAlias

from ._errors import CredentialsFileNotFoundError, CredentialsFormatError, InvalidArgumentError

#: The one message for an input file that does not exist (the library's and every CLI command's).
MISSING_FILE = "no such file (check the path; a relative one starts in the current directory)"

__all__ = [
    "Credential",
    "CredentialList",
    "CredentialsFormatError",
    "CredentialsInput",
    "coerce_credentials",
    "credentials_to_csv",
    "decode_text",
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


#: Where each credential of a CredentialList came from: the line of the first one when they are
#: on consecutive lines, else one line per credential, else None (not read from text).
Lines: TypeAlias = "int | list[int] | None"


class CredentialList(list[Credential]):
    """A ``list`` of validated credentials, as the readers return it.

    It remembers its wire text, so serialising what was just read (``credentials_to_csv``, an
    upload) does not validate a million rows twice, and where each credential came from
    (:meth:`line`, :attr:`source`), so that an error from the API can name the user's own line.
    Any change to the list forgets both.

    >>> creds = parse_credentials("username,password\\nalice,pw-1\\n\\nbob,pw-2\\n", source="a.csv")
    >>> creds.source, creds.line(0), creds.line(1)
    ('a.csv', 2, 4)
    >>> creds.section(1).line(0)
    4
    """

    __slots__ = ("_lines", "_wire", "source")

    def __init__(
        self,
        items: Iterable[Credential] = (),
        wire: str | None = None,
        *,
        lines: Lines = None,
        source: str | None = None,
    ) -> None:
        super().__init__(items)
        self._wire = wire
        self._lines = lines
        #: The file (or e.g. ``"<stdin>"``) the credentials were read from, if known.
        self.source = source

    def wire(self) -> str | None:
        """The validated wire text, or None once the list has been changed."""
        return self._wire

    def line(self, index: int) -> int | None:
        """The input line the credential at ``index`` was read from; None if not read from text."""
        lines = self._lines
        if lines is None:
            return None
        if isinstance(lines, int):
            return lines + range(len(self))[index]  # range(): IndexError and negative indexes as for a list
        return lines[index]

    def section(self, start: int, stop: int | None = None) -> CredentialList:
        """``self[start:stop]`` (``start``, ``stop`` >= 0) that still knows its lines, source and wire text."""
        items = self[start:stop]
        start = min(start, len(self))
        lines = self._lines
        if isinstance(lines, list):
            lines = lines[start : start + len(items)]
        elif lines is not None:
            lines += start
        wire = self._wire
        if wire is not None and items:
            # Each credential takes len(username) + len(password) + 2 characters (a comma, a line break).
            offset = len("".join(itertools.chain.from_iterable(self[:start]))) + 2 * start
            length = len("".join(itertools.chain.from_iterable(items))) + 2 * len(items) - 1
            wire = wire[offset : offset + length]
        return CredentialList(items, wire if items else None, lines=lines, source=self.source)

    def _changed(self) -> None:
        self._wire = None
        self._lines = None


def _forgetting(name: str) -> Any:
    method = getattr(list, name)

    def changed(self: CredentialList, *args: Any) -> Any:
        self._wire = None
        self._lines = None
        return method(self, *args)

    changed.__name__ = name
    return changed


for _name in ("__setitem__", "__delitem__", "__iadd__", "__imul__", "append", "extend", "insert", "pop",
              "remove", "clear", "sort", "reverse"):  # fmt: skip
    setattr(CredentialList, _name, _forgetting(_name))


CredentialsInput: TypeAlias = (
    "str | os.PathLike[str] | Iterable[Credential] | Iterable[tuple[str, str]] | Mapping[str, str]"
)

_FORBIDDEN = (",", '"')
_PASSWORD_ALPHABET = string.ascii_letters + string.digits + "-_.!@#%^*+=?~"
_HEADER = ("username", "password")
_FIRST = operator.itemgetter(0)
# In the wire text, a field edge touching a separator: an empty field or surrounding spaces.
_SPACED_EDGES = (" ,", ", ", " \n", "\n ")
# Every printable ASCII character and the line break: deleting them from a valid ASCII wire leaves b"".
_WIRE_ASCII = bytes(range(0x20, 0x7F)) + b"\n"


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


def _shown(username: str) -> str:
    """A username for an error message: its repr, shortened when long (a message is one line)."""
    return repr(username) if len(username) <= 60 else repr(username[:57]) + f"... ({len(username):,} characters)"


def _check(username: str, password: str, line: int, source: str | None) -> None:
    for value, field in ((username, "username"), (password, "password")):
        reason = _problem(value, field)
        if reason is not None:
            if field == "username" and value:
                reason += f" in {_shown(value)}"
            raise CredentialsFormatError(reason, line=line, field=field, source=source)


def _is_header(fields: list[str]) -> bool:
    return _column_names(fields) is True


# Words spreadsheet exports put above a login and a password column (compared case-insensitively,
# with spaces, dashes and underscores removed): a first line of them is a header, not a credential.
_LOGIN_COLUMNS = frozenset(
    [
        "user",
        "username",
        "usr",
        "login",
        "loginname",
        "loginid",
        "userid",
        "user_id",
        "id",
        "email",
        "emailaddress",
        "mail",
        "account",
        "accountname",
        "name",
        "participant",
        "participantid",
    ]
)
_PASSWORD_COLUMNS = frozenset(["password", "pass", "passwd", "pwd", "passcode", "passphrase", "secret"])


def _column_names(fields: list[str]) -> bool | None:
    """Whether a first row reads as column names: True both fields do (a header), False only the login does.

    ``Login,Password``, ``email,pwd`` or ``User,Pass`` is a header. A row whose login field alone
    reads like a column name (``Login,Kennwort``) is refused by the callers with the fix: uploading
    it would give a participant the login "Login"; guessing it away could drop a real credential.
    None otherwise (``alice,password`` is a login whose password is "password").

    >>> _column_names(["E-mail", "Pass"]), _column_names(["Login", "Kennwort"]), _column_names(["alice", "password"])
    (True, False, None)
    """
    if len(fields) != 2:
        return None
    login, password = (f.strip().lower().replace(" ", "").replace("-", "").replace("_", "") for f in fields)
    hits = (login in _LOGIN_COLUMNS, password in _PASSWORD_COLUMNS)
    return True if all(hits) else False if hits[0] else None


def _half_header(fields: list[str], line: int, source: str | None) -> CredentialsFormatError:
    """The refusal of a first row that is half column names (see :func:`_column_names`)."""
    return CredentialsFormatError(
        f"the first line ({fields[0].strip()[:30]!r}, ...) looks like a header but is not one the reader knows: "
        "name the columns username,password (or delete the line); if it is a real login, move it below line 1",
        line=line,
        source=source,
    )


def header_line(text: str) -> str | None:
    """The first non-blank line of CSV ``text`` when the readers take it as the header (and skip it), else None.

    >>> header_line("Login,Password\\nalice,pw-1"), header_line("alice,pw-1")
    ('Login,Password', None)
    """
    for line in text.removeprefix("\ufeff").splitlines():
        if line.strip():
            return line if _column_names(next(csv.reader([line]), [])) is True else None
    return None


# Separators spreadsheets use instead of commas (Excel in locales with a decimal comma, tab exports).
_FOREIGN_SEPARATORS = {";": "semicolons (;)", "\t": "tabs"}


def _foreign_separator(fields: list[str]) -> str | None:
    """The separator a one-field row was written with, when it is not a comma (``;`` or a tab)."""
    if len(fields) == 1:
        for separator in _FOREIGN_SEPARATORS:
            if separator in fields[0]:
                return separator
    return None


def _wrong_separator(separator: str, line: int, source: str | None, count: str = "") -> CredentialsFormatError:
    """The one error for a file whose fields are separated by ``separator`` rather than commas."""
    return CredentialsFormatError(
        f"the file separates its fields with {_FOREIGN_SEPARATORS[separator]}, not commas{count}: the API takes "
        'username,password lines. Save it from Excel as "CSV UTF-8 (Comma delimited)" (or set the list separator '
        "to a comma); it is not converted silently, as a password may contain that separator",
        line=line,
        source=source,
    )


def _credential(line: int, fields: list[str], seen: dict[str, int], source: str | None) -> Credential:
    """One non-blank row → a Credential, or the CredentialsFormatError saying what is wrong."""
    if len(fields) != 2:
        hint = " (a trailing comma makes an empty third field)" if len(fields) > 2 and fields[-1] == "" else ""
        separator = _foreign_separator(fields)
        if separator is not None:
            hint = f": this line separates its fields with {_FOREIGN_SEPARATORS[separator]}, not a comma"
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
            f"username {_shown(username)} appears twice (lines {seen[username]} and {line}); usernames must be unique",
            line=line,
            field="username",
            source=source,
        )
    seen[username] = line
    return Credential(username, password)


def _wire_if_valid(rows: list[Any]) -> str | None:
    """The wire text of ``rows`` (2-item sequences of str) if every rule holds, else None.

    Checked in bulk on the joined text with C-level string operations (1,000,000 rows in a
    fraction of a second); on None the row-by-row path finds and explains the first problem.
    With every row of two fields, ``n`` commas and ``n - 1`` line breaks in the text mean that
    no field contains a comma or a line break.
    """
    n = len(rows)
    if n == 0 or set(map(len, rows)) != {2}:  # e.g. ("a,b",) and ("c", "d", "e") would fit the counts
        return None
    try:
        wire = "\n".join(map(",".join, rows))
    except TypeError:  # a field that is not a str
        return None
    if wire.count(",") != n or wire.count("\n") != n - 1 or '"' in wire:
        return None
    if not all(itertools.chain.from_iterable(rows)):  # faster than looking for ",\n" and "\n,"
        return None  # an empty field
    if wire[0] == " " or wire[-1] == " ":
        return None  # a leading/trailing space
    if " " in wire and any(edge in wire for edge in _SPACED_EDGES):
        return None  # a space at a field's edge
    if wire.isascii():  # O(1) in CPython; then only C0 controls and DEL are unprintable
        if wire.encode("ascii").translate(None, _WIRE_ASCII):
            return None
    elif not wire.replace("\n", " ").isprintable():  # leaves the ASCII space as the only whitespace
        return None
    if len(set(map(_FIRST, rows))) != n:
        return None
    return wire


def _fast(lines: Iterable[str]) -> CredentialList | None:
    """CSV lines → credentials if every row is valid (header and blank lines skipped), else None.

    The cyclic garbage collector is paused meanwhile: lists and tuples of strings cannot form
    cycles, but each allocation batch would trigger a collection walking every live object —
    most of the time of a million-row parse. (Inline try/finally: a context manager costs more
    than the whole check of a two-line input.)
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        reader = csv.reader(lines, strict=True)
        try:
            rows = list(reader)
        except csv.Error:
            return None
        if reader.line_num != len(rows):
            return None  # a quoted field spans lines (refused): the row-by-row path explains it
        while rows and not rows[-1]:
            rows.pop()  # blank lines at the end move no credential's line
        numbers: Lines = 1
        if not all(rows):  # blank lines: each row's line is its position among all rows
            numbers = [number for number, row in enumerate(rows, 1) if row]
            rows = list(filter(None, rows))
        return _if_valid(rows, numbers)
    finally:
        if enabled:
            gc.enable()


def _if_valid(rows: list[Any], lines: Lines) -> CredentialList | None:
    """Non-blank CSV rows (a header may come first) on ``lines`` → credentials if all are valid, else None."""
    if rows and _column_names(rows[0]) is False:
        return None  # half a header: the row-by-row path refuses it
    if rows and _is_header(rows[0]):
        del rows[0]
        if isinstance(lines, list):
            del lines[0]
        elif lines is not None:
            lines += 1
    wire = _wire_if_valid(rows)
    return None if wire is None else _credentials(rows, wire, lines)


def _credentials(rows: list[Any], wire: str, lines: Lines) -> CredentialList:
    """Validated 2-item rows → Credential tuples, built without a Python-level call per row."""
    return CredentialList(map(tuple.__new__, itertools.repeat(Credential), rows), wire, lines=lines)


def _plain_rows(text: str) -> list[list[str]] | None:
    """What ``csv.reader`` would return for ``text``, computed with two ``split``s, or None.

    Only for text csv.reader would merely split: no quote or carriage return, and no line over
    the csv field size limit (csv.reader refuses such a field; the CSV path explains it). A NUL
    makes csv.reader fail and the bulk check refuse alike. Blank lines are dropped, as in
    :func:`_fast`.
    """
    if '"' in text or "\r" in text:
        return None
    lines = text.split("\n")
    if len(text) > csv.field_size_limit() and max(map(len, lines)) > csv.field_size_limit():
        return None
    return [line.split(",") for line in lines if line]


# A field in the API's format written in printable ASCII: no comma, no double quote, spaces only
# inside. The ranges are "!", "#" to "+" and "-" to "~" (0x21-0x7E less 0x22 and 0x2C).
_ASCII_FIELD = r"[!#-+\--~](?:[ !#-+\--~]*[!#-+\--~])?"
_ASCII_WIRE = re.compile(rf"{_ASCII_FIELD},{_ASCII_FIELD}(?:\n{_ASCII_FIELD},{_ASCII_FIELD})*")
_SMALL_TEXT = 16_384


def _small_ascii(text: str) -> CredentialList | None:
    """Short text already in the API's format (ASCII, no header): one regex for every rule but uniqueness.

    The common small ``create_pool`` call: each C-level step of the bulk check costs about a
    microsecond once the HTTP machinery has evicted it from the CPU caches, and one match replaces
    ten of them. Anything else (a header, blank lines, quotes, non-ASCII) returns None.
    """
    if len(text) > _SMALL_TEXT or _ASCII_WIRE.fullmatch(text) is None:
        return None
    rows = [line.split(",") for line in text.split("\n")]
    if _column_names(rows[0]) is not None or len(set(map(_FIRST, rows))) != len(rows):
        return None
    return _credentials(rows, text, 1)


def _fast_text(text: str) -> CredentialList | None:
    """:func:`_fast` for text in memory: without csv.reader when :func:`_plain_rows` applies."""
    small = _small_ascii(text)
    if small is not None:
        return small
    enabled = gc.isenabled()
    gc.disable()  # see _fast
    try:
        rows = _plain_rows(text)
        if rows is None:
            return _fast(io.StringIO(text, newline=""))
        lines: Lines = 1
        blank = text.find("\n\n")
        if text.startswith("\n") or (blank != -1 and text[blank:].strip("\n")):  # blank lines before a row
            lines = [number for number, line in enumerate(text.split("\n"), 1) if line]
        return _if_valid(rows, lines)
    finally:
        if enabled:
            gc.enable()


def _from_csv(text: str, source: str | None) -> CredentialList:
    fast = _fast_text(text)
    if fast is None:
        return _validated(_csv_rows(io.StringIO(text, newline=""), source), source)
    fast.source = source
    return fast


def _validated(rows: Iterator[tuple[int, list[str]]], source: str | None, *, lines: bool = True) -> CredentialList:
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
            if _is_header(fields):
                continue
            if lines and _column_names(fields) is False:
                raise _half_header(fields, line, source)
        if not out:  # the first data row; e.g. "username;password": not comma-separated
            separator = _foreign_separator(fields)
            if separator is not None:
                raise _wrong_separator(separator, line, source)
        out.append(_credential(line, fields, seen, source))
        numbers.append(line)
    if not out:
        raise CredentialsFormatError("no credentials found (the input is empty or only a header)", source=source)
    return CredentialList(out, lines=numbers if lines else None, source=source)


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
        for line, fields in _csv_rows(io.StringIO(text.removeprefix("\ufeff"), newline=""), source):
            if not fields:
                continue
            rows += 1
            for separator in _FOREIGN_SEPARATORS:
                if separator in fields[0]:  # "carol;pw,3" too: a comma inside a field made it two
                    separated.setdefault(separator, []).append(line)
            if first:
                first = False
                if _is_header(fields):
                    continue
                if _column_names(fields) is False:
                    problems.append(_half_header(fields, line, source))
                    continue
            if rows_after_header == 0:  # the first data row; e.g. "username;password"
                first_separator = _foreign_separator(fields)
            rows_after_header += 1
            try:
                valid.append(_credential(line, fields, seen, source))
            except CredentialsFormatError as exc:
                problems.append(exc)
    except CredentialsFormatError as exc:  # malformed CSV: the rest cannot be read reliably
        problems.append(exc)
    lines = separated.get(first_separator or "", [])
    if first_separator is not None and 2 * len(lines) >= rows:
        # The file uses it (its first row and most rows): one problem, and nothing of it is valid.
        return [], [_wrong_separator(first_separator, lines[0], source, f" ({len(lines)} of {rows} lines)")]
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
        if "field limit" in str(exc):
            reason = f"a field is longer than {csv.field_size_limit():,} characters; surely not a username or password"
        else:
            reason = f"not valid CSV ({exc}); check the quotes on this line"
        raise CredentialsFormatError(reason, line=start, source=source) from None


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
                fast = _fast(handle)
            if fast is not None:
                fast.source = source
                return fast
            with open(source, encoding="utf-8-sig", newline="") as handle:
                return _validated(_csv_rows(handle, source), source)
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


def decode_text(data: bytes, *, source: str | None = None) -> str:
    """The text of a credentials file's bytes: UTF-8, a leading BOM dropped.

    Anything else raises :class:`CredentialsFormatError` naming the line and the byte's position
    in it, never the byte's value (it may be part of a password).

    >>> decode_text(b"alice,pw-1\\n")
    'alice,pw-1\\n'
    >>> decode_text(b"ok,1\\nj\\xfcrgen,2", source="a.csv")
    Traceback (most recent call last):
    ...
    prolific._errors.CredentialsFormatError: a.csv, line 2: not UTF-8 text (byte 2 of the line); save ...
    """
    try:
        return data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as exc:
        raise _not_utf8(data, exc.start, source) from None


def _not_utf8(data: bytes, start: int, source: str | None) -> CredentialsFormatError:
    """Where ``data`` stops being UTF-8 (``start``: the offset of the first bad byte).

    The byte's value is not shown: it may be part of a password.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return CredentialsFormatError(
            'the file is UTF-16 text (Excel\'s "Unicode Text"), not UTF-8; save it as "CSV UTF-8 (Comma delimited)"',
            line=1,
            source=source,
        )
    column = start - data.rfind(b"\n", 0, start)
    return CredentialsFormatError(
        f"not UTF-8 text (byte {column} of the line); save the file as UTF-8 (CSV UTF-8 in Excel)",
        line=data.count(b"\n", 0, start) + 1,
        source=source,
    )


def _file_not_utf8(source: str) -> CredentialsFormatError:
    """:func:`_not_utf8` for a file the text reader failed on (its offset is within its current chunk only)."""
    with open(source, "rb") as raw:
        data = raw.read()
    try:
        data.decode("utf-8")
        start = len(data)  # pragma: no cover - the reader failed, so this decode fails too
    except UnicodeDecodeError as exc:
        start = exc.start
    return _not_utf8(data, start, source)


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
        wire = _wire_if_valid(rows)
        if wire is not None:
            if isinstance(items, CredentialList):  # its wire text was forgotten, not its lines
                return CredentialList(rows, wire, lines=items._lines, source=items.source)
            if kinds == {Credential}:
                return CredentialList(rows, wire)
            enabled = gc.isenabled()
            gc.disable()  # see _fast
            try:
                return _credentials(rows, wire, None)
            finally:
                if enabled:
                    gc.enable()
    return _validated(_pairs(rows), None, lines=False)


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
        field, value = next((f, v) for f, v in zip(_HEADER, item, strict=True) if not isinstance(v, str))
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
    if not isinstance(prefix, str) or (prefix and _problem(prefix, "username") is not None):
        raise InvalidArgumentError(f"prefix {prefix!r} cannot start a username: {_problem(str(prefix), 'prefix')}")
    width = len(str(n))
    choice = secrets.choice
    alphabet = _PASSWORD_ALPHABET
    return [
        Credential(f"{prefix}{i:0{width}d}", "".join([choice(alphabet) for _ in range(password_length)]))
        for i in range(1, n + 1)
    ]
