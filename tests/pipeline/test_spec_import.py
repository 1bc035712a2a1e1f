"""The importer: a saved docs page (markdown) → openapi/sources/<operationId>.yaml, byte for byte."""

from __future__ import annotations

from pathlib import Path

import pytest

from prolific_spec import __main__ as cli
from prolific_spec.build import Layout, build_document
from prolific_spec.errors import SpecError
from prolific_spec.sources import extract_page_yaml, import_page, load_sources

REPO_ROOT = Path(__file__).resolve().parents[2]

# A block in Fern's style, with the details a re-serialisation would lose: a comment, quoted status
# codes, a folded scalar and a flow mapping (and, in the byte-for-byte test, trailing spaces).
BLOCK = """\
openapi: 3.1.1
info:
  title: Get a study
  version: endpoint_studies.GetStudy
# as published
paths:
  /api/v1/studies/{id}/:
    get:
      operationId: get-study
      summary: Get a study
      description: >-
        Returns the study
        with this id.
      tags:
        - - subpackage_studies
      parameters:
        - name: id
          in: path
          required: true
          schema: {type: string}
      responses:
        '200':
          description: OK
          content:
            application/json:
              schema:
                $ref: '#/components/schemas/Study'
components:
  schemas:
    Study:
      type: object
      properties:
        id:
          type: string
"""


def make_page(block: str = BLOCK, *, title: str = "Get a study", fence: str = "yaml") -> str:
    return (
        f"# {title}\n"
        "\n"
        "GET https://api.prolific.com/api/v1/studies/{id}/\n"
        "\n"
        "Reference: https://beta-docs.prolific.com/api-reference/studies/get-study\n"
        "\n"
        "## OpenAPI Specification\n"
        "\n"
        f"```{fence}\n"
        f"{block}"
        "```\n"
        "\n"
        "## SDK Code Examples\n"
        "\n"
        "```python\n"
        "import requests\n"
        "```\n"
    )


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_a_good_page_is_written_byte_for_byte_under_its_operation_id(tmp_path):
    block = BLOCK.replace("title: Get a study\n", "title: Get a study   \n", 1)
    page = write(tmp_path / "Get a study.md", make_page(block))
    sources = tmp_path / "sources"

    target = import_page(page, sources)

    assert target == sources / "get-study.yaml"
    assert target.read_bytes() == block.encode("utf-8")
    assert [p.name for p in sources.iterdir()] == ["get-study.yaml"]  # no temporary file left
    # What was written loads as a source.
    [(origin, doc)] = load_sources(sources)
    assert origin == "sources/get-study.yaml"
    assert doc["paths"]["/api/v1/studies/{id}/"]["get"]["operationId"] == "get-study"


def test_yml_fence_and_the_first_yaml_block_after_the_heading(tmp_path):
    before_heading = "# Get a study\n\n```yaml\nnot: this one\n```\n\n"
    page = write(tmp_path / "page.md", before_heading + make_page(fence="yml").split("\n", 1)[1])
    assert import_page(page, tmp_path / "s").read_text(encoding="utf-8") == BLOCK


def test_reimporting_the_same_page_is_a_no_op(tmp_path):
    page = write(tmp_path / "page.md", make_page())
    sources = tmp_path / "sources"
    target = import_page(page, sources)
    before = target.stat().st_mtime_ns
    assert import_page(page, sources) == target
    assert target.stat().st_mtime_ns == before
    assert target.read_text(encoding="utf-8") == BLOCK


def test_a_changed_page_does_not_overwrite_without_force(tmp_path):
    sources = tmp_path / "sources"
    import_page(write(tmp_path / "old.md", make_page()), sources)
    changed = BLOCK.replace("Returns the study", "Returns the whole study")
    page = write(tmp_path / "new.md", make_page(changed))

    with pytest.raises(SpecError) as info:
        import_page(page, sources)
    assert "get-study.yaml exists and differs" in str(info.value)
    assert "FORCE=1" in str(info.value)
    assert (sources / "get-study.yaml").read_text(encoding="utf-8") == BLOCK

    assert import_page(page, sources, force=True).read_text(encoding="utf-8") == changed


