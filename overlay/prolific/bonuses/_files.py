"""Reading and checking a bonus file, and writing the lines Prolific's bulk bonus call takes.

A bonus file has one ``<participant or submission id>,<amount>`` line per bonus, the amount in
the study's currency in **major units** (``1.50`` pays £1.50; ``150`` pays £150.00). Spreadsheet
exports are read as they come: a UTF-8 BOM, CRLF line ends, quoted fields, blank lines and a
``participant_id,amount`` or ``submission_id,amount`` header. Anything else is refused with every
problem at once, each naming its file, line and field, and saying what to write instead. Pure
functions: nothing here sends a request.

>>> bonuses = read_bonuses("participant_id,amount\\n5e9b9c9b0f9c9a0001b0b1f4,1.5\\n")
>>> bonuses
[Bonus(id='5e9b9c9b0f9c9a0001b0b1f4', amount=Decimal('1.5'), line=2)]
>>> bonuses_to_csv(bonuses)
'5e9b9c9b0f9c9a0001b0b1f4,1.50'
"""

from __future__ import annotations

import csv
import io
import itertools
import operator
import os
import re
import warnings
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal, InvalidOperation
from typing import TypeAlias

from .._errors import BonusFormatError, InputProblem
from .._gc import GCPaused
from .._text import FOREIGN_SEPARATORS, read_file_text
from .._validation import IdKind, id_problem
from ._types import Bonus, BonusesInput, BonusList

__all__ = [
    "Bonus",
    "BonusAmountWarning",
    "BonusList",
    "BonusesInput",
    "bonuses_to_csv",
    "read_bonuses",
]

#: What a bonus id is called in messages.
ID_KIND: IdKind = "participant or submission id"
_HEADERS = frozenset({("participant_id", "amount"), ("submission_id", "amount")})
_HEX_BYTES = b"0123456789abcdef"
_AMOUNT = r"[0-9]+(?:\.[0-9]{1,2})?"
_VALID_AMOUNT = re.compile(_AMOUNT)
_VALID_AMOUNTS = re.compile(rf"(?:{_AMOUNT}\n)*{_AMOUNT}")
_THREE_DECIMALS = re.compile(r"\.[0-9]{3}")
_COMMA_AFTER_ID = operator.itemgetter(24)
_ID_PART = operator.itemgetter(slice(0, 24))
_AMOUNT_PART = operator.itemgetter(slice(25, None))
_AMOUNT_OF = operator.itemgetter(1)
_CURRENCY_SIGNS = "£$€¥₹₩₽¢"
_CURRENCY_CODE = re.compile(r"\s*(?:GBP|USD|EUR|CAD|AUD|CHF|SEK|NOK|DKK|PLN|JPY|INR)\s*", re.IGNORECASE)
_THOUSANDS = re.compile(r"([0-9]{1,3})((?:[, '’\u00a0\u202f][0-9]{3})+)(\.[0-9]+)?")
_DECIMAL_COMMA = re.compile(r"[0-9]+,[0-9]{1,2}")
_PLAIN_NUMBER = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)")


class BonusAmountWarning(UserWarning):
    """Amounts look like pence or cents (whole numbers of 100 or more, all of them or some among much smaller ones):
    they are paid as pounds/dollars."""


def bonuses_to_csv(bonuses: Iterable[Bonus]) -> str:
    """The API's ``csv_bonuses`` text: ``<id>,<amount>`` lines, each amount with two decimals (``1.50``).

    >>> bonuses_to_csv([Bonus("5e9b9c9b0f9c9a0001b0b1f4", Decimal("3"))])
    '5e9b9c9b0f9c9a0001b0b1f4,3.00'
    """
    return "\n".join([f"{bonus.id},{bonus.amount:.2f}" for bonus in bonuses])


