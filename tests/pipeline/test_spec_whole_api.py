"""The whole API, generated from Prolific's document: every operation, sound code, and the wire behaviour.

Wire tests go through the raw ``AuthenticatedClient(prefix="Token")`` a user would build, against a
real HTTP server on 127.0.0.1 that answers what each test queues and records what it received.
"""

from __future__ import annotations

import importlib
import pkgutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from scripted_server import ScriptedServer, scripted_server
from source_document import published_operation_count

import prolific_api_client
from prolific_api_client import AuthenticatedClient, Client
from prolific_api_client.api.credentials import create_credential_pool
from prolific_api_client.api.filter_sets import get_filter_set
from prolific_api_client.api.invitations import create_invitation
from prolific_api_client.api.participant_groups import delete_participant_group, get_participant_groups
from prolific_api_client.api.studies import download_study_credential_report, get_study
from prolific_api_client.api.well_known_endpoints import get_study_jwks
from prolific_api_client.models import (
    CreateCredentialPoolRequest,
    CreateInvitationRequest,
    Error,
    JWKSResponse,
    RangeFilter,
    SelectFilter,
    Study,
)
from prolific_spec.build import render
from prolific_spec.clean import tag_name
from prolific_spec.naming import MAX_MODULE_NAME, problems

REPO_ROOT = Path(__file__).resolve().parents[2]
PACKAGE = REPO_ROOT / "generated" / "prolific_api_client"
DOCUMENT = REPO_ROOT / "openapi" / "sources" / "prolific-openapi.yaml"


def _snake(text: str) -> str:
    return tag_name(text).replace("-", "_")


# --- every operation, where the acceptance says -----------------------------------------------


