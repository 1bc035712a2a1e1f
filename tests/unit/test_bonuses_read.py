"""read_bonuses: spreadsheet exports read, every problem reported at once with file, line and field."""

from __future__ import annotations

import subprocess
import sys
import warnings
from decimal import Decimal
from pathlib import Path

import pytest

from prolific import Bonus, BonusAmountWarning, BonusFormatError, bonuses_to_csv, read_bonuses
from prolific.bonuses._files import _fast_plain  # private: the fast path's refusals are tested directly

A, B, C = "5e9b9c9b0f9c9a0001b0b1f4", "5e9b9c9b0f9c9a0001b0b1f5", "5e9b9c9b0f9c9a0001b0b1f6"


def problems(source: object, **kwargs: object) -> list[tuple[int | None, str | None, str]]:
    with pytest.raises(BonusFormatError) as caught:
        read_bonuses(source, **kwargs)  # type: ignore[arg-type]
    assert isinstance(caught.value, ValueError)
    return [(p.line, p.field, p.reason) for p in caught.value.problems]


def test_a_spreadsheet_export_is_read(tmp_path: Path) -> None:
    path = tmp_path / "b.csv"
    path.write_bytes(f'\ufeffSubmission_ID,Amount\r\n"{A}","1.5"\r\n\r\n{B},2\r\n'.encode())
    bonuses = read_bonuses(path)
    assert bonuses == [Bonus(A, Decimal("1.5"), 2), Bonus(B, Decimal("2"), 4)]
    assert bonuses.source == str(path) and bonuses.where(bonuses[1]) == f"{path}, line 4"
    assert bonuses_to_csv(bonuses) == f"{A},1.50\n{B},2.00"


@pytest.mark.parametrize(
    "text",
    [f"{A},1.5\n{B},2", f"participant_id,amount\n{A},1.5\n{B},2\n", f"{A},1.5\r\n{B},2\r\n", f"\n{A},1.5\n\n{B},2\n"],
)
def test_the_fast_path_and_the_row_path_agree(text: str) -> None:
    bonuses = read_bonuses(text)
    assert [(b.id, b.amount) for b in bonuses] == [(A, Decimal("1.5")), (B, Decimal("2"))]
    lines = [b.line for b in bonuses]
    assert lines == [text.replace("\r", "").split("\n").index(line) + 1 for line in (f"{A},1.5", f"{B},2")]


def test_every_problem_at_once_with_line_field_and_what_to_write() -> None:
    text = "\n".join(
        [
            f"{A},£1.50",
            f'{B},"1,000.00"',
            f"{C},1,50",
            "xyz,0",
            f"{A},2",
            f"{B.upper()},1.505",
            f"{C[:-1]},-2",
            f" {C},3 ",
            f"{C},1e2",
        ]
    )
    found = problems(text, name="b.csv")
    assert found == [
        (
            1,
            "amount",
            "'£1.50' has a currency sign: write 1.50 (amounts are in the study's currency, without a sign)",
        ),
        (2, "amount", "'1,000.00' has a thousands separator: write 1000.00"),
        (
            3,
            "amount",
            "'1,50': write 1.50 (a point, not a comma, before the decimals) (the comma split the line into 3 fields)",
        ),
        (4, "id", "'xyz' is not a participant or submission id (24 lower-case hexadecimal characters)"),
        (4, "amount", "'0' is not a bonus: the amount must be more than 0"),
        (
            5,
            "id",
            f"participant or submission id {A} appears twice (lines 1 and 5): give each id one line (add the "
            "amounts up), or pay the second bonus in another run",
        ),
        (
            6,
            "id",
            f"{B.upper()!r} is not a participant or submission id (24 lower-case hexadecimal characters; write "
            "it in lower case)",
        ),
        (
            6,
            "amount",
            "'1.505' has 3 decimals: bonuses are paid in whole pence/cents (at most 2 decimals, e.g. "
            "1.25); round it yourself, it is not rounded silently",
        ),
        (
            7,
            "id",
            f"{C[:-1]!r} is not a participant or submission id (24 lower-case hexadecimal characters; this one has 23)",
        ),
        (7, "amount", "'-2' is negative: a bonus must be more than 0"),
        (8, "id", f"' {C}' has spaces around the id: remove them"),
        (8, "amount", "'3 ' has spaces around the amount: write 3"),
        (
            9,
            "amount",
            "'1e2' is not written as a plain amount: write it like 0.50 or 12 (digits, at most 2 decimals)",
        ),
    ]
    with pytest.raises(BonusFormatError) as caught:
        read_bonuses(text, name="b.csv")
    assert str(caught.value).startswith("b.csv: 13 problems; nothing was sent\n  b.csv, line 1, amount: ")


