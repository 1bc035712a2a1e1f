"""A study's credentials report: parse Prolific's CSV, and join it with the user's own credential file.

``GET /api/v1/studies/{id}/credentials/report/`` answers CSV, one row per credential of the
study's pool, with empty ids on the rows not used yet::

    Participant Id,Submission Id,Username,Status
    5e9b9c9b0f9c9a0001b0b1f4,6a1c0d2e3f4a5b6c7d8e9f01,alice,USED
    ,,bob,UNUSED

Columns are found by their header name (ignoring case, surrounding spaces and ``_`` versus a
space, so ``participant_id`` works too): extra columns and another order are fine; a missing
column is a :class:`~prolific.ReportFormatError` naming it and the columns found. The report
holds no passwords; :func:`reconcile_report` reads the user's credentials and keeps their passwords only
when asked to (``with_passwords=True``), in a field no ``repr`` shows.

>>> report = parse_credential_report(
...     "Participant Id,Submission Id,Username,Status\\n"
...     "5e9b9c9b0f9c9a0001b0b1f4,6a1c0d2e3f4a5b6c7d8e9f01,alice,USED\\n"
...     ",,bob,UNUSED\\n"
...     ",,dan,UNUSED\\n"
... )
>>> report
CredentialReport(rows=3, used=1, unused=2)
>>> report.rows[0].username, report.rows[1].participant_id
('alice', '')
>>> result = reconcile_report(report, "username,password\\nalice,pw-Alice-1\\nbob,pw-Bob-2\\ncarol,pw-Carol-3")
>>> result
Reconciliation(assigned=1, unused=1, not_in_file=1, not_in_report=1, other=0)
>>> [(row.participant_id[:4], row.username) for row in result.assigned]
[('5e9b', 'alice')]
>>> result.unused, [row.username for row in result.not_in_file], result.not_in_report
(['bob'], ['dan'], ['carol'])
"""

from __future__ import annotations

import csv
import io
import operator
from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import partial
from typing import NamedTuple

from .._errors import InvalidArgumentError, ReportFormatError
from .._gc import GCPaused
from ._files import coerce_credentials
from ._types import CredentialsInput

__all__ = [
    "COLUMNS",
    "UNUSED",
    "USED",
    "CredentialReport",
    "Passwords",
    "Reconciliation",
    "ReportRow",
    "parse_credential_report",
    "reconcile_report",
]

USED = "USED"
UNUSED = "UNUSED"
#: The report's columns as Prolific names them, in the order :class:`ReportRow` holds them.
COLUMNS = ("Participant Id", "Submission Id", "Username", "Status")


class ReportRow(NamedTuple):
    """One credential of a study's pool: who used it (empty ids while unused), its username, its status.

    ``status`` is kept as the API sent it (``USED``, ``UNUSED``, or a value added later).
    """

    participant_id: str
    submission_id: str
    username: str
    status: str


# ``tuple.__new__`` on a row of the right width is what ``ReportRow._make`` does, minus its
# Python-level length check: the widths are checked once for the whole report instead.
_row = partial(tuple.__new__, ReportRow)
_STATUS = operator.itemgetter(3)
_USERNAME = operator.itemgetter(2)


def _key(name: str) -> str:
    return " ".join(name.replace("_", " ").split()).casefold()


_WANTED = {_key(column): index for index, column in enumerate(COLUMNS)}


@dataclass(frozen=True, repr=False, slots=True)
class CredentialReport:
    """A study's credentials report: :attr:`rows` in the report's order, and the count of each status.

    ``used`` and ``unused`` count the ``USED`` and ``UNUSED`` rows; ``statuses`` counts every
    status found (a value the API adds later included); ``source`` says where it came from.
    """

    rows: list[ReportRow]
    statuses: dict[str, int]
    source: str | None = None

    @property
    def used(self) -> int:
        """How many credentials participants have taken."""
        return self.statuses.get(USED, 0)

    @property
    def unused(self) -> int:
        """How many credentials are still free."""
        return self.statuses.get(UNUSED, 0)

    def __len__(self) -> int:
        return len(self.rows)

    def __iter__(self) -> Iterator[ReportRow]:
        return iter(self.rows)

    def __repr__(self) -> str:
        # Counts only: a report can hold a million rows.
        return f"CredentialReport(rows={len(self.rows)}, used={self.used}, unused={self.unused})"