def read_bonuses(source: BonusesInput, *, name: str | None = None) -> BonusList:
    """Read and check bonuses from a file, CSV text, ``(id, amount)`` pairs or an ``{id: amount}`` mapping.

    ``source``: an ``os.PathLike`` is a file; a ``str`` is CSV text (never a path: pass a
    ``pathlib.Path``); ``Bonus`` objects, pairs or a mapping take amounts as ``Decimal``, ``str``,
    ``int`` or ``float`` (read by its repr: ``1.1`` is 1.10). ``name`` labels text in messages
    (e.g. ``"<stdin>"``). Raises :class:`~prolific.BonusFormatError` with every problem; warns
    :class:`BonusAmountWarning` when every amount looks like pence or cents.

    >>> read_bonuses({"5e9b9c9b0f9c9a0001b0b1f4": "£1.50"})
    Traceback (most recent call last):
    ...
    prolific._errors.BonusFormatError: item 1, amount: '£1.50' has a currency sign: write 1.50 ...
    """
    if isinstance(source, os.PathLike):
        label = name or os.fspath(source)
        text = read_file_text(source, source=label, error=BonusFormatError)
        bonuses = _from_text(text, label)
    elif isinstance(source, str):
        if _looks_like_a_path(source):
            raise BonusFormatError(
                [
                    InputProblem(
                        f"{source!r} looks like a file name, but a str is CSV text: to read the file, pass "
                        f"pathlib.Path({source!r})"
                    )
                ]
            )
        bonuses = _from_text(source.removeprefix("\ufeff"), name)
    elif isinstance(source, bytes | bytearray):
        raise BonusFormatError(
            [InputProblem("expected CSV text (str) or a file path (pathlib.Path), got bytes: decode them first")]
        )
    elif isinstance(source, Mapping):
        bonuses = _from_items(source.items(), name)
    elif isinstance(source, Iterable):
        bonuses = _from_items(source, name)
    else:
        raise BonusFormatError(
            [
                InputProblem(
                    "bonuses must be CSV text (str), a file path (pathlib.Path), (id, amount) pairs, Bonus objects "
                    f"or an {{id: amount}} mapping; got {type(source).__name__}"
                )
            ]
        )
    _warn_if_cents(bonuses)
    return bonuses


def _looks_like_a_path(text: str) -> bool:
    stripped = text.strip()
    return (
        bool(stripped)
        and "\n" not in stripped
        and "," not in stripped
        and stripped.lower().endswith((".csv", ".txt", ".tsv"))
    )


# -- reading text ----------------------------------------------------------------------------------


Rows: TypeAlias = list[list[str]]


def _from_text(text: str, source: str | None) -> BonusList:
    with GCPaused():  # lists of strings form no cycles; collections during a big parse cost most of its time
        fast = _fast_plain(text, source)
        if fast is not None:
            return fast
        rows, lines, broken = _rows(text, source)
        if broken is None:
            rows, lines = _without_header(rows, lines)
            fast = _if_valid(rows, lines, source)
            if fast is not None:
                return fast
        return _checked_rows(rows, lines, source, broken, text)


def _fast_plain(text: str, source: str | None) -> BonusList | None:
    """Unquoted text of valid lines (a header may come first) → the bonuses, checked in bulk; else None.

    Every check is one C-level pass over the whole text or a list (a Python step per row would
    cost more than csv.reader itself): one comma per line, at the position just after a 24-character
    id, ids of hexadecimal digits, amounts of digits and at most one point followed by one or two
    digits. Anything else is left to the row-by-row path, which explains it.
    """
    body = text.replace("\r\n", "\n") if "\r" in text else text
    if '"' in body or "\r" in body:
        return None
    start = 1
    end = body.find("\n")
    if _is_header((body if end == -1 else body[:end]).split(",")):
        body, start = body[end + 1 :] if end != -1 else "", 2
    body = body.removesuffix("\n")
    if not body:
        return None
    lines = body.split("\n")
    n = len(lines)
    if body.count(",") != n:
        return None
    try:
        if set(map(_COMMA_AFTER_ID, lines)) != {","}:  # then each line has its one comma there
            return None
    except IndexError:  # a line shorter than an id: blank, or a problem
        return None
    del body
    ids = list(map(_ID_PART, lines))
    amounts = list(map(_AMOUNT_PART, lines))
    del lines  # a 200,000-row file: 17 MB of line strings, no longer needed
    joined = "".join(ids)
    if not joined.isascii() or joined.encode("ascii").translate(None, _HEX_BYTES) or len(set(ids)) != n:
        return None
    column = "\n".join(amounts)
    if not column.isascii() or column.encode("ascii").translate(None, b"0123456789.\n"):
        return None
    if column.startswith(".") or column.endswith(".") or "\n." in column or ".\n" in column:
        return None  # ".5" or "1.": refused by the row-by-row path, which says what to write
    if _THREE_DECIMALS.search(column) is not None:
        return None
    decimals = _decimals(amounts)
    if decimals is None:
        return None
    del amounts, column, joined
    numbers = range(start, start + n)
    bonuses = map(tuple.__new__, itertools.repeat(Bonus), zip(ids, decimals, numbers, strict=True))
    return BonusList(bonuses, source=source)


