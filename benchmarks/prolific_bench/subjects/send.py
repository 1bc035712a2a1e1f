"""The send path: ``create_pool`` and a GET through a client method on MockTransport and over loopback; the model parse.

Groups ``mock`` (what one call costs on the client side), ``model`` (the generated model's parse)
and ``loopback`` (one call end to end to a real local server).
"""

from __future__ import annotations

import json
from typing import Any

import httpx

from ..harness import Row, Run, interleaved, looped, per_call
from ..processes import fake_server
from .clients import (
    SMALL_CSV,
    TOKEN,
    bare_create,
    bare_headers,
    canned_pool,
    check_same_request,
    generated_client,
    generated_create,
    mock_clients,
    overlay_create,
)

# A study as `get-study` returns it: the required fields and the ones a draft usually has.
STUDY_ID = "6540a1b2c3d4e5f607182930"
STUDY_BODY = json.dumps(
    {
        "id": STUDY_ID,
        "name": "Pilot study",
        "internal_name": "pilot-1",
        "description": "A short survey about reading habits.",
        "external_study_url": "https://example.org/survey?PROLIFIC_PID={{%PROLIFIC_PID%}}",
        "prolific_id_option": "url_parameters",
        "completion_codes": [
            {"code": "C1A2B3", "code_type": "COMPLETED", "actions": [{"action": "AUTOMATICALLY_APPROVE"}]}
        ],
        "total_available_places": 100,
        "estimated_completion_time": 10,
        "maximum_allowed_time": 40,
        "reward": 150,
        "device_compatibility": ["desktop", "tablet"],
        "peripheral_requirements": [],
        "filters": [{"filter_id": "age", "selected_range": {"lower": 18, "upper": 40}}],
        "status": "UNPUBLISHED",
        "has_credentials": False,
    }
).encode()


def mock(run: Run) -> list[Row]:
    """Group ``mock``: ``create_pool`` and ``get_study`` on MockTransport, against bare httpx and the generated layer."""
    repeats, warmup = run.size.pick(101, 11, 1), run.size.warmup(1)
    return create_pool_mock(100, repeats, warmup) + get_study_mock(100, repeats, warmup)


def create_pool_mock(calls: int, repeats: int, warmup: int) -> list[Row]:
    """create_pool (overlay) and the generated sync_detailed vs bare httpx on one MockTransport."""
    recorder: list[httpx.Request] = []
    recording = [True]

    def handler(request: httpx.Request) -> httpx.Response:
        if recording[0]:
            recorder.append(request)
        return canned_pool(request)

    bare, overlay_http, overlay, generated = mock_clients(httpx.MockTransport(handler))
    bare_call, overlay_call, generated_call = bare_create(bare), overlay_create(overlay), generated_create(generated)
    if not overlay_call() == bare_call() == generated_call():
        raise SystemExit("benchmark bug: the three clients read different pool ids")
    check_same_request(overlay_call, bare_call, recorder)
    check_same_request(generated_call, bare_call, recorder)
    recording[0] = False

    s, b = interleaved(looped(overlay_call, calls), looped(bare_call, calls), repeats=repeats, warmup=warmup)
    s2, b2 = interleaved(looped(generated_call, calls), looped(bare_call, calls), repeats=repeats, warmup=warmup)
    bare.close()
    overlay_http.close()
    generated.get_httpx_client().close()
    notes = f"{calls:,} calls per sample, {repeats} pairs"
    return [
        Row(
            "mock",
            "`credentials.create_pool`, overlay: client-side cost of one call, `httpx.MockTransport` "
            "answering a canned 201 (3 credentials passed as CSV text, parsed and validated)",
            "bare `httpx.Client.post` on the same transport: same request bytes (headers incl. "
            "Authorization, JSON body), `raise_for_status()`, `.json()[...]`",
            per_call(s, calls), per_call(b, calls), notes=notes,
        ),
        Row(
            "generated",
            "the same call through the generated `create_credential_pool.sync_detailed` "
            "(`AuthenticatedClient`, body model built per call)",
            "bare httpx, as above", per_call(s2, calls), per_call(b2, calls), notes=notes,
        ),
    ]  # fmt: skip


def get_study_mock(calls: int, repeats: int, warmup: int) -> list[Row]:
    """A GET through a generated client method (``client.studies.get_study``) vs bare httpx and the generated function."""
    from prolific_api_client.api.studies import get_study
    from prolific_api_client.models import Study

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, headers=[("Content-Type", "application/json")], content=STUDY_BODY)

    bare, overlay_http, overlay, generated = mock_clients(httpx.MockTransport(handler))

    def method_call() -> object:
        return overlay.studies.get_study(STUDY_ID)

    def bare_call() -> Any:
        response = bare.get(f"/api/v1/studies/{STUDY_ID}/")
        response.raise_for_status()
        return response.json()

    def generated_call() -> object:
        return get_study.sync(STUDY_ID, client=generated)

    if not (isinstance(method_call(), Study) and isinstance(generated_call(), Study) and bare_call()["id"] == STUDY_ID):
        raise SystemExit("benchmark bug: a client did not read the study")
    s, b = interleaved(looped(method_call, calls), looped(bare_call, calls), repeats=repeats, warmup=warmup)
    s2, b2 = interleaved(looped(method_call, calls), looped(generated_call, calls), repeats=repeats, warmup=warmup)
    bare.close()
    overlay_http.close()
    generated.get_httpx_client().close()
    notes = f"{calls:,} calls per sample, {repeats} pairs; the body is a 16-field draft study"
    measure = (
        "`client.studies.get_study(id)`: a generated client method, `httpx.MockTransport`, the `Study` model parsed"
    )
    return [
        Row(
            "method-get", measure,
            "bare `httpx.Client.get` on the same transport, `raise_for_status()`, `.json()`",
            per_call(s, calls), per_call(b, calls), notes=notes,
        ),
        Row(
            "method-vs-generated", measure,
            "the generated `get_study.sync` on its own `AuthenticatedClient` (same transport, same model parse)",
            per_call(s2, calls), per_call(b2, calls), notes=notes,
        ),
    ]  # fmt: skip