def parse_credential_report(text: str, *, source: str | None = None) -> CredentialReport:
    """Parse the CSV of a credentials report; columns are found by name (see the module docs).

    An empty text (no header either) is an empty report. A missing column, a row whose width
    differs from the header's (blank lines aside) or broken CSV quoting raise
    :class:`~prolific.ReportFormatError` with the line, and the columns found.

    >>> parse_credential_report("status,username,submission_id,participant_id,note\\nUNUSED,bob,,,x\\n").rows
    [ReportRow(participant_id='', submission_id='', username='bob', status='UNUSED')]
    """
    if not isinstance(text, str):
        raise InvalidArgumentError(f"a credentials report is CSV text (str), not {type(text).__name__}")
    text = text.removeprefix("\ufeff")
    reader = csv.reader(io.StringIO(text), strict=True)
    header: list[str] | None = None
    try:
        for fields in reader:
            if fields:
                header = fields
                break
    except csv.Error as exc:
        raise ReportFormatError(f"not readable as CSV ({exc})", source=source, line=reader.line_num) from None
    if header is None:
        return CredentialReport([], {}, source)
    header_line = reader.line_num
    order = _column_order(header, header_line, source)
    width = len(header)
    try:
        with GCPaused():  # row tuples hold only strings: no cycles for the GC to find
            if order == (0, 1, 2, 3) and width == 4:  # the report as Prolific sends it
                rows: list[ReportRow] = list(map(_row, reader))
                regular = set(map(len, rows)) <= {4}
            else:
                raw = list(reader)
                regular = set(map(len, raw)) <= {width}
                rows = list(map(_row, map(operator.itemgetter(*order), raw))) if regular else []
                del raw
    except csv.Error:
        regular = False  # _checked_rows says where
    if not regular:  # blank lines, or a broken row somewhere: the plain path, line by line
        rows = list(_checked_rows(text, header_line, order, width, source))
    return CredentialReport(rows, dict(Counter(map(_STATUS, rows))), source)


def _column_order(header: list[str], line: int, source: str | None) -> tuple[int, int, int, int]:
    """The header positions of :data:`COLUMNS`, or the error naming what is missing or doubled."""
    found: dict[int, int] = {}
    for position, name in enumerate(header):
        wanted = _WANTED.get(_key(name))
        if wanted is None:
            continue
        if wanted in found:
            raise ReportFormatError(
                f"the {COLUMNS[wanted]} column appears twice (columns {found[wanted] + 1} and {position + 1})",
                source=source,
                line=line,
                columns=header,
            )
        found[wanted] = position
    missing = [column for index, column in enumerate(COLUMNS) if index not in found]
    if missing:
        names = ", ".join(missing)
        raise ReportFormatError(
            f"the report has no {names} column{'s' if len(missing) > 1 else ''}; columns found: "
            + ", ".join(map(repr, header))
            + f" (expected {', '.join(COLUMNS)}, in any order)",
            source=source,
            line=line,
            missing=missing,
            columns=header,
        )
    return found[0], found[1], found[2], found[3]


def _checked_rows(
    text: str, header_line: int, order: tuple[int, int, int, int], width: int, source: str | None
) -> Iterator[ReportRow]:
    """The rows after the header, one at a time: blank lines skipped, the first broken row reported."""
    reader = csv.reader(io.StringIO(text.removeprefix("\ufeff")), strict=True)
    get = operator.itemgetter(*order)
    try:
        for fields in reader:
            if reader.line_num <= header_line or not fields:
                continue
            if len(fields) != width:
                raise ReportFormatError(
                    f"{len(fields)} field{'s' if len(fields) != 1 else ''} where the header has {width}",
                    source=source,
                    line=reader.line_num,
                )
            yield _row(get(fields))
    except csv.Error as exc:
        raise ReportFormatError(f"not readable as CSV ({exc})", source=source, line=reader.line_num) from None


