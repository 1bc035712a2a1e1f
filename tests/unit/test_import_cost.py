"""What a first ``client.studies`` imports: the tag's operations, not the study workflows (issue 33).

``prolific.resources.studies`` and ``prolific.studies`` load the study file's reader and schema,
the watch and the export when a method (or a name) first needs them. Measured as the modules a
fresh process holds, never as a time (``benchmarks/``, row ``tag-first-use``, has the timing).
"""

from __future__ import annotations

import json
import subprocess
import sys

# One process answers every question (a fresh interpreter per case would cost a second each).
SCRIPT = """
import json, sys

def loaded(prefix):
    return sorted(m for m in sys.modules if m == prefix or m.startswith(prefix + "."))

seen = {}
import prolific
client = prolific.Prolific(token="t")
client.studies
seen["first_use"] = loaded("prolific.studies") + loaded("sqlite3") + loaded("yaml")
client.studies.watch("65a1b2c3d4e5f60718293a4b", interval=5)  # made, not started: nothing is sent
seen["after_watch"] = loaded("prolific.studies")
import prolific.studies as studies
seen["every_name"] = [name for name in studies.__all__ if getattr(studies, name, None) is None]
print(json.dumps(seen))
"""


def test_a_first_client_studies_loads_the_tag_not_the_workflows() -> None:
    done = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout)
    # The package and the two light modules whose values are the methods' defaults: nothing else.
    assert seen["first_use"] == ["prolific.studies", "prolific.studies._defaults", "prolific.studies._polling"]
    assert "prolific.studies._watch" in seen["after_watch"]  # loaded by the method that needs it
    assert "prolific.studies._check" not in seen["after_watch"]  # and only that
    assert seen["every_name"] == []  # every exported name still resolves