def _decimals(amounts: Sequence[str]) -> list[Decimal] | None:
    """The amounts as Decimals, one object per distinct text (a file repeats few amounts); None if one is <= 0.

    A Decimal takes 104 bytes: 200,000 rows of a handful of amounts hold a handful, not 20 MB of them.
    """
    try:
        value_of = {text: Decimal(text) for text in set(amounts)}  # "", "1.2.3" fail here
    except InvalidOperation:
        return None
    if min(value_of.values()) <= 0:
        return None
    return list(map(value_of.__getitem__, amounts))


def _rows(text: str, source: str | None) -> tuple[Rows, list[int], InputProblem | None]:
    """Non-blank rows and their line numbers; a CSV syntax problem stops the reading (returned third)."""
    plain = text.replace("\r\n", "\n") if "\r\n" in text else text
    if '"' not in plain and "\r" not in plain:  # csv.reader would merely split: split, ten times faster
        all_lines = plain.split("\n")
        if all_lines[-1] == "":
            all_lines.pop()
        if all(all_lines):
            return [line.split(",") for line in all_lines], list(range(1, len(all_lines) + 1)), None
        numbered = [(number, line) for number, line in enumerate(all_lines, 1) if line]
        return [line.split(",") for _, line in numbered], [number for number, _ in numbered], None
    rows: Rows = []
    lines: list[int] = []
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    start = 1
    try:
        for fields in reader:
            if fields:
                rows.append(fields)
                lines.append(start)
            start = reader.line_num + 1
    except csv.Error as exc:
        return (
            rows,
            lines,
            InputProblem(f"not valid CSV ({exc}); check the quotes on this line", file=source, line=start),
        )
    return rows, lines, None


def _is_header(fields: list[str]) -> bool:
    return len(fields) == 2 and (fields[0].strip().lower(), fields[1].strip().lower()) in _HEADERS


def _without_header(rows: Rows, lines: list[int]) -> tuple[Rows, list[int]]:
    if rows and _is_header(rows[0]):
        return rows[1:], lines[1:]
    return rows, lines


def _if_valid(rows: Rows, lines: list[int], source: str | None) -> BonusList | None:
    """The bonuses if every row is valid, checked in bulk with C-level operations; else None."""
    n = len(rows)
    if n == 0 or set(map(len, rows)) != {2}:
        return None
    ids, amounts = zip(*rows, strict=True)
    joined = "".join(ids)
    if len(joined) != 24 * n or set(map(len, ids)) != {24} or not joined.isascii():
        return None
    if joined.encode("ascii").translate(None, _HEX_BYTES):
        return None
    if len(set(ids)) != n:
        return None
    if _VALID_AMOUNTS.fullmatch("\n".join(amounts)) is None:
        return None
    decimals = _decimals(amounts)
    if decimals is None:
        return None
    return BonusList(map(tuple.__new__, itertools.repeat(Bonus), zip(ids, decimals, lines, strict=True)), source=source)


