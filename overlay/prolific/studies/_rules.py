"""Rules between a study's fields that the schema alone cannot say (offline; each cites where Prolific states it).

* ``estimated_completion_time`` > 0, and ``maximum_allowed_time`` not under it; under 2 + 2 ×
  estimated + 2 × √estimated minutes (the least the document's description of
  ``maximum_allowed_time`` gives) is a warning.
* ``total_available_places`` > 0; a reward > 0.
* ``url_parameters`` as ``prolific_id_option``: the URL carries ``{{%PROLIFIC_PID%}}`` (the
  document's example), else the participant's id never reaches the survey.
* Completion codes unique within the study; ``AUTOMATICALLY_APPROVE`` and ``MANUALLY_REVIEW`` not
  on one code (the document: "some actions can't be used together").
* ``filters`` and ``filter_set_id`` not together; a range filter's ``lower`` ≤ ``upper``.
* ``access_details``: allocations add up to ``total_available_places``.
* ``data_collection_method`` needs ``data_collection_id``, and excludes ``external_study_url``
  and ``access_details``.
* ``naivety_distribution_rate`` between 0 and 1.

Each rule looks only at fields of the right type (the schema check reports the others).

>>> from ._file import parse_text
>>> study = parse_text('{"estimated_completion_time": 20, "maximum_allowed_time": 10}', source="s.json")
>>> for problem in check_rules(study, "s.json"):
...     print(problem)  # doctest: +NORMALIZE_WHITESPACE
s.json:1:59: maximum_allowed_time: 10 minutes is under the estimated time (20): Prolific times out
submissions after maximum_allowed_time; give at least 51 (2 + 2 × 20 + 2 × √20) or leave it out
"""

from __future__ import annotations

import math
from typing import Any

from ._file import ERROR, WARNING, Node, StudyProblem
from ._schema import problem_at

__all__ = ["PID_PLACEHOLDER", "check_rules", "minimum_allowed_time"]

#: What a study URL carries for Prolific to put the participant's id in.
PID_PLACEHOLDER = "{{%PROLIFIC_PID%}}"


def minimum_allowed_time(estimated: int) -> int:
    """The least ``maximum_allowed_time`` for an estimate: 2 + 2e + 2√e minutes, rounded up.

    >>> minimum_allowed_time(10)
    29
    """
    return math.ceil(2 + 2 * estimated + 2 * math.sqrt(estimated))


def _int(node: Node | None) -> int | None:
    if node is None or isinstance(node.value, bool) or not isinstance(node.value, int):
        return None
    return node.value


def _number(node: Node | None) -> float | None:
    if node is None or isinstance(node.value, bool) or not isinstance(node.value, int | float):
        return None
    return float(node.value)


