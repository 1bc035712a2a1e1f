"""The credentials report (CSV by header name), reconciliation with the user's file, and the capacity rule."""

from __future__ import annotations

import csv
import io
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from prolific import (
    Capacity,
    CredentialReport,
    CredentialsFormatError,
    InvalidArgumentError,
    ReportFormatError,
    ReportRow,
    parse_credential_report,
    reconcile_report,
)
from prolific.credentials import COLUMNS, required_credentials
from prolific.credentials._report import _checked_rows, _column_order  # private: the report's fast path vs csv

HEADER = "Participant Id,Submission Id,Username,Status"
P1, S1 = "5e9b9c9b0f9c9a0001b0b1f4", "6a1c0d2e3f4a5b6c7d8e9f01"
P2, S2 = "60a7d3e2c1f4b2a9e8d7c6b5", "6a1c0d2e3f4a5b6c7d8e9f02"
REPORT = f"{HEADER}\n{P1},{S1},alice,USED\n{P2},{S2},bob,USED\n,,carol,UNUSED\n,,dan,UNUSED\n"


def test_the_report_as_prolific_sends_it() -> None:
    report = parse_credential_report(REPORT)
    assert report.rows == [
        ReportRow(P1, S1, "alice", "USED"),
        ReportRow(P2, S2, "bob", "USED"),
        ReportRow("", "", "carol", "UNUSED"),
        ReportRow("", "", "dan", "UNUSED"),
    ]
    assert (report.used, report.unused, len(report), report.statuses) == (2, 2, 4, {"USED": 2, "UNUSED": 2})
    assert report.rows[0].participant_id == P1 and report.rows[2].submission_id == ""
    assert list(report) == report.rows
    assert repr(report) == "CredentialReport(rows=4, used=2, unused=2)"


def test_columns_are_read_by_name_in_any_order_with_extra_columns() -> None:
    text = f"Status,Extra,username, SUBMISSION_ID ,participant_id\nUSED,x,alice,{S1},{P1}\r\nUNUSED,y,carol,,\r\n"
    report = parse_credential_report(text)
    assert report.rows == [ReportRow(P1, S1, "alice", "USED"), ReportRow("", "", "carol", "UNUSED")]


def test_crlf_quotes_bom_and_blank_lines() -> None:
    text = f'\ufeff{HEADER}\r\n\r\n{P1},{S1},"alice",USED\r\n\r\n,,"o\'brien, jr",UNUSED\r\n\r\n'
    report = parse_credential_report(text)
    assert [r.username for r in report.rows] == ["alice", "o'brien, jr"]


def test_a_missing_column_is_named_with_the_columns_found() -> None:
    with pytest.raises(ReportFormatError) as info:
        parse_credential_report("Participant Id,Username,State\n,alice,USED\n", source="r.csv")
    error = info.value
    assert error.missing == ("Submission Id", "Status") and error.columns == ("Participant Id", "Username", "State")
    assert error.line == 1 and isinstance(error, ValueError)
    assert str(error).startswith("r.csv, line 1: the report has no Submission Id, Status columns; columns found: ")
    assert "'Participant Id', 'Username', 'State'" in str(error)


def test_a_doubled_column_and_broken_rows_name_their_line() -> None:
    with pytest.raises(ReportFormatError, match="Username column appears twice"):
        parse_credential_report("Participant Id,Submission Id,Username,Status, USERNAME\n")
    with pytest.raises(ReportFormatError, match=r"^line 4: 3 fields where the header has 4$"):
        parse_credential_report(f"{HEADER}\n{P1},{S1},alice,USED\n\n,,bob\n,,carol,UNUSED\n")
    with pytest.raises(ReportFormatError, match=r"^line 2: 5 fields"):
        parse_credential_report(f"{HEADER}\n,,bob,UNUSED,extra\n")
    with pytest.raises(ReportFormatError, match=r"^line 3: 2 fields"):  # reordered columns: the other path
        parse_credential_report(f"Username,Status,Participant Id,Submission Id\nu,USED,{P1},{S1}\n,\n")
    with pytest.raises(ReportFormatError, match=r"^line 2: not readable as CSV"):
        parse_credential_report(f'{HEADER}\n"a"b,1,2,3\n')


def test_an_empty_report() -> None:
    for text in ("", "\n\n", f"{HEADER}\n", HEADER):
        report = parse_credential_report(text)
        assert (report.rows, report.used, report.unused) == ([], 0, 0), text
    with pytest.raises(InvalidArgumentError):
        parse_credential_report(b"bytes")  # type: ignore[arg-type]


def test_a_status_added_later_stays_readable_and_counted() -> None:
    report = parse_credential_report(f"{HEADER}\n{P1},{S1},alice,RESERVED\n,,bob,UNUSED\n")
    assert report.statuses == {"RESERVED": 1, "UNUSED": 1} and report.used == 0 and report.unused == 1


# -- the fast path against the plain one --------------------------------------------------------

_field = st.text(alphabet=st.sampled_from('ab ,"\nxU'), max_size=5)


