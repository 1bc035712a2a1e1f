"""The docs site: `mkdocs build --strict` succeeds, covers every public name, and renders in Chromium.

The build runs once per session into a temp dir. The browser part needs Debian's ``chromium``:
it is skipped (loudly) without it, except in CI (``CI=true``), where `.ci/run` installs it and
a missing browser is a failure. Screenshots go to build/docs-screenshots/ (ignored by git); the
paths are printed at the end of the run.
"""

from __future__ import annotations

import functools
import os
import re
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from html.parser import HTMLParser
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from session_summary import NOTES

import prolific

ROOT = Path(__file__).resolve().parents[2]
GENERATED = ROOT / "generated" / "prolific_api_client"
SCREENSHOTS = ROOT / "build" / "docs-screenshots"
MKDOCS = Path(sys.executable).with_name("mkdocs")
QUIET = {"NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}  # mkdocs 1.x end-of-life banners
CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--hide-scrollbars", "--window-size=1280,1400",
]  # fmt: skip


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("site")
    result = subprocess.run(
        [str(MKDOCS), "build", "--strict", "--site-dir", str(out)],
        cwd=ROOT, env={**os.environ, **QUIET}, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    problems = [line for line in result.stderr.splitlines() if re.match(r"(\x1b\[\d+m)*(WARNING|ERROR)", line)]
    assert result.returncode == 0, "mkdocs build --strict failed:\n" + "\n".join(problems or [result.stderr[-3000:]])
    return out


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.ids.update(value for name, value in attrs if name == "id" and value)

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def page(site: Path, path: str) -> _Text:
    parser = _Text()
    parser.feed((site / path / "index.html").read_text(encoding="utf-8"))
    return parser


def test_every_public_name_of_prolific_has_an_entry(site: Path) -> None:
    ids: set[str] = set()
    for html in (site / "reference" / "prolific").rglob("index.html"):
        ids |= page(site, str(html.parent.relative_to(site))).ids
    missing = []
    for name in prolific.__all__:
        defined = getattr(getattr(prolific, name), "__module__", "prolific")
        candidates = {f"prolific.{name}", f"{defined}.{name}"}
        if not candidates & ids:
            missing.append(name)
    assert not missing, f"no reference entry for: {missing}"


def test_every_generated_operation_and_model_has_an_entry(site: Path) -> None:
    ids: set[str] = set()
    for html in (site / "reference" / "prolific_api_client").rglob("index.html"):
        ids |= page(site, str(html.parent.relative_to(site))).ids
    expected = {
        f"prolific_api_client.api.{p.parent.name}.{p.stem}.sync_detailed"
        for p in (GENERATED / "api").glob("*/*.py")
        if p.stem != "__init__"
    }
    expected |= {
        f"prolific_api_client.models.{p.stem}" for p in (GENERATED / "models").glob("*.py") if p.stem != "__init__"
    }
    expected |= {"prolific_api_client.client.AuthenticatedClient"}
    assert not expected - ids, f"missing: {sorted(expected - ids)[:20]}"


def test_cli_reference_shows_every_command(site: Path) -> None:
    from prolific.cli import build_parser

    text = " ".join(page(site, "cli").parts)
    parser = build_parser()
    commands = next(a for a in parser._actions if a.dest == "command").choices  # type: ignore[attr-defined]
    for name, sub in commands.items():
        assert f"prolific-client {name}" in text
        for action in sub._actions:
            for choice in getattr(action, "choices", None) or {}:
                assert f"prolific-client {name} {choice}" in text
    assert "--version" in text


# -- in a real browser ---------------------------------------------------------------------------


def chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None:
        message = "DOCS BROWSER TEST: chromium not found (Debian: apt-get install chromium; .ci/run does it)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return found


@pytest.fixture(scope="session")
def served(site: Path) -> Iterator[str]:
    handler = functools.partial(SimpleHTTPRequestHandler, directory=str(site))
    handler.log_message = lambda *args: None  # type: ignore[assignment]
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def browse(url: str, tmp_path: Path, *, screenshot: Path) -> str:
    """The DOM after Chromium ran the page's scripts; also saves a screenshot."""
    browser = chromium()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    argv = [browser, *CHROMIUM_FLAGS, f"--user-data-dir={tmp_path / 'profile'}"]
    shot = subprocess.run([*argv, f"--screenshot={screenshot}", url], capture_output=True, text=True, timeout=120)
    assert shot.returncode == 0 and screenshot.stat().st_size > 0, shot.stderr[-2000:]
    dom = subprocess.run([*argv, "--dump-dom", url], capture_output=True, text=True, timeout=120)
    assert dom.returncode == 0, dom.stderr[-2000:]
    SHOTS.append(screenshot)
    NOTES.append(f"docs screenshot: {screenshot}")
    return dom.stdout


SHOTS: list[Path] = []


def test_home_page_renders_in_chromium(served: str, tmp_path: Path) -> None:
    dom = browse(f"{served}/", tmp_path, screenshot=SCREENSHOTS / "home.png")
    assert "<title>prolific-client</title>" in dom
    assert 'class="md-header' in dom and 'class="md-nav' in dom  # the theme's header and navigation
    assert "Using the client" in dom and "When the spec changes" in dom  # README topics
    assert "Command line" in dom and "Reference" in dom  # navigation to the other pages


def test_reference_page_renders_in_chromium(served: str, tmp_path: Path) -> None:
    dom = browse(
        f"{served}/reference/prolific/resources/credentials/", tmp_path, screenshot=SCREENSHOTS / "reference.png"
    )
    assert 'id="prolific.resources.credentials.Credentials.create_pool"' in dom
    assert "create_pool" in dom and "UploadResult" in dom
    assert 'class="highlight' in dom  # signatures and examples highlighted
    assert '<span class="gp">&gt;&gt;&gt; </span>' in dom  # its doctest examples as highlighted console code
