"""``make update-spec``: download Prolific's published OpenAPI document, replace the source, regenerate.

The download is checked before anything is written: a network error, an HTTP error status, or a
body that is not an OpenAPI 3.x document with operations leaves ``openapi/sources/`` exactly as it
was. A good document replaces the source atomically (a temporary file in the same folder, then a
rename); ``make generate`` then runs and its changelog section is printed.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

import httpx

from .changelog import CHANGES_FILE, latest_section
from .diff import Document, parse_document
from .errors import SpecError
from .sources import check_source

UPSTREAM_URL = "https://docs.prolific.com/openapi.yaml"
SOURCE_NAME = "prolific-openapi.yaml"
# The published document is about 0.5 MB; anything a hundred times larger is not it.
MAX_BYTES = 64 * 2**20
USER_AGENT = "prolific-client-spec-pipeline (make update-spec)"


def download(url: str, *, timeout: float = 60.0) -> bytes:
    """The body of ``GET url`` (redirects followed); a :class:`SpecError` for anything but a 200."""
    try:
        with (
            httpx.Client(follow_redirects=True, timeout=timeout, headers={"User-Agent": USER_AGENT}) as client,
            client.stream("GET", url) as response,
        ):
            if response.status_code != 200:
                raise SpecError(
                    f"downloading {url} failed: the server answered HTTP {response.status_code} "
                    f"{response.reason_phrase}. Nothing was changed; check UPSTREAM_URL in the Makefile."
                )
            body = bytearray()
            for chunk in response.iter_bytes():
                body += chunk
                if len(body) > MAX_BYTES:
                    raise SpecError(
                        f"downloading {url} failed: more than {MAX_BYTES // 2**20} MiB. Nothing was changed."
                    )
            return bytes(body)
    except (httpx.HTTPError, httpx.InvalidURL) as exc:
        reason = str(exc) or type(exc).__name__
        raise SpecError(
            f"downloading {url} failed ({type(exc).__name__}: {reason}). Nothing was changed; check the "
            "network connection and UPSTREAM_URL."
        ) from None


def check_download(body: bytes, url: str) -> Document:
    """The downloaded body as an OpenAPI 3.x document with operations, or a :class:`SpecError`."""
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise SpecError(f"{url}: the downloaded body is not UTF-8 text ({exc}). Nothing was changed.") from None
    try:
        return check_source(parse_document(text, url), url)
    except SpecError as exc:
        raise SpecError(f"{exc}. Nothing was changed.") from None


def replace_file(target: Path, body: bytes) -> bool:
    """Write ``body`` to ``target`` atomically unless it already holds it; return whether it changed."""
    if target.exists() and target.read_bytes() == body:
        return False
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(body)
        os.replace(name, target)
    except BaseException:
        Path(name).unlink(missing_ok=True)
        raise
    return True


def update_spec(root: Path, sources: Path, url: str, *, generate: Callable[[], list[str]]) -> int:
    """Download ``url`` into ``sources/prolific-openapi.yaml``, then run ``generate``; print what changed.

    ``generate`` is the pipeline's ``make generate`` for this repository root (it prints the short
    summary and writes ``openapi/CHANGES.md``); the newest CHANGES.md section is printed after it.
    """
    target = sources / SOURCE_NAME
    shown = target.relative_to(root) if target.is_relative_to(root) else target
    body = download(url)
    check_download(body, url)
    if not replace_file(target, body):
        print(f"{shown} is already what {url} publishes; nothing to do")
        return 0
    print(f"{shown} replaced with {url} ({len(body):,} bytes)")
    changes = root / CHANGES_FILE
    before = changes.read_text(encoding="utf-8") if changes.exists() else ""
    try:
        notices = generate()
    except SpecError as exc:
        raise SpecError(
            f"{shown} now holds the new document, but regenerating from it failed:\n{exc}\n"
            f"Teach the cleaning about it (openapi/prolific_spec/clean.py) and run `make generate`, "
            f"or put the previous document back with `git checkout -- {shown}`."
        ) from None
    for notice in notices:
        print(f"note: {notice}", file=sys.stderr)
    after = changes.read_text(encoding="utf-8") if changes.exists() else ""
    if after != before:
        print()
        print(latest_section(after))
    else:
        print("the merged spec and the generated import paths did not change")
    return 0
