"""A response carrying a union tag this client does not know parses, through the client method (issue 18).

Drawn over every tagged union of ``openapi/prolific.yaml`` (a ``oneOf`` of objects that each require
the same one-value enum, e.g. a completion code's ``action``) and every operation whose success
response may hold one: the unknown member parses to ``types.UnknownVariant`` keeping the raw object,
``to_dict()`` writes it back, and a member with a known tag is still parsed strictly.
"""

from __future__ import annotations

import inspect
import json
from collections.abc import Iterator
from typing import Any

import attrs
import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schema_strategies import containing, document, for_ref, schemas, tag_of

from prolific import APIResponseValidationError, Prolific, RetryPolicy
from prolific.testing import FakeProlific
from prolific_api_client.models import Study
from prolific_api_client.operations import OPERATIONS
from prolific_api_client.types import UnknownVariant

TOKEN = "tok-SECRET-unions-5b2e"
UNIONS = sorted(name for name in schemas() if tag_of(name))
NEW_TAG = "A_KIND_ADDED_NEXT_MONTH"


def _success(operation_id: str) -> tuple[int, dict[str, Any]] | None:
    """The documented 2xx status and JSON schema of an operation, if it has one."""
    op = OPERATIONS[operation_id]
    responses = document()["paths"][op.path][op.method.lower()]["responses"]
    for status, response in responses.items():
        schema = (response.get("content") or {}).get("application/json", {}).get("schema")
        if str(status).startswith("2") and schema:
            return int(status), schema
    return None


def _reaching(union: str) -> list[str]:
    from schema_strategies import reaches

    found = []
    for operation_id in sorted(OPERATIONS):
        success = _success(operation_id)
        if success and (reaches(success[1], union) or success[1].get("$ref", "").endswith(f"/{union}")):
            found.append(operation_id)
    return found


CASES = [(union, operation_id) for union in UNIONS for operation_id in _reaching(union)]


def test_the_tagged_unions_are_found() -> None:
    """The five tagged unions of the document, each in at least one response."""
    assert {"BaseStudyCompletionCodeAction", "BatchExportStatus"} <= set(UNIONS) and len(UNIONS) >= 5
    assert {union for union, _ in CASES} == set(UNIONS)


class _AnyBody:
    """A request body for any operation (the fake's route ignores it): a model and an empty list at once."""

    def to_dict(self) -> dict[str, Any]:
        return {}

    def __iter__(self) -> Iterator[Any]:
        return iter(())


def _call(client: Prolific, operation_id: str) -> Any:
    op = OPERATIONS[operation_id]
    method = getattr(getattr(client, op.tag), op.name)
    kwargs: dict[str, Any] = {}
    args: list[Any] = []
    for p in inspect.signature(method).parameters.values():
        if p.default is not inspect.Parameter.empty:
            continue
        value: Any = _AnyBody() if p.name == "body" else "x1"
        if p.kind is inspect.Parameter.KEYWORD_ONLY:
            kwargs[p.name] = value
        else:
            args.append(value)
    return method(*args, **kwargs)


def _unknowns(value: Any) -> Iterator[UnknownVariant]:
    if isinstance(value, UnknownVariant):
        yield value
    elif attrs.has(type(value)):
        for field in attrs.fields(type(value)):
            yield from _unknowns(getattr(value, field.name))
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _unknowns(item)


@pytest.fixture(scope="module")
def fake_client() -> Iterator[tuple[FakeProlific, Prolific]]:
    # The answers are under test; the request bodies are placeholders the spec check would refuse.
    fake = FakeProlific(token=TOKEN, check_requests=False)
    http = httpx.Client(transport=fake.transport)
    with Prolific(token=TOKEN, http_client=http, retry_policy=RetryPolicy(max_retries=0)) as client:
        yield fake, client
    http.close()


def _answer(fake: FakeProlific, operation_id: str, body: Any) -> None:
    status = _success(operation_id)[0]  # type: ignore[index]
    fake.route(operation_id, lambda request: httpx.Response(status, json=body))


