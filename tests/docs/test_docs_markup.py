"""The docs' griffe extension: its examples run, and it reads the real docstrings it is for."""

from __future__ import annotations

import doctest
import importlib.util
import inspect
from pathlib import Path
from types import ModuleType

from prolific.resources.credentials import Credentials

SCRIPT = Path(__file__).resolve().parents[2] / "docs" / "scripts" / "griffe_markup.py"


def load() -> ModuleType:
    spec = importlib.util.spec_from_file_location("griffe_markup", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_examples() -> None:
    result = doctest.testmod(load())
    assert result.attempted >= 1 and result.failed == 0


def test_to_markdown() -> None:
    text = "See :class:`~prolific.Credential` and :meth:`Credentials.add`.\n\n    >>> 1 + 1  # doctest: +SKIP\n    2\n\nAfter."
    assert load().to_markdown(text).splitlines() == [
        "See `Credential` and `Credentials.add`.",
        "",
        "    ```pycon",
        "    >>> 1 + 1",
        "    2",
        "    ```",
        "",
        "After.",
    ]


def test_overlay_docstring_examples_become_console_blocks() -> None:
    text = load().to_markdown(inspect.getdoc(Credentials.create_pool) or "")
    assert "```pycon\n>>> client.credentials.create_pool(" in text
    assert "doctest:" not in text and ":class:" not in text and "`Credential`" in text


def test_wrapped_generated_items_are_joined() -> None:
    # As openapi-python-client wraps a long type (seen in the whole-API document's models).
    docstring = (
        "Attributes:\n"
        "    dataset_id (UUID): The ID of the dataset.\n"
        "    http_method\n"
        "        (ApiV1DataCollectionDatasetsDatasetIdUploadUrlFilenameGetResponsesContentApplicationJsonSchemaHttpMethod): HTTP\n"
        "        method to use with the presigned URL.\n"
        "    results (list[RangeFilterListDetailedResponse | RangeFilterListResponse | SelectFilterListDetailedResponse |\n"
        "        SelectFilterListResponse] | Unset):\n"
        "    meta (FilterListMeta | Unset):"
    )
    assert load().join_wrapped_items(docstring).splitlines() == [
        "Attributes:",
        "    dataset_id (UUID): The ID of the dataset.",
        "    http_method (ApiV1DataCollectionDatasetsDatasetIdUploadUrlFilenameGetResponsesContentApplicationJsonSchemaHttpMethod): HTTP",
        "        method to use with the presigned URL.",
        "    results (list[RangeFilterListDetailedResponse | RangeFilterListResponse | SelectFilterListDetailedResponse | SelectFilterListResponse] | Unset):",
        "    meta (FilterListMeta | Unset):",
    ]


def test_the_readme_stays_short() -> None:
    """The README is for users (what it is, install, quickstart, links): at most 150 lines; the rest in docs/."""
    readme = Path(__file__).resolve().parents[2] / "README.md"
    assert len(readme.read_text(encoding="utf-8").splitlines()) <= 150
