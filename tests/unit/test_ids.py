"""One id rule: every method taking a study, participant or submission id refuses the same ids, before sending."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from prolific import InvalidArgumentError, Prolific
from prolific.testing import FakeProlific

TOKEN = "tok-ids-0123456789"
GOOD = "5e9b9c9b0f9c9a0001b0b1f4"
OTHER = "5e9b9c9b0f9c9a0001b0b1f5"


@pytest.fixture
def client_and_fake() -> Iterator[tuple[Prolific, FakeProlific]]:
    fake = FakeProlific(token=TOKEN)
    with httpx.Client(transport=fake.transport) as http, Prolific(token=TOKEN, http_client=http) as client:
        yield client, fake


def _calls(journal: Path) -> dict[str, Callable[[Prolific, str], Any]]:
    """Each method that takes a study id, called with ``study`` (the other arguments valid)."""
    bonuses = [(GOOD, "1.00")]
    return {
        "bonuses.preview": lambda c, study: c.bonuses.preview(study, bonuses),
        "bonuses.pay": lambda c, study: c.bonuses.pay(study, bonuses, journal=journal),
        "bonuses.status": lambda c, study: c.bonuses.status(study, bonuses, journal=journal),
        "credentials.attach": lambda c, study: c.credentials.attach(study, "ws_0123"),
        "credentials.report": lambda c, study: c.credentials.report(study),
        "credentials.capacity": lambda c, study: c.credentials.capacity(study),
        "credentials.reconcile": lambda c, study: c.credentials.reconcile(study, "alice,pw-1"),
        "submissions.approve": lambda c, study: c.submissions.approve([GOOD], study_id=study),
        "submissions.list": lambda c, study: list(c.submissions.list(study)),
        "messages.send": lambda c, study: c.messages.send(GOOD, "Thanks", study_id=study),
        "messages.send_bulk": lambda c, study: c.messages.send_bulk(study, [GOOD, OTHER], "Thanks"),
    }


@pytest.mark.parametrize("method", sorted(_calls(Path("unused"))))
@pytest.mark.parametrize("study", ["abc", GOOD.upper(), GOOD + "0", f" {GOOD}", 7])
def test_every_study_id_argument_follows_the_one_rule(
    client_and_fake: tuple[Prolific, FakeProlific], tmp_path: Path, method: str, study: object
) -> None:
    client, fake = client_and_fake
    with pytest.raises(InvalidArgumentError, match=r"^study_id: .*(is not a study id|a study id is a str)"):
        _calls(tmp_path / "journal.sqlite3")[method](client, study)  # type: ignore[arg-type]
    assert fake.requests == []


@pytest.mark.parametrize(
    ("call", "match"),
    [
        (lambda c: c.submissions.approve([GOOD, "abc"]), r"^submission_ids item 2: 'abc' is not a submission id"),
        (lambda c: c.submissions.reject("abc", category="OTHER", message="x" * 100), r"^submission_id: 'abc'"),
        (lambda c: c.messages.send("abc", "Hi", study_id=GOOD), r"^participant_id: 'abc' is not a participant id"),
        (lambda c: c.participant_groups.add_participants("g1", [GOOD, "abc"]), r"^participant_ids item 2: 'abc'"),
    ],
)
def test_participant_and_submission_ids_follow_the_same_rule(
    client_and_fake: tuple[Prolific, FakeProlific], call: Callable[[Prolific], object], match: str
) -> None:
    client, fake = client_and_fake
    with pytest.raises(InvalidArgumentError, match=match):
        call(client)
    assert fake.requests == []


@pytest.mark.parametrize(
    ("call", "match"),
    [
        (lambda c: c.credentials.list_pools(" ws"), r"^workspace_id: ' ws' is not a workspace id: it has whitespace"),
        (lambda c: c.credentials.add("ws/1", credentials="a,b"), r"^pool_id: 'ws/1' is not a credential pool id"),
        (lambda c: c.participant_groups.get(""), r"^group_id: empty participant group id"),
        (lambda c: c.credentials.list_pools(3), r"^workspace_id: a workspace id is a str, not int"),
    ],
)
def test_other_ids_are_opaque_but_checked_by_the_same_checker(
    client_and_fake: tuple[Prolific, FakeProlific], call: Callable[[Prolific], object], match: str
) -> None:
    client, fake = client_and_fake
    with pytest.raises(InvalidArgumentError, match=match):
        call(client)
    assert fake.requests == []