class _Rules:
    def __init__(self, root: Node, source: str) -> None:
        self.root = root
        self.source = source
        self.problems: list[StudyProblem] = []

    def add(self, node: Node | None, path: tuple[Any, ...], message: str, *, severity: str = ERROR) -> None:
        self.problems.append(problem_at(node, self.root, path, message, self.source, severity=severity))

    def times(self) -> None:
        estimated_node, maximum_node = self.root.get("estimated_completion_time"), self.root.get("maximum_allowed_time")
        estimated, maximum = _int(estimated_node), _int(maximum_node)
        if estimated is not None and estimated <= 0:
            self.add(estimated_node, ("estimated_completion_time",), "the estimated time is in whole minutes, > 0")
            return
        if estimated is None or maximum is None:
            return
        least = minimum_allowed_time(estimated)
        if maximum < estimated:
            self.add(
                maximum_node,
                ("maximum_allowed_time",),
                f"{maximum} minutes is under the estimated time ({estimated}): Prolific times out submissions after "
                f"maximum_allowed_time; give at least {least} (2 + 2 × {estimated} + 2 × √{estimated}) or leave it out",
            )
        elif maximum < least:
            # A warning: Prolific's own Go CLI templates give 10 for a 10-minute study, and whether the
            # API refuses it is not published; the document only describes the least value.
            self.add(
                maximum_node,
                ("maximum_allowed_time",),
                f"{maximum} minutes is under the least maximum time Prolific's document gives for a {estimated}-minute "
                f"study ({least}: 2 + 2 × {estimated} + 2 × √{estimated}); Prolific may refuse it: give at least "
                f"{least}, or leave it out (Prolific then uses the largest)",
                severity=WARNING,
            )

    def places_and_reward(self) -> None:
        places_node = self.root.get("total_available_places")
        places = _int(places_node)
        if places is not None and places <= 0:
            self.add(places_node, ("total_available_places",), "places must be more than 0")
        reward_node = self.root.get("reward")
        reward = _number(reward_node)
        if reward is not None and reward <= 0:
            self.add(reward_node, ("reward",), "the reward must be more than 0 (cents)")

    def url(self) -> None:
        option, url = self.root.get("prolific_id_option"), self.root.get("external_study_url")
        if url is None or not isinstance(url.value, str):
            return
        if not url.value.startswith(("https://", "http://")):
            self.add(url, ("external_study_url",), "the study URL starts with https://")
        elif url.value.startswith("http://"):
            self.add(
                url,
                ("external_study_url",),
                "the study URL is not https: participants' browsers may warn",
                severity=WARNING,
            )
        if option is not None and option.value == "url_parameters" and PID_PLACEHOLDER not in url.value:
            joiner = "&" if "?" in url.value else "?"
            self.add(
                url,
                ("external_study_url",),
                f"prolific_id_option is url_parameters but the URL does not carry {PID_PLACEHOLDER}: add "
                f"{joiner}PROLIFIC_PID={PID_PLACEHOLDER} (Prolific puts the participant's id there)",
            )

    def completion_codes(self) -> None:
        codes = self.root.get("completion_codes")
        if codes is None or not isinstance(codes.items, list):
            return
        method = self.root.get("data_collection_method")
        if not codes.items and (method is None or method.value is None):
            self.add(codes, ("completion_codes",), "give at least one completion code (the code participants enter)")
        seen: dict[str, int] = {}
        for index, code in enumerate(codes.items):
            value = code.get("code")
            if value is not None and isinstance(value.value, str):
                if value.value in seen:
                    self.add(
                        value,
                        ("completion_codes", index, "code"),
                        f"code {value.value!r} is already completion_codes[{seen[value.value]}]: each code is unique",
                    )
                seen.setdefault(value.value, index)
            actions = code.get("actions")
            if actions is None or not isinstance(actions.value, list):
                continue
            names = [a.get("action") for a in actions.value if isinstance(a, dict)]
            if "AUTOMATICALLY_APPROVE" in names and "MANUALLY_REVIEW" in names:
                self.add(
                    actions,
                    ("completion_codes", index, "actions"),
                    "AUTOMATICALLY_APPROVE and MANUALLY_REVIEW cannot be on one code: keep one",
                )

    def filters(self) -> None:
        filters, filter_set = self.root.get("filters"), self.root.get("filter_set_id")
        if filters is not None and filter_set is not None and filter_set.value is not None and filters.value:
            self.add(filter_set, ("filter_set_id",), "filter_set_id cannot be used with filters: give one of them")
        if filters is None or not isinstance(filters.items, list):
            return
        for index, entry in enumerate(filters.items):
            selected = entry.get("selected_range")
            if selected is None:
                continue
            lower, upper = _number(selected.get("lower")), _number(selected.get("upper"))
            if lower is not None and upper is not None and lower > upper:
                self.add(
                    selected.get("lower"),
                    ("filters", index, "selected_range", "lower"),
                    f"lower ({selected.value['lower']}) is above upper ({selected.value['upper']})",
                )

    def access_details(self) -> None:
        details, places = self.root.get("access_details"), _int(self.root.get("total_available_places"))
        if details is None or not isinstance(details.value, list) or not details.value or places is None:
            return
        allocations = [d.get("total_allocation") for d in details.value if isinstance(d, dict)]
        numbers = [a for a in allocations if isinstance(a, int | float) and not isinstance(a, bool)]
        if len(numbers) == len(allocations):
            total = sum(numbers)
            if total != places:
                self.add(
                    details,
                    ("access_details",),
                    f"the allocations add up to {total:g}, but total_available_places is {places}: Prolific needs them "
                    "equal",
                )

    def data_collection(self) -> None:
        method = self.root.get("data_collection_method")
        if method is None or method.value is None:
            return
        collection = self.root.get("data_collection_id")
        if collection is None or not collection.value:
            self.add(method, ("data_collection_method",), "data_collection_method needs data_collection_id")
        for other in ("external_study_url", "access_details"):
            node = self.root.get(other)
            if node is not None and node.value:
                self.add(node, (other,), f"{other} cannot be used with data_collection_method: give one of them")

    def naivety(self) -> None:
        node = self.root.get("naivety_distribution_rate")
        rate = _number(node)
        if rate is not None and not 0 <= rate <= 1:
            self.add(node, ("naivety_distribution_rate",), "the naivety distribution rate is between 0 and 1")


def check_rules(root: Node, source: str) -> list[StudyProblem]:
    """Every cross-field problem of ``root`` (the wire form of a study), in the file's order of fields."""
    if not root.is_mapping:
        return []
    rules = _Rules(root, source)
    rules.times()
    rules.places_and_reward()
    rules.url()
    rules.completion_codes()
    rules.filters()
    rules.access_details()
    rules.data_collection()
    rules.naivety()
    return rules.problems
