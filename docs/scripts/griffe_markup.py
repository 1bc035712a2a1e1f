"""A griffe extension: docstrings as the docs site should read them; the code is left as it is.

The overlay's docstrings are written for ``help()`` and doctest (tests/unit/test_doctests.py runs
them), in reST flavour:

- ``>>>`` examples become fenced ``pycon`` blocks (Markdown would read ``>`` as a quote), without
  ``# doctest:`` flags;
- Sphinx roles (``:class:`~prolific.Credential```) become code spans.

The generated package's Google-style docstrings wrap long types onto the next line
(``results (list[A | B |`` / ``C] | Unset):``), which the Google parser cannot read as an item (a
warning, so a failure with ``--strict``): such an item's wrapped ``name (type):`` head is joined
back onto one line. Anything else still warns.
"""

from __future__ import annotations

import re
from typing import Any

import griffe

ROLE = re.compile(r":(?:class|meth|func|mod|attr|exc|data|obj|const):`(~?)([^`]+)`")
DOCTEST_FLAG = re.compile(r"\s*#\s*doctest:.*$")


def _role(match: re.Match[str]) -> str:
    target = match[2]
    return f"`{target.rpartition('.')[2] if match[1] else target}`"


def to_markdown(text: str) -> str:
    """Fence doctest examples (as ``pycon``, flags dropped) and turn Sphinx roles into code spans.

    A ``>>>`` line opens a fence at its indentation; a blank or less indented line closes it.
    (tests/docs/test_docs_markup.py has the examples: their output holds ``>>>``, which doctest
    would read as more examples.)
    """
    out: list[str] = []
    fence: str | None = None  # the indentation of the open fence
    for line in ROLE.sub(_role, text).splitlines():
        stripped = line.lstrip()
        indent = line[: len(line) - len(stripped)]
        if fence is None and stripped.startswith(">>>"):
            fence = indent
            out.append(f"{indent}```pycon")
        elif fence is not None and (not stripped or not indent.startswith(fence)):
            out.append(f"{fence}```")
            fence = None
        out.append(DOCTEST_FLAG.sub("", line) if fence is not None else line)
    if fence is not None:
        out.append(f"{fence}```")
    return "\n".join(out)


ITEM_SECTIONS = ("Args:", "Arguments:", "Attributes:", "Parameters:", "Keyword Args:", "Raises:")


def _head_complete(line: str) -> bool:
    """Whether an item line holds a whole ``name: …`` or ``name (type): …`` head."""
    text = line.strip()
    name = re.match(r"[\w*.]+", text)
    if name is None:
        return True  # not an item head: leave it to the parser
    rest = text[name.end() :].lstrip()
    if rest.startswith(":"):
        return True
    if not rest.startswith("("):
        return False
    depth = 0
    for index, char in enumerate(rest):
        depth += (char == "(") - (char == ")")
        if depth == 0:
            return rest[index + 1 :].lstrip().startswith(":")
    return False


def join_wrapped_items(text: str) -> str:
    r"""Join the wrapped heads of Google-style section items back onto one line.

    >>> print(join_wrapped_items("Attributes:\n    a (list[B |\n        C] | Unset): text\n    d (int):"))
    Attributes:
        a (list[B | C] | Unset): text
        d (int):
    """
    lines = text.splitlines()
    out: list[str] = []
    section: int | None = None  # the indentation of the current item section's title
    item: int | None = None  # the indentation of its items
    index = 0
    while index < len(lines):
        line = lines[index]
        stripped = line.strip()
        indent = len(line) - len(line.lstrip())
        if stripped in ITEM_SECTIONS:
            section, item = indent, None
        elif section is not None and stripped and indent <= section:
            section = None
        elif section is not None and stripped:
            item = indent if item is None else item
            while indent == item and not _head_complete(line) and index + 1 < len(lines):
                following = lines[index + 1]
                if not following.strip() or len(following) - len(following.lstrip()) <= item:
                    break
                line = f"{line.rstrip()} {following.strip()}"
                index += 1
        out.append(line)
        index += 1
    return "\n".join(out)


class DocstringMarkup(griffe.Extension):
    """Rewrites each docstring as it is loaded: Markdown for the overlay, joined items for the generated code."""

    def on_instance(self, *, obj: griffe.Object, **kwargs: Any) -> None:
        if obj.docstring is None:
            return
        package = obj.path.split(".")[0]
        if package == "prolific":
            obj.docstring.value = to_markdown(obj.docstring.value)
        elif package == "prolific_api_client":
            obj.docstring.value = join_wrapped_items(obj.docstring.value)
