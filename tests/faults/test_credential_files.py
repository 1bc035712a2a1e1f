"""1. Bad credential files: a corpus of real-world mistakes, big generated files, and properties."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest
from hostile_support import COUNTS, assert_clean, secret
from hypothesis import given, settings
from hypothesis import strategies as st

import prolific.cli
from prolific import Credential, CredentialsFormatError, credentials_to_csv, parse_credentials, read_credentials

# Private: the header rule is the oracle here; the public header_line does not tell a refused header from none.
from prolific.credentials._rules import column_names as _column_names

CORPUS = Path(__file__).resolve().parents[1] / "corpus" / "credentials"
MANIFEST = json.loads((CORPUS / "expected.json").read_text())


@pytest.mark.parametrize("name", sorted(MANIFEST))
def test_corpus_file(name: str, capsys: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture) -> None:
    expected = MANIFEST[name]
    path = CORPUS / name
    if expected.get("secret"):
        secret(expected["secret"])
    if "credentials" in expected:
        assert read_credentials(path) == [Credential(u, p) for u, p in expected["credentials"]]
        return
    with caplog.at_level(logging.DEBUG), pytest.raises(CredentialsFormatError) as info:
        read_credentials(path)
    err = info.value
    assert err.line == expected["error_line"], str(err)
    assert err.field == expected["field"], str(err)
    assert err.source == str(path)
    # The CLI's offline check reports the same line, and nothing it prints holds the password.
    code = prolific.cli.main(["credentials", "check", str(path)])
    out, cli_err = capsys.readouterr()
    assert code == 2
    if expected["error_line"] is not None:
        assert f"line {expected['error_line']}" in cli_err
    assert_clean(str(err), repr(err), err.args, out, cli_err, [r.getMessage() for r in caplog.records])


def test_50_mb_file(tmp_path: Path) -> None:
    path = tmp_path / "big.csv"
    row = "participant{:08d},Pw-{:08d}-abcdefghijklmnopqrstuvwxyz\n"
    with path.open("w") as handle:
        handle.write("username,password\n")
        count = 0
        while handle.tell() < 50 * 1024 * 1024:
            handle.writelines(row.format(i, i) for i in range(count, count + 10_000))
            count += 10_000
    creds = read_credentials(path)
    assert len(creds) == count and creds[-1].username == f"participant{count - 1:08d}"
    COUNTS["credentials parsed"] += count


def test_100k_lines_one_duplicate_near_the_end(tmp_path: Path) -> None:
    path = tmp_path / "dup.csv"
    lines = [f"user{i},pw-{i}" for i in range(100_000)]
    lines[99_990] = f"user17,{secret('dup-SECRET-pw')}"
    path.write_text("\n".join(lines) + "\n")
    with pytest.raises(CredentialsFormatError) as info:
        read_credentials(path)
    assert info.value.line == 99_991 and "lines 18 and 99991" in str(info.value)
    assert_clean(str(info.value))


def test_a_field_beyond_the_csv_limit_is_named(tmp_path: Path) -> None:
    path = tmp_path / "huge.csv"
    path.write_text(f"a,b\nc,{'p' * 5_000_000}\n")
    with pytest.raises(CredentialsFormatError, match="longer than") as info:
        read_credentials(path)
    assert info.value.line == 2 and len(str(info.value)) < 500


@pytest.mark.parametrize("length", [1_000, 100_000])
def test_very_long_fields(length: int, tmp_path: Path) -> None:
    path = tmp_path / "long.csv"
    path.write_text(f"{'u' * length},{'p' * length}\nshort,pw\n")
    creds = read_credentials(path)
    assert len(creds[0].username) == length and len(creds[0].password) == length
    path.write_text(f"a,b\n{'u' * length},{'p' * (length - 1)} \n")
    with pytest.raises(CredentialsFormatError) as info:
        read_credentials(path)
    assert info.value.line == 2 and len(str(info.value)) < 500


fields = st.text(
    st.characters(blacklist_categories=("Cs", "Cc", "Cf", "Zl", "Zp", "Zs", "Co", "Cn"), blacklist_characters=',"'),
    min_size=1,
    max_size=12,
)


@settings(max_examples=400, deadline=None)
@given(st.text(st.sampled_from(list('ab,"\n\r\t \x00\u200b\ufeff\u00a0é')) | st.characters(), max_size=80))
def test_parse_only_ever_raises_credentials_format_error(text: str) -> None:
    COUNTS["hypothesis inputs"] += 1
    try:
        parse_credentials(text)
    except CredentialsFormatError:
        return


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(fields, fields), min_size=1, max_size=40, unique_by=lambda pair: pair[0]))
def test_round_trip(pairs: list[tuple[str, str]]) -> None:
    COUNTS["hypothesis inputs"] += 1
    creds = [Credential(u, p) for u, p in pairs]
    while creds and _column_names(list(creds[0])) is not None:  # a first row of column names: a header, or refused
        creds = creds[1:]
    if creds:
        assert parse_credentials(credentials_to_csv(creds)) == creds