class Passwords(Mapping[str, str]):
    """Username → password from the user's own file, for :attr:`Reconciliation.passwords`.

    A read-only mapping whose ``repr`` shows how many passwords it holds, never one of them.
    """

    __slots__ = ("_by_username",)

    def __init__(self, by_username: dict[str, str]) -> None:
        self._by_username = by_username

    def __getitem__(self, username: str) -> str:
        return self._by_username[username]

    def __iter__(self) -> Iterator[str]:
        return iter(self._by_username)

    def __len__(self) -> int:
        return len(self._by_username)

    def __repr__(self) -> str:
        return f"<Passwords: {len(self)} hidden>"

    __str__ = __repr__


@dataclass(frozen=True, repr=False, slots=True)
class Reconciliation:
    """The user's credentials joined with a study's report.

    * ``assigned``: the ``USED`` rows whose username is in the file — who got which login
      (``participant_id``, ``submission_id``, ``username``), in report order;
    * ``unused``: usernames of the file that the report shows ``UNUSED``, in report order;
    * ``not_in_file``: report rows (any status) whose username the file does not have;
    * ``not_in_report``: usernames of the file that the report does not list (never uploaded to
      this study's pool?), in file order;
    * ``other``: rows of usernames in the file with a status other than ``USED``/``UNUSED``;
    * ``passwords``: only with ``reconcile_report(..., with_passwords=True)``: the file's username →
      password (:class:`Passwords`; no ``repr`` shows them), else ``None``.
    """

    assigned: list[ReportRow]
    unused: list[str]
    not_in_file: list[ReportRow]
    not_in_report: list[str]
    other: list[ReportRow]
    passwords: Passwords | None = None

    def password(self, username: str) -> str:
        """The password of ``username`` from the user's file (needs ``with_passwords=True``)."""
        if self.passwords is None:
            raise InvalidArgumentError("passwords were not kept: ask for them with with_passwords=True")
        return self.passwords[username]

    def __repr__(self) -> str:
        return (
            f"Reconciliation(assigned={len(self.assigned)}, unused={len(self.unused)}, "
            f"not_in_file={len(self.not_in_file)}, not_in_report={len(self.not_in_report)}, other={len(self.other)})"
        )


def reconcile_report(
    report: CredentialReport, credentials: CredentialsInput, *, with_passwords: bool = False
) -> Reconciliation:
    """Join ``report`` with the user's ``credentials`` (any form :func:`~prolific.coerce_credentials` takes).

    The credentials are validated as for an upload. Their passwords are kept in the result only
    with ``with_passwords=True`` (:attr:`Reconciliation.passwords`).
    """
    if not isinstance(report, CredentialReport):
        raise InvalidArgumentError(f"report must be a CredentialReport, not {type(report).__name__}")
    known = dict(coerce_credentials(credentials))  # username -> password, in file order
    assigned: list[ReportRow] = []
    unused: list[str] = []
    not_in_file: list[ReportRow] = []
    other: list[ReportRow] = []
    matched = 0
    for row in report.rows:
        if row[2] not in known:
            not_in_file.append(row)
            continue
        matched += 1
        status = row[3]
        if status == USED:
            assigned.append(row)
        elif status == UNUSED:
            unused.append(row[2])
        else:
            other.append(row)
    not_in_report: list[str] = []
    # A pool's usernames are unique (the API refuses a duplicate with 409), so each matched row is
    # another username of the file: when all of them matched, none is missing from the report.
    if matched < len(known):
        listed = set(map(_USERNAME, report.rows))
        not_in_report = [username for username in known if username not in listed]
    return Reconciliation(
        assigned, unused, not_in_file, not_in_report, other, Passwords(known) if with_passwords else None
    )
