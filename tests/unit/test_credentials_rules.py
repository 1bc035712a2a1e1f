"""CSV credential rules: each rule, its line number and field, and no password in any message."""

from __future__ import annotations

import string
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from prolific import (
    Credential,
    CredentialsFormatError,
    InvalidArgumentError,
    coerce_credentials,
    credentials_to_csv,
    generate_credentials,
    parse_credentials,
    read_credentials,
)

# Private: the header rule is the oracle here; the public header_line does not tell a refused header from none.
from prolific.credentials._rules import column_names as _column_names

SECRET = "Pa55-SECRET-word"


def refused(text: str) -> CredentialsFormatError:
    with pytest.raises(CredentialsFormatError) as info:
        parse_credentials(text)
    err = info.value
    for shown in (str(err), repr(err), repr(err.args)):
        assert SECRET not in shown
        assert SECRET.strip() not in shown
    return err


def test_plain_and_quoted_rows() -> None:
    assert parse_credentials('alice,pw1\n"bob","pw2"\n') == [Credential("alice", "pw1"), Credential("bob", "pw2")]


def test_bom_crlf_blank_lines_and_header_any_case() -> None:
    text = "\ufeffUserName,PASSWORD\r\n\r\nalice,pw1\r\n\nbob,pw2"
    assert parse_credentials(text) == [("alice", "pw1"), ("bob", "pw2")]


def test_header_only_first_row_a_later_one_is_a_credential() -> None:
    assert parse_credentials("a,b\nusername,password") == [("a", "b"), ("username", "password")]


@pytest.mark.parametrize(
    ("text", "line", "field", "words"),
    [
        (f"alice,pw\nbob,{SECRET},\n", 2, None, "3"),
        ("alice,pw\nbob\n", 2, None, "found 1"),
        (f"alice,pw\n,{SECRET}", 2, "username", "empty username"),
        ("alice,pw\nbob,", 2, "password", "empty password"),
        (f'alice,pw\n"bo,b",{SECRET}', 2, "username", "comma"),
        (f'alice,pw\nbob,"{SECRET},x"', 2, "password", "comma"),
        (f'alice,pw\nbob,"{SECRET}""x"', 2, "password", "double quote"),
        (f"alice,pw\nbob,{SECRET}\tx", 2, "password", "whitespace character (position 17)"),
        (f"alice,pw\nbob,{SECRET}\x00", 2, "password", "control character (position 17)"),
        (f"alice,pw\nbob,{SECRET}\u200b", 2, "password", "control character (position 17)"),
        (f"alice,pw\nbo\u00a0b,{SECRET}", 2, "username", "U+00A0"),
        (f"alice,pw\nbob, {SECRET}", 2, "password", "whitespace"),
        (f"alice,pw\nbob ,{SECRET}", 2, "username", "whitespace"),
        (f'alice,pw\n\n"bob","{SECRET}\nmore"', 3, "password", "line break"),
        (f"alice,pw\nbob,x\nalice,{SECRET}", 3, "username", "lines 1 and 3"),
        # One quoted field holding a comma: its joined text would read as username,password.
        (f'"bob,{SECRET}"', 1, None, "found 1"),
        (f'"bob,x",{SECRET}\ncarol', 1, "username", "comma"),
    ],
)
def test_each_rule_names_line_and_field(text: str, line: int, field: str | None, words: str) -> None:
    err = refused(text)
    assert err.line == line
    assert err.field == field
    assert words in str(err)
    assert f"line {line}" in str(err)
    if field == "password":  # not even one character of a password, as a code point
        assert "U+" not in str(err)


def test_whitespace_is_not_trimmed_silently() -> None:
    assert "not trimmed silently" in str(refused(f"bob,{SECRET} "))


@pytest.mark.parametrize("text", ["", "\n\n", "username,password\n", "\ufeff"])
def test_no_credentials(text: str) -> None:
    assert "no credentials" in str(refused(text))


def test_unbalanced_quote_is_csv_error_with_line() -> None:
    err = refused(f'alice,pw\nbob,"{SECRET}')
    assert err.line == 2