def test_a_page_without_the_openapi_section_is_refused(tmp_path):
    page = write(
        tmp_path / "invitation.md",
        "# Create a new invitation\n\nPOST https://api.prolific.com/api/v1/invitations/\n\n## Request\n\nemails\n",
    )
    with pytest.raises(SpecError) as info:
        import_page(page, tmp_path / "sources")
    message = str(info.value)
    assert "no '## OpenAPI Specification' section" in message
    assert str(page) in message
    assert not (tmp_path / "sources").exists()


def test_a_section_without_a_yaml_block_is_refused(tmp_path):
    page = write(tmp_path / "p.md", "# T\n\n## OpenAPI Specification\n\n```json\n{}\n```\n")
    with pytest.raises(SpecError, match="not followed by a ```yaml fenced block"):
        import_page(page, tmp_path / "sources")


def test_a_page_without_a_title_is_refused(tmp_path):
    untitled = make_page(BLOCK.replace("# as published\n", "")).split("\n", 1)[1]
    assert not any(line.startswith("# ") for line in untitled.splitlines())
    page = write(tmp_path / "p.md", untitled)
    with pytest.raises(SpecError, match="no '# Title' line"):
        import_page(page, tmp_path / "sources")


def test_a_missing_page_is_a_spec_error(tmp_path):
    with pytest.raises(SpecError, match="cannot read the page"):
        import_page(tmp_path / "nope.md", tmp_path / "sources")


def test_broken_yaml_is_refused_with_the_page_line(tmp_path):
    text = make_page(BLOCK.replace("      summary: Get a study\n", "      summary: Get: a study\n"))
    bad_line = text.splitlines().index("      summary: Get: a study") + 1  # 1-based, in the page
    page = write(tmp_path / "p.md", text)
    with pytest.raises(SpecError) as info:
        import_page(page, tmp_path / "sources")
    message = str(info.value)
    assert message.startswith(f"{page}, line {bad_line}: the YAML block does not parse"), message
    assert not (tmp_path / "sources").exists()


def test_yaml_error_line_number_is_counted_in_the_page(tmp_path):
    # A tab where indentation is expected: PyYAML points at the exact line.
    page_text = make_page(BLOCK.replace("  version: endpoint", "\tversion: endpoint"))
    expected = page_text.splitlines().index("\tversion: endpoint_studies.GetStudy") + 1
    with pytest.raises(SpecError) as info:
        extract_page_yaml(page_text, "page.md")
    assert str(info.value).startswith(f"page.md, line {expected}:"), str(info.value)


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda b: b.replace("openapi: 3.1.1", "swagger: '2.0'"), "`openapi: 3.x` missing"),
        (lambda b: b.replace("      operationId: get-study\n", ""), "expected one operation with a plain operationId"),
        (lambda b: b.replace("operationId: get-study", "operationId: ../../evil"), "plain operationId"),
        (lambda b: b.replace("    get:\n", "    x-get:\n"), "no operations under `paths`"),
    ],
)
def test_blocks_that_are_not_one_named_operation_are_refused(tmp_path, change, expected):
    page = write(tmp_path / "p.md", make_page(change(BLOCK)))
    with pytest.raises(SpecError, match=expected):
        import_page(page, tmp_path / "sources")
    assert not any(tmp_path.rglob("*.yaml"))


def test_a_page_built_around_a_real_source_round_trips(tmp_path):
    real = REPO_ROOT / "openapi" / "sources" / "create-credential-pool.yaml"
    text = real.read_text(encoding="utf-8")
    page = write(tmp_path / "page.md", make_page(text, title="Create credential pool"))
    assert import_page(page, tmp_path / "fresh").read_bytes() == real.read_bytes()


# --- through the command line, on a copy of the repository -----------------------------------------


