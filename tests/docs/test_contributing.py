"""CONTRIBUTING.md explains the project from the clone alone, and its overlay tree matches the package."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CONTRIBUTING = ROOT / "CONTRIBUTING.md"
OVERLAY = ROOT / "overlay" / "prolific"


def test_it_points_at_nothing_outside_the_repository() -> None:
    text = CONTRIBUTING.read_text(encoding="utf-8")
    outside = re.findall(r"\.\./[\w./-]+|shared/DESIGN\.md", text)
    assert outside == [], f"CONTRIBUTING.md must explain itself; it points outside the clone: {outside}"


def test_the_overlay_tree_names_every_top_level_module_and_package() -> None:
    text = CONTRIBUTING.read_text(encoding="utf-8")
    tree = text.partition("overlay/prolific/\n")[2].partition("```")[0]
    assert tree, "CONTRIBUTING.md lost its overlay tree (a code block starting 'overlay/prolific/')"
    # The first column of each line (before the description): "_retry.py, _http.py", "credentials/  bonuses/".
    first_column = [
        re.split(r"\s{3,}", line.strip())[0]
        for line in tree.splitlines()
        if line.startswith("  ") and not line.startswith("   ")
    ]
    named = {m for column in first_column for m in re.findall(r"\b(_?[a-z][a-z_]*)(?:\.py|/)", column)}
    actual = {p.stem for p in OVERLAY.glob("*.py") if p.name not in ("__main__.py", "__init__.py")}
    actual |= {p.name for p in OVERLAY.iterdir() if p.is_dir() and (p / "__init__.py").exists()}
    missing = sorted(actual - named)
    stale = sorted(n for n in named - actual if not (OVERLAY / n).exists())
    assert missing == [], f"add these to CONTRIBUTING.md's overlay tree: {missing}"
    assert stale == [], f"CONTRIBUTING.md's overlay tree names modules that no longer exist: {stale}"
