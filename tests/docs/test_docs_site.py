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


def _public_packages() -> list[str]:
    """The overlay's public packages (no ``_private`` part), as the reference has a page for each."""
    overlay = ROOT / "overlay"
    found = []
    for init in sorted((overlay / "prolific").rglob("__init__.py")):
        parts = init.parent.relative_to(overlay).parts
        if not any(part.startswith("_") for part in parts):
            found.append(".".join(parts))
    return found


def test_every_public_name_of_prolific_has_an_entry(site: Path) -> None:
    """Each name is documented once: as ``prolific.X``, in its defining module, or on the page of a public
    package that exports it (``prolific.credentials.Capacity``, defined in ``prolific.credentials._capacity``);
    the ``prolific`` index links to the entries it does not hold."""
    import importlib

    ids: set[str] = set()
    for html in (site / "reference" / "prolific").rglob("index.html"):
        ids |= page(site, str(html.parent.relative_to(site))).ids
    packages = {name: importlib.import_module(name) for name in _public_packages()}
    index = (site / "reference" / "prolific" / "index.html").read_text(encoding="utf-8")
    missing, repeated, unlinked = [], {}, []
    for name in prolific.__all__:
        value = getattr(prolific, name)
        defined = getattr(value, "__module__", "prolific")
        candidates = {f"prolific.{name}", f"{defined}.{name}"}
        candidates |= {
            f"{package}.{name}"
            for package, module in packages.items()
            if name in getattr(module, "__all__", ()) and getattr(module, name) is value
        }
        entries = candidates & ids
        if not entries:
            missing.append(name)
        elif len(entries) > 1:
            repeated[name] = sorted(entries)
        elif f"prolific.{name}" not in entries and f'#{next(iter(entries))}"' not in index:
            unlinked.append(name)
    assert not missing, f"no reference entry for: {missing}"
    assert not repeated, f"documented more than once: {repeated}"
    assert not unlinked, f"not linked from the prolific index: {unlinked}"


def test_every_generated_operation_and_model_has_an_entry(site: Path) -> None:
    ids: set[str] = set()
    for html in (site / "reference" / "prolific_api_client").rglob("index.html"):
        ids |= page(site, str(html.parent.relative_to(site))).ids
    from prolific_api_client.operations import OPERATIONS

    expected = {f"prolific_api_client.api.{op.tag}.{op.name}" for op in OPERATIONS.values()}
    expected |= {  # the client method, beside it
        f"prolific_api_client.operations.{op.tag}.{_camel(op.tag)}Operations.{op.name}" for op in OPERATIONS.values()
    }
    expected |= {
        f"prolific_api_client.models.{p.stem}.{cls}"
        for p in (GENERATED / "models").glob("*.py")
        if p.stem != "__init__"
        for cls in [_model_class(p.stem)]
    }
    expected |= {"prolific_api_client.client.AuthenticatedClient"}
    assert not expected - ids, f"missing: {sorted(expected - ids)[:20]}"


def _camel(tag: str) -> str:
    return "".join(word.capitalize() for word in tag.split("_"))


def _model_class(module: str) -> str:
    import importlib

    imported = importlib.import_module(f"prolific_api_client.models.{module}")
    names = [
        n for n, v in vars(imported).items() if getattr(v, "__module__", None) == imported.__name__ and n[0] != "_"
    ]
    return sorted(names, key=len)[0]


def test_navigation_starts_with_the_guides(site: Path) -> None:
    # The license page: no headings of its own, so the primary navigation holds only the site's sections.
    html = (site / "license" / "index.html").read_text(encoding="utf-8")
    nav = html[html.index('class="md-nav md-nav--primary"') :]
    titles = re.findall(r'class="md-ellipsis">\s*([^<]+?)\s*<', nav)
    top = ["Home", "Guides", "Command line", "Reference", "Changelog", "Contributing", "License"]
    order = [title for index, title in enumerate(titles) if title in top and title not in titles[:index]]
    assert order == top, order  # the guides come right after the home page
    guides = sorted(p.stem for p in (ROOT / "docs" / "guides").glob("*.md"))
    assert all((site / "guides" / name / "index.html").exists() for name in guides)


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            self.hrefs += [value for name, value in attrs if name == "href" and value]


