"""The keys a person writes better than the wire format, turned into the ``create-study`` body (offline part).

A study file is the ``CreateStudy`` body as Prolific's document names it; these keys are added
(each is removed from the body that is sent, and turned into wire fields):

``reward``
    A number is cents (pence), as on the wire: ``reward: 400``. A number written with a decimal
    point (``4.00``) looks like pounds and is refused with what to write. Text states its unit:
    ``"£4.00"``, ``"4.00 GBP"``, ``"$4.50"``, ``"4.50 USD"``, ``"400p"``, ``"400 cents"``.
``reward_per_hour``
    An hourly rate in the same forms (a bare number is cents per hour); the reward is the rate ×
    ``estimated_completion_time`` / 60, rounded up to a whole cent (never under the rate).
``project_name`` (with ``workspace``)
    The project by its title in the workspace; resolved to ``project`` online (``get-projects``).
``workspace``
    The workspace by id or title: where ``project_name`` and ``credentials_file`` are looked up or
    created (otherwise the project's workspace).
``credentials_file``
    A CSV of ``username,password`` lines (a path relative to the study file): ``apply`` uploads it
    as a new credential pool of the study's workspace and sets ``credential_pool_id``. Checked
    offline like ``credentials check``; fewer than Prolific's advised 1.5 credentials per place is
    a warning.
``study_id``
    The study this file describes (written by ``studies pull``): ``plan`` and ``apply`` compare with
    and patch it instead of creating a draft.
``filters[i].filter`` and ``filters[i].values``
    A filter by its title (or id) and its values by their labels (or ids), resolved online against
    ``get-filters`` to ``filter_id`` and ``selected_values``.

Deprecated keys of Prolific's Go CLI templates are named with their replacement (see
:data:`._schema.DEPRECATED`); ``completion_code`` alone is sent as the ``completion_codes`` entry
Prolific itself makes by default (one ``COMPLETED`` code, reviewed by hand), and the warning says
so. Nothing is changed without a message.

>>> from ._file import parse_text
>>> result = to_wire(parse_text('{"reward": "£4.50", "estimated_completion_time": 10}', source="s.json"), "s.json")
>>> result.body["reward"], result.currency
(450, 'GBP')
"""

from __future__ import annotations

import math
import os
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from .._validation import id_problem
from ._file import ERROR, WARNING, Node, Path, StudyProblem, mapping, scalar, sequence
from ._schema import DEPRECATED, problem_at

__all__ = ["FRIENDLY_KEYS", "Wire", "parse_amount", "to_wire"]

#: The top-level keys this module reads (never sent as they are).
FRIENDLY_KEYS = ("reward_per_hour", "project_name", "workspace", "credentials_file", "study_id")
#: The keys a ``filters`` entry may use instead of ``filter_id`` and ``selected_values``.
FILTER_KEYS = ("filter", "values")
_MAJOR = {"£": "GBP", "$": "USD", "€": "EUR", "gbp": "GBP", "usd": "USD", "eur": "EUR"}
_MAJOR_WORDS = {"pound": "GBP", "pounds": "GBP", "dollar": "USD", "dollars": "USD", "euro": "EUR", "euros": "EUR"}
_MINOR = {"p": "GBP", "pence": "GBP", "penny": "GBP", "c": None, "cent": None, "cents": None}
_AMOUNT = re.compile(r"(?P<symbol>[£$€])?\s*(?P<number>\d+(?:[.,]\d+)?)\s*(?P<unit>[a-zA-Z]+)?")
_DEFAULT_CODE = {"code_type": "COMPLETED", "actions": [{"action": "MANUALLY_REVIEW"}]}


@dataclass
class Amount:
    """An amount with its unit read: ``cents`` (a whole number) and the ``currency`` when the text said it."""

    cents: int
    currency: str | None


