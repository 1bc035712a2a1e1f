"""Messaging participants: one, many (in batches) or a participant group; the requests and the batched flow.

Sending a message is **not idempotent**: a batch sent twice messages its participants twice. So
no batch is sent again automatically (a dropped connection after sending raises
:class:`~prolific.ReviewError` saying that the batch may have been delivered), and what was
confirmed is in the error's ``done`` / ``remaining``.
"""

from __future__ import annotations

import builtins
from collections.abc import Callable, Iterable

from prolific_api_client.models import MessageParticipantGroup, SendBulkMessage, SendMessage
from prolific_api_client.operations.messages import (
    BULK_MESSAGE_PARTICIPANTS,
    SEND_MESSAGE,
    SEND_MESSAGE_TO_PARTICIPANT_GROUP,
)
from prolific_api_client.types import UNSET

from .. import _validation as check
from .._errors import APIError, InvalidArgumentError, ReviewError
from .._flow import Call, Flow

#: Participant ids per ``bulk-message-participants`` request. Prolific documents no limit. The
#: request is not idempotent, so the batch is also what an ambiguous failure (a connection dropped
#: after sending) leaves uncertain: 500 keeps that to a small share of a large study while 10,000
#: participants still take only 20 requests, and ~14 KB of ids is far below proxies' body limits.
DEFAULT_MESSAGE_BATCH_SIZE = 500

ProgressCallback = Callable[[int, int], object]


def _body(body: object) -> str:
    if not isinstance(body, str) or not body.strip():
        raise InvalidArgumentError("body must be the message text (a non-empty str); nothing was sent")
    return body


def send_call(participant_id: str, body: str, study_id: str) -> Call[None]:
    """The ``send-message`` request to one participant about a study, its ids and text checked."""
    message = SendMessage(
        recipient_id=check.require_id(participant_id, "participant_id", "participant id"),
        body=_body(body),
        study_id=check.require_id(study_id, "study_id", "study id"),
    )
    return Call(SEND_MESSAGE, {"body": message}, lambda _: None)


def group_call(group_id: str, body: str, study_id: str | None) -> Call[None]:
    """The request messaging every member of a participant group, its ids and text checked."""
    message = MessageParticipantGroup(
        participant_group_id=check.require_id(group_id, "participant_group_id", "participant group id"),
        body=_body(body),
        study_id=check.require_id(study_id, "study_id", "study id") if study_id is not None else UNSET,
    )
    return Call(SEND_MESSAGE_TO_PARTICIPANT_GROUP, {"body": message}, lambda _: None)


def bulk_flow(
    study_id: str, participant_ids: Iterable[str], body: str, batch_size: int, on_progress: ProgressCallback | None
) -> Flow[int]:
    """Check everything, then send the batches in order; return how many participants were messaged."""
    study_id = check.require_id(study_id, "study_id", "study id")
    ids = check.require_ids(participant_ids, "participant_ids", "participant id")
    text = _body(body)
    if isinstance(batch_size, bool) or not isinstance(batch_size, int) or batch_size < 1:
        raise InvalidArgumentError(f"batch_size must be a positive int, got {batch_size!r}")
    done = 0
    while done < len(ids):
        batch = ids[done : done + batch_size]
        try:
            yield Call(
                BULK_MESSAGE_PARTICIPANTS,
                {"body": SendBulkMessage(ids=batch, body=text, study_id=study_id)},
                lambda _: None,
            )
        except APIError as error:
            raise _stopped(ids, done, len(batch), error) from error
        done += len(batch)
        if on_progress is not None:
            on_progress(done, len(ids))
    return done


def _stopped(ids: builtins.list[str], done: int, batch: int, error: APIError) -> ReviewError:
    total = len(ids)
    lines = [f"bulk message stopped: {done:,} of {total:,} participants messaged. Cause: {error}"]
    if error.may_have_been_applied:
        lines.append(
            f"The failed batch (participants {done + 1:,}-{done + batch:,}) may have been delivered: sending it "
            "again could message them twice. Check the study's messages first."
        )
        advice = (
            f"Then resume with client.messages.send_bulk(study_id, err.remaining[{batch}:], body) if it was "
            "delivered, or with err.remaining if it was not."
        )
    else:
        lines.append("The failed batch was not delivered.")
        advice = (
            "Resume with client.messages.send_bulk(study_id, err.remaining, body) "
            f"(err.remaining = participants {done + 1:,} to {total:,} of the input)."
        )
    return ReviewError(" ".join(lines), action="send_bulk", done=done, total=total, remaining=ids[done:], advice=advice)
