"""Reading an input file's text, for every reader: UTF-8 decoding that names a bad byte's line, and the separators.

Each reader (credentials, bonuses, reviews, ids) raises its own :class:`~prolific.InputFileError`
subclass: it passes the class as ``error``, and the problem is raised as that class at once.
"""

from __future__ import annotations

import os
from typing import TypeVar

from ._errors import CredentialsFormatError, InputFileError

E = TypeVar("E", bound=InputFileError)

__all__ = ["FOREIGN_SEPARATORS", "decode_text", "foreign_separator", "read_file_text"]

#: Separators spreadsheets use instead of commas (Excel in locales with a decimal comma, tab
#: exports) → how messages name them.
FOREIGN_SEPARATORS = {";": "semicolons (;)", "\t": "tabs"}


def foreign_separator(fields: list[str]) -> str | None:
    """The separator a one-field row was written with, when it is not a comma (``;`` or a tab)."""
    if len(fields) == 1:
        for separator in FOREIGN_SEPARATORS:
            if separator in fields[0]:
                return separator
    return None


def decode_text(data: bytes, *, source: str | None = None, error: type[InputFileError] = CredentialsFormatError) -> str:
    """The text of an input file's bytes: UTF-8, a leading BOM dropped.

    Anything else raises ``error`` (the reader's :class:`~prolific.InputFileError` subclass;
    :class:`~prolific.CredentialsFormatError` unless told) naming the line and the byte's position
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
        raise not_utf8(data, exc.start, source, error) from None


def not_utf8(data: bytes, start: int, source: str | None, error: type[E]) -> E:
    """The ``error`` saying where ``data`` stops being UTF-8 (``start``: the offset of the first bad byte).

    The byte's value is not shown: it may be part of a password.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return error(
            'the file is UTF-16 text (Excel\'s "Unicode Text"), not UTF-8; save it as "CSV UTF-8 (Comma delimited)"',
            line=1,
            source=source,
        )
    column = start - data.rfind(b"\n", 0, start)
    return error(
        f"not UTF-8 text (byte {column} of the line); save the file as UTF-8 (CSV UTF-8 in Excel)",
        line=data.count(b"\n", 0, start) + 1,
        source=source,
    )


def read_file_text(path: str | os.PathLike[str], *, source: str, error: type[InputFileError]) -> str:
    """The decoded text of the file at ``path`` (see :func:`decode_text`); ``source`` names it in messages.

    A file that cannot be read raises ``error`` saying why (``cannot read the file: ...``).
    """
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError as exc:
        raise error(f"cannot read the file: {exc.strerror or exc}", source=source) from None
    return decode_text(data, source=source, error=error)