def parse_amount(node: Node, what: str) -> Amount | str:
    """The :class:`Amount` ``node`` states, or the message saying what to write instead.

    >>> from ._file import scalar
    >>> parse_amount(scalar("4.00 GBP", 1, 1), "reward")
    Amount(cents=400, currency='GBP')
    >>> print(parse_amount(scalar(4.0, 1, 1, "4.00"), "reward"))  # doctest: +NORMALIZE_WHITESPACE
    4.00 looks like pounds or dollars, but a reward without its unit is in cents (pence):
    write 400 for 4.00, or write the unit: '£4.00', '4.00 USD'
    """
    value, text = node.value, node.text
    if isinstance(value, bool) or value is None or node.items is not None:
        return f"the {what} is a number of cents (400) or an amount with its unit ('£4.00')"
    if isinstance(value, int) and not (text and re.search(r"[.eE]", text)):
        return Amount(value, None) if value >= 0 else f"the {what} cannot be negative"
    if isinstance(value, int | float):
        written = text or repr(value)
        try:
            cents = (Decimal(written) * 100).quantize(Decimal(1))
        except InvalidOperation:
            cents = Decimal(round(value * 100))
        return (
            f"{written} looks like pounds or dollars, but a {what} without its unit is in cents (pence): "
            f"write {cents} for {written}, or write the unit: '£{written}', '{written} USD'"
        )
    match = _AMOUNT.fullmatch(value.strip())
    if match is None:
        return f"{value!r} is not an amount: write cents as a number (400) or the amount with its unit ('£4.00')"
    symbol, number, unit = match.group("symbol"), match.group("number").replace(",", "."), match.group("unit")
    unit_key = (unit or "").lower()
    if symbol is None and unit is None:
        return (
            f"text where a number goes: write {number} without quotes (cents), or the amount with its unit "
            f"('£{number}')"
        )
    if unit is not None and unit_key not in _MAJOR and unit_key not in _MAJOR_WORDS and unit_key not in _MINOR:
        return (
            f"unknown unit {unit!r}: write GBP, USD, EUR (or £, $, €) for pounds, dollars, euros; p or cents for cents"
        )
    if symbol is not None and unit_key in _MINOR:
        return (
            f"{value!r} mixes {symbol} with {unit}: write '{symbol}{number}' for {number} whole units, "
            f"or '{number} {unit}'"
        )
    if unit_key in _MINOR:
        if "." in number:
            return f"{value!r}: cents are whole: write {number.split('.')[0]} {unit}, or '£{number}' for pounds"
        return Amount(int(number), _MINOR[unit_key])
    named = _MAJOR.get(unit_key) or _MAJOR_WORDS.get(unit_key)
    if symbol is not None and named is not None and _MAJOR[symbol] != named:
        return f"{value!r} names two currencies ({symbol} and {unit}): write one"
    currency = _MAJOR[symbol] if symbol is not None else named
    amount = Decimal(number)
    if amount != amount.quantize(Decimal("0.01")):
        return f"{value!r} has more than two decimals: amounts are paid in whole cents"
    return Amount(int(amount * 100), currency)


@dataclass
class Wire:
    """What :func:`to_wire` made of a file: the wire ``node`` (positions kept), its ``body``, and what is left to do.

    ``currency``: the reward's currency when the file stated it (checked against the workspace's
    online). ``pending``: what only Prolific can resolve, as ``(kind, path, name)``:
    ``("project", ("project",), title)``, ``("workspace", ("workspace",), id or title)``,
    ``("filter", ("filters", i, "filter_id"), title)``, ``("values", ("filters", i, "selected_values"), None)``.
    ``credentials``: the credentials file's path and how many it has; ``study_id``: the study the file describes.
    """

    node: Node
    problems: list[StudyProblem]
    root: Node | None = None
    currency: str | None = None
    reward_per_hour: int | None = None
    pending: list[tuple[str, Path, str | None]] = field(default_factory=list)
    credentials: tuple[str, int] | None = None
    study_id: str | None = None
    workspace: str | None = None

    @property
    def body(self) -> dict[str, Any]:
        """The wire body as plain data (what ``create-study`` would be sent, before online resolution)."""
        value: dict[str, Any] = self.node.value if isinstance(self.node.value, dict) else {}
        return value


class _Converter:
    def __init__(self, root: Node, source: str) -> None:
        self.root = root
        self.source = source
        self.problems: list[StudyProblem] = []

    def add(self, node: Node | None, path: Path, message: str, *, key: bool = False, severity: str = ERROR) -> None:
        self.problems.append(problem_at(node, self.root, path, message, self.source, key=key, severity=severity))


def to_wire(root: Node, source: str) -> Wire:
    """The wire form of a study file's root node, every friendly key read (offline), with the problems found."""
    conv = _Converter(root, source)
    if not root.is_mapping:
        return Wire(root, [], root)  # the schema check says what a study is
    assert isinstance(root.items, dict)
    items = dict(root.items)
    keys = dict(root.keys)
    wire = Wire(root, conv.problems, root)

    for key in FRIENDLY_KEYS:
        items.pop(key, None)
    _reward(conv, root, items, wire)
    _deprecated(conv, root, items)
    _filters(conv, root, items, wire)
    _project(conv, root, items, wire)
    _credentials(conv, root, items, wire)
    _study_id(conv, root, wire)
    wire.node = mapping(items, root.line, root.column, {k: keys[k] for k in items if k in keys})
    return wire


