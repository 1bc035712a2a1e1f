"""``prolific.read_reviews`` / ``read_ids``: every problem of a file at once, with file, line and field."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from prolific import Review, ReviewsFormatError, read_ids, read_reviews
from prolific.reviews import REJECTION_CATEGORIES, rejection_problems

A, B, C = (f"{n:024x}" for n in (0xA1, 0xA2, 0xA3))
MESSAGE = (
    "Your submission did not contain the code shown at the end of the study so we cannot accept it; sorry about that."
)


def problems(text: str, **kwargs: str) -> list[tuple[int | None, str | None]]:
    with pytest.raises(ReviewsFormatError) as info:
        read_reviews(io.StringIO(text), **kwargs)  # type: ignore[arg-type]
    return [(p.line, p.field) for p in info.value.problems]


def test_the_twelve_categories() -> None:
    assert len(REJECTION_CATEGORIES) == 12 and "INCOMP_LONGITUDINAL" in REJECTION_CATEGORIES
    assert rejection_problems("OTHER", " " + "x" * 99 + " ") != []  # spaces do not count


def test_reviews_file_with_header_quotes_and_bom(tmp_path: Path) -> None:
    path = tmp_path / "reviews.csv"
    text = f'submission_id,action,category,message\r\n{A},approve\r\n\r\n{B},REJECT,NO_CODE,"{MESSAGE}, really"\r\n'
    path.write_bytes(("\ufeff" + text + f"{C},RETURN,,Withdrew consent\r\n").encode())
    reviews = read_reviews(path)
    assert reviews == [
        Review(A, "APPROVE", line=2, source=str(path)),
        Review(B, "REJECT", "NO_CODE", f"{MESSAGE}, really", line=4, source=str(path)),
        Review(C, "RETURN", None, "Withdrew consent", line=5, source=str(path)),
    ]
    assert reviews[1].where() == f"{path}, line 4"


def test_every_problem_at_once() -> None:
    text = (
        f"{A},APPROVE,OTHER\n"  # line 1: APPROVE takes no category
        f"{B},REJECT,NO_CODE,short\n"  # line 2: message
        f"{C},REJECT,SLOW,{MESSAGE}\n"  # line 3: category
        f"nope,APPROVE\n"  # line 4: id
        f"{A},APPROVE\n"  # line 5: listed twice? no: line 1 had a problem, so this is the first good one
        f"{A},APPROVE\n"  # line 6: twice
        f"{B},DANCE\n"  # line 7: action
        f"{C},RETURN\n"  # line 8: RETURN needs a reason
        f"{C},REJECT,NO_CODE,{MESSAGE},extra\n"  # line 9: too many fields
    )
    assert problems(text) == [
        (1, "category"),
        (2, "message"),
        (3, "category"),
        (4, "submission_id"),
        (6, "submission_id"),
        (7, "action"),
        (8, "message"),
        (9, None),
    ]


def test_rejections_format_and_message() -> None:
    text = f"submission_id,category,message\n{A},TOO_QUICKLY,Too fast.\n{B},TOO_FAST,{MESSAGE}\n"
    with pytest.raises(ReviewsFormatError) as info:
        read_reviews(io.StringIO(text))
    message = str(info.value)
    assert message.startswith("<stream>: 2 problems; nothing was sent")
    assert "line 2, message: a rejection message must have at least 100 characters (this one has 9)" in message
    assert "line 3, category: 'TOO_FAST' is not a rejection category" in message
    assert read_reviews(io.StringIO(f"{A},OTHER,{MESSAGE}\n"), kind="rejections")[0].category == "OTHER"
    assert problems(f"{A},APPROVE\n", kind="rejections") == [(1, "category"), (1, "message")]


def test_file_level_problems(tmp_path: Path) -> None:
    semicolons = tmp_path / "excel.csv"
    semicolons.write_text(f"{A};APPROVE\n")
    assert problems(semicolons.read_text()) == [(1, None)]
    with pytest.raises(ReviewsFormatError, match="semicolons"):
        read_reviews(semicolons)
    latin = tmp_path / "latin.csv"
    latin.write_bytes(f"{A},APPROVE\n{B},REJECT,OTHER,J\xfcrgen\n".encode("latin-1"))
    with pytest.raises(ReviewsFormatError, match="line 2: not UTF-8") as info:
        read_reviews(latin)
    assert info.value.line == 2
    with pytest.raises(ReviewsFormatError, match="cannot read"):
        read_reviews(tmp_path / "missing.csv")
    with pytest.raises(ReviewsFormatError, match="no reviews found"):
        read_reviews(io.StringIO("submission_id,action\n"))
    assert problems(f'{A},REJECT,OTHER,"unclosed\n') == [(1, None)]


def test_read_ids(tmp_path: Path) -> None:
    path = tmp_path / "ids.txt"
    path.write_text(f"participant_id\n{A}\n\n# a comment\n{B}  # trailing\n{A}\n{C[:-2]}\n{C.upper()}\n")
    with pytest.raises(ReviewsFormatError) as info:
        read_ids(path, "participant id")
    assert [p.line for p in info.value.problems] == [6, 7, 8]
    text = str(info.value)
    assert "first on line 2" in text and "this one has 22" in text and "lower case" in text
    path.write_text(f"{A}\n{B},extra column\n")
    assert read_ids(path) == [A, B]
    with pytest.raises(ReviewsFormatError, match="no submission ids found"):
        read_ids(io.StringIO("# nothing\n"))
