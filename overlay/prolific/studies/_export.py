"""Getting a study's data out: every submission as a row, with Prolific's demographics and the researcher's own data.

``client.studies.export(study_id)`` returns a :class:`StudyExport` (``AsyncStudyExport`` on the
async client): iterate it for rows (dicts, the same columns each), ``to_records()`` for a list
(``pandas.DataFrame.from_records(export.to_records())``, without this package depending on
pandas), or ``write(path)`` for a CSV, JSON or JSON Lines file. Its flow (:func:`export_flow`):

1. **bonuses** (``bonuses=True``): Prolific's record of payments. ``get-study-cost`` says what the
   study's bonuses came to; when nothing was paid every row's ``bonuses_paid_cents`` is 0 without
   another request, otherwise each submission's ``get-submission`` (its ``bonus_payments``) is
   read with its page, 8 at a time: one request more per submission.
2. **demographics** (``demographics=True``): Prolific's demographic export, requested with no
   filters (base data only, which uses none of the study's 2 filter combinations) and asked again
   with back-off while Prolific answers that it is being generated (``on_progress`` hears how long
   it has waited), for up to ``demographics_timeout`` seconds. A workspace without access (403)
   raises :class:`~prolific.DemographicsUnavailableError` saying so, before any row.
3. **join** (``join=(path, column)``): the researcher's CSV, checked in full first (a missing
   column or a key on two lines is a :class:`~prolific.JoinFileError` naming the lines). Its
   ``column`` holds participant ids (or submission ids); each row gets that file's columns.
4. **rows**: ``get-submissions``, page after page. Memory holds one page: the demographics and
   the researcher's rows wait in a temporary SQLite file, looked up by id, never in a dict.

Afterwards :attr:`StudyExport.summary` says how many rows, and which rows matched nothing on either
side of the join (:class:`JoinReport`).
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import math
import os
import re
import sqlite3
import tempfile
from collections.abc import AsyncIterator, Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from prolific_api_client.operations.studies import EXPORT_DEMOGRAPHIC_DATA, GET_STUDY_COST
from prolific_api_client.operations.submissions import GET_SUBMISSION, GET_SUBMISSIONS
from prolific_api_client.types import Unset

from .. import _validation as check
from .._errors import (
    BadRequestError,
    DemographicsUnavailableError,
    InputProblem,
    InvalidArgumentError,
    JoinFileError,
    PermissionDeniedError,
)
from .._flow import Call, Emit, Flow, Gather, Pause, RawCall, stream, stream_async
from .._pagination import Pager, _meta_count
from .._text import foreign_separator, read_file_text

if TYPE_CHECKING:
    from .._call import AsyncSender, RawResponse, Sender

__all__ = [
    "BASE_COLUMNS",
    "AsyncStudyExport",
    "ExportSummary",
    "JoinReport",
    "StudyExport",
    "export_flow",
]

#: The columns every row has, in order (then the demographics, then the joined file's).
BASE_COLUMNS = (
    "submission_id",
    "participant_id",
    "status",
    "started_at",
    "completed_at",
    "time_taken_seconds",
    "completion_code",
    "bonuses_paid_cents",
)
#: Bonus records read at once (``get-submission`` per submission, when the study has paid bonuses).
BONUS_READS_AT_ONCE = 8
#: Examples of unmatched rows kept in a :class:`JoinReport` (the counts are complete).
EXAMPLES = 20
_FIRST_WAIT, _LONGEST_WAIT = 2.0, 30.0
# What Prolific's demographic export repeats of a submission: dropped, the row has them already.
_SUBMISSION_FIELDS = frozenset(
    {"submission id", "participant id", "status", "started at", "completed at", "time taken", "completion code"}
)
_PENDING = frozenset({"GENERATING", "PENDING", "PROCESSING", "IN PROGRESS", "IN_PROGRESS", "QUEUED", "STARTED"})
_FORMATS = {".csv": "csv", ".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl"}

#: ``on_progress(stage, done, total)``: ``("demographics", seconds waited, None)`` while Prolific
#: generates the export, ``("submissions", rows so far, rows in all)`` after each page.
ExportProgress = Callable[[str, int, "int | None"], object]
Row = dict[str, Any]


@dataclass(frozen=True)
class JoinReport:
    """How the researcher's file and the export matched: rows on either side that matched nothing."""

    file: str
    column: str
    rows_in_file: int
    matched: int
    #: Export rows (submissions) whose participant and submission id are in no row of the file.
    export_unmatched: int
    #: Rows of the file that no submission matched.
    file_unmatched: int
    #: The first participant ids of export rows that matched nothing (at most :data:`EXAMPLES`).
    export_examples: tuple[str, ...] = ()
    #: The first line numbers of file rows that matched nothing (at most :data:`EXAMPLES`).
    file_lines: tuple[int, ...] = ()

    def lines(self) -> list[str]:
        """The report as sentences, one per side, for a person."""
        said = [f"joined {self.file} on {self.column}: {self.matched:,} of {self.rows_in_file:,} rows matched"]
        if self.export_unmatched:
            shown = ", ".join(self.export_examples)
            more = " ..." if self.export_unmatched > len(self.export_examples) else ""
            noun = "submission matches" if self.export_unmatched == 1 else "submissions match"
            said.append(f"{self.export_unmatched:,} {noun} no row of {self.file} (participants {shown}{more})")
        if self.file_unmatched:
            shown = ", ".join(map(str, self.file_lines))
            more = " ..." if self.file_unmatched > len(self.file_lines) else ""
            noun, verb, where = ("row", "matches", "line") if self.file_unmatched == 1 else ("rows", "match", "lines")
            said.append(f"{self.file_unmatched:,} {noun} of {self.file} {verb} no submission ({where} {shown}{more})")
        return said