def test_file_errors_name_the_file(tmp_path: Path) -> None:
    path = tmp_path / "logins.csv"
    path.write_bytes(b"alice,pw\nb\xe9b," + SECRET.encode() + b"\n")
    with pytest.raises(CredentialsFormatError) as info:
        read_credentials(path)
    assert str(path) in str(info.value) and info.value.line == 2 and "UTF-8" in str(info.value)
    assert SECRET not in str(info.value)
    with pytest.raises(CredentialsFormatError, match="no such file"):
        read_credentials(tmp_path / "missing.csv")


def test_read_from_path_and_open_file(tmp_path: Path) -> None:
    path = tmp_path / "c.csv"
    path.write_bytes(b"\xef\xbb\xbfusername,password\r\nalice,pw1\r\n")
    assert read_credentials(path) == [("alice", "pw1")]
    assert read_credentials(str(path)) == [("alice", "pw1")]
    with path.open(encoding="utf-8", newline="") as handle:
        assert read_credentials(handle) == [("alice", "pw1")]


def test_file_duplicate_names_source_and_both_lines(tmp_path: Path) -> None:
    path = tmp_path / "d.csv"
    path.write_text("u,p\na,b\nu,x\n")
    with pytest.raises(CredentialsFormatError) as info:
        read_credentials(path)
    assert info.value.source == str(path) and "lines 1 and 3" in str(info.value)


def test_coerce_all_forms(tmp_path: Path) -> None:
    path = tmp_path / "c.csv"
    path.write_text("a,b\n")
    expected = [Credential("a", "b")]
    assert coerce_credentials("a,b") == expected
    assert coerce_credentials(path) == expected
    assert coerce_credentials([("a", "b")]) == expected
    assert coerce_credentials([["a", "b"]]) == expected
    assert coerce_credentials([Credential("a", "b")]) == expected
    assert coerce_credentials({"a": "b"}) == expected
    assert coerce_credentials(iter([("a", "b")])) == expected


@pytest.mark.parametrize(
    ("bad", "line", "words"),
    [
        (b"a,b", None, "credentials must be"),
        (42, None, "credentials must be"),
        (None, None, "credentials must be"),
        ([("a", "b", "c")], 1, "3-item tuple"),
        ([("a", "1"), ("b", 2)], 2, "tuple whose password is of type int"),
        ([(b"a", "1")], 1, "tuple whose username is of type bytes"),
        ({1: "a"}, 1, "username is of type int"),
        (["a,1", "b,2"], 1, "pass it as one str"),
        ([Credential("a", "1"), object()], 2, "got object"),
    ],
)
def test_coerce_refuses_other_types(bad: object, line: int | None, words: str) -> None:
    with pytest.raises(CredentialsFormatError) as info:
        coerce_credentials(bad)  # type: ignore[arg-type]
    assert info.value.line == line and words in str(info.value)


def test_a_long_username_is_shortened_in_messages() -> None:
    username = "u" * 5_000
    for text in (f"{username} ,pw", f"{username},pw\n{username},pw2"):
        message = str(refused(text))
        assert "characters)" in message and len(message) < 300


def test_not_utf8_deep_in_a_big_file_names_the_right_line(tmp_path: Path) -> None:
    # The text reader decodes in chunks: the line must not be counted from the chunk's start.
    lines = [f"user{i},pw-{i}".encode() for i in range(5_000)]
    lines[3_000] = b"caf\xe9," + SECRET.encode()
    path = tmp_path / "big.csv"
    path.write_bytes(b"\xef\xbb\xbf" + b"\r\n".join(lines) + b"\r\n")
    with pytest.raises(CredentialsFormatError) as info:
        read_credentials(path)
    message = str(info.value)
    assert info.value.line == 3_001 and "byte 4 of the line" in message
    assert SECRET not in message and "0xE9" not in message.upper()  # not even one byte of a password


@pytest.mark.parametrize("bad", [b"c.csv", 42, None])
def test_read_refuses_what_is_neither_path_nor_text_file(bad: object) -> None:
    with pytest.raises(CredentialsFormatError, match="expected a file path"):
        read_credentials(bad)  # type: ignore[arg-type]