def test_every_operation_of_the_document_has_its_module_under_its_tag():
    document = yaml.load(DOCUMENT.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    expected = set()
    for item in document["paths"].values():
        for op in item.values():
            if isinstance(op, dict) and "operationId" in op:
                [tag] = op["tags"]
                expected.add(f"api/{_snake(tag)}/{op['operationId'].replace('-', '_')}.py")
    assert len(expected) == published_operation_count()
    found = {str(p.relative_to(PACKAGE)) for p in PACKAGE.glob("api/*/*.py") if p.name != "__init__.py"}
    assert found == expected
    for seed in (
        "api/credentials/create_credential_pool.py",
        "api/credentials/update_credential_pool.py",
        "api/participant_groups/create_participant_group.py",
        "api/invitations/create_invitation.py",
    ):
        assert seed in found
    assert {p.name for p in PACKAGE.glob("api/*") if p.is_dir()} >= {
        "credentials",
        "participant_groups",
        "studies",
        "filter_sets",
        "well_known_endpoints",
    }


def test_every_model_has_a_readable_name_and_a_short_module():
    names = []
    for path in sorted((PACKAGE / "models").glob("*.py")):
        if path.name == "__init__.py":
            continue
        assert len(path.name) <= MAX_MODULE_NAME, path.name
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith("class "):  # a model
                names.append(line.split()[1].split("(")[0].rstrip(":"))
            elif " = Literal[" in line and line[:1].isupper():  # an enum
                names.append(line.split(" = ")[0])
    assert len(names) > 280
    unreadable = {name: problems(name) for name in names if problems(name)}
    assert unreadable == {}


def test_every_generated_module_imports():
    count = 0
    for module in pkgutil.walk_packages(prolific_api_client.__path__, "prolific_api_client."):
        importlib.import_module(module.name)
        count += 1
    assert count > 400


def test_the_models_package_loads_each_model_on_first_use():
    code = (
        "import sys\n"
        "from prolific_api_client.api.studies import get_study\n"
        "loaded = [m for m in sys.modules if m.startswith('prolific_api_client.models.')]\n"
        "from prolific_api_client.models import Study, Error\n"
        "import prolific_api_client.models as models\n"
        "print(len(loaded), len(dir(models)), models.Study is Study)\n"
        "try:\n    models.NoSuchModel\nexcept AttributeError as exc:\n    print(exc)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split("\n")
    loaded, exported, same = out[0].split()
    assert int(loaded) < 40  # get_study and what Study refers to, not ~300 models
    assert int(exported) > 250 and same == "True"
    assert "has no attribute 'NoSuchModel'" in out[1]


# mypy --strict on the generated package: tests/typing/test_types.py (one run with a user script).


def test_render_gives_the_same_bytes_with_either_yaml_emitter():
    """The spec is rendered with libyaml when PyYAML has it; the pure-Python emitter must agree."""
    from prolific_spec import build

    doc = yaml.load((REPO_ROOT / "openapi" / "prolific.yaml").read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)

    class PureDumper(yaml.SafeDumper):
        pass

    PureDumper.add_representer(str, build._represent_str)
    assert render(doc, dumper=PureDumper) == render(doc)


# --- wire behaviour through the raw client, against a real local server -------------------------


@pytest.fixture
def server() -> Iterator[ScriptedServer]:
    with scripted_server() as state:
        yield state


def raw_client(server: ScriptedServer) -> AuthenticatedClient:
    return AuthenticatedClient(base_url=server.url, token="t0k3n", prefix="Token")


ERROR_409 = {
    "error": {
        "status": 409,
        "error_code": 140001,
        "title": "Conflict",
        "detail": "Duplicate credentials detected: line 2 repeats a username.",
    }
}


def test_get_participant_groups_sends_the_workspace_as_a_scalar_query(server):
    server.answer(200, {"results": []})
    with raw_client(server) as client:
        get_participant_groups.sync(client=client, workspace_id="ws1")
    [seen] = server.seen
    assert (seen.path, seen.query) == ("/api/v1/participant-groups/", {"workspace_id": ["ws1"]})
    assert seen.headers["authorization"] == "Token t0k3n"


def test_error_statuses_the_operation_does_not_list_parse_to_error(server):
    server.answer(404, {"error": {"status": 404, "title": "Not Found", "detail": "No such workspace."}})
    server.answer(401, {"error": {"detail": "Invalid token."}})
    body = CreateInvitationRequest(association="ws1", emails=["a@example.org"], role="WORKSPACE_ADMIN")
    pool = CreateCredentialPoolRequest(credentials="a,b", workspace_id="ws1")
    with raw_client(server) as client:
        missing = create_invitation.sync(client=client, body=body)
        unauthorised = create_credential_pool.sync(client=client, body=pool)
    assert isinstance(missing, Error) and missing.error.detail == "No such workspace."
    assert isinstance(unauthorised, Error) and unauthorised.error.detail == "Invalid token."


def test_a_409_from_create_credential_pool_parses_with_its_detail(server):
    server.answer(409, ERROR_409)
    with raw_client(server) as client:
        response = create_credential_pool.sync_detailed(
            client=client, body=CreateCredentialPoolRequest(credentials="a,b\na,c", workspace_id="ws1")
        )
    assert response.status_code == 409
    assert isinstance(response.parsed, Error)
    assert response.parsed.error.detail == ERROR_409["error"]["detail"]
    assert response.parsed.error.error_code == 140001


def test_deleting_a_participant_group_with_an_empty_204_returns_normally(server):
    server.answer(204)
    with raw_client(server) as client:
        response = delete_participant_group.sync_detailed("g1", client=client)
    assert response.status_code == 204 and response.parsed is None
    assert (server.seen[0].method, server.seen[0].path) == ("DELETE", "/api/v1/participant-groups/g1/")


def test_the_credential_report_is_returned_as_csv_text(server):
    csv = "Participant Id,Submission Id,Username,Status\np1,s1,alice,USED\n,,bob,UNUSED\n"
    server.answer(200, csv, content_type="text/csv")
    with raw_client(server) as client:
        assert download_study_credential_report.sync("s1", client=client) == csv


def test_a_study_with_a_status_the_client_does_not_know_parses(server):
    study = {
        "id": "s1",
        "name": "Pilot",
        "description": "A pilot",
        "external_study_url": "https://example.org/survey",
        "prolific_id_option": "url_parameters",
        "total_available_places": 10,
        "estimated_completion_time": 5,
        "reward": 100,
        "status": "ARCHIVED_FOREVER",
    }
    server.answer(200, study)
    with raw_client(server) as client:
        study = get_study.sync("s1", client=client)
    assert isinstance(study, Study)
    assert study.status == "ARCHIVED_FOREVER"


def test_a_filter_set_with_a_range_filter_parses(server):
    server.answer(
        200,
        {
            "id": "fs1",
            "filters": [
                {
                    "filter_id": "age",
                    "selected_range": {"lower": 18, "upper": 30},
                    "weightings": {"w": {"selected_range": {"lower": 18}, "weighting": 0.5}},
                },
                {"filter_id": "sex", "selected_values": ["0", "1"]},
            ],
        },
    )
    with raw_client(server) as client:
        filter_set = get_filter_set.sync("fs1", client=client)
    assert not isinstance(filter_set, Error) and filter_set is not None
    age, sex = filter_set.filters
    assert isinstance(age, RangeFilter) and age.selected_range.lower == 18
    assert isinstance(sex, SelectFilter) and sex.selected_values == ["0", "1"]


def test_the_study_jwks_is_public_and_sends_no_token(server):
    key = {"kty": "RSA", "kid": "k1", "alg": "RS256", "n": "abc", "e": "AQAB", "use": "sig", "key_ops": ["verify"]}
    server.answer(200, {"keys": [key]})
    with Client(base_url=server.url) as client:
        keys = get_study_jwks.sync(client=client)
    assert isinstance(keys, JWKSResponse)
    assert "authorization" not in server.seen[0].headers
    assert server.seen[0].path == "/.well-known/study/jwks.json"


def test_a_404_through_the_overlays_client_api_raises_not_found(server):
    from prolific import NotFoundError, Prolific

    server.answer(404, {"error": {"status": 404, "title": "Not Found", "detail": "No such study."}})
    with Prolific(token="t0k3n", base_url=server.url) as client, pytest.raises(NotFoundError) as info:
        get_study.sync("nope", client=client.api)
    assert "No such study." in str(info.value)


# --- the per-operation layer (operations.py) ---------------------------------------------------


def test_the_operation_registry_lists_every_generated_endpoint_once():
    from prolific_api_client.operations import OPERATIONS, TAGS

    assert len(OPERATIONS) == published_operation_count()
    modules = {str(p.relative_to(PACKAGE)) for p in PACKAGE.glob("api/*/*.py") if p.name != "__init__.py"}
    assert {f"api/{op.tag}/{op.name}.py" for op in OPERATIONS.values()} == modules
    assert set(TAGS) == {op.tag for op in OPERATIONS.values()}
    study = OPERATIONS["get-study"]
    assert (study.method, study.path, study.tag, study.path_parameters) == (
        "GET",
        "/api/v1/studies/{id}/",
        "studies",
        ("id",),
    )
    assert OPERATIONS["get-submissions"].pagination == "page"
    assert OPERATIONS["get-surveys"].pagination == "offset"
    assert OPERATIONS["get-events"].pagination == "offset"
    assert OPERATIONS["get-studies"].pagination == "results"
    assert OPERATIONS["calculate-reward-recommendations"].pagination == "array"
    assert OPERATIONS["create-study"].pagination is None


def test_each_method_has_the_generated_functions_parameters_and_the_success_type():
    import inspect

    from prolific_api_client.operations import OPERATIONS

    for op in OPERATIONS.values():
        module = importlib.import_module(f"prolific_api_client.operations.{op.tag}")
        for cls in (
            f"{op.tag.title().replace('_', '')}Operations",
            f"Async{op.tag.title().replace('_', '')}Operations",
        ):
            method = getattr(getattr(module, cls), op.name)
            assert method.__doc__ and op.path in method.__doc__, (cls, op.name)
            mine = inspect.signature(method).parameters
            generated = inspect.signature(op.endpoint.sync).parameters
            # Names, kinds and defaults here; the annotations are checked by mypy --strict on the package.
            expected = [(p.name, p.kind, repr(p.default)) for p in generated.values() if p.name != "client"]
            assert [(p.name, p.kind, repr(p.default)) for p in mine.values() if p.name != "self"] == expected
            returns = inspect.signature(method).return_annotation
            assert ("Error" not in returns.split(" | ") and "None" not in returns.split(" | ")) or returns == "None", (
                returns
            )
    from prolific_api_client.operations.studies import StudiesOperations

    assert inspect.signature(StudiesOperations.get_study).return_annotation == "Study"
    assert inspect.signature(StudiesOperations.download_study_credential_report).return_annotation == "str"


def test_a_model_repr_shows_unset_fields_as_unset():
    """``str(error_model)`` used to show ``<prolific_api_client.types.Unset object at 0x…>`` for every absent field."""
    error = Error.from_dict({"error": {"title": "Conflict", "detail": "dup"}})
    assert "object at 0x" not in repr(error) and "status=UNSET" in repr(error)
