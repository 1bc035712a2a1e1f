"""Every example in the overlay's docstrings runs and shows what it says (``# doctest: +SKIP`` aside).

Examples that need a real account are marked ``+SKIP``; everything else, e.g. ``find_problems`` or
``FakeProlific``, is executed here, so a docstring cannot drift from the code.
"""

from __future__ import annotations

import doctest
import importlib
import pkgutil
from types import ModuleType

import pytest

import prolific

MODULES = ["prolific", *(info.name for info in pkgutil.walk_packages(prolific.__path__, "prolific."))]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples_pass(name: str) -> None:
    module: ModuleType = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS, report=True)
    assert result.failed == 0, f"{result.failed} docstring example(s) in {name} failed (see the output above)"


def test_the_examples_are_found() -> None:
    # Counted, not run: the test above runs each example once.
    finder = doctest.DocTestFinder()
    found = sum(len(test.examples) for name in MODULES for test in finder.find(importlib.import_module(name)))
    assert found >= 40, found  # 44 when written; fewer means examples stopped being collected