def test_pairs_use_item_numbers() -> None:
    with pytest.raises(CredentialsFormatError) as info:
        coerce_credentials([("a", "b"), ("c", f" {SECRET}")])
    assert info.value.line == 2 and info.value.field == "password" and SECRET not in str(info.value)


def test_repr_and_str_hide_password() -> None:
    cred = Credential("alice", SECRET)
    for text in (repr(cred), str(cred), repr([cred]), f"{cred}", str({"c": cred})):
        assert SECRET not in text and "alice" in text


def test_to_csv_exact_and_validating() -> None:
    assert credentials_to_csv([Credential("a", "1"), ("b", "2")]) == "a,1\nb,2"
    with pytest.raises(CredentialsFormatError):
        credentials_to_csv([("a", "1"), ("a", "2")])
    with pytest.raises(CredentialsFormatError):
        credentials_to_csv([])


def test_generate() -> None:
    creds = generate_credentials(1000, prefix="p-", password_length=20)
    assert len({c.username for c in creds}) == 1000
    assert creds[0].username == "p-0001" and creds[-1].username == "p-1000"
    assert all(len(c.password) == 20 for c in creds)
    assert len({c.password for c in creds}) == 1000
    assert parse_credentials(credentials_to_csv(creds)) == creds


@pytest.mark.parametrize(
    ("kwargs"), [{"n": 0}, {"n": -1}, {"n": 2, "password_length": 4}, {"n": 2, "prefix": "a,b"}, {"n": True}]
)
def test_generate_rejects(kwargs: dict[str, object]) -> None:
    with pytest.raises(InvalidArgumentError):
        generate_credentials(**kwargs)  # type: ignore[arg-type]


_field = st.text(
    alphabet=st.characters(
        blacklist_categories=("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp", "Zs"), blacklist_characters=',"'
    ),
    min_size=1,
    max_size=20,
) | st.builds(
    lambda a, b: f"{a} {b}",
    st.text(string.ascii_letters, min_size=1, max_size=5),
    st.text(string.digits, min_size=1, max_size=5),
)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(_field, _field), min_size=1, max_size=30, unique_by=lambda t: t[0]))
def test_round_trip(pairs: list[tuple[str, str]]) -> None:
    creds = [Credential(u, p) for u, p in pairs]
    while _column_names(list(creds[0])) is not None:  # a first row of column names is a header (or refused)
        creds = creds[1:] or [Credential("x", "y")]
    assert parse_credentials(credentials_to_csv(creds)) == creds


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list('ab,"\n\r\t \x00\u200b\ufeff\u00e9')) | st.characters(), max_size=60))
def test_parse_never_raises_anything_else(text: str) -> None:
    try:
        result = parse_credentials(text)
    except CredentialsFormatError:
        return
    assert result and all(isinstance(c, Credential) for c in result)


def test_credential_list_caches_wire_until_changed() -> None:
    from prolific.credentials import CredentialList

    creds = parse_credentials("a,1\nb,2")
    assert isinstance(creds, CredentialList) and creds.wire() == "a,1\nb,2"
    assert credentials_to_csv(creds) == "a,1\nb,2"
    for change in (
        lambda c: c.append(Credential("a", "dup")),
        lambda c: c.__setitem__(0, Credential("b", "x")),
        lambda c: c.extend([("c", " bad")]),
        lambda c: c.insert(0, ("", "x")),
    ):
        changed = parse_credentials("a,1\nb,2")
        change(changed)
        assert changed.wire() is None
        with pytest.raises(CredentialsFormatError):
            credentials_to_csv(changed)
    grown = parse_credentials("a,1")
    grown += [Credential("z", "9")]
    assert grown.wire() is None and credentials_to_csv(grown) == "a,1\nz,9"