def broken_links(site: Path, html_file: Path, text: str | None = None) -> list[str]:
    """Internal links of one page whose target page (or anchor on it) does not exist in the built site."""
    parser = _Links()
    parser.feed(text if text is not None else html_file.read_text(encoding="utf-8"))
    broken = []
    for href in parser.hrefs:
        if re.match(r"[a-z]+:", href) or href.startswith("//"):
            continue  # another site
        target, _, anchor = href.partition("#")
        path = (html_file.parent / target).resolve() if target else html_file
        if path.is_dir():
            path = path / "index.html"
        if not path.exists():
            broken.append(f"{html_file.relative_to(site)}: {href}")
        elif anchor and target and f'id="{anchor}"' not in path.read_text(encoding="utf-8"):
            broken.append(f"{html_file.relative_to(site)}: {href} (no such anchor)")
    return broken


def test_no_broken_internal_link_in_the_guides_and_home(site: Path) -> None:
    pages = [site / "index.html", *(site / "guides").rglob("index.html"), site / "contributing" / "index.html"]
    broken = [link for page_file in pages for link in broken_links(site, page_file)]
    assert not broken, broken


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
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{server.server_address[1]}"
    SERVED_SITES[url] = site
    try:
        yield url
    finally:
        server.shutdown()
        server.server_close()


def browse(url: str, tmp_path: Path, *, screenshot: Path) -> str:
    """The DOM after Chromium ran the page's scripts; also saves a screenshot."""
    browser = chromium()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    argv = [browser, *CHROMIUM_FLAGS, f"--user-data-dir={tmp_path / 'profile'}"]
    # One launch does both (a browser start is most of a page's cost).
    dom = subprocess.run(
        [*argv, f"--screenshot={screenshot}", "--dump-dom", url], capture_output=True, text=True, timeout=120
    )
    assert dom.returncode == 0 and screenshot.stat().st_size > 0, dom.stderr[-2000:]
    SHOTS.append(screenshot)
    NOTES.append(f"docs screenshot: {screenshot}")
    return dom.stdout


SHOTS: list[Path] = []


def test_home_page_renders_in_chromium(served: str, tmp_path: Path) -> None:
    dom = browse(f"{served}/", tmp_path, screenshot=SCREENSHOTS / "home.png")
    assert "<title>prolific-client</title>" in dom
    assert 'class="md-header' in dom and 'class="md-nav' in dom  # the theme's header and navigation
    assert "Quickstart" in dom and "Install" in dom  # the README's topics
    assert "Guides" in dom and "Reference" in dom  # navigation to the other pages
    assert not broken_links(_site_of(served), _site_of(served) / "index.html", dom)


def _site_of(url: str) -> Path:
    return SERVED_SITES[url]


SERVED_SITES: dict[str, Path] = {}


def test_guide_page_renders_in_chromium(served: str, tmp_path: Path) -> None:
    dom = browse(f"{served}/guides/credential-pools/", tmp_path, screenshot=SCREENSHOTS / "guide.png")
    assert "Credential pools" in dom and 'class="highlight' in dom  # prose and highlighted code
    assert "What can go wrong" in dom
    site = _site_of(served)
    assert not broken_links(site, site / "guides" / "credential-pools" / "index.html", dom)


def test_tag_reference_page_renders_in_chromium(served: str, tmp_path: Path) -> None:
    # The users tag: two operations, so the page is light for the browser (the studies page is ten times longer).
    url = f"{served}/reference/prolific_api_client/api/users/"
    dom = browse(url, tmp_path, screenshot=SCREENSHOTS / "tag-reference.png")
    assert 'id="prolific_api_client.api.users.get_user"' in dom  # the generated function ...
    assert 'id="prolific_api_client.operations.users.UsersOperations.get_user"' in dom  # ... and the method
    site = _site_of(served)
    assert not broken_links(site, site / "reference" / "prolific_api_client" / "api" / "users" / "index.html", dom)


def test_reference_page_renders_in_chromium(served: str, tmp_path: Path) -> None:
    dom = browse(
        f"{served}/reference/prolific/resources/credentials/", tmp_path, screenshot=SCREENSHOTS / "reference.png"
    )
    assert 'id="prolific.resources.credentials.Credentials.create_pool"' in dom
    assert "create_pool" in dom and "UploadResult" in dom
    assert 'class="highlight' in dom  # signatures and examples highlighted
    assert '<span class="gp">&gt;&gt;&gt; </span>' in dom  # its doctest examples as highlighted console code