@dataclass(frozen=True)
class ExportSummary:
    """What an export gave: ``rows``, the columns, and the join's and demographics' matches."""

    study_id: str
    rows: int
    columns: tuple[str, ...]
    join: JoinReport | None = None
    #: Rows without a line in Prolific's demographic export (None: demographics not asked for).
    demographics_missing: int | None = None
    path: str | None = None


@dataclass(frozen=True)
class ExportSettings:
    """An export's arguments, checked (and the researcher's file read and checked) before anything is sent."""

    study_id: str
    demographics: bool
    join: tuple[Path, str] | None
    bonuses: bool
    page_size: int
    demographics_timeout: float
    on_progress: ExportProgress | None = field(default=None, compare=False)

    @classmethod
    def checked(
        cls,
        study_id: str,
        *,
        demographics: bool,
        join: tuple[str | os.PathLike[str], str] | None,
        bonuses: bool,
        page_size: int,
        demographics_timeout: float,
        on_progress: ExportProgress | None,
    ) -> ExportSettings:
        study_id = check.require_id(study_id, "study_id", "study id")
        for name, value in (("demographics", demographics), ("bonuses", bonuses)):
            if not isinstance(value, bool):
                raise InvalidArgumentError(f"{name} must be True or False, not {value!r}")
        if isinstance(page_size, bool) or not isinstance(page_size, int) or not 1 <= page_size <= 500:
            raise InvalidArgumentError(f"page_size must be a whole number from 1 to 500, not {page_size!r}")
        timeout = demographics_timeout
        if isinstance(timeout, bool) or not isinstance(timeout, int | float) or not 0 <= timeout < math.inf:
            raise InvalidArgumentError(f"demographics_timeout must be a number of seconds >= 0, not {timeout!r}")
        joined = None
        if join is not None:
            if not (isinstance(join, tuple | list) and len(join) == 2 and isinstance(join[1], str) and join[1]):
                raise InvalidArgumentError(
                    f"join must be (path of a CSV file, the name of its column of participant ids), not {join!r}"
                )
            joined = (Path(join[0]), join[1])
        return cls(study_id, demographics, joined, bonuses, page_size, float(timeout), on_progress)


# -- the side tables: in a temporary SQLite file --------------------------------------------------