@pytest.fixture
def cli_repo(repo_copy: Layout, monkeypatch: pytest.MonkeyPatch) -> Layout:
    monkeypatch.setattr(cli, "REPO", repo_copy)
    return repo_copy


def test_cli_import_writes_into_the_sources_and_the_build_picks_it_up(cli_repo, tmp_path, capsys):
    page = write(tmp_path / "page.md", make_page())
    assert cli.main(["import", str(page)]) == 0
    out = capsys.readouterr().out
    assert "wrote openapi/sources/get-study.yaml" in out
    assert (cli_repo.sources / "get-study.yaml").read_text(encoding="utf-8") == BLOCK

    doc, notices = build_document(cli_repo, validate_spec=False)
    assert doc["paths"]["/api/v1/studies/{id}/"]["get"]["tags"] == ["studies"]
    assert (
        "sources/get-study.yaml replaces GET /api/v1/studies/{id}/ (get-study) of sources/prolific-openapi.yaml"
        in notices
    )
    # The page's Study is not the document's: the page's operation gets its own model.
    assert any("get-study.yaml: schema 'Study' differs" in n for n in notices)


def test_cli_import_errors_exit_2_with_the_message_on_stderr(cli_repo, tmp_path, capsys):
    before = sorted(p.name for p in cli_repo.sources.iterdir())
    page = write(tmp_path / "page.md", "# Create a new invitation\n\nNo spec here.\n")
    assert cli.main(["import", str(page)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ")
    assert "no '## OpenAPI Specification' section" in err
    assert sorted(p.name for p in cli_repo.sources.iterdir()) == before


def test_cli_import_refuses_to_replace_a_source_unless_forced(cli_repo, tmp_path, capsys):
    existing = cli_repo.sources / "create-credential-pool.yaml"
    original = existing.read_text(encoding="utf-8")
    changed = original.replace("Credential pool created successfully", "Created")
    page = write(tmp_path / "page.md", make_page(changed, title="Create credential pool"))

    assert cli.main(["import", str(page)]) == 2
    assert "exists and differs" in capsys.readouterr().err
    assert existing.read_text(encoding="utf-8") == original

    assert cli.main(["import", str(page), "--force"]) == 0
    assert existing.read_text(encoding="utf-8") == changed


# --- reading sources ---------------------------------------------------------------------------


def test_load_sources_reads_yaml_and_yml_sorted_with_relative_origins(tmp_path):
    sources = tmp_path / "sources"
    sources.mkdir()
    write(sources / "b.yml", BLOCK)
    write(sources / "a.yaml", BLOCK.replace("get-study", "get-other"))
    write(sources / "notes.md", "not a source")
    assert [origin for origin, _doc in load_sources(sources)] == ["sources/a.yaml", "sources/b.yml"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "openapi: 3.1.1\npaths:\n  /x:\n    get: {responses: {}\n",
            r"sources/bad\.yaml, line \d+, column \d+: YAML does not parse",
        ),
        ("- just\n- a list\n", r"sources/bad\.yaml: expected an OpenAPI document \(a YAML mapping\), got list"),
        ("swagger: '2.0'\npaths: {}\n", r"sources/bad\.yaml: `openapi: 3.x` missing \(found nothing\)"),
        ("openapi: 3.1.1\npaths: {}\n", r"sources/bad\.yaml: no operations under `paths`"),
    ],
)
def test_load_sources_errors_name_the_file(tmp_path, text, expected):
    sources = tmp_path / "sources"
    sources.mkdir()
    write(sources / "bad.yaml", text)
    with pytest.raises(SpecError, match=expected):
        load_sources(sources)


def test_load_sources_of_an_empty_folder_says_what_to_do(tmp_path):
    with pytest.raises(SpecError, match=r"no \*\.yaml sources"):
        load_sources(tmp_path)


# --- a new page on top of the whole-API document: import, regenerate, call -------------------------

