"""The study's people and Prolific's record of what it paid them: the reads a payment makes before paying.

* :func:`people_flow` lists the study's submissions (``get-submissions?study=``, every page) and
  keeps, for the ids of the file only, the (participant, submission) pair each names, so that a file
  of submission ids and a file of participant ids are the same people; :func:`map_rows` maps each
  row to its participant, refusing ids not in the study and one person twice, with their lines.
* :func:`study_bonus_flow` reads what the study has paid in bonuses (``get-study-cost``:
  ``bonuses.rewards``, in cents): one request, compared with what the journal knows it paid.
* :func:`records_flow` reads each given submission's ``bonus_payments`` (``get-submission``, in
  cents) a bounded number at a time, with progress.

Flows yield their calls; nothing here writes the journal.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from decimal import Decimal
from typing import Any

from prolific_api_client.models import StudyTotalCost, SubmissionDetail, SubmissionListResponse
from prolific_api_client.operations.studies import GET_STUDY_COST
from prolific_api_client.operations.submissions import GET_SUBMISSION, GET_SUBMISSIONS
from prolific_api_client.types import Unset

from .._errors import APIStatusError, BonusFormatError, InputProblem
from .._flow import Call, Flow, Gather
from ._files import ID_KIND
from ._types import Bonus, BonusList

#: Submissions asked for per page of ``get-submissions`` (the API's default is 20; no maximum is documented).
PAGE_SIZE = 500
#: ``get-submission`` requests in flight at once when reading payees' records.
READ_LIMIT = 8
#: ``get-submission`` requests per progress report.
_CHUNK = 200

#: ``on_progress(done, total)``: called as payees' records are read.
Progress = Callable[[int, int], object]


def _same(value: Any) -> Any:
    return value


def people_flow(study_id: str, wanted: set[str]) -> Flow[dict[str, tuple[str, str]]]:
    """Each id of ``wanted`` found in the study → its (participant id, submission id); every page read.

    A participant with several submissions in the study is mapped to the first listed. The pages
    end at an empty page, a ``_links`` without a ``next`` link, ``meta.count`` items seen, or (with
    neither) a page shorter than asked: a server that caps the page size below :data:`PAGE_SIZE`
    still gets every page read when it says how many there are.
    """
    found: dict[str, tuple[str, str]] = {}
    page, seen = 1, 0
    while True:
        listing: SubmissionListResponse = yield Call(
            GET_SUBMISSIONS, {"study": study_id, "page": page, "page_size": PAGE_SIZE}, _same
        )
        results = listing.results
        for item in results:
            submission, participant = item.id, item.participant_id
            if participant in wanted and participant not in found:
                found[participant] = (participant, submission)
            if submission in wanted:
                found[submission] = (participant, submission)
        seen += len(results)
        if not results or _last_page(listing, seen, len(results)):
            return found
        page += 1


def _last_page(listing: SubmissionListResponse, seen: int, size: int) -> bool:
    extra = listing.additional_properties  # the document lists only `results`: `meta` and `_links` come as extras
    meta, links = extra.get("meta"), extra.get("_links")
    count = meta.get("count") if isinstance(meta, dict) else None
    if isinstance(count, int) and not isinstance(count, bool):
        return seen >= count
    if isinstance(links, dict) and "next" in links:
        following = links["next"]
        return not (following.get("href") if isinstance(following, dict) else following)
    return size < PAGE_SIZE


def map_rows(
    study_id: str, items: BonusList, people: Mapping[str, tuple[str, str]]
) -> tuple[list[Bonus], dict[str, str]]:
    """Each row as its participant's bonus (line kept), and each participant's submission; or BonusFormatError.

    Refused, every problem at once with its line: an id that did not take part in the study; the
    same person twice (by one id, or by both ids: both lines named).
    """
    rows: list[Bonus] = []
    submission_of: dict[str, str] = {}
    first_line: dict[str, Bonus] = {}
    problems: list[InputProblem] = []
    unit = items.unit
    for bonus in items:
        pair = people.get(bonus.id)
        if pair is None:
            problems.append(
                InputProblem(
                    f"{ID_KIND} {bonus.id} did not take part in study {study_id} (it is not one of the study's "
                    "submissions or their participants): check the id and the study; nothing was sent",
                    file=items.source,
                    line=bonus.line,
                    field="id",
                    unit=unit,
                )
            )
            continue
        participant, submission = pair
        earlier = first_line.get(participant)
        if earlier is not None:
            problems.append(
                InputProblem(
                    f"participant {participant} is named twice: {unit} {earlier.line} ({earlier.id}) and {unit} "
                    f"{bonus.line} ({bonus.id}) are the same person in study {study_id}; give them one line (add "
                    "the amounts up), or pay the second bonus in another round",
                    file=items.source,
                    line=bonus.line,
                    field="id",
                    unit=unit,
                )
            )
            continue
        first_line[participant] = bonus
        submission_of[participant] = submission
        # The same objects when the file names participants: a 200,000-row file is not held twice.
        rows.append(bonus if bonus.id == participant else Bonus(participant, bonus.amount, bonus.line))
    if problems:
        raise BonusFormatError(problems, source=items.source)
    return rows, submission_of


def study_bonus_flow(study_id: str) -> Flow[tuple[int | None, str | None]]:
    """What Prolific's record says the study paid in bonuses (cents: ``bonuses.rewards``), or None and why not."""
    try:
        cost: StudyTotalCost = yield Call(GET_STUDY_COST, {"id": study_id}, _same)
    except APIStatusError as error:  # not allowed, or not offered: every payee's record is read instead
        return None, str(error)
    breakdown = cost.bonuses
    rewards = None if isinstance(breakdown, Unset) else breakdown.rewards
    amount = None if rewards is None or isinstance(rewards, Unset) else rewards.amount
    if amount is None or isinstance(amount, Unset):
        return None, "the study's cost names no bonus amount"
    return round(Decimal(repr(amount)) if isinstance(amount, float) else Decimal(amount)), None


def _payments(detail: SubmissionDetail) -> list[int]:
    paid = detail.bonus_payments
    if isinstance(paid, Unset) or paid is None:
        return []
    return [round(Decimal(repr(value)) if isinstance(value, float) else Decimal(value)) for value in paid]


def records_flow(
    submissions: Sequence[str], *, limit: int = READ_LIMIT, on_progress: Progress | None = None
) -> Flow[dict[str, list[int]]]:
    """Each submission's ``bonus_payments`` (cents), read ``limit`` at a time; ``on_progress(done, total)``."""
    records: dict[str, list[int]] = {}
    total = len(submissions)
    for start in range(0, total, _CHUNK):
        chunk = submissions[start : start + _CHUNK]
        read = yield Gather([Call(GET_SUBMISSION, {"id": s}, _payments) for s in chunk], limit)
        records.update(zip(chunk, read, strict=True))
        if on_progress is not None:
            on_progress(min(start + _CHUNK, total), total)
    return records


def extra_payments(shown: Iterable[int], known: Iterable[int]) -> list[int]:
    """The payments of ``shown`` that ``known`` does not account for (multisets of cents).

    >>> extra_payments([150, 150, 200], [150])
    [150, 200]
    """
    left = list(known)
    out = []
    for value in shown:
        if value in left:
            left.remove(value)
        else:
            out.append(value)
    return out