@pytest.mark.parametrize(
    "rows",
    [
        [("a", "1"), ("a", "2")],
        [("a", ""), ("b", "2")],
        [("", "1")],
        [("a", "1 "), ("b", "2")],
        [("a", " 1")],
        [("a ", "1")],
        [(" a", "1")],
        [("a", "1"), ("b", "x\ny")],
        [("a,b", "x\ny")],
        [("a", "1,"), ("b", "2")],
        [("a", 'q"')],
        [("a", "tab\t")],
        [("a", "1", "extra")],
        [("a",)],
        [("a,b",)],  # one comma and no line break, as a valid one-row pool has
        [("x,y", "z"), ("c",)],
        [("a", "1"), ("b", "2", "3"), ("c",)],
        [("a", 1)],
    ],
)
def test_bulk_check_never_accepts_what_the_row_rules_refuse(rows: list[tuple[object, ...]]) -> None:
    with pytest.raises(CredentialsFormatError):
        coerce_credentials(rows)  # type: ignore[arg-type]
    with pytest.raises(CredentialsFormatError):
        credentials_to_csv(rows)  # type: ignore[arg-type]


_cell = st.text(st.sampled_from(["a", "b", ",", " ", "\n", '"', "\x00", "é"]), max_size=4) | st.text(max_size=6)


@settings(max_examples=500, deadline=None)
@given(
    st.lists(st.tuples(_cell, _cell), min_size=1, max_size=8)
    | st.lists(st.lists(_cell, min_size=1, max_size=3).map(tuple), min_size=1, max_size=5)
    # rows whose commas and fields could make up for each other in the joined text
    | st.lists(st.sampled_from([("a,b",), ("c", "d"), ("e", "f", "g"), ("h",), ("i,j", "k"), ("l", "m,n")]), min_size=1)
)
def test_bulk_and_row_checks_agree(pairs: list[tuple[str, ...]]) -> None:
    # Private on purpose: the bulk check against the row-by-row one it must agree with.
    from prolific.credentials._fast import wire_if_valid as _wire_if_valid
    from prolific.credentials._files import _pairs
    from prolific.credentials._rules import validated as _validated

    try:
        _validated(_pairs(list(pairs)), None, lines=False)  # as coerce_credentials reads pairs
        row_ok = True
    except CredentialsFormatError:
        row_ok = False
    assert (_wire_if_valid(list(pairs)) is not None) == row_ok


@pytest.mark.parametrize(
    ("sep", "name"),
    [(";", "semicolons"), ("\t", "tabs")],
)
def test_a_file_separated_by_semicolons_or_tabs_is_named_once(sep: str, name: str, tmp_path: Path) -> None:
    from prolific import find_problems

    text = f"username{sep}password\nalice{sep}{SECRET}\nbob{sep}pw-2\ncarol{sep}pw,3\n"  # the last: a comma in it
    err = refused(text)
    assert err.line == 1 and err.field is None
    assert f"separates its fields with {name}" in str(err) and "CSV UTF-8 (Comma delimited)" in str(err)
    path = tmp_path / "excel.csv"
    path.write_text(text)
    with pytest.raises(CredentialsFormatError) as info:
        read_credentials(path)
    assert info.value.line == 1 and info.value.source == str(path) and info.value.reason == err.reason
    valid, problems = find_problems(text, source="excel.csv")
    assert valid == []  # never accepted in part: "carol;pw" + "3" would read as two fields
    assert [(p.line, p.field) for p in problems] == [(1, None)]
    assert "4 of 4 lines" in str(problems[0]) and SECRET not in str(problems[0])


def test_one_line_with_a_semicolon_in_a_comma_file_is_a_line_problem() -> None:
    from prolific import find_problems

    err = refused(f"alice,pw-1\nbob;{SECRET}\n")
    assert err.line == 2 and "found 1" in str(err) and "semicolon" in str(err)
    valid, problems = find_problems(f"alice,pw-1\nbob;{SECRET}\ncarol,pw-3\ndan;pw-4\n")
    assert len(valid) == 2 and [p.line for p in problems] == [2, 4]


def test_utf16_is_named() -> None:
    from prolific.credentials import decode_text

    with pytest.raises(CredentialsFormatError, match="UTF-16"):
        decode_text("alice\tpw\n".encode("utf-16"))


def test_a_comma_header_over_semicolon_rows_is_still_one_problem() -> None:
    from prolific import find_problems

    text = "username,password\n" + "".join(f"user{i};pw-{i}\n" for i in range(50))
    assert "separates its fields with semicolons" in str(refused(text))
    valid, problems = find_problems(text)
    assert valid == [] and len(problems) == 1 and problems[0].line == 2 and "50 of 51 lines" in str(problems[0])
