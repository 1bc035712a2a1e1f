"""Start-up in fresh interpreters: ``import prolific``, first use of the client, the CLI (group ``import``)."""

from __future__ import annotations

import sys
from collections.abc import Callable

from ..harness import Row, Run, interleaved
from ..processes import BIN, child_env, command


def startup(run: Run) -> list[Row]:
    """Fresh interpreters: ``import prolific`` and first uses vs ``import httpx``; the CLI vs a stdlib import."""
    repeats, warmup = run.size.pick(25, 10, 1), run.size.warmup(3)
    env = child_env(run.tmp)

    def python(code: str) -> Callable[[], None]:
        return command([sys.executable, "-c", code], env)

    def cli(*words: str) -> Callable[[], None]:
        return command([str(BIN / "prolific-client"), *words], env, quiet=True)

    import_httpx = python("import httpx")
    s, b = interleaved(python("import prolific"), import_httpx, repeats=repeats, warmup=warmup)
    s2, b2 = interleaved(python("import prolific; prolific.Prolific"), import_httpx, repeats=repeats, warmup=warmup)
    client = "import prolific; client = prolific.Prolific(token='t')"
    first_use = python(f"{client}; from prolific_api_client.api.studies import get_study")
    s3, b3 = interleaved(first_use, import_httpx, repeats=repeats, warmup=warmup)
    s4, b4 = interleaved(python(f"{client}; client.studies"), python(client), repeats=repeats, warmup=warmup)
    logins = run.tmp / "logins.csv"
    logins.write_text("".join(f"user{n},password-{n:04d}\n" for n in range(1, 101)), encoding="utf-8")
    stdlib = python("import argparse, json, csv")
    s5, b5 = interleaved(cli("--help"), stdlib, repeats=repeats, warmup=warmup)
    s6, b6 = interleaved(cli("credentials", "check", str(logins)), stdlib, repeats=repeats, warmup=warmup)
    notes = (
        f"{repeats} pairs; wall time of the whole process, interpreter start-up included; "
        "bytecode cached for both sides (PYTHONPYCACHEPREFIX in a temp dir)"
    )
    return [
        Row("import", '`python -c "import prolific"` (fresh process)', '`python -c "import httpx"`', s, b, notes=notes),
        Row(
            "import-client",
            '`python -c "import prolific; prolific.Prolific"` (first use loads the client and the generated package)',
            '`python -c "import httpx"`', s2, b2, notes=notes,
        ),
        Row(
            "first-use",
            "first use: `import prolific`, `Prolific(token=...)`, and a generated function of another tag "
            "(`from prolific_api_client.api.studies import get_study`)",
            '`python -c "import httpx"`', s3, b3, notes=notes,
        ),
        Row(
            "tag-first-use",
            "`client.studies` first used (loads that tag's operations and their success models only)",
            '`import prolific; Prolific(token=...)` in a fresh process', s4, b4, notes=notes,
        ),
        Row("cli-help", "`prolific-client --help` (loads no httpx, no client)", '`python -c "import argparse, json, csv"`',
            s5, b5, notes=notes),
        Row("cli-offline", "`prolific-client credentials check FILE` (100 lines; offline: loads no httpx)",
            '`python -c "import argparse, json, csv"`', s6, b6, notes=notes),
    ]  # fmt: skip
