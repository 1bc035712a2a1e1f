"""The config file's writer (one value set, the rest kept) and its template."""

from __future__ import annotations

import tomllib
from decimal import Decimal
from pathlib import Path

import pytest

from prolific._profiles import KEYS_BY_NAME, dig, parse_config, set_value, template, toml_value

PATH = Path("config.toml")


def test_the_template_is_valid_and_documents_every_key() -> None:
    text = template("lab")
    config = parse_config(text, PATH)
    assert config.default_profile is not None and config.default_profile.value == "lab"
    assert config.profiles == {"lab": {}}  # every key commented out
    for name in KEYS_BY_NAME:
        if name != "token":  # the token is left out on purpose
            assert f"# {name} = " in text, name
    assert "token = " not in text.replace("token_command = ", "")


def test_replacing_a_value_keeps_every_other_line() -> None:
    text = "# my settings\ndefault_profile = 'lab'  # the lab\n\n[profiles.lab]\nworkspace_id = 'old'   # note\nproject_id = 'p'\n"
    new = set_value(text, ("profiles", "lab", "workspace_id"), '"new"')
    assert new.splitlines() == [
        "# my settings",
        "default_profile = 'lab'  # the lab",
        "",
        "[profiles.lab]",
        'workspace_id = "new"',
        "project_id = 'p'",
    ]


def test_a_new_key_goes_after_its_commented_example() -> None:
    text = template("lab")
    new = set_value(text, ("profiles", "lab", "bonuses", "max_total"), "250.00")
    lines = new.splitlines()
    at = lines.index("bonuses.max_total = 250.00")
    assert lines[at - 1].startswith("# bonuses.max_total = ")
    assert parse_config(new, PATH).profiles["lab"]["bonuses.max_total"].value == Decimal("250.00")
    assert len(lines) == len(text.splitlines()) + 1


@pytest.mark.parametrize(
    ("text", "path", "value"),
    [
        # a key in a sub-table that exists
        ("[profiles.lab]\nworkspace_id = 'w'\n\n[profiles.lab.bonuses]\nmax_total = 5\n", ("profiles", "lab", "bonuses", "max_total"), "7"),
        ("[profiles.lab]\nworkspace_id = 'w'\n\n[profiles.lab.bonuses]\nmax_total = 5\n[profiles.x]\n", ("profiles", "lab", "studies", "max_spend"), "9"),
        ("[profiles.lab.studies]\nmax_spend = 5\n", ("profiles", "lab", "studies", "max_spend"), "10"),
        # a new profile, a new top-level key, a file without anything
        ("default_profile = 'lab'\n[profiles.lab]\nworkspace_id = 'w'\n", ("profiles", "personal", "base_url"), '"https://x.example.org"'),
        ("# only a comment\n\n[profiles.lab]\n", ("default_profile",), '"lab"'),
        ("default_profile = 'old'\n[profiles.lab]\n", ("default_profile",), '"lab"'),
        ("", ("profiles", "lab", "workspace_id"), '"w"'),
        ("", ("default_profile",), '"lab"'),
        # a profile name that must be quoted, a dotted key written with spaces
        ('[profiles."my lab"]\n', ("profiles", "my lab", "workspace_id"), '"w"'),
        ("[profiles.lab]\nbonuses . max_total = 1\n", ("profiles", "lab", "bonuses", "max_total"), "2"),
        # a line in a multi-line string that looks like a key is not one
        ("[profiles.lab]\nnote = '''\nworkspace_id = 1\n'''\n", ("profiles", "lab", "workspace_id"), '"w"'),
    ],
)  # fmt: skip
def test_set_value_reads_back(text: str, path: tuple[str, ...], value: str) -> None:
    new = set_value(text, path, value)
    assert dig(tomllib.loads(new), path) == tomllib.loads(f"v = {value}")["v"]
    before = tomllib.loads(text) if text else {}
    after = tomllib.loads(new)
    # nothing else changed
    assert _without(after, path) == _without(before, path)


def _without(data: dict[str, object], path: tuple[str, ...]) -> dict[str, object]:
    import copy

    data = copy.deepcopy(data)
    node: object = data
    for part in path[:-1]:
        if not isinstance(node, dict) or part not in node:
            return _prune(data)
        node = node[part]
    if isinstance(node, dict):
        node.pop(path[-1], None)
    return _prune(data)


def _prune(data: dict[str, object]) -> dict[str, object]:
    """Empty tables left out (a new profile's table is empty once its one key is taken away)."""
    out: dict[str, object] = {}
    for key, value in data.items():
        if isinstance(value, dict):
            value = _prune(value)
            if not value:
                continue
        out[key] = value
    return out


def test_a_value_over_several_lines_is_replaced_whole() -> None:
    text = "[profiles.lab]\ntoken_command = [\n  'pass',  # the manager\n  'show', ']',\n]\nworkspace_id = 'w'\n"
    new = set_value(text, ("profiles", "lab", "token_command"), '"op read x"')
    assert new == "[profiles.lab]\ntoken_command = \"op read x\"\nworkspace_id = 'w'\n"
    text = '[profiles.lab]\nnote = """\n[not a table]\nx = 1"""\n'
    new = set_value(text, ("profiles", "lab", "workspace_id"), '"w"')
    assert tomllib.loads(new)["profiles"]["lab"] == {"note": "[not a table]\nx = 1", "workspace_id": "w"}


def test_values_are_written_as_toml() -> None:
    amount = KEYS_BY_NAME["bonuses.max_total"]
    assert toml_value(amount, Decimal("250.00")) == "250.00"
    assert toml_value(amount, Decimal("1E+2")) == '"1E+2"'  # read back as the same amount
    assert toml_value(KEYS_BY_NAME["state_url"], 'C:\\state "x"') == '"C:\\\\state \\"x\\""'
    odd = "é\u0001"
    assert tomllib.loads("v = " + toml_value(None, odd))["v"] == odd