def test_a_duplicate_names_both_lines() -> None:
    assert problems(f"{A},1\n{B},2\n{A},3") == [
        (
            3,
            "id",
            f"participant or submission id {A} appears twice (lines 1 and 3): give each id one line (add the "
            "amounts up), or pay the second bonus in another run",
        ),
    ]


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", "no bonuses found: the file is empty (write one id,amount line per bonus)"),
        ("\n\n", "no bonuses found: the file is empty (write one id,amount line per bonus)"),
        ("participant_id,amount\r\n", "no bonuses found: the file has only a header (participant_id,amount)"),
    ],
)
def test_an_empty_file_is_refused(text: str, reason: str) -> None:
    assert problems(text) == [(None, None, reason)]


def test_semicolons_and_tabs_are_named() -> None:
    ((line, field, reason),) = problems(f"{A};1.50\n{B};2\n")
    assert line == 1 and field is None and "semicolons (;), not commas (2 of 2 lines)" in reason
    ((_, _, reason),) = problems(f"{A}\t1.50\n{B}\t2\n")
    assert "tabs, not commas" in reason and "CSV UTF-8 (Comma delimited)" in reason


def test_a_foreign_header_says_which_headers_are_taken() -> None:
    ((line, _, reason),) = problems(f"Participant ID,Bonus\n{A},1")
    assert line == 1 and "write participant_id,amount or submission_id,amount" in reason


def test_a_file_that_is_not_utf8_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "latin1.csv"
    path.write_bytes(f"{A},1\n{B},2\xa3".encode("latin-1"))
    (problem,) = problems(path)
    assert problem[0] == 2 and "not UTF-8" in problem[2]
    assert problems(tmp_path / "missing.csv")[0][2].startswith("cannot read the file")


def test_pairs_and_mappings() -> None:
    assert read_bonuses([(A, 1.1), (B, "2"), Bonus(C, Decimal(3))]) == [
        Bonus(A, Decimal("1.1"), 1), Bonus(B, Decimal("2"), 2), Bonus(C, Decimal("3"), 3),
    ]  # fmt: skip
    assert read_bonuses({A: 2}) == [Bonus(A, Decimal(2), 1)]
    assert problems([(A, 0.1 + 0.2), (B, True), (A, 3), "x"]) == [
        (
            1,
            "amount",
            "0.30000000000000004 has more than 2 decimals: bonuses are paid in whole pence/cents; round it "
            "yourself, it is not rounded silently",
        ),
        (2, "amount", "the amount must be a number (Decimal, str or int), not True"),
        (
            3,
            "id",
            f"participant or submission id {A} appears twice (items 1 and 3): give each id one bonus (add the "
            "amounts up)",
        ),
        (4, None, "expected an (id, amount) pair, got str"),
    ]
    assert problems([]) == [(None, None, "no bonuses given (the input is empty)")]
    assert problems(b"x")[0][2].startswith("expected CSV text (str)")


def test_whole_numbers_of_100_or_more_warn_that_amounts_are_in_pounds() -> None:
    with pytest.warns(BonusAmountWarning, match=r"150 pays £150.00 — amounts are in pounds, not pence"):
        read_bonuses(f"{A},150\n{B},200\n")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        read_bonuses(f"{A},150\n{B},10.50\n")  # 150 among amounts of that order: no warning
        read_bonuses(f"{A},150.50\n")


def test_one_amount_that_looks_like_pence_among_the_others_is_named_by_its_line() -> None:
    rows = [f"{n:024x},1.50" for n in range(1, 1001)]
    rows[499] = f"{500:024x},150"  # line 500
    with pytest.warns(BonusAmountWarning) as caught:
        read_bonuses("\n".join(rows), name="b.csv")
    (warning,) = caught
    assert str(warning.message).startswith(
        "1 amount looks like pence among the others (whose median is 1.50): b.csv, line 500;"
    )
    assert "150 pays £150.00" in str(warning.message)


def test_the_bulk_check_leaves_every_problem_to_the_row_path() -> None:
    for text in (f"{A},1.\n", f"{A},.5\n", f"{A},1,{B}\n2\n", f"{A},\n", f"{A},1.2.3\n", f"{A},1.505\n",
                 f"{A},0\n", f"{A},1\n{A},2\n", f"{A.upper()},1\n", f"{A},1\n\n{B},2\n"):  # fmt: skip
        assert _fast_plain(text, None) is None, text


def test_reading_imports_no_httpx() -> None:
    code = "import sys, prolific; prolific.read_bonuses('5e9b9c9b0f9c9a0001b0b1f4,1'); print('httpx' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout == "False\n"


def test_a_file_name_given_as_text_says_to_pass_a_path() -> None:
    ((_, _, reason),) = problems("bonuses.csv")
    assert (
        reason
        == "'bonuses.csv' looks like a file name, but a str is CSV text: to read the file, pass pathlib.Path('bonuses.csv')"
    )