@pytest.mark.parametrize(("union", "operation_id"), CASES, ids=[f"{u}-{o}" for u, o in CASES])
def test_an_unknown_tag_parses_through_the_client_method(
    fake_client: tuple[FakeProlific, Prolific], union: str, operation_id: str
) -> None:
    fake, client = fake_client
    key, _ = tag_of(union)  # type: ignore[misc]
    unknown = {key: NEW_TAG, "detail_only_the_new_kind_has": [1, {"x": None}]}
    schema = _success(operation_id)[1]  # type: ignore[index]

    @settings(max_examples=3, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(body=containing(schema, union, st.just(unknown)))
    def check(body: Any) -> None:
        assert NEW_TAG in json.dumps(body)  # the drawn response does carry the new kind
        _answer(fake, operation_id, body)
        result = _call(client, operation_id)
        found = list(_unknowns(result))
        assert found and all(u.raw == unknown for u in found)
        assert NEW_TAG in repr(found[0]) and repr(found[0]).startswith("UnknownVariant(raw=")
        written = result.to_dict() if hasattr(result, "to_dict") else [item.to_dict() for item in result]
        assert NEW_TAG in json.dumps(written)

    try:
        check()
    finally:
        fake.route(operation_id, None)


def _broken_known_member(union: str) -> st.SearchStrategy[dict[str, Any]]:
    """A member with a known tag that lacks a property its variant requires."""
    key, values = tag_of(union)  # type: ignore[misc]
    variant = next(v for v in values if set(schemas()[v].get("required", [])) - {key})
    missing = sorted(set(schemas()[variant]["required"]) - {key})[0]
    return for_ref(variant).map(lambda member: {k: v for k, v in member.items() if k != missing})


@pytest.mark.parametrize("union", UNIONS)
def test_a_known_tag_stays_strict(fake_client: tuple[FakeProlific, Prolific], union: str) -> None:
    fake, client = fake_client
    operation_id = _reaching(union)[0]
    schema = _success(operation_id)[1]  # type: ignore[index]

    @settings(max_examples=2, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(body=containing(schema, union, _broken_known_member(union)))
    def check(body: Any) -> None:
        _answer(fake, operation_id, body)
        try:
            result = _call(client, operation_id)
        except APIResponseValidationError:
            return  # the variant's parse failed, and so did the response
        # An enclosing nullable union kept the value as sent, as the stock template does: never a fallback.
        assert not list(_unknowns(result))

    try:
        check()
    finally:
        fake.route(operation_id, None)


STUDY = {
    "id": "6540a1b2c3d4e5f607182930",
    "name": "Pilot",
    "description": "A pilot",
    "external_study_url": "https://example.org/survey",
    "prolific_id_option": "url_parameters",
    "total_available_places": 10,
    "estimated_completion_time": 5,
    "reward": 100,
    "status": "UNPUBLISHED",
    "completion_codes": [
        {"code": "C1", "code_type": "COMPLETED", "actions": [{"action": "AUTOMATICALLY_APPROVE"}]},
        {"code": "C2", "code_type": "OTHER", "actions": [{"action": "NEW_ACTION", "amount": 5}]},
    ],
}


def test_the_issues_study_with_a_new_completion_code_action() -> None:
    """Issue 18: ``{"action": "NEW_ACTION"}`` made ``Study.from_dict`` raise TypeError for every study list."""
    study = Study.from_dict(STUDY)
    assert study.completion_codes[0].actions[0].action == "AUTOMATICALLY_APPROVE"  # type: ignore[index, union-attr]
    new = study.completion_codes[1].actions[0]  # type: ignore[index]
    assert isinstance(new, UnknownVariant) and new.raw == {"action": "NEW_ACTION", "amount": 5}
    assert repr(new) == "UnknownVariant(raw={'action': 'NEW_ACTION', 'amount': 5})"
    assert study.name == "Pilot" and study.status == "UNPUBLISHED"  # the rest parses as usual
    assert study.to_dict()["completion_codes"] == STUDY["completion_codes"]
    broken = {"code": "C3", "code_type": "OTHER", "actions": [{"action": "FIXED_SCREEN_OUT_PAYMENT"}]}
    with pytest.raises(KeyError, match="fixed_screen_out_reward"):  # a known tag is parsed strictly
        Study.from_dict({**STUDY, "completion_codes": [broken]})


def test_unknown_enum_values_fields_and_filter_shapes_still_parse() -> None:
    data = {
        **STUDY,
        "status": "PUBLISHING_IN_A_NEW_WAY",
        "a_field_added_later": {"x": 1},
        "filters": [{"filter_id": "new-kind", "a_shape_added_later": [1, 2]}],
    }
    study = Study.from_dict(data)
    assert study.status == "PUBLISHING_IN_A_NEW_WAY" and study["a_field_added_later"] == {"x": 1}
    assert study.filters == data["filters"]  # kept as sent, as the stock template did


def _names(annotation: object) -> set[str]:
    """The class names in a return annotation, a string (``from __future__ import annotations``) or evaluated."""
    text = annotation if isinstance(annotation, str) else str(annotation)
    return {part.strip().rpartition(".")[2] for part in text.split("|")}


@pytest.mark.parametrize("operation_id", sorted(OPERATIONS))
def test_a_method_names_the_fallback_when_its_generated_function_does(
    fake_client: tuple[FakeProlific, Prolific], operation_id: str
) -> None:
    """The method's return annotation says ``UnknownVariant`` exactly where the endpoint module's does.

    (An export status is a tagged union: ``get_batch_export_status`` may return ``UnknownVariant``.)
    """
    _, client = fake_client
    op = OPERATIONS[operation_id]
    declared = getattr(getattr(client, op.tag), op.name).__annotations__["return"]
    generated = op.endpoint.sync.__annotations__["return"]
    assert ("UnknownVariant" in _names(declared)) == ("UnknownVariant" in _names(generated)), (declared, generated)


def test_an_export_status_method_may_return_the_fallback(fake_client: tuple[FakeProlific, Prolific]) -> None:
    _, client = fake_client
    for method in (client.ai_task_builder.get_batch_export_status, client.ai_task_builder.get_collection_export_status):
        assert "UnknownVariant" in _names(method.__annotations__["return"])
