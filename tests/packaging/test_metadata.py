"""What an index page and a user's tools read: license, authors, classifiers, URLs, changelog."""

from __future__ import annotations

import email.parser
import re
import zipfile
from email.message import Message

from conftest import ROOT, Dist


def wheel_metadata(dist: Dist) -> tuple[Message, set[str]]:
    with zipfile.ZipFile(dist.wheel) as wheel:
        names = set(wheel.namelist())
        [name] = [n for n in names if n.endswith(".dist-info/METADATA")]
        return email.parser.Parser().parsestr(wheel.read(name).decode()), names


def test_wheel_metadata_names_license_authors_classifiers_and_urls(dist: Dist) -> None:
    metadata, names = wheel_metadata(dist)
    assert metadata["License-Expression"] == "MIT"
    assert metadata["License-File"] == "LICENSE" and any(n.endswith(".dist-info/licenses/LICENSE") for n in names)
    assert metadata["Author"] or metadata["Author-email"]
    classifiers = metadata.get_all("Classifier") or []
    assert {"Typing :: Typed", "Programming Language :: Python :: 3.11"} <= set(classifiers)
    urls = dict(value.split(", ", 1) for value in metadata.get_all("Project-URL") or [])
    assert urls and all(url.startswith("https://") for url in urls.values())
    assert metadata["Requires-Python"] == ">=3.11"


def test_license_is_the_mit_text() -> None:
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert text.startswith("MIT License\n") and "Permission is hereby granted, free of charge" in text


def test_changelog_keeps_a_changelog() -> None:
    text = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert text.startswith("# Changelog\n") and "keepachangelog.com" in text
    sections = re.split(r"^## ", text, flags=re.MULTILINE)[1:]
    assert sections and sections[0].startswith("[Unreleased]"), "the first section is [Unreleased]"
    kinds = re.findall(r"^### (\w+)$", sections[0], re.MULTILINE)
    assert kinds and set(kinds) <= {"Added", "Changed", "Deprecated", "Removed", "Fixed", "Security"}
    assert re.search(r"^- \S", sections[0], re.MULTILINE)  # at least one entry
