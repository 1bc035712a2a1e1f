"""A refused credentials request, told in the user's terms: their file's lines and usernames.

The API numbers the lines of the request body it was sent (``"... already exist in this
credential pool (line 1)"``), and a batch of an upload starts anywhere in the user's file, after
a header row or blank lines maybe. :func:`locate` maps what the server names — request lines, or
usernames of the batch — back to the input, and :func:`relabel` rewrites the error's message so
that it names the user's lines; ``error.detail`` and ``error.body`` keep the server's own words.

>>> from prolific.credentials import parse_credentials
>>> creds = parse_credentials("username,password\\nu1,pw-1\\nu2,pw-2\\nu3,pw-3", source="a.csv")
>>> where = locate("2 username(s) already exist (lines 1, 2).", creds, start=1, count=2)
>>> where.named, where.batch_lines
({3: 'u2', 4: 'u3'}, (3, 4))
>>> where.translate("2 username(s) already exist (lines 1, 2).")
"2 username(s) already exist (a.csv lines 3, 4: 'u2', 'u3')."
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from .._errors import APIError, APIStatusError
from ._rules import shown as _shown
from ._types import Credential, CredentialList

# Statuses whose detail may be about the credentials sent (rather than the token, the pool id, ...).
_CONTENT_STATUSES = frozenset({400, 409, 422})
# "line 3", "Lines 1, 2 and 4", "lines 2-5", "lines 1, 2, 3 and 7 more": a number followed by
# "more" counts lines the server did not list.
_NUMBER = r"\d+(?!\d|\s+more\b)"
_LINE_REFERENCE = re.compile(
    rf"\b(?P<word>[Ll]ines?)\s+(?P<numbers>{_NUMBER}(?:(?:\s*,\s*|\s+and\s+|\s*[-–]\s*|\s+to\s+){_NUMBER})*)"
    r"(?P<more>\s+and\s+(?P<count>\d+)\s+more)?"
)
_RANGE = re.compile(r"(\d+)\s*(?:[-–]|to)\s*(\d+)")
_TOKEN = re.compile(r"[^\s,;:'\"()\[\]{}<>]+")
_MAX_NAMED = 10  # usernames listed in one message; the rest are counted


@dataclass
class Location:
    """Where, in the user's input, the credentials a refused request names are.

    ``named`` maps input lines (or 1-based positions in the input, for credentials not read from
    text) to usernames; ``batch_lines`` is the first and last of the request; ``unlisted`` counts
    credentials the server said it left out ("and 3 more").
    """

    credentials: Sequence[Credential]
    start: int
    count: int
    named: dict[int, str] = field(default_factory=dict)
    unlisted: int = 0

    def _where(self, index: int) -> int:
        line = self.credentials.line(index) if isinstance(self.credentials, CredentialList) else None
        return line if line is not None else index + 1

    @property
    def by_line(self) -> bool:
        """True when the numbers are lines of a text or file, False when positions in the input."""
        return isinstance(self.credentials, CredentialList) and self.credentials.line(self.start) is not None

    @property
    def source(self) -> str | None:
        return self.credentials.source if isinstance(self.credentials, CredentialList) else None

    @property
    def batch_lines(self) -> tuple[int, int]:
        return self._where(self.start), self._where(self.start + self.count - 1)

    @property
    def everything_named(self) -> bool:
        """The server named every credential of the request (e.g. the whole batch is already stored)."""
        return len(self.named) + self.unlisted >= self.count

    def label(self, numbers: Sequence[int], word: str = "line") -> str:
        """``a.csv lines 3, 4`` / ``input line 3`` / ``credentials 5, 6 of the input``."""
        plural = len(numbers) != 1
        shown = ", ".join(map(str, numbers))
        if not self.by_line:
            return f"credential{'s' if plural else ''} {shown} of the input"
        noun = word.rstrip("sS") + ("s" if plural else "")
        return f"{self.source or 'input'} {noun} {shown}"

    def batch(self) -> str:
        """The request's span in the input, e.g. ``a.csv lines 5-6``."""
        first, last = self.batch_lines
        if not self.by_line:
            return f"credentials {first}-{last} of the input" if last != first else f"credential {first} of the input"
        return f"{self.source or 'input'} line{'s' if last != first else ''} {first}" + (
            f"-{last}" if last != first else ""
        )

    def translate(self, text: str) -> str:
        """``text`` with each reference to request lines replaced by the input's lines and usernames."""

        def replace(match: re.Match[str]) -> str:
            numbers = _request_lines(match["numbers"], self.count)
            if numbers is None:
                return match[0]  # not lines of this request
            where = [self._where(self.start + n - 1) for n in numbers]
            names = [_shown(self.credentials[self.start + n - 1].username) for n in numbers[:_MAX_NAMED]]
            more = len(numbers) - len(names) + (int(match["count"]) if match["count"] else 0)
            text = f"{self.label(where, match['word'])}: {', '.join(names)}"
            return text + (f" and {more} more" if more else "")

        return _LINE_REFERENCE.sub(replace, text)


def _request_lines(numbers: str, count: int) -> list[int] | None:
    """The request line numbers a reference lists (ranges expanded), or None if any is out of range."""
    out: list[int] = []
    for part in re.split(r"\s*,\s*|\s+and\s+", numbers):
        span = _RANGE.fullmatch(part)
        first, last = (int(span[1]), int(span[2])) if span else (int(part), int(part))
        if not 1 <= first <= last <= count:
            return None
        out.extend(range(first, last + 1))
    return out


def locate(detail: str, credentials: Sequence[Credential], *, start: int, count: int) -> Location:
    """What ``detail`` names of the request holding ``credentials[start:start + count]``."""
    where = Location(credentials, start, count)
    for match in _LINE_REFERENCE.finditer(detail):
        numbers = _request_lines(match["numbers"], count)
        if numbers is not None:
            for n in numbers:
                where.named[where._where(start + n - 1)] = credentials[start + n - 1].username
            where.unlisted += int(match["count"]) if match["count"] else 0
    if not where.named:  # the server may name usernames instead of lines
        tokens = set(_TOKEN.findall(detail))
        tokens |= {token.rstrip(".") for token in tokens}
        for index in range(start, start + count):
            if credentials[index].username in tokens:
                where.named[where._where(index)] = credentials[index].username
    return where


def relabel(error: APIError, credentials: Sequence[Credential], *, start: int, count: int) -> Location | None:
    """Rewrite ``error``'s message in the input's terms; return what it names (None: not about content).

    A 409 whose detail names nothing recognisable gets the request's span in the input instead.
    """
    if not isinstance(error, APIStatusError) or error.status_code not in _CONTENT_STATUSES or count < 1:
        return None
    detail = error.detail or ""
    where = locate(detail, credentials, start=start, count=count)
    message = str(error.args[0]) if error.args else str(error)
    if where.named and _LINE_REFERENCE.search(detail):
        message = where.translate(message)
    elif where.named:
        lines = sorted(where.named)
        names = ", ".join(_shown(where.named[line]) for line in lines[:_MAX_NAMED])
        more = f" and {len(lines) - _MAX_NAMED} more" if len(lines) > _MAX_NAMED else ""
        message += f" ({where.label(lines[:_MAX_NAMED])}: {names}{more})"
    elif error.status_code == 409:
        message += f" (the request held {where.batch()})"
    else:
        return where
    error.args = (message, *error.args[1:])
    error.message = message
    return where
