"""The credential types: ``Credential`` (one pair) and ``CredentialList`` (validated, remembering where from).

A leaf of the package: it imports nothing of it, so the errors (``UploadError.remaining``), the
rules and the readers can all name these types.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterable, Mapping
from typing import Any, NamedTuple, TypeAlias


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

    >>> from prolific import parse_credentials
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
