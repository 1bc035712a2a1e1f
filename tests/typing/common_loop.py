"""The common loop, as a user writes it: create a study, publish it, review, approve, pay bonuses, group, subscribe.

Every value a user passes on or computes with is annotated with the type the user expects (``int``
places, ``str`` ids, a ``Decimal`` total): ``mypy --strict`` finds no error in this file, with no
``cast``, no ``assert x is not None``, no ``isinstance`` and no ``type: ignore``
(tests/typing/test_user_types.py checks both). tests/typing/test_common_loop.py runs it against
FakeProlific, so the script is also one that works.

With a real account: ``PROLIFIC_TOKEN=... python tests/typing/common_loop.py PROJECT_ID WORKSPACE_ID URL``
(it creates and publishes a study: do not run it on an account that pays).
"""

from __future__ import annotations

import sys
from decimal import Decimal
from pathlib import Path

from prolific import Prolific
from prolific_api_client.models import CreateStudy, StudyTransition


def publish_study(client: Prolific, project_id: str, places: int = 3) -> str:
    """A draft study, published with the id its answer carries; its id."""
    draft = client.studies.create_study(
        body=CreateStudy(
            name="Reaction times",
            description="A 5-minute task",
            project=project_id,
            external_study_url="https://example.org/task?PROLIFIC_PID={{%PROLIFIC_PID%}}",
            prolific_id_option="url_parameters",
            total_available_places=places,
            estimated_completion_time=5,
            reward=100,  # pence
        )
    )
    study_id: str = draft.id
    wanted: int = draft.total_available_places
    minutes: int = draft.estimated_completion_time
    study = client.studies.publish_study(study_id, body=StudyTransition(action="PUBLISH"))
    status: str = study.status
    print(f"{study.id}: {status}, {wanted} places of {minutes} minutes")
    return study_id


def review_and_pay(client: Prolific, study_id: str, journal: Path) -> tuple[list[str], Decimal]:
    """Approve what awaits review, then pay each participant a bonus once; the participants and the total paid."""
    submission_ids: list[str] = []
    participant_ids: list[str] = []
    for submission in client.submissions.iter_awaiting_review(study_id):
        submission_ids.append(submission.id)
        participant_ids.append(submission.participant_id)
    approval = client.submissions.approve(submission_ids, study_id=study_id)
    approved: int = approval.approved
    counts = client.studies.count_study_submissions_by_status(study_id)
    print(f"approved {approved}; counts: {counts.to_dict()}")

    bonuses = [(participant_id, Decimal("1.50")) for participant_id in participant_ids]
    plan = client.bonuses.preview(study_id, bonuses)
    total: Decimal = plan.total
    print(plan.summary(), f"(total {total:.2f})")
    payment = client.bonuses.pay(study_id, bonuses, journal=journal)
    paid: Decimal = payment.total_paid
    return participant_ids, paid


def group_members(client: Prolific, workspace_id: str, participant_ids: list[str]) -> list[str]:
    """A participant group of ``participant_ids``; its members' ids, as Prolific lists them."""
    group = client.participant_groups.create(name="Wave 1", workspace_id=workspace_id)
    group_id: str = group.id
    name: str = group.name
    client.participant_groups.add_participants(group_id, participant_ids)
    members: list[str] = [member.participant_id for member in client.participant_groups.iter_participants(group_id)]
    print(f"{name} ({group_id}): {len(members)} members")
    return members


def subscribe(client: Prolific, workspace_id: str, url: str) -> tuple[str, list[str]]:
    """A confirmed subscription to study status changes; its id and the ids of the workspace's subscriptions."""
    secret: str = client.webhooks.ensure_secret(workspace_id)  # what the receiver at ``url`` checks signatures with
    print(f"workspace secret: {len(secret)} characters")
    subscription = client.webhooks.subscribe(workspace_id, "study.status.change", url)
    subscription_id: str = subscription.id
    for event in client.webhooks.iter_events(subscription_id):
        event_id: str = event.id
        event_status: str = event.status
        print(event_id, event_status)
    listed: list[str] = [s.id for s in client.webhooks.list_subscriptions(workspace_id)]
    return subscription_id, listed


def main(project_id: str, workspace_id: str, url: str) -> None:
    with Prolific() as client:
        study_id = publish_study(client, project_id)
        participant_ids, paid = review_and_pay(client, study_id, Path("bonuses.sqlite3"))
        print(f"paid {paid:.2f}")
        group_members(client, workspace_id, participant_ids)
        subscribe(client, workspace_id, url)


if __name__ == "__main__":
    main(*sys.argv[1:4])
