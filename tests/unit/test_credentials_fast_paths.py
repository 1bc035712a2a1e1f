"""The shortcuts the credential code takes for speed give exactly what the slow paths give.

- short text already in the API's ASCII format is checked with one regex (``_small_ascii``);
- text without quotes or CRs is split with ``str.split`` instead of ``csv.reader``;
- the bulk check tests ASCII text for controls with one ``bytes.translate``;
- an upload's batches are slices of the validated wire text instead of fresh joins.
"""

from __future__ import annotations

import io
import string

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from prolific import Credential, CredentialsFormatError, parse_credentials
from prolific.credentials import CredentialList, coerce_credentials

# Private on purpose: the fast paths are checked against the row-by-row rules they must agree with.
from prolific.credentials._fast import SMALL_TEXT as _SMALL_TEXT
from prolific.credentials._fast import fast_lines as _fast
from prolific.credentials._fast import fast_text as _fast_text
from prolific.credentials._fast import small_ascii as _small_ascii
from prolific.credentials._fast import wire_if_valid as _wire_if_valid
from prolific.credentials._rules import csv_rows as _csv_rows
from prolific.credentials._rules import validated as _validated
from prolific.credentials._upload import Upload

_CSV_CHARS = [*'ab ,\n\r"\x00\t\x7f\x1f\u00e9\u2028\x85\x0b', "username", "password", "Username"]
# Mostly valid CSV (so that a difference shows as one side accepting), with odd characters and
# line endings sprinkled in, and fully random text.
_field_text = st.lists(st.sampled_from(["a", "b", "é", "1", "-"]), min_size=1, max_size=3).map("".join)
_odd_field = _field_text | st.lists(st.sampled_from(_CSV_CHARS), max_size=3).map("".join)
_line = st.lists(_odd_field, min_size=1, max_size=3).map(",".join) | st.tuples(_field_text, _field_text).map(",".join)
_csv_text = st.tuples(
    st.lists(st.tuples(_line, st.sampled_from(["\n", "\r\n", "\r", "\n\n", "\n \n"])), min_size=1, max_size=6),
    st.booleans(),
).map(lambda t: ("username,password\n" if t[1] else "") + "".join(line + end for line, end in t[0]))


@settings(max_examples=500, deadline=None)
@given(_csv_text | st.lists(st.sampled_from(_CSV_CHARS), max_size=40).map("".join))
def test_split_path_reads_what_csv_reader_reads(text: str) -> None:
    fast, reference = _fast_text(text), _fast(io.StringIO(text, newline=""))
    assert fast == reference
    if fast is not None and reference is not None:
        assert fast.wire() == reference.wire()
        assert all(type(c) is Credential for c in fast)
        # Each credential's input line is the one the row-by-row reader gives.
        slow = _validated(_csv_rows(io.StringIO(text, newline=""), None), None)
        lines = [slow.line(i) for i in range(len(slow))]
        assert [fast.line(i) for i in range(len(fast))] == lines == [reference.line(i) for i in range(len(fast))]
        small = _small_ascii(text)
        assert small is None or [small.line(i) for i in range(len(small))] == lines


# Printable ASCII fields with spaces and the characters next to the excluded "," and '"'.
_ascii_field = st.lists(st.sampled_from([*"a !#+-~", "\x1f", "\x7f", ",", '"', "username"]), max_size=4).map("".join)
_ascii_wire = st.lists(st.tuples(_ascii_field, _ascii_field).map(",".join), min_size=1, max_size=5).map("\n".join)


@settings(max_examples=500, deadline=None)
@given(_ascii_wire)
def test_regex_path_reads_what_csv_reader_reads(text: str) -> None:
    small, reference = _small_ascii(text), _fast(io.StringIO(text, newline=""))
    if small is not None:  # the regex only ever accepts what the CSV path accepts, identically
        assert reference is not None and small == reference and small.wire() == reference.wire() == text
    assert _fast_text(text) == reference