class _SideTables:
    """The demographics and the researcher's rows by id, in a temporary SQLite file (not in memory)."""

    def __init__(self) -> None:
        self._dir = tempfile.TemporaryDirectory(prefix="prolific-export-")
        self.db = sqlite3.connect(Path(self._dir.name) / "side.sqlite3")
        self.db.execute("PRAGMA journal_mode = OFF")
        self.db.execute("PRAGMA synchronous = OFF")
        self.db.execute("CREATE TABLE demographics (participant TEXT PRIMARY KEY, data TEXT NOT NULL)")
        self.db.execute(
            "CREATE TABLE joined (line INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, data TEXT NOT NULL, "
            "matched INTEGER NOT NULL DEFAULT 0)"
        )
        self.demographic_columns: list[str] = []
        self.joined_columns: list[str] = []
        self.joined_rows = 0

    def close(self) -> None:
        with contextlib.suppress(sqlite3.Error):
            self.db.close()
        self._dir.cleanup()

    def demographics_of(self, participant: str) -> list[Any] | None:
        row = self.db.execute("SELECT data FROM demographics WHERE participant = ?", (participant,)).fetchone()
        return json.loads(row[0]) if row else None

    def joined_of(self, *keys: str) -> list[Any] | None:
        for key in keys:
            row = self.db.execute("SELECT line, data FROM joined WHERE key = ?", (key,)).fetchone()
            if row:
                self.db.execute("UPDATE joined SET matched = 1 WHERE line = ?", (row[0],))
                return json.loads(row[1])  # type: ignore[no-any-return]
        return None

    def file_unmatched(self) -> tuple[int, tuple[int, ...]]:
        count = self.db.execute("SELECT COUNT(*) FROM joined WHERE matched = 0").fetchone()[0]
        lines = self.db.execute("SELECT line FROM joined WHERE matched = 0 ORDER BY line LIMIT ?", (EXAMPLES,))
        return int(count), tuple(int(line) for (line,) in lines)