@settings(max_examples=200, deadline=None)
@given(
    rows=st.lists(st.lists(_field, min_size=4, max_size=4), max_size=8),
    order=st.permutations(range(4)),
    extra=st.booleans(),
    blank=st.booleans(),
)
def test_the_fast_path_gives_what_the_plain_path_gives(
    rows: list[list[str]], order: list[int], extra: bool, blank: bool
) -> None:
    header = [COLUMNS[i] for i in order] + (["Extra"] if extra else [])
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([row[i] for i in order] + (["x"] if extra else []))
        if blank:
            out.write("\n")
    text = out.getvalue()
    positions = _column_order(header, 1, None)
    plain = list(_checked_rows(text, 1, positions, len(header), None))
    assert parse_credential_report(text).rows == plain
    assert [tuple(r) for r in plain] == [tuple(row) for row in rows]  # and both read back what was written


def test_the_plain_path_matches_csv_reader_on_a_large_report() -> None:
    rng = random.Random(7)
    lines = [HEADER]
    expected = []
    for i in range(5_000):
        used = rng.random() < 0.5
        row = (f"{i:024x}", f"{i + 1:024x}", f"user{i}", "USED") if used else ("", "", f"user{i}", "UNUSED")
        lines.append(",".join(row))
        expected.append(ReportRow(*row))
    report = parse_credential_report("\n".join(lines) + "\n")
    assert report.rows == expected and report.used + report.unused == 5_000


# -- reconcile -----------------------------------------------------------------------------------

FILE = "username,password\nalice,pw-SECRET-a1\nbob,pw-SECRET-b2\ncarol,pw-SECRET-c3\nerin,pw-SECRET-e5\n"


def test_reconcile_says_who_got_which_login_what_is_unused_and_what_is_missing() -> None:
    report = parse_credential_report(REPORT + f"{P1},{S1},frank,RESERVED\n")
    result = reconcile_report(report, FILE + "frank,pw-SECRET-f6\n")
    assert [(r.participant_id, r.submission_id, r.username) for r in result.assigned] == [
        (P1, S1, "alice"),
        (P2, S2, "bob"),
    ]
    assert result.unused == ["carol"]
    assert [r.username for r in result.not_in_file] == ["dan"]  # in the report, not in the file
    assert result.not_in_report == ["erin"]
    assert [r.username for r in result.other] == ["frank"]
    assert result.passwords is None
    with pytest.raises(InvalidArgumentError, match="with_passwords=True"):
        result.password("alice")
    assert repr(result) == "Reconciliation(assigned=2, unused=1, not_in_file=1, not_in_report=1, other=1)"


def test_passwords_only_when_asked_and_never_in_a_repr() -> None:
    report = parse_credential_report(REPORT)
    result = reconcile_report(report, {"alice": "pw-SECRET-a1", "carol": "pw-SECRET-c3"}, with_passwords=True)
    assert result.password("alice") == "pw-SECRET-a1" and dict(result.passwords or {})["carol"] == "pw-SECRET-c3"
    for shown in (repr(result), str(result), repr(result.passwords), str(result.passwords), repr(report)):
        assert "pw-SECRET" not in shown, shown
    assert repr(result.passwords) == "<Passwords: 2 hidden>"


def test_reconcile_validates_the_credentials_first() -> None:
    report = parse_credential_report(REPORT)
    with pytest.raises(CredentialsFormatError, match="line 3") as info:
        reconcile_report(report, "username,password\nalice,pw-SECRET-a1\nbob, pw-SECRET-b2\n")
    assert "pw-SECRET" not in str(info.value)
    with pytest.raises(InvalidArgumentError):
        reconcile_report(REPORT, FILE)  # type: ignore[arg-type]


def test_reconcile_an_empty_report() -> None:
    result = reconcile_report(CredentialReport([], {}), FILE)
    assert (result.assigned, result.unused, result.not_in_file) == ([], [], [])
    assert result.not_in_report == ["alice", "bob", "carol", "erin"]


# -- the capacity rule ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("places", "required"),
    [(0, 0), (1, 2), (2, 3), (3, 5), (10, 15), (100, 150), (333, 500), (10**15 + 1, 1_500_000_000_000_002)],
)
def test_required_is_ceil_of_one_and_a_half_per_place_exactly(places: int, required: int) -> None:
    assert required_credentials(places) == required


def test_shortfall_counts_used_credentials_as_part_of_the_pool() -> None:
    short = Capacity("s", "UNPUBLISHED", places=10, pool_id="ws_1", used=0, available=10)
    assert (short.required, short.shortfall, short.meets_advice) == (15, 5, False)
    running = Capacity("s", "ACTIVE", places=10, pool_id="ws_1", used=9, available=6)
    assert (running.shortfall, running.meets_advice) == (0, True)
    out = Capacity("s", "PAUSED", places=10, pool_id="ws_1", used=12, available=0)
    assert out.shortfall == 3
    plenty = Capacity("s", "UNPUBLISHED", places=10, pool_id="ws_1", used=0, available=40)
    assert plenty.shortfall == 0 and plenty.meets_advice
    none = Capacity("s", "UNPUBLISHED", places=7, pool_id=None, used=0, available=0)
    assert none.shortfall == 11 and not none.meets_advice