# A page for an endpoint the document lacks, with the defects the seed pages have: nested Fern tags,
# the Authorization header twice, the `undefined` placeholder, error statuses without a body, and a
# 204 declared with a JSON body.
NEW_PAGE_BLOCK = """\
openapi: 3.1.1
info:
  title: Delete credential pool
  version: endpoint_credentials.DeleteCredentialPool
paths:
  /api/v1/credentials/{credential_pool_id}/:
    delete:
      operationId: delete-credential-pool
      summary: Delete credential pool
      tags:
        - - subpackage_credentials
      parameters:
        - name: credential_pool_id
          in: path
          description: Credential pool ID
          required: true
          schema:
            type: string
        - name: Authorization
          in: header
          description: Header authentication of the form `undefined `
          required: true
          schema:
            type: string
        - name: Authorization
          in: header
          required: true
          schema:
            type: string
      responses:
        '204':
          description: Deleted
          content:
            application/json:
              schema:
                type: object
                properties: {}
        '404':
          description: Not Found - Credential pool does not exist
          content: {}
"""

_CALL_IT = r"""
import json, sys
import httpx
from prolific_api_client import AuthenticatedClient
from prolific_api_client.api.credentials import delete_credential_pool, update_credential_pool
from prolific_api_client.models import Error

seen = []
def answer(request):
    seen.append((request.method, request.url.path, request.headers.get("authorization")))
    if request.url.path.endswith("/missing/"):
        return httpx.Response(404, json={"error": {"status": 404, "error_code": 1, "title": "Not Found", "detail": "no pool"}})
    return httpx.Response(204)

client = AuthenticatedClient(base_url="https://api.prolific.com", token="t0k3n", prefix="Token")
client.set_httpx_client(httpx.Client(base_url="https://api.prolific.com", transport=httpx.MockTransport(answer),
                                     headers={"Authorization": "Token t0k3n"}))
ok = delete_credential_pool.sync_detailed("ws_1", client=client)
missing = delete_credential_pool.sync("missing", client=client)
# The overlay's client has it too, with no overlay edit: client.<tag>.<operation>.
from prolific import Prolific
overlay = Prolific(token="t0k3n", http_client=httpx.Client(transport=httpx.MockTransport(answer)))
print(json.dumps({"status": ok.status_code, "missing": type(missing).__name__, "detail": missing.error.detail,
                  "seen": seen, "patch_still_there": callable(update_credential_pool.sync),
                  "client_method": overlay.credentials.delete_credential_pool("ws_2"), "requests": len(seen)}))
"""


def test_a_new_page_on_top_of_the_document_is_imported_regenerated_and_callable(cli_repo, tmp_path, capsys):
    import json
    import os
    import subprocess
    import sys

    from prolific_spec.build import generate

    page = write(tmp_path / "delete.md", make_page(NEW_PAGE_BLOCK, title="Delete credential pool"))
    assert cli.main(["import", str(page)]) == 0
    assert (cli_repo.sources / "delete-credential-pool.yaml").read_text(encoding="utf-8") == NEW_PAGE_BLOCK
    notices = generate(cli_repo)
    assert not any("delete-credential-pool" in n for n in notices)  # it replaced nothing, needs no name
    module = cli_repo.package / "api" / "credentials" / "delete_credential_pool.py"
    assert module.exists()
    env = {**os.environ, "PYTHONPATH": str(cli_repo.root / "generated")}
    done = subprocess.run([sys.executable, "-c", _CALL_IT], env=env, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result == {
        "status": 204,
        "missing": "Error",
        "detail": "no pool",
        "seen": [
            ["DELETE", "/api/v1/credentials/ws_1/", "Token t0k3n"],
            ["DELETE", "/api/v1/credentials/missing/", "Token t0k3n"],
            ["DELETE", "/api/v1/credentials/ws_2/", "Token t0k3n"],
        ],
        "patch_still_there": True,
        "client_method": None,  # the 204's None, through client.credentials.delete_credential_pool
        "requests": 3,
    }