def _checked_rows(
    rows: Rows, lines: list[int], source: str | None, broken: InputProblem | None, text: str
) -> BonusList:
    """Every row checked on its own: the bonuses, or BonusFormatError with every problem."""
    problems: list[InputProblem] = []
    header_dropped = False
    if rows and _is_header(rows[0]):
        rows, lines, header_dropped = rows[1:], lines[1:], True
    separator = _file_separator(rows)
    if separator is not None:
        count = sum(1 for row in rows if len(row) == 1 and separator in row[0])
        problems.append(
            InputProblem(
                f"the file separates its fields with {FOREIGN_SEPARATORS[separator]}, not commas ({count} of "
                f'{len(rows)} lines): write id,amount lines. Save it from Excel as "CSV UTF-8 (Comma delimited)" '
                "(or set the list separator to a comma)",
                file=source,
                line=lines[0],
            )
        )
        raise BonusFormatError(problems, source=source)
    out = BonusList(source=source)
    seen: dict[str, int] = {}
    for index, (fields, line) in enumerate(zip(rows, lines, strict=True)):
        found = _row_problems(fields, line, source, first=index == 0 and not header_dropped)
        bonus_id = fields[0] if len(fields) == 2 and not any(p.field == "id" for p in found) else None
        if bonus_id is not None and bonus_id in seen:
            found.append(
                InputProblem(
                    f"{ID_KIND} {bonus_id} appears twice (lines {seen[bonus_id]} and {line}): give each id one line "
                    "(add the amounts up), or pay the second bonus in another run",
                    file=source,
                    line=line,
                    field="id",
                )
            )
        elif bonus_id is not None:
            seen[bonus_id] = line
        if found:
            problems.extend(found)
            continue
        out.append(Bonus(fields[0], Decimal(fields[1]), line))
    if broken is not None:
        problems.append(broken)
    if not out and not problems:
        problems.append(InputProblem(_empty(text), file=source))
    if problems:
        raise BonusFormatError(problems, source=source)
    return out


def _empty(text: str) -> str:
    if text.strip():
        return "no bonuses found: the file has only a header (participant_id,amount)"
    return "no bonuses found: the file is empty (write one id,amount line per bonus)"


def _file_separator(rows: Rows) -> str | None:
    """``;`` or a tab when the file's first row and most rows use it instead of commas."""
    if not rows or len(rows[0]) != 1:
        return None
    for separator in FOREIGN_SEPARATORS:
        if separator in rows[0][0]:
            using = sum(1 for row in rows if len(row) == 1 and separator in row[0])
            if 2 * using >= len(rows):
                return separator
    return None


def _row_problems(fields: list[str], line: int, source: str | None, *, first: bool) -> list[InputProblem]:
    def problem(reason: str, field: str | None = None) -> InputProblem:
        return InputProblem(reason, file=source, line=line, field=field)

    if len(fields) != 2:
        if len(fields) >= 3:
            amount = ",".join(fields[1:])
            reason = _amount_problem(amount)
            if fields[-1] == "" and len(fields) == 3 and reason is not None:
                return [problem("expected 2 fields (id,amount), found 3: remove the trailing comma")]
            if reason is not None and ("thousands separator" in reason or "a point, not a comma" in reason):
                return [problem(f"{reason} (the comma split the line into {len(fields)} fields)", "amount")]
            return [problem(f"expected 2 fields (id,amount), found {len(fields)}")]
        for separator, named in FOREIGN_SEPARATORS.items():
            if separator in fields[0]:
                return [problem(f"expected id,amount: this line separates its fields with {named}, not a comma")]
        return [problem("expected 2 fields (id,amount), found 1: add the amount after a comma")]
    bonus_id, amount = fields
    found = []
    id_reason = _id_problem(bonus_id)
    amount_reason = _amount_problem(amount)
    if first and id_reason is not None and amount_reason is not None and not any(c.isdigit() for c in amount):
        return [
            problem(
                f"not a bonus line ({bonus_id!r},{amount!r}); if it is a header, write participant_id,amount or "
                "submission_id,amount"
            )
        ]
    if id_reason is not None:
        found.append(problem(id_reason, "id"))
    if amount_reason is not None:
        found.append(problem(amount_reason, "amount"))
    return found