def model(run: Run) -> list[Row]:
    """Group ``model``: ``json.loads`` + ``Study.from_dict`` vs ``json.loads`` alone (the model template's cost)."""
    from prolific_api_client.models import Study

    calls, repeats, warmup = 200, run.size.pick(101, 11, 1), run.size.warmup(1)
    if len(json.loads(STUDY_BODY)) != 16 or Study.from_dict(json.loads(STUDY_BODY)).to_dict() != json.loads(STUDY_BODY):
        raise SystemExit("benchmark bug: the study body is not a 16-field study that Study round-trips")

    def subject() -> object:
        return Study.from_dict(json.loads(STUDY_BODY))

    def baseline() -> object:
        return json.loads(STUDY_BODY)

    s, b = interleaved(looped(subject, calls), looped(baseline, calls), repeats=repeats, warmup=warmup)
    return [
        Row(
            "model", "`Study.from_dict(json.loads(body))`: the generated model parsed from bytes (a 16-field draft "
            "study: a completion code with an action, a range filter)",
            "`json.loads(body)` alone", per_call(s, calls), per_call(b, calls),
            notes=f"{calls:,} calls per sample, {repeats} pairs",
        ),
    ]  # fmt: skip


def loopback(run: Run) -> list[Row]:
    """Group ``loopback``: one create_pool end to end over loopback, overlay vs bare httpx, same FakeProlific server.

    Two report rows split the overlay's extra time: the same call with credentials validated
    beforehand (a ``CredentialList``), and the bare generated ``sync_detailed``.
    """
    from prolific import Prolific, parse_credentials

    calls, repeats, warmup = run.size.pick(30, 30, 3), run.size.pick(201, 21, 1), run.size.warmup(3)
    validated = parse_credentials(SMALL_CSV)
    with (
        fake_server() as (url, reset),
        httpx.Client(base_url=url, headers=bare_headers()) as bare,
        Prolific(token=TOKEN, base_url=url) as overlay,
        generated_client(url) as generated,
    ):
        bare_call = bare_create(bare)
        subjects = [overlay_create(overlay), overlay_create(overlay, validated), generated_create(generated)]
        # Check the bytes sent through request hooks, removed before timing: on the bare and generated
        # httpx clients, and for the overlay on a second overlay client built on an httpx client we pass
        # in (the timed overlay's own httpx client is private to it).
        recorder: list[httpx.Request] = []
        hooked = (bare, generated.get_httpx_client())
        for client in hooked:
            client.event_hooks = {**client.event_hooks, "request": [recorder.append]}
        with (
            httpx.Client(event_hooks={"request": [recorder.append]}) as recording_http,
            Prolific(token=TOKEN, base_url=url, http_client=recording_http) as recording,
        ):
            for subject in (overlay_create(recording), overlay_create(recording, validated), subjects[2]):
                check_same_request(subject, bare_call, recorder)
        for client in hooked:
            client.event_hooks = {**client.event_hooks, "request": []}

        times = [
            interleaved(looped(subject, calls), looped(bare_call, calls), repeats=repeats, warmup=warmup)
            for subject in subjects
        ]
        reset()
    notes = f"{calls:,} calls per sample, {repeats} pairs (many short pairs: the per-pair spread is wide on a shared machine)"
    bare_text = "bare `httpx.Client.post` to the same server: same request bytes, `raise_for_status()`, `.json()[...]`"
    return [
        Row(
            "loopback",
            "one `create_pool` call end to end over loopback (HTTP/1.1 keep-alive), overlay, to "
            "FakeProlific's real server (`fake.serve()`, in a child process)",
            bare_text, per_call(times[0][0], calls), per_call(times[0][1], calls), notes=notes,
        ),
        Row(
            "loopback-validated",
            "the same, credentials passed already validated (the `CredentialList` that `parse_credentials` "
            "returns): the overlay without its CSV check",
            "bare httpx, as above", per_call(times[1][0], calls), per_call(times[1][1], calls), notes=notes,
        ),
        Row(
            "loopback-generated",
            "the same request through the generated `create_credential_pool.sync_detailed` on its own "
            "`AuthenticatedClient`: no overlay at all",
            "bare httpx, as above", per_call(times[2][0], calls), per_call(times[2][1], calls), notes=notes,
        ),
    ]  # fmt: skip