def _text_key(conv: _Converter, root: Node, key: str) -> str | None:
    node = root.get(key)
    if node is None:
        return None
    if not isinstance(node.value, str) or not node.value.strip():
        conv.add(node, (key,), f"{key} is text (a name, an id or a path)")
        return None
    return node.value.strip()


def _reward(conv: _Converter, root: Node, items: dict[str, Node], wire: Wire) -> None:
    reward, hourly = root.get("reward"), root.get("reward_per_hour")
    if reward is not None and hourly is not None:
        conv.add(hourly, ("reward_per_hour",), "give reward or reward_per_hour, not both", key=True)
        return
    if reward is not None:
        amount = parse_amount(reward, "reward")
        if isinstance(amount, str):
            conv.add(reward, ("reward",), amount)  # the node stays: "reward is required" would mislead
            return
        wire.currency = amount.currency
        items["reward"] = scalar(amount.cents, reward.line, reward.column, reward.text)
        return
    if hourly is None:
        return
    rate = parse_amount(hourly, "reward_per_hour")
    if isinstance(rate, str):
        conv.add(hourly, ("reward_per_hour",), rate.replace("a reward_per_hour", "an hourly rate"))
        return
    minutes = root.get("estimated_completion_time")
    if minutes is None or isinstance(minutes.value, bool) or not isinstance(minutes.value, int) or minutes.value <= 0:
        conv.add(
            hourly,
            ("reward_per_hour",),
            "reward_per_hour needs estimated_completion_time (whole minutes, > 0) to make the reward",
            key=True,
        )
        return
    wire.currency, wire.reward_per_hour = rate.currency, rate.cents
    cents = math.ceil(rate.cents * minutes.value / 60)
    items["reward"] = scalar(cents, hourly.line, hourly.column, None)


def _deprecated(conv: _Converter, root: Node, items: dict[str, Node]) -> None:
    codes = root.get("completion_codes")
    for key, (replacement, todo) in DEPRECATED.items():
        node = root.get(key)
        if node is None:
            continue
        items.pop(key)
        message = f"{key} is deprecated (not in Prolific's document; {replacement} replaces it)"
        if key == "eligibility_requirements":
            conv.add(node, (key,), f"{message}: {todo}; nothing was translated", key=True)
        elif key == "completion_code" and codes is None and isinstance(node.value, str) and node.value:
            code = {"code": node.value, **_DEFAULT_CODE}
            conv.add(
                node,
                (key,),
                f"{message}: sent as completion_codes: [{{code: {node.value}, code_type: COMPLETED, actions: "
                "[{action: MANUALLY_REVIEW}]}] (Prolific's default); write that instead",
                key=True,
                severity=WARNING,
            )
            items["completion_codes"] = _plain([code], node.line, node.column)
        elif key == "completion_code" and codes is not None:
            listed = (
                [c.get("code") for c in codes.value if isinstance(c, dict)] if isinstance(codes.value, list) else []
            )
            unlisted = "" if node.value in listed else f"; its code {node.value!r} is not among completion_codes"
            conv.add(node, (key,), f"{message}: not sent{unlisted}", key=True, severity=WARNING)
        elif key == "completion_code":
            conv.add(node, (key,), f"{message}: {todo}", key=True)
        else:
            conv.add(node, (key,), f"{message}: not sent; {todo}", key=True, severity=WARNING)


def _plain(value: Any, line: int, column: int) -> Node:
    """A node tree for a value the converter writes (every node at the position it came from)."""
    if isinstance(value, dict):
        return mapping({k: _plain(v, line, column) for k, v in value.items()}, line, column)
    if isinstance(value, list):
        return sequence([_plain(v, line, column) for v in value], line, column)
    return scalar(value, line, column)