def test_regex_path_takes_the_common_small_call_and_all_printable_ascii() -> None:
    printable = "".join(chr(c) for c in range(0x21, 0x7F) if chr(c) not in ',"')
    text = f"alice,pw-1\n{printable},x y\nb c,{printable}"
    small = _small_ascii(text)
    assert small is not None and small.wire() == text and small[1] == (printable, "x y")
    for other in ("username,password\nalice,pw", "alice,pw\n", "alice,pw\nalice,pw2", "zoë,pw", "a,b\r\nc,d"):
        assert _small_ascii(other) is None
        assert _fast_text(other) == _fast(io.StringIO(other, newline=""))
    big = "\n".join(f"user{i},pw-{i}" for i in range(_SMALL_TEXT // 8))  # longer than the regex path takes
    assert len(big) > _SMALL_TEXT and _small_ascii(big) is None and parse_credentials(big).wire() == big


def test_split_path_leaves_an_over_long_field_to_the_csv_reader() -> None:
    secret = "p" * 200_000
    with pytest.raises(CredentialsFormatError) as info:
        parse_credentials(f"alice,{secret}\nbob,pw")
    message = str(info.value)
    assert "longer than" in message and "line 1" in message
    assert secret[:20] not in message


def test_split_path_accepts_long_text_of_short_lines() -> None:
    text = "\n".join(f"user{i},pw-{i:06d}" for i in range(20_000))  # far above csv's field size limit
    creds = parse_credentials(text)
    assert len(creds) == 20_000 and creds.wire() == text


@pytest.mark.parametrize("code", [c for c in range(0x20) if c != 0x0A] + [0x7F])
def test_bulk_check_refuses_every_ascii_control(code: int) -> None:
    rows = [("alice", f"pw{chr(code)}x"), ("bob", "pw")]
    assert _wire_if_valid(rows) is None
    with pytest.raises(CredentialsFormatError) as info:
        coerce_credentials(rows)
    assert info.value.line == 1 and info.value.field == "password"


def test_bulk_check_accepts_all_printable_ascii_and_non_ascii() -> None:
    printable = "".join(c for c in string.printable if c.isprintable() and c not in ',"')
    assert _wire_if_valid([("alice", f"x{printable}x")]) is not None
    assert _wire_if_valid([("zoë", "pässwörd-✓")]) is not None
    assert _wire_if_valid([("zoë", "pass\u2028word")]) is None  # a line separator: not printable
    assert _wire_if_valid([("zoë", "pass\x85word")]) is None


def _sent_texts(upload: Upload) -> list[str]:
    """Drive ``upload`` as a client would, confirming every batch; return the texts sent."""
    texts = []
    while (call := upload.next_call()) is not None:
        texts.append(call.arguments["body"].credentials)
        upload.confirm(upload.pool_id or "ws_pool")
    return texts


_field = st.text(st.characters(codec="utf-8", categories=["L", "N", "P", "S"], exclude_characters=',"'), min_size=1)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.tuples(_field, _field), min_size=1, max_size=40, unique_by=lambda row: row[0]),
    st.integers(min_value=1, max_value=45),
    st.booleans(),
)
def test_upload_batches_are_exactly_the_joined_batches(
    rows: list[tuple[str, str]], batch_size: int, as_text: bool
) -> None:
    creds = [Credential(*row) for row in rows]
    source = "\n".join(map(",".join, creds)) if as_text else creds
    try:
        checked = coerce_credentials(source)
    except CredentialsFormatError:
        return  # e.g. a username that reads as the header; the rules are tested elsewhere
    upload = Upload(source, workspace_id="ws", pool_id=None, batch_size=batch_size, on_progress=None)
    expected = ["\n".join(map(",".join, checked[i : i + batch_size])) for i in range(0, len(checked), batch_size)]
    assert _sent_texts(upload) == expected
    assert upload.uploaded == len(checked)


def test_upload_of_a_list_changed_during_the_upload_sends_what_the_list_holds() -> None:
    creds = parse_credentials("a,1\nb,2\nc,3\nd,4")
    assert isinstance(creds, CredentialList) and creds.wire() is not None

    def grow(uploaded: int, total: int) -> None:
        if uploaded == 2:
            creds[2] = Credential("c2", "changed")

    upload = Upload(creds, workspace_id="ws", pool_id=None, batch_size=2, on_progress=grow)
    assert _sent_texts(upload) == ["a,1\nb,2", "c2,changed\nd,4"]


@settings(max_examples=300, deadline=None)
@given(_csv_text, st.integers(0, 8), st.integers(0, 8))
def test_a_section_keeps_lines_source_and_wire(text: str, start: int, length: int) -> None:
    creds = _fast_text(text)
    if creds is None:
        return
    creds.source = "a.csv"
    part = creds.section(start, start + length)
    assert part == creds[start : start + length] and part.source == "a.csv"
    assert [part.line(i) for i in range(len(part))] == [creds.line(i) for i in range(start, start + len(part))]
    if part:
        assert part.wire() == "\n".join(map(",".join, part))
    else:
        assert part.wire() is None


def test_a_changed_list_forgets_its_lines_and_pairs_have_none() -> None:
    creds = parse_credentials("username,password\na,1\nb,2")
    assert creds.line(0) == 2 and creds.line(-1) == 3
    creds.reverse()
    assert creds.line(0) is None
    assert coerce_credentials([("a", "1"), ("b", "2")]).line(0) is None