def _id_problem(value: str) -> str | None:
    if value != value.strip() and id_problem(value.strip(), ID_KIND) is None:
        return f"{value!r} has spaces around the id: remove them"
    if not value:
        return f"empty {ID_KIND}"
    return id_problem(value, ID_KIND)


def _amount_problem(text: str) -> str | None:
    """Why ``text`` is not a bonus amount (a positive number with at most 2 decimals), saying what to write."""
    if _VALID_AMOUNT.fullmatch(text) is not None:
        return None if Decimal(text) > 0 else f"{text!r} is not a bonus: the amount must be more than 0"
    if not text.strip():
        return "empty amount: write the bonus in the study's currency, e.g. 1.50"
    if text != text.strip():
        if _amount_problem(text.strip()) is None:
            return f"{text!r} has spaces around the amount: write {text.strip()}"
        text = text.strip()
    bare = text
    if any(sign in text for sign in _CURRENCY_SIGNS) or _CURRENCY_CODE.search(text):
        bare = _CURRENCY_CODE.sub("", text.translate({ord(s): None for s in _CURRENCY_SIGNS})).strip()
        suggestion = bare if _amount_problem(bare) is None else "the bare number, e.g. 1.50"
        return f"{text!r} has a currency sign: write {suggestion} (amounts are in the study's currency, without a sign)"
    thousands = _THOUSANDS.fullmatch(text)
    if thousands is not None and not _DECIMAL_COMMA.fullmatch(text):
        digits = thousands.group(1) + re.sub(r"\D", "", thousands.group(2)) + (thousands.group(3) or "")
        return f"{text!r} has a thousands separator: write {digits}"
    if _DECIMAL_COMMA.fullmatch(text):
        return f"{text!r}: write {text.replace(',', '.')} (a point, not a comma, before the decimals)"
    if text.startswith("-") and _PLAIN_NUMBER.fullmatch(text):
        return f"{text!r} is negative: a bonus must be more than 0"
    if _PLAIN_NUMBER.fullmatch(text):
        decimals = len(text.partition(".")[2])
        if decimals > 2:
            return (
                f"{text!r} has {decimals} decimals: bonuses are paid in whole pence/cents (at most 2 decimals, "
                "e.g. 1.25); round it yourself, it is not rounded silently"
            )
        return f"{text!r} is not written as a plain amount: write it like 0.50 or 12 (digits, at most 2 decimals)"
    try:
        Decimal(text)
    except InvalidOperation:
        return f"{text!r} is not a number: write the bonus in the study's currency, e.g. 1.50"
    return f"{text!r} is not written as a plain amount: write it like 0.50 or 12 (digits, at most 2 decimals)"


# -- reading pairs and mappings ---------------------------------------------------------------------


def _from_items(items: Iterable[object], source: str | None) -> BonusList:
    out = BonusList(source=source, unit="line" if source else "item")
    problems: list[InputProblem] = []
    seen: dict[str, int] = {}
    for number, item in enumerate(items, 1):
        unit = "line" if source else "item"
        if isinstance(item, Bonus):
            line = item.line if item.line is not None else number
            bonus_id, raw = item.id, item.amount
        elif isinstance(item, tuple | list) and len(item) == 2:
            line = number
            bonus_id, raw = item
        else:
            kind = (
                f"a {len(item)}-item {type(item).__name__}" if isinstance(item, tuple | list) else type(item).__name__
            )
            problems.append(
                InputProblem(f"expected an (id, amount) pair, got {kind}", line=number, file=source, unit=unit)
            )
            continue
        id_reason = _id_problem(bonus_id) if isinstance(bonus_id, str) else id_problem(bonus_id, ID_KIND)
        if id_reason is not None:
            problems.append(InputProblem(id_reason, line=line, field="id", file=source, unit=unit))
        amount, amount_reason = _amount_of(raw)
        if amount_reason is not None:
            problems.append(InputProblem(amount_reason, line=line, field="amount", file=source, unit=unit))
        if id_reason is not None:
            continue
        assert isinstance(bonus_id, str)
        if bonus_id in seen:
            problems.append(
                InputProblem(
                    f"{ID_KIND} {bonus_id} appears twice ({unit}s {seen[bonus_id]} and {line}): give each id one "
                    "bonus (add the amounts up)",
                    line=line,
                    field="id",
                    file=source,
                    unit=unit,
                )
            )
            continue
        seen[bonus_id] = line
        if amount is not None:
            out.append(Bonus(bonus_id, amount, line))
    if not out and not problems:
        problems.append(InputProblem("no bonuses given (the input is empty)", file=source))
    if problems:
        raise BonusFormatError(problems, source=source)
    return out