def _filters(conv: _Converter, root: Node, items: dict[str, Node], wire: Wire) -> None:
    filters = root.get("filters")
    if filters is None or not isinstance(filters.items, list):
        return
    entries: list[Node] = []
    for index, entry in enumerate(filters.items):
        if not isinstance(entry.items, dict) or not any(k in entry.items for k in FILTER_KEYS):
            entries.append(entry)
            continue
        fields = dict(entry.items)
        keys = dict(entry.keys)
        name = entry.get("filter")
        if name is not None:
            if "filter_id" in fields:
                conv.add(name, ("filters", index, "filter"), "give filter (a title) or filter_id, not both", key=True)
            elif not isinstance(name.value, str) or not name.value.strip():
                conv.add(name, ("filters", index, "filter"), "filter is a filter's title or id (text)")
            else:
                wire.pending.append(("filter", ("filters", index, "filter_id"), name.value.strip()))
                fields["filter_id"], keys["filter_id"] = (
                    fields.pop("filter"),
                    keys.pop("filter", (name.line, name.column)),
                )
        values = entry.get("values")
        if values is not None:
            if "selected_values" in fields:
                conv.add(
                    values, ("filters", index, "values"), "give values (labels) or selected_values, not both", key=True
                )
            else:
                if isinstance(values.value, str | int) and not isinstance(values.value, bool):
                    values = sequence(
                        [scalar(str(values.value), values.line, values.column)], values.line, values.column
                    )
                elif isinstance(values.items, list):
                    values = sequence(
                        [
                            scalar(str(v.value), v.line, v.column, v.text)
                            if isinstance(v.value, int | float) and not isinstance(v.value, bool)
                            else v
                            for v in values.items
                        ],
                        values.line,
                        values.column,
                    )
                wire.pending.append(("values", ("filters", index, "selected_values"), None))
                fields.pop("values")
                fields["selected_values"] = values
                keys["selected_values"] = keys.pop("values", (values.line, values.column))
        entries.append(mapping(fields, entry.line, entry.column, keys))
    items["filters"] = sequence(entries, filters.line, filters.column)


def _project(conv: _Converter, root: Node, items: dict[str, Node], wire: Wire) -> None:
    name = _text_key(conv, root, "project_name")
    workspace = _text_key(conv, root, "workspace")
    if workspace is not None:
        wire.workspace = workspace
        wire.pending.append(("workspace", ("workspace",), workspace))
    if name is None:
        return
    if "project" in items:
        conv.add(
            root.get("project_name"), ("project_name",), "give project (an id) or project_name, not both", key=True
        )
        return
    if workspace is None:
        conv.add(
            root.get("project_name"),
            ("project_name",),
            "project_name needs workspace (its id or title): project titles are looked up in one workspace",
            key=True,
        )
        return
    wire.pending.append(("project", ("project",), name))


def _credentials(conv: _Converter, root: Node, items: dict[str, Node], wire: Wire) -> None:
    path = _text_key(conv, root, "credentials_file")
    if path is None:
        return
    node = root.get("credentials_file")
    if "credential_pool_id" in items:
        conv.add(node, ("credentials_file",), "give credential_pool_id or credentials_file, not both", key=True)
        return
    from .._errors import CredentialsFormatError
    from ..credentials import find_problems, read_credentials

    where = os.path.join(os.path.dirname(conv.source), path) if not os.path.isabs(path) else path
    try:
        credentials = read_credentials(where)
    except CredentialsFormatError as exc:
        problems = exc.problems
        if exc.line is not None:  # every problem of the file, as `credentials check` lists them
            try:
                with open(where, encoding="utf-8-sig") as handle:
                    _, errors = find_problems(handle.read(), source=where)
                problems = [p for error in errors for p in error.problems] or problems
            except (OSError, UnicodeDecodeError):
                pass
        shown = "; ".join(str(p) for p in problems[:3]) + (
            f"; and {len(problems) - 3} more" if len(problems) > 3 else ""
        )
        conv.add(node, ("credentials_file",), f"the credentials file cannot be uploaded: {shown}")
        return
    wire.credentials = (where, len(credentials))
    places = root.get("total_available_places")
    if places is not None and isinstance(places.value, int) and not isinstance(places.value, bool):
        from ..credentials import required_credentials

        needed = required_credentials(places.value)
        if len(credentials) < needed:
            conv.add(
                node,
                ("credentials_file",),
                f"{len(credentials)} credentials for {places.value} places: Prolific advises at least {needed} "
                "(1.5 per place: returned and timed-out participants use some up)",
                severity=WARNING,
            )


def _study_id(conv: _Converter, root: Node, wire: Wire) -> None:
    node = root.get("study_id")
    if node is None:
        return
    problem = id_problem(node.value, "study id")
    if problem is not None:
        conv.add(node, ("study_id",), problem)
        return
    wire.study_id = node.value