def _normal(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", name.lower()).strip()


def load_demographics(tables: _SideTables, text: str, study_id: str) -> None:
    """Prolific's demographic export (CSV text) into the side tables, by participant id."""
    reader = csv.reader(io.StringIO(text))
    header = next(reader, None) or []
    names = [_normal(name) for name in header]
    if "participant id" not in names:
        raise DemographicsUnavailableError(
            f"Prolific's demographic export of study {study_id} has no participant id column (its header: "
            f"{', '.join(header) or 'none'}): it cannot be joined",
            study_id=study_id,
            code="unreadable",
        )
    key = names.index("participant id")
    kept = [i for i, name in enumerate(names) if name not in _SUBMISSION_FIELDS]
    tables.demographic_columns = [header[i] for i in kept]
    tables.db.executemany(
        "INSERT OR REPLACE INTO demographics (participant, data) VALUES (?, ?)",
        (
            (row[key], json.dumps([row[i] if i < len(row) else "" for i in kept]))
            for row in reader
            if len(row) > key and row[key]
        ),
    )


def load_join_file(tables: _SideTables, path: Path, column: str) -> None:
    """The researcher's CSV into the side tables, checked in full: JoinFileError lists every problem."""
    source = str(path)
    text = read_file_text(path, source=source, error=JoinFileError)
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    problems: list[InputProblem] = []
    try:
        header = next(reader, None)
    except csv.Error as exc:
        raise JoinFileError(f"not readable as CSV: {exc}", source=source, line=1) from None
    if not header:
        raise JoinFileError("the file is empty: a header line naming its columns comes first", source=source)
    if column not in header:
        separator = foreign_separator(header)
        hint = f" (it seems to use {separator!r} between fields: save it as CSV with commas)" if separator else ""
        raise JoinFileError(
            f"no column {column!r} (the header has: {', '.join(header)}){hint}", source=source, line=1, field=column
        )
    key = header.index(column)
    others = [i for i in range(len(header)) if i != key]
    tables.joined_columns = [header[i] for i in others]
    seen: dict[str, int] = {}
    rows: list[tuple[int, str, str]] = []
    line = 1
    try:
        for row in reader:
            line = reader.line_num
            if not any(cell.strip() for cell in row):
                continue
            if len(row) != len(header):
                problems.append(
                    InputProblem(f"{len(row)} fields where the header has {len(header)}", file=source, line=line)
                )
                continue
            value = row[key].strip()
            if not value:
                problems.append(InputProblem("empty: every row needs its id", file=source, line=line, field=column))
            elif value in seen:
                problems.append(
                    InputProblem(
                        f"{value} is also on line {seen[value]}: a row to join must be the only one with its id",
                        file=source,
                        line=line,
                        field=column,
                    )
                )
            else:
                seen[value] = line
                rows.append((line, value, json.dumps([row[i] for i in others])))
            if len(rows) >= 5000:
                tables.db.executemany("INSERT INTO joined (line, key, data) VALUES (?, ?, ?)", rows)
                tables.joined_rows += len(rows)
                rows.clear()
    except csv.Error as exc:
        problems.append(InputProblem(f"not readable as CSV: {exc}", file=source, line=reader.line_num or line))
    if problems:
        raise JoinFileError(problems, source=source)
    tables.db.executemany("INSERT INTO joined (line, key, data) VALUES (?, ?, ?)", rows)
    tables.joined_rows += len(rows)


# -- the flow ----------------------------------------------------------------------------------------


def _same(value: Any) -> Any:
    return value


def _bonus_total(cost: Any) -> int | None:
    """The bonuses a study has paid so far (cents), from ``get-study-cost``; None when not said."""
    bonuses = cost.to_dict().get("bonuses")
    if not isinstance(bonuses, dict):
        return None
    amount = bonuses.get("rewards")
    value = amount.get("amount") if isinstance(amount, dict) else None
    return int(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


def _paid(detail: Any) -> int:
    payments = detail.bonus_payments
    if isinstance(payments, Unset) or not payments:
        return 0
    return round(sum(float(amount) for amount in payments))


def _demographics_text(settings: ExportSettings) -> Flow[str]:
    """Ask for the demographic export until Prolific answers its CSV (or says it cannot be had)."""
    study_id = settings.study_id
    from prolific_api_client.models import DemographicExportRequest

    # No filters: the base data (age, sex, country, ...), which uses none of the study's 2 filter combinations.
    arguments = {"id": study_id, "body": DemographicExportRequest(filters=[])}
    waited, wait = 0.0, _FIRST_WAIT
    while True:
        try:
            # The same request again only downloads the export again ("you may download the same request as
            # many times as you need"): resending it is safe, whatever its method.
            raw: RawResponse[str] = yield RawCall(EXPORT_DEMOGRAPHIC_DATA, arguments, _same, idempotent=True)
        except PermissionDeniedError as error:
            raise DemographicsUnavailableError(
                f"the workspace of study {study_id} has no access to Prolific's demographic export ({error}); "
                "export without demographics, or ask Prolific's support to enable it",
                study_id=study_id,
                code="no_access",
                cause=error,
            ) from error
        except BadRequestError as error:
            raise DemographicsUnavailableError(
                f"Prolific refused the demographic export of study {study_id}: {error}",
                study_id=study_id,
                code="limit",
                cause=error,
            ) from error
        text, kind = raw.parsed, raw.http_response.headers.get("content-type", "")
        if "json" not in kind:
            return text
        status = _pending_status(text)
        if status is None:
            raise DemographicsUnavailableError(
                f"Prolific answered the demographic export of study {study_id} with JSON that is neither the CSV "
                f"nor a pending export: {text[:200]}",
                study_id=study_id,
                code="unreadable",
            )
        if waited >= settings.demographics_timeout:
            raise DemographicsUnavailableError(
                f"Prolific was still generating the demographic export of study {study_id} ({status}) after "
                f"{waited:g} s: run the export again later (the same request downloads it when it is ready)",
                study_id=study_id,
                code="timeout",
            )
        if settings.on_progress is not None:
            settings.on_progress("demographics", int(waited), None)
        wait = min(wait, settings.demographics_timeout - waited)
        yield Pause(wait)
        waited += wait
        wait = min(wait * 2, _LONGEST_WAIT)


def _pending_status(text: str) -> str | None:
    try:
        answer = json.loads(text)
    except ValueError:
        return None
    status = answer.get("status") if isinstance(answer, dict) else None
    if isinstance(status, str) and status.upper().replace("-", " ") in _PENDING:
        return status
    return None


def _iso(value: Any) -> str | None:
    if value is None or isinstance(value, Unset):
        return None
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def _seconds(submission: Any) -> int | None:
    started, completed = submission.started_at, submission.completed_at
    if completed is None or isinstance(completed, Unset) or started is None:
        return None
    return int((completed - started).total_seconds())


@dataclass
class _Outcome:
    """What the flow leaves behind for :attr:`StudyExport.summary`."""

    summary: ExportSummary | None = None
    columns: tuple[str, ...] = BASE_COLUMNS


def export_flow(settings: ExportSettings, outcome: _Outcome) -> Flow[None]:
    """Emit every submission of the study as a row (see the module); the summary goes in ``outcome``."""
    study_id = settings.study_id
    tables = _SideTables() if settings.demographics or settings.join else None
    try:
        if tables is not None and settings.join is not None:
            load_join_file(tables, settings.join[0], settings.join[1])
        bonus_reads = False
        if settings.bonuses:
            cost = yield Call(GET_STUDY_COST, {"id": study_id}, _same)
            bonus_reads = (_bonus_total(cost) or 0) > 0
        if tables is not None and settings.demographics:
            text = yield from _demographics_text(settings)
            load_demographics(tables, text, study_id)
            del text  # the rows are in the side table now
        demographic_columns = tables.demographic_columns if tables else []
        taken = set(BASE_COLUMNS) | set(demographic_columns)
        # A column of the researcher's named like one of ours keeps its data under "joined_<name>".
        joined_columns = [f"joined_{c}" if c in taken else c for c in (tables.joined_columns if tables else [])]
        columns = (*BASE_COLUMNS, *demographic_columns, *joined_columns)
        outcome.columns = columns
        no_demographics = [""] * len(demographic_columns)
        no_join = [None] * len(joined_columns)
        rows = missing = unmatched = 0
        examples: list[str] = []
        pager = Pager(GET_SUBMISSIONS, {"study": study_id, "page_size": settings.page_size})
        while not pager.done:
            page = yield Call(GET_SUBMISSIONS, dict(pager.arguments()), _same)
            total = _meta_count(page)
            submissions = pager.take(page)
            paid: list[int] = [0] * len(submissions)
            if bonus_reads and submissions:
                details = yield Gather(
                    [Call(GET_SUBMISSION, {"id": s.id}, _paid) for s in submissions], BONUS_READS_AT_ONCE
                )
                paid = list(details)
            for submission, bonus in zip(submissions, paid, strict=True):
                row: Row = {
                    "submission_id": submission.id,
                    "participant_id": submission.participant_id,
                    "status": str(submission.status),
                    "started_at": _iso(submission.started_at),
                    "completed_at": _iso(submission.completed_at),
                    "time_taken_seconds": _seconds(submission),
                    "completion_code": None if isinstance(submission.study_code, Unset) else submission.study_code,
                    "bonuses_paid_cents": bonus if settings.bonuses else None,
                }
                if demographic_columns:
                    found = tables.demographics_of(submission.participant_id) if tables else None
                    if found is None:
                        missing += 1
                    row.update(zip(demographic_columns, found or no_demographics, strict=True))
                if joined_columns or (settings.join is not None):
                    match = tables.joined_of(submission.participant_id, submission.id) if tables else None
                    if match is None:
                        unmatched += 1
                        if len(examples) < EXAMPLES:
                            examples.append(submission.participant_id)
                    row.update(zip(joined_columns, match or no_join, strict=True))
                rows += 1
                yield Emit(row)
            if settings.on_progress is not None:
                settings.on_progress("submissions", rows, total)
        join_report = None
        if settings.join is not None and tables is not None:
            file_unmatched, lines = tables.file_unmatched()
            join_report = JoinReport(
                file=str(settings.join[0]),
                column=settings.join[1],
                rows_in_file=tables.joined_rows,
                matched=tables.joined_rows - file_unmatched,
                export_unmatched=unmatched,
                file_unmatched=file_unmatched,
                export_examples=tuple(examples),
                file_lines=lines,
            )
        outcome.summary = ExportSummary(
            study_id, rows, columns, join_report, missing if settings.demographics else None
        )
    finally:
        if tables is not None:
            tables.close()


# -- writing a file ----------------------------------------------------------------------------------


def output_format(path: str | os.PathLike[str], fmt: str | None) -> str:
    """``csv``, ``json`` or ``jsonl``: ``fmt``, else from the file's suffix (InvalidArgumentError otherwise)."""
    if fmt is not None:
        if fmt not in ("csv", "json", "jsonl"):
            raise InvalidArgumentError(f"format must be 'csv', 'json' or 'jsonl', not {fmt!r}")
        return fmt
    suffix = Path(path).suffix.lower()
    if suffix not in _FORMATS:
        raise InvalidArgumentError(
            f"cannot tell the format of {os.fspath(path)!r} from its suffix: name it .csv, .json or .jsonl "
            "(or pass format=)"
        )
    return _FORMATS[suffix]


class RowWriter:
    """Rows into an open text file as CSV, a JSON array or JSON Lines; the header from the first row's keys."""

    def __init__(self, handle: Any, fmt: str, columns: Sequence[str]) -> None:
        self.handle = handle
        self.fmt = fmt
        self.columns = list(columns)
        self.count = 0
        self._csv = csv.writer(handle, lineterminator="\n") if fmt == "csv" else None
        if self._csv is not None:
            self._csv.writerow(self.columns)
        elif fmt == "json":
            handle.write("[")

    def write(self, row: Row) -> None:
        if self._csv is not None:
            self._csv.writerow([row.get(name) for name in self.columns])
        elif self.fmt == "json":
            self.handle.write(("\n" if not self.count else ",\n") + json.dumps(row, ensure_ascii=False))
        else:
            self.handle.write(json.dumps(row, ensure_ascii=False) + "\n")
        self.count += 1

    def close(self) -> None:
        if self.fmt == "json":
            self.handle.write("\n]\n" if self.count else "]\n")


@contextlib.contextmanager
def atomic_file(path: Path) -> Iterator[Any]:
    """A file written beside ``path`` and renamed onto it only once complete: never a partial file there."""
    temporary = path.with_name(f".{path.name}.partial-{os.getpid()}")
    try:
        with open(temporary, "w", encoding="utf-8", newline="") as handle:
            yield handle
        os.replace(temporary, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)


class StudyExport:
    """A study's submissions as rows (``client.studies.export(id)``); iterate it, ``to_records()``, or ``write(path)``.

    >>> export = client.studies.export("6540...", demographics=True)  # doctest: +SKIP
    >>> export.write("results.csv").rows  # doctest: +SKIP
    250

    Each iteration runs the export again from the first page; :attr:`summary` is the last one's.
    """

    def __init__(self, runner: Sender, settings: ExportSettings) -> None:
        self._runner = runner
        self.settings = settings
        self._outcome = _Outcome()

    @property
    def study_id(self) -> str:
        """The study exported."""
        return self.settings.study_id

    @property
    def columns(self) -> tuple[str, ...]:
        """The rows' columns (known once the first row has come)."""
        return self._outcome.columns

    @property
    def summary(self) -> ExportSummary | None:
        """What the last complete iteration gave (None before one ends)."""
        return self._outcome.summary

    def __iter__(self) -> Iterator[Row]:
        self._outcome = _Outcome()
        return stream(self._runner, export_flow(self.settings, self._outcome))

    def to_records(self) -> list[Row]:
        """Every row in a list: ``pandas.DataFrame.from_records(export.to_records())`` (the whole study in memory)."""
        return list(self)

    def write(self, path: str | os.PathLike[str], *, format: str | None = None) -> ExportSummary:
        """Write every row to ``path`` (CSV, JSON or JSON Lines, from its suffix or ``format``); return the summary.

        The file appears only once complete: on any failure nothing is left at ``path`` (an existing
        file there is left as it was).
        """
        fmt = output_format(path, format)
        target = Path(path)
        with atomic_file(target) as handle:
            writer: RowWriter | None = None
            for row in self:
                if writer is None:
                    writer = RowWriter(handle, fmt, self.columns)
                writer.write(row)
            if writer is None:
                writer = RowWriter(handle, fmt, self.columns)
            writer.close()
        summary = self.summary
        assert summary is not None  # the loop ended: the flow left its summary
        return ExportSummary(**{**summary.__dict__, "path": str(target)})

    def __repr__(self) -> str:
        return f"<{type(self).__name__} study {self.study_id}>"


class AsyncStudyExport:
    """Async twin of :class:`StudyExport`: ``async for row in await client.studies.export(id)``."""

    def __init__(self, runner: AsyncSender, settings: ExportSettings) -> None:
        self._runner = runner
        self.settings = settings
        self._outcome = _Outcome()

    @property
    def study_id(self) -> str:
        """The study exported."""
        return self.settings.study_id

    @property
    def columns(self) -> tuple[str, ...]:
        """The rows' columns (known once the first row has come)."""
        return self._outcome.columns

    @property
    def summary(self) -> ExportSummary | None:
        """What the last complete iteration gave (None before one ends)."""
        return self._outcome.summary

    def __aiter__(self) -> AsyncIterator[Row]:
        self._outcome = _Outcome()
        return stream_async(self._runner, export_flow(self.settings, self._outcome))

    async def to_records(self) -> list[Row]:
        """Every row in a list; see :meth:`StudyExport.to_records`."""
        return [row async for row in self]

    async def write(self, path: str | os.PathLike[str], *, format: str | None = None) -> ExportSummary:
        """Write every row to ``path``; see :meth:`StudyExport.write`."""
        fmt = output_format(path, format)
        target = Path(path)
        with atomic_file(target) as handle:
            writer: RowWriter | None = None
            async for row in self:
                if writer is None:
                    writer = RowWriter(handle, fmt, self.columns)
                writer.write(row)
            if writer is None:
                writer = RowWriter(handle, fmt, self.columns)
            writer.close()
        summary = self.summary
        assert summary is not None
        return ExportSummary(**{**summary.__dict__, "path": str(target)})

    def __repr__(self) -> str:
        return f"<{type(self).__name__} study {self.study_id}>"
