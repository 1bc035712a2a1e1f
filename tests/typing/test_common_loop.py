"""The typed common-loop script (common_loop.py) runs: each step against one FakeProlific, in order.

test_user_types.py checks that mypy --strict finds nothing to say about the script; this checks that
what it says it does is what happens.
"""

from __future__ import annotations

import importlib.util
from decimal import Decimal
from pathlib import Path
from types import ModuleType

import httpx
import pytest

from prolific import Prolific
from prolific.testing import FakeProlific

TOKEN = "test-token-common-loop"


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("common_loop", Path(__file__).with_name("common_loop.py"))
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_common_loop_runs_against_the_fake(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    loop = _script()
    fake = FakeProlific(token=TOKEN)
    world = fake.seed_demo()
    with Prolific(TOKEN, http_client=httpx.Client(transport=fake.transport)) as client:
        study_id = loop.publish_study(client, world["project_id"], places=3)
        assert fake.studies[study_id]["status"] == "ACTIVE"
        assert fake.studies[study_id]["total_available_places"] == 3

        submissions = fake.add_submissions(study_id, 3, status="AWAITING REVIEW")
        participants, paid = loop.review_and_pay(client, study_id, tmp_path / "bonuses.sqlite3")
        assert len(participants) == len(submissions) == 3
        assert paid > Decimal("4.50")  # three bonuses of 1.50, plus Prolific's fees
        assert len(fake.bonus_payments) == 1

        members = loop.group_members(client, world["workspace_id"], participants)
        assert sorted(members) == sorted(participants)

        subscription_id, listed = loop.subscribe(client, world["workspace_id"], "https://example.org/hooks")
        assert subscription_id in listed
    out = capsys.readouterr().out
    assert f"{study_id}: ACTIVE, 3 places of 5 minutes" in out
    assert "Wave 1 (" in out and "): 3 members" in out
