"""``client.studies.export``: every row, bonuses from Prolific's record, demographics, the researcher's file joined."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import httpx
import pytest

from prolific import AsyncProlific, DemographicsUnavailableError, JoinFileError, Prolific
from prolific.studies import BASE_COLUMNS
from prolific.testing import FakeProlific
from prolific.testing._exports import demographic_row
from prolific_api_client.models import CreateBonusPaymentsRequest, StudyTransition


def published(fake: FakeProlific, people: int) -> tuple[str, list[dict[str, str | None]]]:
    study = fake.add_study(workspace_id="ws", total_available_places=people + 10)
    with Prolific(token="any", http_client=httpx.Client(transport=fake.transport)) as client:
        client.studies.publish_study(study, body=StudyTransition(action="PUBLISH"))
    return study, fake.take_part(study, people)


def client_of(fake: FakeProlific, waits: list[float] | None = None) -> Prolific:
    client = Prolific(token="any", http_client=httpx.Client(transport=fake.transport))
    client.sleep = lambda seconds: (waits.append(seconds) if waits is not None else None, fake.advance(seconds))
    return client


def test_every_submission_every_page_with_the_bonuses_of_the_record(fake: FakeProlific) -> None:
    study, parts = published(fake, 250)
    with client_of(fake) as client:
        paid = parts[3]["submission_id"]
        bulk = client.bonuses.create_bonus_payments(
            body=CreateBonusPaymentsRequest(study_id=study, csv_bonuses=f"{paid},1.50")
        )
        client.bonuses.pay_bonus_payments(bulk.id)
        fake.requests.clear()
        rows = client.studies.export(study).to_records()
    assert [row["submission_id"] for row in rows] == [s["id"] for s in fake.submissions[study]]
    assert tuple(rows[0]) == BASE_COLUMNS
    assert {row["submission_id"]: row["bonuses_paid_cents"] for row in rows if row["bonuses_paid_cents"]} == {paid: 150}
    first = fake.submissions[study][0]
    assert rows[0]["status"] == "AWAITING REVIEW" and rows[0]["started_at"].startswith(first["started_at"][:19])
    operations = [r.operation_id for r in fake.requests]
    assert operations.count("get-submissions") == 3  # 100, 100, 50
    assert operations.count("get-submission") == 250  # bonuses were paid: each submission's record is read


def test_without_any_bonus_paid_no_record_is_read_per_submission(fake: FakeProlific) -> None:
    study, _ = published(fake, 120)
    fake.requests.clear()
    with client_of(fake) as client:
        rows = client.studies.export(study).to_records()
    assert len(rows) == 120 and {row["bonuses_paid_cents"] for row in rows} == {0}
    assert [r.operation_id for r in fake.requests] == ["get-study-cost", "get-submissions", "get-submissions"]


def test_rows_stream_one_page_at_a_time(fake: FakeProlific) -> None:
    study, _ = published(fake, 250)
    fake.requests.clear()
    with client_of(fake) as client:
        rows = iter(client.studies.export(study, bonuses=False))
        next(rows)
        assert [r.operation_id for r in fake.requests] == ["get-submissions"]  # the first page only
        for _ in range(99):
            next(rows)
        assert len(fake.requests) == 1
        next(rows)
        assert len(fake.requests) == 2


def test_demographics_are_requested_waited_for_with_progress_and_joined(fake: FakeProlific) -> None:
    study, _ = published(fake, 30)
    fake.demographic_export_delay = 20  # seconds of the fake's clock
    waits: list[float] = []
    progress: list[tuple[str, int, int | None]] = []
    with client_of(fake, waits) as client:
        export = client.studies.export(study, demographics=True, on_progress=lambda *step: progress.append(step))
        rows = export.to_records()
    assert waits == [2, 4, 8, 16]  # with back-off, on the client's clock, until it was generated
    assert progress[:4] == [("demographics", 0, None), ("demographics", 2, None), ("demographics", 6, None),
                            ("demographics", 14, None)]  # fmt: skip
    assert progress[-1] == ("submissions", 30, 30)
    posts = [r for r in fake.requests if r.operation_id == "export-demographic-data"]
    assert len(posts) == 5 and {json.dumps(r.body) for r in posts} == {'{"filters": []}'}
    submission = fake.submissions[study][7]
    expected = demographic_row(submission)
    assert rows[7]["Age"] == str(expected[6]) and rows[7]["Sex"] == expected[7]
    assert "Participant id" not in rows[7] and "Age" in export.columns
    assert export.summary is not None and export.summary.demographics_missing == 0


def test_a_workspace_without_access_is_told_so_before_any_row(fake: FakeProlific) -> None:
    study, _ = published(fake, 3)
    fake.demographic_export_access = False
    with client_of(fake) as client, pytest.raises(DemographicsUnavailableError) as caught:
        next(iter(client.studies.export(study, demographics=True)))
    assert caught.value.code == "no_access" and caught.value.study_id == study
    assert "no access to Prolific's demographic export" in str(caught.value)
    assert "export without demographics" in str(caught.value)


def test_an_export_still_generating_when_the_wait_ends_says_to_try_later(fake: FakeProlific) -> None:
    study, _ = published(fake, 3)
    fake.demographic_export_delay = 3600
    with client_of(fake) as client, pytest.raises(DemographicsUnavailableError, match="run the export again later"):
        client.studies.export(study, demographics=True, demographics_timeout=60).to_records()


def test_the_researchers_file_is_joined_and_unmatched_rows_reported_on_both_sides(
    fake: FakeProlific, tmp_path: Path
) -> None:
    study, parts = published(fake, 12)
    data = tmp_path / "scores.csv"
    lines = ["PROLIFIC_PID,score,status"]
    lines += [f"{p['participant_id']},{n}," for n, p in enumerate(parts[:10])]
    lines += ["0123456789abcdef01234567,99,", "89abcdef0123456789abcdef,98,"]  # nobody in the study
    data.write_text("\n".join(lines) + "\n")
    with client_of(fake) as client:
        export = client.studies.export(study, join=(data, "PROLIFIC_PID"))
        rows = export.to_records()
    assert rows[0]["score"] == "0" and rows[9]["score"] == "9" and rows[11]["score"] is None
    assert "joined_status" in export.columns  # the file's "status" does not hide the submission's
    report = export.summary.join if export.summary else None
    assert report is not None
    assert (report.rows_in_file, report.matched, report.export_unmatched, report.file_unmatched) == (12, 10, 2, 2)
    assert report.export_examples == (parts[10]["participant_id"], parts[11]["participant_id"])
    assert report.file_lines == (12, 13)
    assert "2 rows of" in report.lines()[2] and "match no submission (lines 12, 13)" in report.lines()[2]


def test_a_file_that_cannot_be_joined_is_refused_before_any_request(fake: FakeProlific, tmp_path: Path) -> None:
    study, parts = published(fake, 2)
    data = tmp_path / "scores.csv"
    pid = parts[0]["participant_id"]
    data.write_text(f"pid,score\n{pid},1\n{pid},2\n,3\n")
    fake.requests.clear()
    with client_of(fake) as client:
        with pytest.raises(JoinFileError) as caught:
            client.studies.export(study, join=(data, "pid")).to_records()
        assert [(p.line, p.field) for p in caught.value.problems] == [(3, "pid"), (4, "pid")]
        assert "also on line 2" in str(caught.value)
        with pytest.raises(JoinFileError, match="no column 'PROLIFIC_PID' \\(the header has: pid, score\\)"):
            client.studies.export(study, join=(data, "PROLIFIC_PID")).to_records()
    assert fake.requests == []


@pytest.mark.parametrize("suffix", [".csv", ".json", ".jsonl"])
def test_write_makes_the_file_whole_or_not_at_all(fake: FakeProlific, tmp_path: Path, suffix: str) -> None:
    study, _ = published(fake, 130)
    target = tmp_path / f"results{suffix}"
    with client_of(fake) as client:
        summary = client.studies.export(study).write(target)
        assert summary.rows == 130 and summary.path == str(target)
        text = target.read_text()
        if suffix == ".csv":
            read = list(csv.DictReader(text.splitlines()))
        elif suffix == ".json":
            read = json.loads(text)
        else:
            read = [json.loads(line) for line in text.splitlines()]
        assert len(read) == 130 and read[5]["submission_id"] == fake.submissions[study][5]["id"]

        fake.fail_next(500, operation="get-submissions", times=5)  # the pages fail: retried, then given up
        fake.requests.clear()
        before = target.read_bytes()
        with pytest.raises(Exception, match="500"):
            client.studies.export(study, bonuses=False, page_size=100).write(target)
    assert target.read_bytes() == before  # the old file stands; no partial one beside it
    assert sorted(p.name for p in tmp_path.iterdir()) == [target.name]


async def test_the_async_twin_gives_the_same_rows(fake: FakeProlific) -> None:
    study, _ = published(fake, 150)
    with client_of(fake) as client:
        expected = client.studies.export(study).to_records()
    async with AsyncProlific(token="any", http_client=httpx.AsyncClient(transport=fake.transport)) as client:
        export = await client.studies.export(study)
        assert await export.to_records() == expected
        assert [row async for row in export] == expected
