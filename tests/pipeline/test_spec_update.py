"""``make update-spec`` (``prolific_spec.upstream``) against real HTTP servers on 127.0.0.1; no network."""

from __future__ import annotations

import http.server
import shutil
import socket
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import yaml

from prolific_spec import changelog, upstream
from prolific_spec.__main__ import main
from prolific_spec.build import Layout, generate
from prolific_spec.errors import SpecError


def published(
    *, statuses: tuple[str, ...] = ("ACTIVE", "PAUSED"), with_name: bool = True, list_op: bool = False
) -> bytes:
    """A small whole-API document in Prolific's published style (Authorization header, no error body)."""
    auth = {"name": "Authorization", "in": "header", "required": True, "schema": {"type": "string"}}
    ok = {"description": "OK", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Study"}}}}
    paths: dict[str, object] = {
        "/api/v1/studies/{id}/": {
            "get": {
                "operationId": "get-study",
                "summary": "Retrieve a study",
                "tags": ["studies"],
                "parameters": [{"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}, auth],
                "responses": {"200": ok, "400": {"description": "Error"}},
            }
        }
    }
    if list_op:
        paths["/api/v1/studies/"] = {
            "get": {
                "operationId": "get-studies",
                "summary": "List all studies",
                "tags": ["studies"],
                "parameters": [auth],
                "responses": {"200": ok, "400": {"description": "Error"}},
            }
        }
    props: dict[str, object] = {"id": {"type": "string"}, "status": {"$ref": "#/components/schemas/StudyStatus"}}
    # The fields the repository's `integers` table names on Study (a Study without them stops the build).
    props |= {name: {"type": "number"} for name in ("total_available_places", "estimated_completion_time")}
    props["maximum_allowed_time"] = {"type": "number"}
    if with_name:
        props["name"] = {"type": "string"}
    doc = {
        "openapi": "3.1.0",
        "info": {"title": "API Reference", "version": "1.0.0"},
        "paths": paths,
        "components": {
            "schemas": {
                "Study": {"type": "object", "title": "Study", "properties": props},
                "StudyStatus": {"type": "string", "title": "StudyStatus", "enum": list(statuses)},
            }
        },
    }
    return yaml.safe_dump(doc, sort_keys=False).encode("utf-8")


class Responses:
    """What the loopback server answers next: (status, headers, body), or a dropped connection."""

    def __init__(self) -> None:
        self.status = 200
        self.body = b""
        self.headers: dict[str, str] = {}
        self.drop_after: int | None = None
        self.paths: list[str] = []


@pytest.fixture
def server() -> Iterator[tuple[str, Responses]]:
    answer = Responses()

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            answer.paths.append(self.path)
            if self.path == "/moved":
                self.send_response(302)
                self.send_header("Location", "/openapi.yaml")
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            self.send_response(answer.status)
            for key, value in answer.headers.items():
                self.send_header(key, value)
            self.send_header("Content-Length", str(len(answer.body)))
            self.end_headers()
            if answer.drop_after is not None:
                self.wfile.write(answer.body[: answer.drop_after])
                self.wfile.flush()
                self.close_connection = True
                return
            self.wfile.write(answer.body)

        def log_message(self, format: str, *args: object) -> None:
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}", answer
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join()


def closed_port_url() -> str:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}/openapi.yaml"


@pytest.fixture
def root(tmp_path: Path) -> Path:
    """A repository root whose only source is the whole-API document (as published, an older one)."""
    sources = tmp_path / "openapi" / "sources"
    sources.mkdir(parents=True)
    (sources / upstream.SOURCE_NAME).write_bytes(published())
    return tmp_path


def source_bytes(root: Path) -> bytes:
    return (root / "openapi" / "sources" / upstream.SOURCE_NAME).read_bytes()


def refuse_to_generate() -> list[str]:
    raise AssertionError("nothing may be regenerated after a failed download")


@pytest.mark.parametrize(
    ("status", "body", "headers", "drop_after", "message"),
    [
        (404, b"Not Found", {}, None, "the server answered HTTP 404 Not Found"),
        (503, b"", {}, None, "the server answered HTTP 503 Service Unavailable"),
        (200, b"<!doctype html><html><body>Sign in</body></html>", {"Content-Type": "text/html"}, None,
         "not an OpenAPI document"),
        (200, b"openapi: 3.1.0\npaths: [unclosed\n", {}, None, "not valid YAML or JSON"),
        (200, b"openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths: {}\n", {}, None, "no operations under `paths`"),
        (200, b"swagger: '2.0'\n", {}, None, "Swagger 2.0"),
        (200, b"\xff\xfe\x00o\x00p", {}, None, "not UTF-8 text"),
        (200, published(), {}, 100, "downloading"),
    ],
    ids=["404", "503", "html-login-page", "bad-yaml", "no-operations", "swagger-2", "utf-16", "dropped-mid-body"],
)  # fmt: skip
def test_a_bad_download_changes_nothing(
    root: Path,
    server: tuple[str, Responses],
    status: int,
    body: bytes,
    headers: dict[str, str],
    drop_after: int | None,
    message: str,
) -> None:
    url, answer = server
    answer.status, answer.body, answer.headers, answer.drop_after = status, body, headers, drop_after
    before = sorted(p.name for p in (root / "openapi" / "sources").iterdir()), source_bytes(root)
    with pytest.raises(SpecError) as info:
        upstream.update_spec(root, root / "openapi" / "sources", f"{url}/openapi.yaml", generate=refuse_to_generate)
    text = str(info.value)
    assert message in text
    assert "Nothing was changed" in text or "nothing was changed" in text
    assert f"{url}/openapi.yaml" in text
    assert (sorted(p.name for p in (root / "openapi" / "sources").iterdir()), source_bytes(root)) == before
    assert answer.paths == ["/openapi.yaml"]


def test_a_network_error_changes_nothing(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = source_bytes(root)
    url = closed_port_url()
    assert main(["--root", str(root), "update-spec", "--url", url]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"error: downloading {url} failed (ConnectError")
    assert "Nothing was changed" in err and "Traceback" not in err
    assert source_bytes(root) == before
    assert not (root / changelog.CHANGES_FILE).exists()


def test_the_same_document_again_is_nothing_to_do(
    root: Path, server: tuple[str, Responses], capsys: pytest.CaptureFixture[str]
) -> None:
    url, answer = server
    answer.body = published()
    assert (
        upstream.update_spec(root, root / "openapi" / "sources", f"{url}/openapi.yaml", generate=refuse_to_generate)
        == 0
    )
    assert "is already what" in capsys.readouterr().out


def test_a_new_document_that_does_not_generate_is_kept_and_the_user_told(
    root: Path, server: tuple[str, Responses]
) -> None:
    url, answer = server
    answer.body = published(list_op=True)

    def failing() -> list[str]:
        raise SpecError("openapi-python-client refused it")

    with pytest.raises(SpecError) as info:
        upstream.update_spec(root, root / "openapi" / "sources", f"{url}/moved", generate=failing)
    text = str(info.value)
    assert "now holds the new document, but regenerating from it failed" in text
    assert "openapi-python-client refused it" in text
    assert "git checkout -- openapi/sources/prolific-openapi.yaml" in text
    assert source_bytes(root) == answer.body  # after a redirect, as downloads are
    assert answer.paths == ["/moved", "/openapi.yaml"]


def test_update_spec_replaces_the_source_regenerates_and_prints_the_changelog(
    root: Path,
    server: tuple[str, Responses],
    copy_inputs: Callable[[Path], Layout],
    cached_generator: Callable[..., Path],
    capsys: pytest.CaptureFixture[str],
) -> None:
    # The pipeline's tables and generator config from this repository; the whole document as only source.
    repo = copy_inputs(root / "repo")
    shutil.rmtree(repo.sources)
    shutil.move(root / "openapi" / "sources", repo.sources)
    shutil.rmtree(repo.package)
    repo.spec.unlink()
    (repo.root / changelog.CHANGES_FILE).unlink(missing_ok=True)  # this repository's own history
    generate(repo)  # the committed state: spec and package from the older document
    assert not (repo.root / changelog.CHANGES_FILE).exists()
    capsys.readouterr()

    url, answer = server
    answer.body = published(statuses=("ACTIVE", "PAUSED", "PUBLISHING"), with_name=False, list_op=True)
    assert main(["--root", str(repo.root), "update-spec", "--url", f"{url}/openapi.yaml"]) == 0
    out = capsys.readouterr().out
    assert source_bytes(repo.root) == answer.body
    assert "openapi/sources/prolific-openapi.yaml replaced with" in out
    assert "spec changes: operations: 1 added, 0 removed, 1 changed; 1 breaking change" in out
    section = out[out.index("## ") :]
    assert section == changelog.latest_section((repo.root / changelog.CHANGES_FILE).read_text(encoding="utf-8")) + "\n"
    assert "- `GET /api/v1/studies/` (List all studies)" in section
    assert "- `response 200: name`: field removed" in section
    assert '- `response 200: status`: enum value "PUBLISHING" added' in section
    assert "get_studies` added" in section  # the new generated module
    assert (repo.package / "api" / "studies" / "get_studies.py").exists()
    assert not list(repo.sources.glob("*.tmp")) and not list(repo.sources.glob(".*"))
