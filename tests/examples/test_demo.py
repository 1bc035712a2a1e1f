"""``make demo``: the whole loop against ``fake-server``, and the README's first screen that points at it.

Its own file so that the test runner can give it a worker of its own (it is the longest example).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"


def test_make_demo_runs_the_whole_loop(tmp_path: Path) -> None:
    """``make demo`` (examples/demo.sh): a study from a file to bonuses paid once, against ``fake-server``.

    One run; every assertion reads what the demo printed (what happened, never how long it took).
    """
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PROLIFIC_URL", "PROLIFIC_TOKEN")}
    env.update(PROLIFIC_CLIENT=str(Path(sys.executable).parent / "prolific-client"), TMPDIR=str(tmp_path))
    result = subprocess.run(
        ["bash", str(EXAMPLES / "demo.sh")], env=env, capture_output=True, text=True, timeout=180, check=False
    )
    shown = result.stdout + result.stderr
    assert result.returncode == 0, shown
    assert "Traceback" not in shown and "(exit code" not in shown
    assert not list(tmp_path.iterdir())  # its folder ($WORK) is removed
    # The webhook secret (43 URL-safe base64 characters) is exported, never printed; ids are lower-case hex.
    assert not re.search(r"(?<![\w-])(?=[\w-]*[A-Z])[\w-]{40,}(?![\w-])", shown)
    study = re.search(r"^created draft study ([0-9a-f]{24}) ", shown, re.M)
    assert study, shown
    study_id = study.group(1)
    # The study file: checked, planned (cost, balance), applied once; the second apply changes nothing.
    assert "examples/pilot-study.yaml: 0 errors, 0 warnings (ok)" in shown
    # 4 places x 90p = £3.60, fees 33% £1.19, VAT 20% of them £0.24: the fake's calculate-study-cost rule.
    assert "cost: £5.03" in shown and "available balance: £10,000.00; after: £9,994.97" in shown
    assert "a credential pool of 12 credentials from examples/credentials.csv" in shown
    assert f"no change: study {study_id} matches examples/pilot-study.yaml" in shown
    assert "the study is ACTIVE" in shown
    # The watch: it saw the study empty, a return, and ended on its own once the study completed.
    watch = re.findall(r"^  watch \| \[[\d:]+\] (.*)$", shown, re.M)
    assert watch[0].startswith("ACTIVE | places 0 of 4 taken"), watch
    assert any("returned 1" in line and "median time 7.0 min" in line for line in watch), watch
    assert watch[-1].startswith("COMPLETED | places 4 of 4 taken | submissions approved 4, returned 1"), watch
    assert "had not ended" not in shown
    # The export: every submission, as the review left them.
    rows = [line.split(",") for line in shown.splitlines() if re.match(r"[0-9a-f]{24},[0-9a-f]{24},", line)]
    assert sorted(row[2] for row in rows) == ["APPROVED"] * 4 + ["RETURNED"]
    # Bonuses: paid by the first run, nothing by the second, one payment in Prolific's record.
    assert "paid 1 batch (GBP 2.79), 0 already paid before" in shown
    assert "already paid (journal)" in shown and "paid 0 batches (GBP 0.00), 1 already paid before" in shown
    assert "payments (1)" in shown
    # Webhooks: every status change Prolific recorded arrived verified and was printed once; a forgery is refused.
    changes = int(re.search(r"^Prolific's record: (\d+) status changes", shown, re.M).group(1))  # type: ignore[union-attr]
    events = [line for line in shown.splitlines() if line.startswith("listen | ")]
    assert len(events) == changes and len({line.rsplit("(event ", 1)[1] for line in events}) == changes
    assert f"listen | study.status.change {study_id} COMPLETED" in "\n".join(events)
    assert "forged POST -> 401" in shown and "refused (401): webhook refused" in shown
    # The last line sums it up.
    last = result.stdout.rstrip().splitlines()[-1]
    assert re.fullmatch(
        rf"Demo done in \d+ s, no account: study {study_id} from examples/pilot-study.yaml; 5 submissions exported "
        rf"\(4 approved, 1 returned\); bonuses GBP 2.79 paid once \(the second run paid 0 batches, GBP 0.00; "
        rf"Prolific recorded 1 payment\); {changes} of {changes} webhook events verified.",
        last,
    ), last


def test_the_readme_first_screen_shows_the_two_commands_a_fresh_clone_needs() -> None:
    """Issue 33: ``make demo`` (no account) and ``make test`` within the README's first 25 lines, in a code block."""
    first_screen = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()[:25]
    block = first_screen[first_screen.index("```bash") + 1 :]
    block = block[: block.index("```")]
    assert [line.split("#")[0].strip() for line in block] == ["make demo", "make test"]
    assert "no account needed" in block[0]
    assert "[Quickstart](#quickstart)" in "\n".join(first_screen)  # what to read next