def _amount_of(raw: object) -> tuple[Decimal | None, str | None]:
    """A pair's amount as a Decimal, or why it is not one."""
    if isinstance(raw, bool):
        return None, f"the amount must be a number (Decimal, str or int), not {raw!r}"
    if isinstance(raw, str):
        reason = _amount_problem(raw)
        return (Decimal(raw), None) if reason is None else (None, reason)
    if isinstance(raw, float):
        raw = Decimal(repr(raw))  # the shortest text that reads back as this float: what was typed
    if isinstance(raw, int):
        raw = Decimal(raw)
    if not isinstance(raw, Decimal):
        return None, f"the amount must be a Decimal, str, int or float, not {type(raw).__name__}"
    if not raw.is_finite():
        return None, f"{raw} is not an amount"
    if raw <= 0:
        return None, f"{raw} is not a bonus: the amount must be more than 0"
    exponent = raw.as_tuple().exponent
    if isinstance(exponent, int) and exponent < -2 and raw != raw.quantize(Decimal("0.01")):
        return None, (
            f"{raw} has more than 2 decimals: bonuses are paid in whole pence/cents; round it yourself, it is not "
            "rounded silently"
        )
    return raw, None


# -- the pence warning --------------------------------------------------------------------------------


#: A whole amount this many times the others' median (or more) looks like pence among pounds.
_PENCE_RATIO = 50


def _warn_if_cents(bonuses: BonusList) -> None:
    """Warn when amounts look like pence: every one a whole number of 100 or more, or some among the others.

    "Among the others": a whole amount of 100 or more that is at least 50 times the median of the
    amounts that do not look so (``150`` among ``1.50``s). One warning, naming the lines.
    """
    hundred = Decimal(100)
    if not bonuses or max(map(_AMOUNT_OF, bonuses)) < hundred:  # the usual file: one pass, no more
        return
    suspects = [b for b in bonuses if b.amount >= hundred and b.amount == b.amount.to_integral_value()]
    others = sorted(b.amount for b in bonuses if b.amount < hundred or b.amount != b.amount.to_integral_value())
    if others:
        median = others[len(others) // 2]
        suspects = [b for b in suspects if b.amount >= median * _PENCE_RATIO]
    if not suspects:
        return
    first = suspects[0]
    whole = int(first.amount)
    advice = (
        f"{whole} pays £{whole:,}.00 — amounts are in pounds, not pence (in the study's currency, major units: "
        f"write {Decimal(whole) / 100:.2f} for {whole} pence)"
    )
    if not others:
        message = f"every amount is a whole number of 100 or more ({bonuses.where(first)}: {whole}): {advice}"
    else:
        count = len(suspects)
        lines = ", ".join(str(b.line) for b in suspects[:10]) + (f" and {count - 10} more" if count > 10 else "")
        where = f"{bonuses.source}, " if bonuses.source else ""
        message = (
            f"{count} amount{'s look' if count != 1 else ' looks'} like pence among the others (whose median is "
            f"{median}): {where}{bonuses.unit}{'s' if count != 1 else ''} {lines}; {advice}"
        )
    warnings.warn(message, BonusAmountWarning, stacklevel=3)
