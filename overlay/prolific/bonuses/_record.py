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

from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal
from typing import Any, NamedTuple

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


class People(NamedTuple):
    """The study's people named by a file: ``participant_of`` its submission ids, ``submission_of`` its participants.

    Two dicts of strings (no pair per row): a 200,000-row file maps 200,000 ids, and each tuple
    would cost 56 bytes more.
    """

    participant_of: dict[str, str]
    submission_of: dict[str, str]

    def pair(self, any_id: str) -> tuple[str, str] | None:
        """The (participant, submission) an id of the study names, or None."""
        participant = self.participant_of.get(any_id)
        if participant is not None:
            return participant, any_id
        submission = self.submission_of.get(any_id)
        return None if submission is None else (any_id, submission)


def people_flow(study_id: str, wanted: dict[str, str]) -> Flow[People]:
    """The ids of ``wanted`` found in the study, as :class:`People`; every page of ``get-submissions`` read.

    ``wanted`` maps each id to itself: the maps keep the file's own string objects, not a second
    copy of each from the answers.

    A participant with several submissions in the study is mapped to the first listed. The pages
    end at an empty page, ``meta.count`` items seen, a ``_links`` without a ``next`` link, or (with
    neither) a page shorter than asked: a server that caps the page size below :data:`PAGE_SIZE`
    still gets every page read when it says how many there are.
    """
    people = People({}, {})
    participant_of, submission_of = people
    page, seen = 1, 0
    while True:
        listing: SubmissionListResponse = yield Call(
            GET_SUBMISSIONS, {"study": study_id, "page": page, "page_size": PAGE_SIZE}, _same
        )
        results = listing.results
        for item in results:
            submission, participant = item.id, item.participant_id
            known = wanted.get(participant)
            if known is not None and known not in submission_of:
                submission_of[known] = submission
            known = wanted.get(submission)
            if known is not None:
                participant_of[known] = participant
        seen += len(results)
        if not results or _last_page(listing, seen, len(results)):
            return people
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
    study_id: str, items: BonusList, people: People, *, in_place: bool = False
) -> tuple[BonusList, dict[str, str], bool | frozenset[int | None]]:
    """The rows as their participants' bonuses (lines kept), each participant's submission, and which rows named a
    submission (True: all, False: none, else their lines); or BonusFormatError.

    Refused, every problem at once with its line: an id that did not take part in the study; the
    same person twice (by one id, or by both ids: both lines named). The participant → submission
    map returned is ``people.submission_of``, completed with the rows named by submission id.
    ``in_place``: ``items`` is the caller's own list, its rows replaced where they named a
    submission (a 200,000-row file is then never held twice).
    """
    rows = items if in_place else BonusList(items, source=items.source, unit=items.unit)
    direct = people.submission_of  # the participants the file names by their participant id
    via_submission: dict[str, str] = {}
    by_submission: list[int | None] = []
    problems: list[InputProblem] = []
    unit = items.unit
    for index, bonus in enumerate(rows):
        submission = direct.get(bonus.id)
        if submission is not None:
            continue  # named by the participant id: kept as it is (a participant id is never twice in a file)
        participant = people.participant_of.get(bonus.id)
        if participant is None:
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
        if participant in direct or participant in via_submission:
            earlier = _other_row(rows, index, participant, people)
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
        via_submission[participant] = bonus.id
        by_submission.append(bonus.line)
        rows[index] = Bonus(participant, bonus.amount, bonus.line)
    if problems:
        raise BonusFormatError(problems, source=items.source)
    direct.update(via_submission)
    named: bool | frozenset[int | None] = (
        len(by_submission) == len(rows) if len(by_submission) in (0, len(rows)) else frozenset(by_submission)
    )
    return rows, direct, named


def _other_row(rows: Sequence[Bonus], index: int, participant: str, people: People) -> Bonus:
    """The other row that names ``participant`` (by either id) than row ``index``: for the message, rarely needed."""
    for other, bonus in enumerate(rows):
        if other != index and participant in (bonus.id, people.participant_of.get(bonus.id)):
            return bonus
    return rows[index]


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
