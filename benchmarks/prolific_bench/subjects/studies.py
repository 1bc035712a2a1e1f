"""A study's data out: ``client.studies.export`` over FakeProlific's submissions on loopback (group ``export``)."""

from __future__ import annotations

import csv
from pathlib import Path

from ..harness import Row, Run, interleaved, interleaved_peaks
from ..processes import submissions_server
from .clients import TOKEN

PAGE_SIZE = 100


def export(run: Run) -> list[Row]:
    """``studies.export(...).write(csv)`` vs a bare page loop writing the same CSV; time, peak memory, and a join."""
    from prolific import Prolific
    from prolific.studies import BASE_COLUMNS

    items, repeats, warmup = run.size.pick(50_000, 5_000, 250), run.size.pick(5, 3, 1), run.size.warmup(1)
    subject_file, base_file = run.tmp / "export.csv", run.tmp / "loop.csv"
    with submissions_server(items) as (url, study, _):
        client = Prolific(token=TOKEN, base_url=url)

        def subject() -> int:
            return client.studies.export(study, page_size=PAGE_SIZE).write(subject_file).rows

        def baseline() -> int:
            # The same CSV by hand: every page, the same columns; the study's cost says no bonus was paid.
            cost = client.studies.get_study_cost(study).to_dict()
            paid = cost["bonuses"]["rewards"]["amount"]
            count = 0
            with open(base_file, "w", encoding="utf-8", newline="") as handle:
                writer = csv.writer(handle, lineterminator="\n")
                writer.writerow(BASE_COLUMNS)
                for s in client.paginate(client.submissions.get_submissions, study=study, page_size=PAGE_SIZE):
                    done = s.completed_at
                    writer.writerow([
                        s.id, s.participant_id, str(s.status), s.started_at.isoformat(),
                        done.isoformat() if done else None,
                        int((done - s.started_at).total_seconds()) if done else None,
                        s.study_code, paid,
                    ])  # fmt: skip
                    count += 1
            return count

        if not subject() == baseline() == items or subject_file.read_bytes() != base_file.read_bytes():
            raise SystemExit("benchmark bug: the export and the page loop wrote different files")
        s, b = interleaved(subject, baseline, repeats=repeats, warmup=warmup)
        sm, bm = interleaved_peaks(subject, baseline, repeats=run.size.pick(3, 2, 1))

        # A researcher's file of as many rows: 90% of them the study's participants, 10% nobody's.
        participants = [line.split(",")[1] for line in subject_file.read_text().splitlines()[1:]]
        mine = run.tmp / "mine.csv"
        keep = items * 9 // 10
        with open(mine, "w", encoding="utf-8") as handle:
            handle.write("PROLIFIC_PID,score\n")
            handle.writelines(f"{pid},{n}\n" for n, pid in enumerate(participants[:keep]))
            handle.writelines(f"{n:024x},{n}\n" for n in range(items - keep))
        joined_file = run.tmp / "joined.csv"

        def joined() -> int:
            summary = client.studies.export(study, join=(mine, "PROLIFIC_PID")).write(joined_file)
            report = summary.join
            if report is None or (report.export_unmatched, report.file_unmatched) != (items - keep, items - keep):
                raise SystemExit(f"benchmark bug: the join reported {report}")
            return summary.rows

        sj, bj = interleaved(joined, baseline, repeats=run.size.pick(3, 2, 1), warmup=warmup)
        client.close()
        for path in (subject_file, base_file, mine, joined_file):
            Path(path).unlink(missing_ok=True)
    unmatched = items - keep
    return [
        Row(
            "export",
            f"`client.studies.export(study).write('results.csv')`: {items:,} submissions, {PAGE_SIZE}-item pages "
            "from FakeProlific over loopback, written as CSV (no bonus paid: the cost read once)",
            "a bare `client.paginate` loop writing the same CSV (byte for byte) after the same cost read",
            s, b, notes=f"{repeats} pairs; the server in a child process",
        ),
        Row(
            "export-memory",
            "peak traced memory of the same export",
            "peak traced memory of the same page loop",
            sm, bm, unit="B", notes="tracemalloc; one page in memory on both sides",
        ),
        Row(
            "export-join",
            f"the same export joined with a researcher's CSV of {items:,} rows ({unmatched:,} unmatched on each "
            "side, reported)",
            "the bare page loop (no join)",
            sj, bj, notes="the researcher's rows in a temporary SQLite file, looked up per submission",
        ),
    ]  # fmt: skip
